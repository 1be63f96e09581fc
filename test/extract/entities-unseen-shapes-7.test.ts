// Entity and role shapes of real news pages (seventh session): "then-President X", an owner before a
// time word, a first name that is also a state's adjective, an editor's bracket inside a name,
// transcript speaker labels, and a byline-like comma that is no dateline. Invented names and texts.
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { annotate } from "../../src/extract/annotate.ts";
import { annotateText, kindOf, roleLines } from "./annotate-helpers.ts";

const names = (a: ReturnType<typeof annotateText>, kind: string) => a.entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("posts held then or before", () => {
  it("reads 'then-President X' as a post and a person, at a sentence's start too", () => {
    const a = annotateText("The order was signed by then-President Carl Vemmer in 2019. Then-Prime Minister Kenna Dorrel agreed.");
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Carl Vemmer", "Kenna Dorrel"]));
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Carl Vemmer | then President | -", "Kenna Dorrel | then Prime Minister | -"]));
  });

  it("finds the owner before a time word: 'Ghana's then-Foreign Minister X', 'Nigeria's former Foreign Minister Y'", () => {
    const a = annotateText("The deal was backed by Ghana's then-Foreign Minister Edo Varrick. Nigeria's former Foreign Minister Lia Korrin spoke later.");
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Edo Varrick | then Foreign Minister | Ghana", "Lia Korrin | former Foreign Minister | Nigeria"]));
  });
});

describe("a first name that is also a state's adjective", () => {
  it("reads 'German Johnson' (a demonym that is a given name) as one person, not Germany and a surname", () => {
    const a = annotateText("The Treasury also listed Mikhail Torvin, German Johnson and Petr Valen, who founded the group.");
    expect(names(a, "person")).toContain("German Johnson");
    expect(names(a, "country")).not.toContain("Germany");
  });

  it("keeps the adjective before a post, a body or an English word", () => {
    const a = annotateText("German Chancellor Olaf Brenner met the German Bundestag. The German Shepherd was lost.");
    expect(kindOf(a, "Germany")).toBe("country");
    expect(names(a, "person")).not.toContain("German Chancellor Olaf Brenner");
    expect(roleLines(a)).toContain("Olaf Brenner | Chancellor | Germany");
  });
});

describe("an editor's bracket that completes a shortened name", () => {
  it("reads '[German Chancellor Angela] Merkel' as one person with the post", () => {
    const a = annotateText("\"I do not know whether this is what [Ukrainian President Petro] Varenko agreed with [German Chancellor Anna] Holtmer,\" the minister said.");
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Petro Varenko", "Anna Holtmer"]));
    expect(names(a, "person")).not.toContain("Petro");
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Petro Varenko | President | Ukraine", "Anna Holtmer | Chancellor | Germany"]));
  });

  it("leaves a bracket that is an aside alone ('asked them [the EU] whether')", () => {
    const a = annotateText("\"We asked them [the EU] whether it was their view,\" Deputy Minister Oleg Sarnov said.");
    expect(kindOf(a, "EU")).toBe("organisation");
  });
});

describe("labels and commas that are no dateline", () => {
  it("reads a transcript's speaker labels as no places", () => {
    const doc = ingestText("t.txt", "Retaliation follows sanctions\n\nToday the ministry imposed sanctions, as Radio Nord's Jon Ravik reports.\n\nJON RAVIK, BYLINE: The sanctions are the first under the new law.\n\nMARA LENDT: Would this look better later?\n\nRAVIK: That, she says, is possible.");
    const a = annotate(doc);
    expect(names(a, "place")).toEqual([]);
    expect(names(a, "person")).toContain("Jon Ravik");
  });

  it("keeps a dateline before a colon", () => {
    const a = annotate(ingestText("t.txt", "Talks end in the capital\n\nLISBON: The talks ended on Monday without a deal."));
    expect(kindOf(a, "Lisbon")).toBe("place");
  });

  it("reads an acronym after 'released by the X Department,' as the body it names, not a byline's place", () => {
    const a = annotateText("The ship carried goods for the Ministry of Defence Logistics (MODEL). According to the statement released by the Treasury Department, MODEL plays a key role.");
    expect(names(a, "place")).toEqual([]);
  });

  it("keeps 'By Jane Roe, LISBON' a byline's dateline", () => {
    const a = annotate(ingestText("t.txt", "Talks end in the capital\n\nBy Jane Roe, LISBON\n\nThe talks ended on Monday without a deal."));
    expect(kindOf(a, "Lisbon")).toBe("place");
  });
});

