// Entity shapes of real published pages: buildings as places, a state's government as the state,
// bodies whose names go on past a comma list or an "in" phrase, outlets named by page furniture,
// and persons whose family name is also a town's. Invented names and texts throughout.
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/extract/annotate.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { annotateText, entityNamed, kindOf } from "./annotate-helpers.ts";

const names = (a: ReturnType<typeof annotateText>, kind: string) => a.entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("buildings and rooms", () => {
  it("makes a building or room where something happens a place, even one named after a person", () => {
    const a = annotateText("The president spoke in the Jane Hallam Press Briefing Room at the Grand House in Lisbon. He added in a statement from the Grand House that talks would go on. Reporters waited in the Oval Office.");
    expect(kindOf(a, "Jane Hallam Press Briefing Room")).toBe("place");
    expect(kindOf(a, "Grand House")).toBe("place");
    expect(kindOf(a, "Oval Office")).toBe("place");
    expect(names(a, "person")).not.toContain("Jane Hallam");
  });

  it("keeps a ministry named 'Office' and a seat of government that acts as organisations", () => {
    const a = annotateText("Officials in the Foreign Office agreed. Whoever is in the White House next year will decide, and aides split with the White House.");
    expect(kindOf(a, "Foreign Office")).toBe("organisation");
    expect(a.entities.filter((e) => e.name === "White House").map((e) => e.kind)).toEqual(["organisation"]);
  });
});

describe("a state's government", () => {
  it("is the state itself, by another name", () => {
    const a = annotateText("The Cuban Government and the Government of the Philippines disagreed, and the Government of Norway and TPLF signed.");
    expect(entityNamed(a, "Cuban Government")?.name).toBe("Cuba");
    expect(entityNamed(a, "Government of the Philippines")?.name).toBe("Philippines");
    expect(entityNamed(a, "Government of Norway")?.name).toBe("Norway");
    expect(a.entities.some((e) => /Government/.test(e.name))).toBe(false);
  });
});

describe("bodies whose names go on", () => {
  it("reads portfolios listed with commas in a body's 'for' phrase as one name", () => {
    const a = annotateText("Staff at the Ministry of Popular Power for Science, Technology, and Light Industries met. The Ministry of Defence, Norway and Sweden agreed.");
    expect(names(a, "organisation")).toContain("Ministry of Popular Power for Science, Technology, and Light Industries");
    expect(names(a, "organisation")).toContain("Ministry of Defence");
    expect(kindOf(a, "Norway")).toBe("country");
  });

  it("reads an 'in' phrase of plain words, or one that a bracketed acronym closes, as part of the name", () => {
    const a = annotateText("She sits on the Second Court of First Instance in Control Functions. The Regional Stabilization Mission in Mali (REMISMA) left. The Bank of Oslo in Bergen said so.");
    expect(names(a, "organisation")).toContain("Second Court of First Instance in Control Functions");
    expect(entityNamed(a, "REMISMA")?.name).toBe("Regional Stabilization Mission in Mali");
    expect(kindOf(a, "Bergen")).toBe("place");
    expect(names(a, "place")).not.toContain("Control Functions");
  });

  it("makes each name of a list that a plural body noun ends an organisation", () => {
    const a = annotateText("Officials from the Commerce, Defence, State, Energy, and Treasury departments met. The semi-official Nordpost and Vestlig news agencies reported it, as did the Kallby news agency.");
    for (const n of ["Commerce", "Defence", "State", "Energy", "Treasury", "Nordpost", "Vestlig", "Kallby"]) expect(kindOf(a, n), n).toBe("organisation");
  });

  it("joins a one-word body to its 'Department' and a singular name to its plural", () => {
    const a = annotateText("The Commerce Department listed firms; a spokesman for Commerce said more would follow. The Coastal Guard and the Coastal Guards agreed.");
    expect(entityNamed(a, "Commerce")?.name).toBe("Commerce Department");
    expect(a.entities.filter((e) => /Coastal Guard/.test(e.name))).toHaveLength(1);
  });

  it("reads an executive order as no person", () => {
    const a = annotateText("The agency acted under Executive Order (E.O.) 14000.");
    expect(a.entities.some((e) => e.kind === "person")).toBe(false);
  });

  it("knows a platform by its account or website, and a football club by FC", () => {
    const a = annotateText("With a message on his Chirper account, Ola Rask objected. According to Chirper's website, accounts may be suspended. Rik Aalto, the former owner of Riverside FC, said nothing.");
    expect(kindOf(a, "Chirper")).toBe("organisation");
    expect(kindOf(a, "Riverside FC")).toBe("organisation");
  });
});

