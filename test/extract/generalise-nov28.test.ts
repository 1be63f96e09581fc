// Constructions found failing on invented articles (Latin America, Africa, Middle East, Europe):
// a post in apposition after the speaker's name, designations of singled-out targets, durations
// that are no reason, "it said" clauses after a target, time adverbs after a target, and a
// follow-up ("parallel measures") that precedes a new action in the same sentence.
// Every sentence is invented for the test.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { annotated, type EntitySpec } from "./quotes-helpers.ts";

const BERG: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg", "Berg"] };
const NORWAY: EntitySpec = { key: "nor", kind: "country", names: ["Norway", "Oslo"], demonyms: ["Norwegian"] };
const CHILE: EntitySpec = { key: "chl", kind: "country", names: ["Chile", "Santiago"], demonyms: ["Chilean"] };
const PERU: EntitySpec = { key: "per", kind: "country", names: ["Peru", "Lima"], demonyms: ["Peruvian"] };
const ICELAND: EntitySpec = { key: "isl", kind: "country", names: ["Iceland", "Reykjavik"], demonyms: ["Icelandic"] };
const OFFICE: EntitySpec = { key: "office", kind: "organisation", names: ["Maritime Office"] };
const ALL = [BERG, NORWAY, CHILE, PERU, ICELAND, OFFICE];

const sanctions = (text: string) =>
  extractSanctions(annotated(text, ALL)).map(({ imposers, targetText, reason }) => ({ imposers, targetText, reason }));

describe("quotes: a post in apposition after the name", () => {
  it("gives '“…,” X, the bloc's fisheries chief, wrote on X.' to the named person, not a body named before", () => {
    const q = extractQuotes(annotated(`Chile's Maritime Office announced new quotas on Monday.\n“We will not let the southern stocks collapse,” Anna Berg, the bloc's fisheries chief, wrote on X.`, ALL));
    expect(q.map((x) => x.speaker)).toEqual(["berg"]);
  });

  it("attributes a quote that closes its paragraph with a comma to 'X said' opening the next", () => {
    const q = extractQuotes(annotated(`Oslo closed its waters to the trawlers.\n\n“We will answer every illegal catch,”\n\nNorwegian fisheries spokeswoman Anna Berg said in a statement.`, ALL));
    expect(q.map((x) => [x.speaker, x.text])).toEqual([["berg", "We will answer every illegal catch"]]);
  });

  it("leaves a paragraph-final quote alone when the next paragraph does not attribute it", () => {
    const q = extractQuotes(annotated(`Oslo closed its waters to the trawlers.\n\n“We will answer every illegal catch,”\n\nAnna Berg visited the harbour in Reykjavik on Monday.`, ALL));
    expect(q).toEqual([]);
  });
});

describe("sanctions: generalised constructions", () => {
  it("reads 'designated a <place>-based broker' and 'designated the executives' as designations", () => {
    const [a] = sanctions(`Norway also designated a Lima-based fishing broker, officials said.`);
    expect(a).toMatchObject({ imposers: ["nor"], targetText: "a Lima-based fishing broker" });
    const [b] = sanctions(`Chile designated the trawler executives and three shell companies.`);
    expect(b).toMatchObject({ imposers: ["chl"], targetText: "the trawler executives and three shell companies" });
  });

  it("does not take a duration ('for another year') for a reason", () => {
    const [s] = sanctions(`Peru extended its sanctions against 30 Icelandic fishing captains for another year.`);
    expect(s).toMatchObject({ imposers: ["per"], targetText: "30 Icelandic fishing captains" });
    expect(s.reason).toBeUndefined();
  });

  it("ends a target before 'it said …' and before 'a day later'", () => {
    const [s] = sanctions(`Norway imposed travel bans on two traders it said financed the illegal catch.`);
    expect(s.targetText).toBe("two traders");
    const all = sanctions(`Norway imposed sanctions on four Icelandic trawler firms over illegal fishing.\nChile and Peru imposed matching sanctions on the same firms a day later.`);
    expect(all[1]).toMatchObject({ imposers: ["chl", "per"], targetText: "the same firms" });
  });

  it("reads 'Y face a travel ban after the bloc tightened its sanctions over Z' as one action with reason Z", () => {
    const all = sanctions(`Twelve Icelandic captains face a Norwegian travel ban after Oslo tightened its sanctions on Thursday over illegal fishing.`);
    expect(all).toEqual([{ imposers: ["nor"], targetText: "Twelve Icelandic captains", reason: "illegal fishing" }]);
  });

  it("repeats the earlier action for 'X announced parallel measures, and Y sanctioned Z'", () => {
    const all = sanctions(`Norway froze the assets of five Icelandic trawler captains over illegal fishing.\nChile announced parallel measures hours later, and Peru sanctioned three fish-meal firms based in Reykjavik.`);
    const chile = all.find((f) => f.imposers.includes("chl"));
    expect(chile?.targetText).toBe("five Icelandic trawler captains");
    expect(all.find((f) => f.imposers.includes("per"))?.targetText).toBe("three fish-meal firms based in Reykjavik");
  });
});

