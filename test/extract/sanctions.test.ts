import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, CHILE, ICELAND, NORWAY, PERU, UNION, annotated, type EntitySpec } from "./quotes-helpers.ts";


const sanctions = (text: string, published?: string, specs = ALL) =>
  extractSanctions(annotated(text, specs, published)).map(({ imposers, targetText, targets, reason, date }) => ({ imposers, targetText, targets, reason, date }));

describe("sanctions actions", () => {
  it("reads imposer, target, reason and date of 'X imposed sanctions on Y over Z on Monday'", () => {
    const [s, ...rest] = sanctions(`Norway on Monday imposed sanctions on three Chilean shipping firms over illegal fishing near the coast.`, "2022-06-08");
    expect(rest).toEqual([]);
    expect(s).toEqual({ imposers: ["nor"], targetText: "three Chilean shipping firms", targets: ["chl"], reason: "illegal fishing near the coast", date: "2022-06-06" });
  });

  it("keeps every imposer of coordinated sanctions", () => {
    const [s] = sanctions(`Norway, Chile and Peru announced coordinated sanctions against two Icelandic banks in response to the collapse of a joint fund.`);
    expect(s.imposers).toEqual(["nor", "chl", "per"]);
    expect(s.targetText).toBe("two Icelandic banks");
    expect(s.reason).toBe("the collapse of a joint fund");
  });

  it("reads retaliation by sanctioning", () => {
    const [s] = sanctions(`Santiago retaliated by sanctioning eight Norwegian officials and two agencies.`);
    expect(s.imposers).toEqual(["chl"]);
    expect(s.targetText).toBe("eight Norwegian officials and two agencies");
    expect(s.targets).toEqual(["nor"]);
  });

  it("reads passive sanctions with an agent after the target", () => {
    const [s] = sanctions(`The mining sector has struggled since sanctions were imposed on Peru by the African Union for the coup.`);
    expect(s).toMatchObject({ imposers: ["au"], targetText: "Peru", targets: ["per"], reason: "the coup" });
  });

  it("reads 'X said it was tightening sanctions on Y in response to Z'", () => {
    const [s] = sanctions(`The African Union said it was tightening sanctions on arms sales to Peru in response to the crackdown on protesters.`);
    expect(s).toMatchObject({ imposers: ["au"], targetText: "arms sales to Peru", reason: "the crackdown on protesters" });
  });

  it("adds a second action for a similar announcement by others, with the same target", () => {
    const found = sanctions(`Iceland announced sanctions on four Peruvian generals over the coup, which was followed by a similar announcement from Norway and Chile.`);
    expect(found.map((s) => s.imposers)).toEqual([["isl"], ["nor", "chl"]]);
    expect(found[1].targetText).toBe("four Peruvian generals");
    expect(found[1].reason).toBe("the coup");
  });

  it("takes 'the West' as the imposer when no state is named", () => {
    const text = `Peru has moved closer to Iceland since sanctions were imposed by the West after the seizure of the port in 2015.`;
    const a = annotated(text, ALL);
    const [s] = extractSanctions(a);
    expect(a.entities.find((e) => e.key === s.imposers[0])?.name).toBe("the West");
    expect(s.reason).toBe("the seizure of the port in 2015");
    expect(s.targets).toEqual(["per"]);
  });

  it("resolves a pronoun target to the states named before", () => {
    const [s] = sanctions(`Chile and Peru rejected the sanctions imposed on them by Norway.`);
    expect(s.imposers).toEqual(["nor"]);
    expect(s.targets.sort()).toEqual(["chl", "per"]);
  });

  it("reads an owner's sanctions: 'criticised X for its sanctions on Y'", () => {
    const [s] = sanctions(`Lima criticised Oslo for its unilateral sanctions on Chile.`);
    expect(s).toMatchObject({ imposers: ["nor"], targetText: "Chile" });
  });
});

describe("more ways of reporting an action", () => {
  it("reads additions to a sanctions list", () => {
    const [s] = sanctions(`Chile on Thursday added two Peruvian ministers to its sanctions list.`, "2022-06-08");
    expect(s).toMatchObject({ imposers: ["chl"], targetText: "two Peruvian ministers", date: "2022-06-02" });
  });

  it("reads counter-sanctions and a perfect-tense verb", () => {
    expect(sanctions(`Lima responded with counter-sanctions on Icelandic trawlers.`)[0]).toMatchObject({ imposers: ["per"], targetText: "Icelandic trawlers" });
    expect(sanctions(`Oslo has already sanctioned the Peruvian defence minister.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "the Peruvian defence minister" });
  });

  it("reads a package of sanctions and a later participle with its agent and target", () => {
    expect(sanctions(`The African Union agreed a fourth package of sanctions on Peru in March.`)[0]).toMatchObject({ imposers: ["au"], targetText: "Peru" });
    expect(sanctions(`New sanctions, announced by Norway on Monday, target Chilean fishing fleets.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "Chilean fishing fleets" });
  });
});

