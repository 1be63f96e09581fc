// Sanctions written as measures (asset freezes, travel and entry bans, lists), imposers the mentions
// leave unnamed, and actions reported relative to another one. Every sentence is invented for the test.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import type { AnnotatedDocument } from "../../src/extract/annotate.ts";
import { annotated, type EntitySpec } from "./quotes-helpers.ts";

const NORWAY: EntitySpec = { key: "nor", kind: "country", names: ["Norway", "Oslo"], demonyms: ["Norwegian"] };
const CHILE: EntitySpec = { key: "chl", kind: "country", names: ["Chile", "Santiago"], demonyms: ["Chilean"] };
const PERU: EntitySpec = { key: "per", kind: "country", names: ["Peru", "Lima"], demonyms: ["Peruvian"] };
const ICELAND: EntitySpec = { key: "isl", kind: "country", names: ["Iceland", "Reykjavik"], demonyms: ["Icelandic"] };
const UNION: EntitySpec = { key: "au", kind: "organisation", names: ["African Union", "AU"] };
const FISHERIES: EntitySpec = { key: "fish", kind: "organisation", names: ["Fisheries Treasury Office"] };
const TRADE: EntitySpec = { key: "moc", kind: "organisation", names: ["Ministry of Trade"] };
const MARLIN: EntitySpec = { key: "mar", kind: "organisation", names: ["Condor Shipping"] };
const ALL = [NORWAY, CHILE, PERU, ICELAND, UNION, FISHERIES, TRADE, MARLIN];

const facts = (a: AnnotatedDocument) => extractSanctions(a).map(({ imposers, targetText, targets, reason, date }) => ({ imposers, targetText, targets, reason, date }));
const sanctions = (text: string, published?: string, specs = ALL) => facts(annotated(text, specs, published));
const about = `Sanctions are back on the agenda.\n`;