describe("roles: a body noun standing for the body named last", () => {
  it("gives 'the bloc's …' and 'the armed group's …' posts to the union or group named just before", async () => {
    const { annotateText, roleLines } = await import("./annotate-helpers.ts");
    const a = annotateText("The Andean Community agreed new fishing quotas on Tuesday. Maria Tellez, the bloc's fisheries commissioner, said the deal was fair.");
    expect(roleLines(a)).toContain("Maria Tellez | fisheries commissioner | Andean Community");
    const b = annotateText("The Sierra Liberation Front seized two towns overnight. The armed group's spokesman, Tomas Beltran, denied reports of looting.");
    expect(roleLines(b).some((l) => l.startsWith("Tomas Beltran | spokesman | Sierra Liberation Front"))).toBe(true);
  });

  it("leaves the post without an owner when no body of that kind was named", async () => {
    const { annotateText, roleLines } = await import("./annotate-helpers.ts");
    const a = annotateText("Chile and Peru agreed new fishing quotas on Tuesday. Maria Tellez, the bloc's fisheries commissioner, said the deal was fair.");
    expect(roleLines(a).filter((l) => l.startsWith("Maria Tellez"))).toEqual(["Maria Tellez | fisheries commissioner | -"]);
  });
});

describe("roles: the state of a national post the text leaves implicit", () => {
  it("takes the one state of the sentence or the one before, or the capital that is the scene", async () => {
    const { annotateText, roleLines } = await import("./annotate-helpers.ts");
    const a = annotateText("Chile's government answered within hours. Foreign Minister Ana Ruiz called the measures unlawful.");
    expect(roleLines(a)).toContain("Ana Ruiz | Foreign Minister | Chile");
    const b = annotateText("Peru rejected the ruling on Monday.\n\nInterior Minister Tomas Beltran told reporters in Lima that the border would stay open.");
    expect(roleLines(b)).toContain("Tomas Beltran | Interior Minister | Peru");
    const c = annotateText("Soldiers froze the country's accounts in Bolivia, a week after they detained President Ramiro Quispe.");
    expect(roleLines(c)).toContain("Ramiro Quispe | President | Bolivia");
  });

  it("gives no state when two fit, or when the holder may be abroad", async () => {
    const { annotateText, roleLines } = await import("./annotate-helpers.ts");
    const a = annotateText("Chile and Peru signed the pact. Foreign Minister Ana Ruiz called it historic.");
    expect(roleLines(a)).toContain("Ana Ruiz | Foreign Minister | -");
    const b = annotateText("Peru rejected the ruling on Monday.\n\nForeign Minister Ana Ruiz arrived in Lima for talks on the border.");
    expect(roleLines(b)).toContain("Ana Ruiz | Foreign Minister | -");
    const c = annotateText("Peru rejected the ruling on Monday.\n\nTomas Beltran, the party spokesman, said nothing.");
    expect(roleLines(c).filter((l) => l.includes("Peru"))).toEqual([]);
  });

  it("does not take a state merely named near the holder, which is usually what the holder acts on", async () => {
    const { annotateText, roleLines } = await import("./annotate-helpers.ts");
    const a = annotateText("The vote ended months of delay.\n\nPresident Ramiro Quispe signed off on Chile's membership of the pact on Thursday.");
    expect(roleLines(a)).toContain("Ramiro Quispe | President | -");
    const b = annotateText("The vote ended months of delay.\n\nChile's membership bill now goes to President Ramiro Quispe for approval.");
    expect(roleLines(b)).toContain("Ramiro Quispe | President | -");
  });
});

describe("organisations: a body that speaks through a spokesman or has shares", () => {
  it("reads 'a spokesman for X' and 'shares of X' as an organisation, even when X is someone's surname elsewhere in the world", async () => {
    const { annotateText, kindOf } = await import("./annotate-helpers.ts");
    const a = annotateText("A spokesman for Chevron declined to comment. Shares of Vantorex fell 4 percent in Oslo.");
    expect(kindOf(a, "Chevron")).toBe("organisation");
    expect(kindOf(a, "Vantorex")).toBe("organisation");
  });

  it("keeps a person whom the text names in full", async () => {
    const { annotateText, kindOf } = await import("./annotate-helpers.ts");
    const a = annotateText("Anna Berg resigned on Monday. A spokesman for Berg declined to comment.");
    expect(kindOf(a, "Anna Berg")).toBe("person");
    expect(kindOf(a, "Berg") ?? "person").toBe("person");
  });
});

describe("organisations: the agency in brackets after a dateline", () => {
  it("reads '(Agency Name)' after a dateline's place and date as an organisation, not the dateline's place", async () => {
    const { annotateText, kindOf } = await import("./annotate-helpers.ts");
    const a = annotateText("QUITO, Aug 9 (Andean Ledger) — Ecuador froze the assets of two mining firms on Friday.");
    expect(kindOf(a, "Andean Ledger")).toBe("organisation");
    expect(kindOf(a, "Quito")).toBe("place");
    const b = annotateText("NAIROBI, June 2 (Savanna Ledger) — Kenya closed its northern border on Friday.");
    expect(kindOf(b, "Savanna Ledger")).toBe("organisation");
  });
});

describe("places: 'the regional capital X'", () => {
  it("reads the name after 'the regional / provincial capital' as a place", async () => {
    const { annotateText, kindOf } = await import("./annotate-helpers.ts");
    const a = annotateText("Protests spread on Sunday to the provincial capital Tarvosk, where police detained dozens.");
    expect(kindOf(a, "Tarvosk")).toBe("place");
  });
});

describe("sanctions: a package or round of sanctions", () => {
  it("finds the verb before 'the bloc's tenth package of sanctions' and 'a new round of sanctions'", () => {
    const [a] = sanctions(`Iceland adopted the Andean Community's fourth package of sanctions against Peru.`);
    expect(a).toMatchObject({ imposers: ["isl"], targetText: "Peru" });
    const [b] = sanctions(`Norway announced a new round of sanctions on Chilean trawler owners over illegal fishing.`);
    expect(b).toMatchObject({ imposers: ["nor"], targetText: "Chilean trawler owners", reason: "illegal fishing" });
  });
});