describe("page furniture", () => {
  it("reads photo-credit agencies after a slash, a byline's 'Staff' outlet and a byline's dateline", () => {
    const a = annotate(ingestText("t.txt", "Ships leave port as regional tensions rise over trade\n\nBy Lena Moss, LISBON PORTUGAL\n\nOfficials met. Photograph: Jan Kolm/Nordfoto/Harbour Pool/EPX\n\nThe plant in a file photo. AGENCY/Mei Lan Chow/File Photo Purchase Licensing Rights. Yuri Kolt/POOL/TASS.\n"));
    const kinds = Object.fromEntries(a.entities.map((e) => [e.name, e.kind]));
    expect(kinds).toMatchObject({ Lisbon: "place", Portugal: "country", Nordfoto: "organisation", "Harbour Pool": "organisation", "Lena Moss": "person", "Mei Lan Chow": "person" });
    expect(Object.keys(kinds).some((n) => /POOL|File Photo|LISBON PORTUGAL/.test(n))).toBe(false);
    const b = annotate(ingestText("t.txt", "Ships leave port as regional tensions rise over trade\n\nNordpost Media Staff ,\n\nOfficials met.\n"));
    expect(b.entities.map((e) => `${e.kind}:${e.name}`)).toEqual(["organisation:Nordpost Media"]);
  });
});

describe("places and persons that share a name", () => {
  it("reads a named person's family name as the person, with or without accents", () => {
    const a = annotateText("Beijing sanctioned Mark Bolton and Rosa Cintra Frías. The measures on Bolton and on Cintra Frías take effect today; Rodriguez rejected them, said Ana Rodríguez.");
    expect(names(a, "place")).toEqual([]);
    expect(entityNamed(a, "Bolton")?.name).toBe("Mark Bolton");
    expect(entityNamed(a, "Cintra Frías")?.name).toBe("Rosa Cintra Frías");
    expect(entityNamed(a, "Rodriguez")?.name).toBe("Ana Rodríguez");
  });

  it("joins a signature with a trailing initial to the person", () => {
    const a = annotate(ingestText("t.txt", "Ships leave port as regional tensions rise over trade\n\nAna Ruiz wrote a post.\n\nWe stand firm. — Ana Ruiz P (@anaruiz) 3 January 2020\n"));
    expect(a.entities.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["Ana Ruiz"]);
  });

  it("makes unknown names listed with places, or before 'and other ... towns', places", () => {
    const a = annotateText("Votes were held in the oblasts of Kherson, Velmora and Luhansk. Shells hit Vessby and other frontline positions.");
    expect(kindOf(a, "Velmora")).toBe("place");
    expect(kindOf(a, "Vessby")).toBe("place");
  });
});

describe("leaders named by their office", () => {
  it("reads a known office holder's surname before 'administration' or 'inauguration' as the person, even in a headline", () => {
    const a = annotate(ingestText("t.txt", "Nixon administration sanctions Velmoria officials\n\nOfficials said the measures would hold, on Carter inauguration day.\n"));
    expect(a.entities.map((e) => `${e.kind}:${e.name}`).sort()).toEqual(["person:Carter", "person:Nixon"]);
  });
});