describe("measures that are sanctions", () => {
  it("reads asset freezes, travel bans and entry bans as sanctions nouns", () => {
    expect(sanctions(`Iceland announced asset freezes on nine Peruvian generals over the coup.`)[0]).toMatchObject({ imposers: ["isl"], targetText: "nine Peruvian generals", reason: "the coup" });
    expect(sanctions(`Norway imposed travel bans and asset freezes on four Chilean judges.`)).toHaveLength(1);
  });

  it("reads 'agreed to freeze the assets of Y', 'barred Y from entering' and 'said it would bar entry to Y'", () => {
    const text = about + [
      `Norwegian ministers agreed on Friday to freeze the assets of 30 Chilean officials, accusing them of rigging the vote.`,
      `Lima responded by barring 12 Icelandic MPs, diplomats and reporters from entering Peru.`,
      `The Chilean government said it would bar entry to a dozen Norwegian lawmakers.`,
    ].join("\n");
    const found = sanctions(text, "2023-05-08");
    expect(found.map((f) => f.imposers)).toEqual([["nor"], ["per"], ["chl"]]);
    expect(found[0]).toMatchObject({ targetText: "30 Chilean officials", reason: "rigging the vote", date: "2023-05-05" });
    expect(found[1].targetText).toBe("12 Icelandic MPs, diplomats and reporters");
    expect(found[2].targetText).toBe("a dozen Norwegian lawmakers");
  });

  it("does not read a threat to bar or a ban on pronouns as an action", () => {
    const text = about + [`Chile could bar entry to Norwegian trawler crews if the talks fail.`, `Norway placed two Chilean firms on a blacklist, barring them from entering its ports.`].join("\n");
    const found = sanctions(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "two Chilean firms" });
  });

  it("reads reimposed sanctions and blacklisting verbs", () => {
    expect(sanctions(`Norway reimposed sanctions on Chilean copper exports.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "Chilean copper exports" });
    expect(sanctions(`Iceland blacklisted 14 officials in Peru over the crackdown.`)[0]).toMatchObject({ imposers: ["isl"], targetText: "14 officials in Peru", reason: "the crackdown" });
  });

  it("reads 'X listed/designated Y' only right after a named actor", () => {
    const text = about + [`Iceland listed six of the same Chilean bankers on Tuesday.`, `Those listed include two former ministers.`, `Peru is listed as a partner.`].join("\n");
    const found = sanctions(text, "2023-05-10");
    expect(found).toEqual([{ imposers: ["isl"], targetText: "six of the same Chilean bankers", targets: ["chl"], reason: undefined, date: "2023-05-09" }]);
  });
});

describe("lists", () => {
  it("reads 'placed Y on a trade blacklist' and 'added Y to its list' in an article about sanctions", () => {
    expect(sanctions(about + `Chile has placed two Norwegian fish farms on a trade blacklist.`)[0]).toMatchObject({ imposers: ["chl"], targetText: "two Norwegian fish farms" });
    expect(sanctions(about + `Iceland added seven individuals to its list under the new export law.`)[0]).toMatchObject({ imposers: ["isl"], targetText: "seven individuals" });
    expect(sanctions(`Iceland added seven individuals to its list of speakers.`)).toEqual([]);
  });

  it("ignores an addition that would have been made", () => {
    expect(sanctions(`The draft would have banned Chilean imports and added nine Peruvian officials to the AU sanctions list.`)).toEqual([]);
  });

  it("takes the names of a later report of the same list addition, and the ministry's state", () => {
    const text = about + [`Chile has placed two Icelandic shipping firms on a trade blacklist.`, `Chile's Ministry of Trade said it had added Condor Shipping and another carrier to its "unreliable partners list".`].join("\n");
    const found = sanctions(text);
    expect(found).toHaveLength(1);
    expect(found[0].targetText).toBe("Condor Shipping and another carrier");
    expect(found[0].imposers.sort()).toEqual(["chl", "moc"]);
  });
});

describe("imposers the mentions leave unnamed", () => {
  it("reads 'the government' as the state named last that is not hit", () => {
    expect(sanctions(`Chile banned Norwegian salmon, days after the federal government imposed sanctions on Chilean fishing firms.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "Chilean fishing firms" });
  });

  it("reads 'West African leaders' as the bloc the article names", () => {
    const a = annotated(`Southern African leaders have imposed sanctions on Peru over the coup.\nThe African Union announced the measures after a summit.`, ALL);
    a.entities.find((e) => e.key === "au")!.orgType = "international";
    expect(facts(a)[0]).toMatchObject({ imposers: ["au"], targetText: "Peru" });
  });

  it("reads a bare 'Treasury' as the body of that name and 'the ministry' as the state of the ministry named before", () => {
    const text = about + [`The Fisheries Treasury Office opened an inquiry.`, `Treasury also sanctioned two Chilean shipowners.`, `Peru's foreign ministry protested.`, `Later, state media said the ministry had placed five Norwegian officials on a sanctions list.`].join("\n");
    const found = sanctions(text);
    expect(found.map((f) => f.imposers)).toEqual([["fish"], ["per"]]);
  });

  it("reads a minister with no state named for the post as the article's own state", () => {
    const a = annotated(`Peru sanctioned Chile last year. Peru and Chile have argued since. Peru wants talks.\nOn Monday, Trade Minister Ana Rojas announced targeted sanctions and travel bans on three Icelandic trawler owners.`, [...ALL, { key: "p1", kind: "person", names: ["Ana Rojas"] }], "2023-05-10");
    a.roles.push({ holder: "p1", title: "Trade Minister", evidence: { start: 0, end: 1 }, confidence: 1 });
    const found = facts(a);
    expect(found[1]).toMatchObject({ imposers: ["per"], targetText: "three Icelandic trawler owners", date: "2023-05-08" });
  });
});

describe("actions told relative to another", () => {
  it("reads 'in coordination with A and B, which announced matching sanctions' as A and B's action on the same target", () => {
    const text = `Iceland imposed sanctions on four Peruvian generals over the coup.\nThe measures were taken in coordination with Norway and Chile, which announced matching sanctions overnight.`;
    const found = sanctions(text);
    expect(found.map((f) => f.imposers)).toEqual([["isl"], ["nor", "chl"]]);
    expect(found[1].targetText).toBe("four Peruvian generals");
  });

  it("reads 'the sanctions it imposed on Y' with its pronoun subject", () => {
    const found = sanctions(`Trade recovered after Oslo lifted the informal sanctions it imposed on Chilean wine and copper during the dispute.`);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "Chilean wine and copper" });
  });

  it("reads 'first imposed sanctions on Y after Z, and expanded them after W' as two actions", () => {
    const found = sanctions(`Norway first imposed sanctions on Peru in 2015 after a disputed vote, and expanded them after Lima expelled its diplomats in 2018.`);
    expect(found.map((f) => f.reason)).toEqual(["a disputed vote", "Lima expelled its diplomats in 2018"]);
    expect(found.every((f) => f.targetText === "Peru" && f.imposers[0] === "nor")).toBe(true);
  });

  it("gives the sanctions' details and an earlier action without agent to the imposer reported before", () => {
    const text = [
      `The African Union imposed sanctions on Peru over the coup.`,
      `The sanctions include a ban on arms sales to Peru, and travel bans on members of the ruling council and their relatives.`,
      `An analyst said the sanctions imposed on Chile in 2019 had failed.`,
    ].join("\n");
    const found = sanctions(text);
    expect(found.map((f) => [f.imposers, f.targetText])).toEqual([
      [["au"], "Peru"],
      [["au"], "members of the ruling council and their relatives"],
      [["au"], "Chile"],
    ]);
  });

  it("reads 'Under the sanctions, A and B will freeze the assets of Y' as details of the action just reported", () => {
    const text = `Norway and Chile agreed Sunday to impose coordinated sanctions on Peruvian smugglers accused of trafficking timber.\nUnder the sanctions, Norway and Chile will each freeze the assets of 12 Peruvian individuals and two firms.`;
    const found = sanctions(text, "2023-05-09");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor", "chl"], targetText: "Peruvian smugglers", reason: "trafficking timber", date: "2023-05-07" });
  });

  it("reads who created a sanctions regime, and why", () => {
    const found = sanctions(`The draft on Chile would have added names to the sanctions regime, which the African Union first created in 2012 in response to the Peruvian border war.`);
    expect(found[0]).toMatchObject({ imposers: ["au"], reason: "the Peruvian border war" });
  });
});

describe("reasons and dates", () => {
  it("takes 'citing' and 'accusing them of' as reason markers, and 'hours after' as no reason", () => {
    expect(sanctions(`Chile imposed sanctions on six Peruvian judges, citing the death of a journalist.`)[0].reason).toBe("the death of a journalist");
    expect(sanctions(`Chile blacklisted two Peruvian firms hours after the vote.`)[0].reason).toBeUndefined();
  });

  it("dates a coordinated action from its fronted day ('On Friday, A, B and C announced …')", () => {
    expect(sanctions(`On Friday, Oslo, Santiago and Lima jointly announced sanctions on Icelandic whalers.`, "2023-05-10")[0]).toMatchObject({ imposers: ["nor", "chl", "per"], date: "2023-05-05" });
  });
});

describe("measure words that report no action", () => {
  it("finds nothing in designations of places, lists of concerns, plans, threats and talk about measures", () => {
    const text = about + [
      `Norway designated the northern fjord a protected area.`,
      `Chile listed its concerns about the treaty.`,
      `Peru plans to freeze the assets of Chilean shipowners.`,
      `Iceland threatened to bar Norwegian trawlers from entering its waters.`,
      `Asset freezes and travel bans are blunt tools, an analyst said.`,
      `Peru's shares are listed on the Lima exchange.`,
      `Those designated were barred from travelling.`,
    ].join("\n");
    expect(sanctions(text)).toEqual([]);
  });
});

describe("pronoun imposers", () => {
  it("reads 'Peru's foreign ministry said it would bar entry to Y' as Peru's action, not an earlier state's", () => {
    const text = about + `Norway criticised the vote.\nPeru's foreign ministry said it would bar entry to Chilean diplomats.`;
    expect(sanctions(text)[0]).toMatchObject({ imposers: ["per"], targetText: "Chilean diplomats" });
  });
});

describe("dates of actions by unnamed imposers", () => {
  it("dates 'Southern leaders on Sunday blacklisted Y' from the sentence", () => {
    const a = annotated(`Southern African leaders on Sunday blacklisted 15 Peruvian smugglers.\nThe African Union announced the listings after a summit.`, ALL, "2023-05-10");
    a.entities.find((e) => e.key === "au")!.orgType = "international";
    expect(facts(a)[0]).toMatchObject({ imposers: ["au"], date: "2023-05-07" });
  });
});

describe("more measures and list additions", () => {
  it("reads restrictive measures, visa restrictions and import bans", () => {
    expect(sanctions(`The African Union adopted restrictive measures against three Peruvian ministers.`)[0]).toMatchObject({ imposers: ["au"], targetText: "three Peruvian ministers" });
    expect(sanctions(`Norway imposed visa restrictions on 40 Chilean officials over the vote.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "40 Chilean officials", reason: "the vote" });
    expect(sanctions(`Chile announced an import ban on Peruvian timber.`)[0]).toMatchObject({ imposers: ["chl"], targetText: "Peruvian timber" });
  });

  it("reads 'X froze Y's assets', 'X targeted Y with sanctions' and 'Y was added to the list by X'", () => {
    expect(sanctions(about + `Iceland froze the Peruvian central bank's assets on Friday.`, "2023-05-10")[0]).toMatchObject({ imposers: ["isl"], targetText: "the Peruvian central bank", date: "2023-05-05" });
    expect(sanctions(`Norway targeted four Chilean shipping firms with new sanctions over illegal fishing.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "four Chilean shipping firms", reason: "illegal fishing" });
    expect(sanctions(about + `Condor Shipping was added to the trade list by Chile on Monday.`)[0]).toMatchObject({ imposers: ["chl"], targetText: "Condor Shipping" });
  });

  it("reads 'X designated Y' with a named body as object, but not 'designated Y as Z'", () => {
    expect(sanctions(about + `Norway designated Condor Shipping for carrying Peruvian arms.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "Condor Shipping", reason: "carrying Peruvian arms" });
    expect(sanctions(about + `Norway designated Condor Shipping as a partner for the new port.`)).toEqual([]);
  });
});

describe("lists that are no sanctions lists", () => {
  it("finds nothing in 'added Y to the list of grievances' or a heritage list", () => {
    const text = about + [`Norway added fishing quotas to the list of grievances.`, `The African Union added the old port of Lima to the heritage list.`].join("\n");
    expect(sanctions(text)).toEqual([]);
  });
});

describe("phrase ends", () => {
  it("ends a target before 'earlier this month'", () => {
    expect(sanctions(`Norway imposed its own sanctions on more than 300 Chilean targets earlier this month.`)[0].targetText).toBe("more than 300 Chilean targets");
  });
});

describe("countermeasures", () => {
  it("reads 'announced countermeasures against Y' but not a promise of countermeasures", () => {
    expect(sanctions(`In response, Santiago announced countermeasures against two Norwegian arms makers.`)[0]).toMatchObject({ imposers: ["chl"], targetText: "two Norwegian arms makers" });
    expect(sanctions(`Lima said it would take retaliatory measures.`)).toEqual([]);
  });
});

describe("reported decisions with a condition", () => {
  it("reads 'said it would bar entry to Y if Z' as no action", () => {
    expect(sanctions(about + `Chile said it would bar entry to Norwegian officials if the vote went ahead.`)).toEqual([]);
  });
});

describe("perfect tense and start dates", () => {
  it("reads 'has frozen the assets of Y' and ends a target before 'from next month'", () => {
    expect(sanctions(about + `Norway has frozen the assets of Condor Shipping.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "Condor Shipping" });
    expect(sanctions(`Chile will impose sanctions on Peruvian steel from next month.`)[0].targetText).toBe("Peruvian steel");
  });
});
