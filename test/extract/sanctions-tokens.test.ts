// Sanctions shapes read by the token patterns (sanction-triggers/-governing/-imposers/-reasons/-list/-measure
// files), on invented sentences, each in more than one phrasing: pronoun targets, measures told as verb
// phrases, unnamed and office imposers ("the Council", "X's sanctions committee", "the president signed an
// order"), counter-sanctions, reasons, list additions.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const VARN: EntitySpec = { key: "varn", kind: "person", names: ["Tomas Varn"] };
const RASK: EntitySpec = { key: "rask", kind: "person", names: ["Ilse Rask"] };
const BRIGADE: EntitySpec = { key: "brig", kind: "organisation", names: ["Velmar Brigade"] };
const MARITIME: EntitySpec = { key: "mar", kind: "organisation", names: ["Korrin Maritime"] };
const COUNCIL: EntitySpec = { key: "nsc", kind: "organisation", names: ["Nordic Security Council"] };
const SPECS = [...ALL, VARN, RASK, BRIGADE, MARITIME, COUNCIL];
const run = (text: string, specs = SPECS, tweak?: (a: ReturnType<typeof annotated>) => void) => {
  const a = annotated(text, specs);
  a.entities.find((e) => e.key === "au")!.orgType = "international";
  a.entities.find((e) => e.key === "nsc")!.orgType = "international";
  tweak?.(a);
  return extractSanctions(a).map(({ imposers, targetText, targets, reason }) => ({ imposers, targetText, targets, reason }));
};

describe("pronoun targets", () => {
  it("gives 'him'/'her' the person named last and 'it' the body named last, never an imposer", () => {
    for (const text of [
      `Norway and Iceland have sanctioned Tomas Varn. Chile sanctioned him in May.`,
      `Tomas Varn was sanctioned by Norway. Chile also imposed sanctions on him.`,
    ]) {
      const found = run(text);
      expect(found).toHaveLength(2);
      expect(found[1]).toMatchObject({ imposers: ["chl"], targets: ["varn"] });
    }
    const [, g] = run(`Norway sanctioned the Velmar Brigade. Peru sanctioned it a month later.`);
    expect(g).toMatchObject({ imposers: ["per"], targets: ["brig"] });
  });

  it("reads 'froze his assets' after the verb that reports it as the same action, not a list of powers", () => {
    const found = run(`Norway sanctioned Tomas Varn in 2020. It also froze his assets.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targets: ["varn"] });
    expect(run(`Sanctions debate: a Norwegian law lets the state seize property, freeze their assets and ban them from entering.`)).toEqual([]);
  });
});

describe("measures told as verb phrases", () => {
  it("reads freezes, property blocks and entry bans with their object after the verb", () => {
    for (const [text, target] of [
      [`Under the sanctions, Norway froze the assets of two Chilean shipping firms.`, "two Chilean shipping firms"],
      [`In new sanctions, Norway is blocking all property and interests in property of Korrin Maritime.`, "Korrin Maritime"],
      [`Norway, widening its sanctions, barred Ilse Rask and her deputy from entering the country.`, "Ilse Rask and her deputy"],
      [`Norway widened its sanctions and froze Korrin Maritime's assets.`, "Korrin Maritime"],
    ]) {
      const found = run(text);
      expect(found.some((f) => f.imposers.includes("nor") && f.targetText === target)).toBe(true);
    }
  });
});

describe("imposers that are offices, units or unnamed bodies", () => {
  it("gives a body's sanctions committee or office the body that owns it", () => {
    for (const text of [
      `The Nordic Security Council's sanctions committee added three Chilean militia leaders to its sanctions list on Tuesday.`,
      `The Nordic Security Council's sanctions panel designated three Chilean militia leaders.`,
    ]) {
      const [f] = run(text);
      expect(f).toMatchObject({ imposers: ["nsc"], targetText: "three Chilean militia leaders" });
    }
  });

  it("never gives a list's 'its' to a state named in the targets", () => {
    const found = run(`A sanctions committee added three Chilean militia leaders to its sanctions list.`);
    expect(found.some((f) => f.imposers.includes("chl"))).toBe(false);
  });

  it("reads a bare 'the Council' that lists or adopts measures as the bloc named nearby", () => {
    for (const text of [
      `The African Union condemns the repression in Chile. The Council today listed six persons and two entities responsible for the crackdown.`,
      `The African Union condemns the repression in Chile. The Council today adopted restrictive measures against six persons.`,
      `The Council today listed six persons over the crackdown. The African Union condemns the repression in Chile.`,
    ]) {
      const [f] = run(text);
      expect(f).toMatchObject({ imposers: ["au"] });
      expect(f.targetText).toMatch(/^six persons/);
    }
    // no bloc anywhere near: nobody
    expect(run(`The Council today listed six persons and two entities responsible for the crackdown in Chile.`)).toEqual([]);
  });

  it("gives 'X signed an (executive) order imposing / blocking …' to the signer", () => {
    const specs = [...SPECS, { key: "pres", kind: "person" as const, names: ["President Alda Tosk", "Tosk"] }];
    const withRole = (a: ReturnType<typeof annotated>) => a.roles.push({ holder: "pres", title: "President", organisation: "nor", evidence: { start: 0, end: 1 }, confidence: 1 });
    for (const text of [
      `President Alda Tosk signed an executive order imposing sanctions on Korrin Maritime.`,
      `President Alda Tosk on Friday signed a decree blocking the property of Korrin Maritime under the new sanctions.`,
    ]) {
      const [f] = run(text, specs, withRole);
      expect(f).toMatchObject({ imposers: ["nor"], targets: ["mar"] });
    }
  });
});

describe("triggers and reasons", () => {
  it("reads counter-sanctions and countermeasures as the answering state's sanctions", () => {
    expect(run(`Chile retaliated with countermeasures against 25 Norwegian lawmakers.`)[0]).toMatchObject({ imposers: ["chl"], targetText: "25 Norwegian lawmakers" });
    expect(run(`Peru imposed counter-sanctions on five Icelandic firms.`)[0]).toMatchObject({ imposers: ["per"], targetText: "five Icelandic firms" });
  });

  it("reads the reason after 'accusing X of' and stops it at a dash or a new clause", () => {
    const [f] = run(`Norway reimposed sanctions on Chile's mining sector, accusing President Tomas Varn's government of failing to hold an election.`);
    expect(f.reason).toBe("failing to hold an election");
    const [g] = run(`Norway imposed sanctions on Chilean officials for abuses against miners -- the first such step by Oslo.`);
    expect(g.reason).toBe("abuses against miners");
    // "for 3 years" is a duration: the reason is the next marker's
    const [h] = run(`Norway sanctioned Korrin Maritime for 3 years, citing its ties to Tomas Varn.`);
    expect(h.reason).toBe("its ties to Tomas Varn");
  });

  it("reads additions to a list named in quotes or with an apposition among the targets", () => {
    for (const text of [
      `In new sanctions, Chile said it had added Korrin Maritime and the Velmar Brigade to its "unreliable entity" list.`,
      `In new sanctions, Chile added Korrin Maritime, a Norwegian shipper, and the Velmar Brigade to its blacklist.`,
    ]) {
      const [f] = run(text);
      expect(f).toMatchObject({ imposers: ["chl"], targets: expect.arrayContaining(["mar", "brig"]) });
    }
  });
});