describe("a transcript's first speaker label in ingest", () => {
  it("is no dateline: 'JANE ROE, BYLINE:' opening the story", () => {
    const doc = ingestText("t.txt", "Retaliation follows sanctions\n\nToday the ministry imposed sanctions, as Radio Nord's Jon Ravik reports.\n\nJON RAVIK, BYLINE: The sanctions are the first under the new law.");
    expect(doc.dateline?.place).toBeUndefined();
  });
});

describe("names of legal acts", () => {
  it("reads 'Council Implementing Decision (CFSP) 2024/512', 'Council Regulation', 'Presidential Decree' as no bodies", () => {
    const a = annotateText("The Council adopted Council Implementing Decision (CFSP) 2024/512 on Monday. The measures are set out in Council Implementing Regulation (EU) 2024/511, in Council Decision 2014/145/CFSP and in a Presidential Decree.");
    expect(names(a, "organisation").filter((n) => /Decision|Regulation|Decree|^Council$|CFSP/.test(n))).toEqual([]);
  });

  it("keeps the body that a longer act's name opens with", () => {
    const a = annotateText("The listing follows Security Council Resolution 2231 and a European Commission Implementing Regulation.");
    expect(names(a, "organisation")).toContain("Security Council");
  });
});

describe("posts in lists and hyphenated posts", () => {
  it("reads 'Deputy Chief-of-Staff X' as a post before a person", () => {
    const a = annotateText("The Treasury named Deputy Chief-of-Staff Munir Adwan and Chief of Staff Kamal Zoreh.");
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Munir Adwan | Deputy Chief-of-Staff | -", "Kamal Zoreh | Chief of Staff | -"]));
    expect(kindOf(a, "Munir Adwan")).toBe("person");
  });

  it("gives every post of a list after one possessive owner that owner", () => {
    const a = annotateText("The United States targeted Russia's First Deputy Prime Minister Andrei Belov, Deputy Prime Minister Dmitri Charsk and Finance Minister Anton Silov.");
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Andrei Belov | First Deputy Prime Minister | Russia", "Dmitri Charsk | Deputy Prime Minister | Russia", "Anton Silov | Finance Minister | Russia"]));
  });

  it("does not carry an adjective's state over a list, and 'of Z' after a name wins over a carried owner", () => {
    const a = annotateText("Russian Foreign Minister Sergei Lavrik, UN Secretary-General Anton Guterr and Prime Minister Jana Kolar of Slovakia met. The meeting was attended by French President Emil Macrot, Chancellor Olaf Scholt and Prime Minister Lia Melon.");
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Jana Kolar | Prime Minister | Slovakia", "Olaf Scholt | Chancellor | -"]));
  });
});

describe("names that a relative or a body noun shows are no person's", () => {
  it("reads 'X, where Y is the president' as no person X", () => {
    const a = annotateText("Sanctions against Norvik Nickel, where Pavel Ostrin is the president, will not follow.");
    expect(names(a, "person")).toEqual(["Pavel Ostrin"]);
  });

  it("reads 'the X headquarters' as no person", () => {
    const a = annotateText("It also sanctioned the commander of the Guard's Khatam al-Anbiya headquarters, Major General Ali Rashko.");
    expect(names(a, "person")).toEqual(["Ali Rashko"]);
  });
});

describe("a body's name, then the person who serves it, in one run of capitals", () => {
  it("splits 'the head of the Security Department Alexander Roe' into the body and the person, with the post", () => {
    const a = annotateText("The list includes the deputy minister, the commander of the SOBR Alexander Vornik, the head of the Security Department Alexander Shelev, and the head of the Internal Affairs Directorate of the City Executive Committee Ivan Kubrin.");
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Alexander Vornik", "Alexander Shelev", "Ivan Kubrin"]));
    expect(names(a, "organisation")).toEqual(expect.arrayContaining(["SOBR", "Security Department", "Internal Affairs Directorate of the City Executive Committee"]));
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Alexander Vornik | commander | SOBR", "Alexander Shelev | head | Security Department", "Ivan Kubrin | head | Internal Affairs Directorate of the City Executive Committee"]));
  });

  it("gives no post to the name before a post whose body is followed by another name", () => {
    const a = annotateText("The list includes Khazal Atabek, the commander of the SOBR Alexander Vornik, and others.");
    expect(roleLines(a).filter((l) => l.startsWith("Khazal Atabek"))).toEqual([]);
  });

  it("keeps a list's line 'SURNAME Given Patronymic' one person", () => {
    const a = annotateText("1. KORVIN Alexander Ivanovich, Deputy Minister of Defence of Belarus.");
    expect(names(a, "person").some((n) => /Korvin|KORVIN/.test(n))).toBe(true);
    expect(names(a, "organisation")).not.toContain("KORVIN");
  });
});