describe("passive and nominal reports", () => {
  it("reads 'Y was hit with sanctions by X' and 'X sanctions against Y have …'", () => {
    expect(sanctions(`Two Peruvian airlines were hit with fresh sanctions by Chile.`)[0]).toMatchObject({ imposers: ["chl"], targetText: "Two Peruvian airlines" });
    expect(sanctions(`Norway's sanctions against Icelandic whalers have stayed in force.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "Icelandic whalers" });
  });
});

describe("owners, agents and phrase ends", () => {
  it("reads 'Y faces sanctions from X' and keeps a verb out of the owner and the target", () => {
    expect(sanctions(`Peru faces new sanctions from the African Union over the coup.`)[0]).toMatchObject({ imposers: ["au"], targetText: "Peru", reason: "the coup" });
    expect(sanctions(`Norway's new sanctions on Chilean salmon took effect.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "Chilean salmon" });
  });

  it("takes the joiner, not the joined, as imposer", () => {
    expect(sanctions(`Iceland joined Norway in imposing sanctions on Peruvian ministers.`)[0].imposers).toEqual(["isl"]);
  });
});

describe("talk about sanctions that is not an action", () => {
  it("finds nothing in opinions, threats and generic statements", () => {
    const text = [
      `Peru said unilateral sanctions were illegal under international law.`,
      `Norway could impose sanctions on Chile if the talks fail.`,
      `The law allows the government to sanction anyone it sees as a threat.`,
      `Chile hit out against Western sanctions tied to fishing disputes.`,
      `Iceland wants to reduce the risk of sanctions.`,
      `The sanctioned Chilean banker left Oslo.`,
      `Peru responded to the sanctions by recalling its ambassador.`,
    ].join("\n");
    expect(sanctions(text)).toEqual([]);
  });

  it("ignores sanctions inside quotations", () => {
    expect(sanctions(`“Norway imposed sanctions on Chile over nothing,” the envoy said.`)).toEqual([]);
  });

  it("does not repeat an action mentioned again later", () => {
    const found = sanctions(`Norway imposed sanctions on Chilean officials over the election.\nThe Norwegian sanctions imposed on Chile are the first in a decade.`);
    expect(found).toHaveLength(1);
  });
});

describe("dates of actions", () => {
  it("gives no date when the text says only 'last week' or when the article's date is unknown", () => {
    expect(sanctions(`Norway last week imposed sanctions on Chile over the dispute.`, "2022-06-08")[0].date).toBeUndefined();
    expect(sanctions(`Norway on Monday imposed sanctions on Chile over the dispute.`)[0].date).toBeUndefined();
  });

  it("resolves a month and day against the article's year", () => {
    expect(sanctions(`On March 3, Iceland imposed sanctions on Peru over the election.`, "2022-06-08")[0].date).toBe("2022-03-03");
  });

  it("takes the day the next sentence gives the action by a definite reference, and only then", () => {
    // 2022-06-08 is a Wednesday
    const text = (next: string) => `Norway has imposed sanctions on Chile over the dispute. ${next}`;
    expect(sanctions(text(`The Norwegian government announced the measures after a cabinet meeting on Sunday.`), "2022-06-08")[0].date).toBe("2022-06-05");
    expect(sanctions(text(`The measures were announced on Monday.`), "2022-06-08")[0].date).toBe("2022-06-06");
    expect(sanctions(text(`The Chilean president will visit Oslo on Friday.`), "2022-06-08")[0].date).toBeUndefined();
  });

  it("takes the day of a closing reporting clause when the action's words fix none, and never over the action's own time", () => {
    // 2022-06-08 is a Wednesday
    expect(sanctions(`Norway extended its sanctions against Chile by adding nine officials to its list, the Norwegian Foreign Ministry said in a statement on Monday.`, "2022-06-08")[0].date).toBe("2022-06-06");
    expect(sanctions(`Norway imposed sanctions on Chile in 2014, the Norwegian Foreign Ministry said on Monday.`, "2022-06-08")[0].date).toBeUndefined();
    expect(sanctions(`Norway imposed sanctions on Chile, which the Chilean president said on Monday was a mistake.`, "2022-06-08")[0].date).toBeUndefined();
  });
});

describe("collective actors", () => {
  it("adds 'the West' only where it acts", () => {
    const a = annotated(`Peru wants better ties with the West.\nChile rejected the new sanctions on Peru.`, ALL);
    expect(extractSanctions(a)).toEqual([]);
    expect(a.entities.map((e) => e.name)).not.toContain("the West");
    expect(a.mentions.map((m) => m.surface)).not.toContain("the West");
  });
});
