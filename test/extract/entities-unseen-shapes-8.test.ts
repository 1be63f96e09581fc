// Entity shapes of real news pages (eighth session): a capital named after its state, syndicated
// datelines and their credits, firms named with "&" or by their base, platforms, names defined by
// their acronym, "X Republic", peoples named by their region, long bodies' names with "of the".
// Invented names and texts throughout.
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { parseDateline } from "../../src/ingest/dateline.ts";
import { annotate } from "../../src/extract/annotate.ts";
import { annotateText, kindOf } from "./annotate-helpers.ts";

const names = (a: ReturnType<typeof annotateText>, kind: string) => a.entities.filter((e) => e.kind === kind).map((e) => e.name);
const page = (text: string) => annotate(ingestText("t.txt", text));

describe("a capital named after its state", () => {
  it("reads 'Norland's capital X' and 'the Malian capital X' as the city, not the state's government", () => {
    const a = annotateText("Crowds in Niger's capital Niamey burned flags on Friday. Later the Malian capital Bamako was quiet.");
    expect(names(a, "place")).toEqual(expect.arrayContaining(["Niamey", "Bamako"]));
    expect(kindOf(a, "Niger")).toBe("country");
  });

  it("keeps a capital with no such owner before it as the state's voice", () => {
    const a = annotateText("Niamey rejected the demands on Friday.");
    expect(names(a, "place")).not.toContain("Niamey");
  });
});

describe("syndicated datelines and their credits", () => {
  it("reads a syndicator's bracket before the dateline, and the agencies in it as bodies, not places", () => {
    const a = page("Seven hurt in overnight attacks\n\n(FEEDNET- NORPRESS) Kyiv, May 21 (NORPRESS/VESTA) At least seven people were injured overnight, the governor said.");
    expect(names(a, "place")).toEqual(["Kyiv"]);
    expect(names(a, "organisation")).toEqual(expect.arrayContaining(["FEEDNET", "NORPRESS"]));
  });

  it("reads 'City/dd.mm.yy/Agency:' as a dateline whose agency is no person", () => {
    expect(parseDateline("Baku/08.09.23/Varta: The talks ended.", 0, 40)).toMatchObject({ place: "Baku", credit: "Varta" });
    const a = page("Diplomats were briefed on the situation in the region\n\nBaku/08.09.23/Varta: Talks ended without a deal, the minister said on Friday.");
    expect(names(a, "place")).toContain("Baku");
    expect(names(a, "person")).not.toContain("Varta");
    expect(kindOf(a, "Varta")).toBe("organisation");
  });

  it("reads '(Agencies)' after a dateline's place as no agency's name", () => {
    const a = page("Seven firms listed over arms sales\n\nBeijing (Agencies): China’s Ministry of Commerce announced on Tuesday that seven companies had been added to its list.");
    expect(names(a, "place")).toContain("Beijing");
    expect(kindOf(a, "Agencies")).toBeUndefined();
  });

  it("keeps a dateline's credit of two words ('(Meridian Wire)')", () => {
    const a = page("Sanctions announced\n\nBEIJING, Aug 10 (Nordic Wire) - China said on Monday it would impose sanctions.");
    expect(kindOf(a, "Nordic Wire")).toBe("organisation");
  });
});

describe("firms named with an ampersand, by their base or by what they are among", () => {
  it("keeps 'Dorrel & Finch' and 'Harbour Studies & Design' one firm's name each", () => {
    const a = annotateText("The listed companies include Dorrel & Finch, Harbour Studies & Design and Axent.");
    expect(names(a, "organisation")).toEqual(expect.arrayContaining(["Dorrel & Finch", "Harbour Studies & Design"]));
    expect(names(a, "person")).toEqual([]);
  });

  it("reads 'Texas-based Verrol' and 'Verrol and other energy companies' as a firm, wherever it later speaks", () => {
    const a = annotateText("Texas-based Verrol is the largest company to hold a licence. The licences allow Verrol and other energy companies to operate. “We comply with the law,” Verrol said.");
    expect(kindOf(a, "Verrol")).toBe("organisation");
    expect(names(a, "place")).toContain("Texas");
  });

  it("reads a campaign group that speaks later as the group, not a person", () => {
    const a = annotateText("A report by campaign group FairWater International said the banks were weak. “The junta relies on them,” FairWater International said.");
    expect(kindOf(a, "FairWater International")).toBe("organisation");
  });

  it("reads the platform a messaging app or social network is as a body", () => {
    const a = annotateText("The mayor later said on the messaging app Chirper that the fire was out.");
    expect(kindOf(a, "Chirper")).toBe("organisation");
  });

  it("reads 'the X coalition' as a body", () => {
    const a = annotateText("He represented the Unitary Lantern coalition in the July election.");
    expect(kindOf(a, "Unitary Lantern")).toBe("organisation");
  });
});

describe("names a body's acronym defines, states and peoples", () => {
  it("reads a name with its acronym in brackets as a body, even after 'at'", () => {
    const a = annotateText("This includes Olan Reeve, head of sales at Norland Today (NT) state media holding.");
    expect(kindOf(a, "Norland Today")).toBe("organisation");
    expect(names(a, "place")).toEqual([]);
  });

  it("reads 'Niger Republic' as the state", () => {
    const a = annotateText("Democracy must be restored in Niger Republic, the president said.");
    expect(kindOf(a, "Niger Republic")).toBe("country");
    expect(names(a, "place")).toEqual([]);
  });

  it("reads 'Karabakh Armenians' as a people, not a person", () => {
    const a = annotateText("Every day, dozens of Karabakh Armenians pass the checkpoint.");
    expect(names(a, "person")).toEqual([]);
  });
});

describe("long names of bodies", () => {
  it("keeps 'of the' and a state's name, or plain words, inside a body's name", () => {
    const a = annotateText("The Ministry of Foreign Affairs of the Norlandic Federation said so. Soldiers rule through the National Council for the Protection of the Homeland (CNSP).");
    expect(names(a, "organisation")).toContain("National Council for the Protection of the Homeland");
    expect(entityNames(a, "National Council for the Protection of the Homeland")).toContain("CNSP");
    const b = annotateText("The Ministry of Foreign Affairs of the Russian Federation said the talks were useful.");
    expect(names(b, "organisation")).toContain("Ministry of Foreign Affairs of the Russian Federation");
  });

  it("starts a body's name after 'Fighters of the' opening a caption", () => {
    const a = page("Rebels advance on the city\n\nFighters of the Vardan Liberation Movement, a rebel group active in the region.\n\nThe group said it would fight on.");
    expect(names(a, "organisation")).toEqual(["Vardan Liberation Movement"]);
  });

  it("reads a bare 'the Treasury' before 'the Treasury Department' as that department", () => {
    const a = annotateText("Together, the Treasury and State Department targeted 39 people. “We will act,” the Treasury Department said.");
    expect(names(a, "organisation")).not.toContain("Treasury");
    const treasury = a.entities.find((e) => e.name === "Treasury Department")!;
    expect(a.mentions.filter((m) => m.entity === treasury.key).map((m) => m.surface)).toEqual(["Treasury", "Treasury Department"]);
  });
});

function entityNames(a: ReturnType<typeof annotateText>, name: string): string[] {
  return a.entities.find((e) => e.name === name)?.names ?? [];
}

describe("posts, acronyms and credits of real pages", () => {
  it("ends a post's portfolio where a name no dictionary has begins ('Secretary of Foreign Affairs Perfecta R. Varsay, Jr.')", () => {
    const a = annotateText("Secretary of Foreign Affairs Perfecta R. Varsay, Jr. is in Kelmore. It was said by the representative of the Head of Norland for Special Assignments Elchin Amirbov.");
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Perfecta R. Varsay, Jr.", "Elchin Amirbov"]));
  });

  it("reads a person whose family name is a people's word when a post follows, and 'MoFA' as a body", () => {
    const a = annotateText("Following the meeting, Samira Nadia Baloch, spokesperson of Pakistan MoFA tweeted, \"We met today.\"");
    expect(names(a, "person")).toEqual(["Samira Nadia Baloch"]);
    expect(kindOf(a, "MoFA")).toBe("organisation");
  });

  it("reads 'MFA' as the one foreign ministry the text names", () => {
    const a = annotateText("The talks failed, the Norwegian Foreign Ministry said, citing the Norwegian MFA. The MFA reported that the talks failed.");
    expect(entityNames(a, "Norwegian Foreign Ministry")).toContain("MFA");
  });

  it("reads a corridor, a road or a checkpoint named by a place, and roads from a place, as places", () => {
    const a = annotateText("The Varna corridor is used by aid workers. Residents pass the Kelmore checkpoint daily, and use roads from Ostrel. The Dravik road map was agreed.");
    expect(names(a, "place")).toEqual(expect.arrayContaining(["Varna", "Kelmore", "Ostrel"]));
    expect(names(a, "place")).not.toContain("Dravik");
  });

  it("reads a wire photo's credit line: the agency before 'Photo/', the photographer after it", () => {
    const a = page("Opposition calls for cuts\n\nThe leader addresses loyalists in the capital.\nNP Photo/Ariana Cubellos, File\n\nThe opposition said on Monday it wanted cuts.");
    expect(names(a, "person")).toEqual(["Ariana Cubellos"]);
    expect(kindOf(a, "NP")).toBe("organisation");
  });
});
