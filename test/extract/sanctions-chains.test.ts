// Sanctions shapes that failed on unseen pages, each in several invented phrasings: verbs sharing one
// subject ("the Council capped …, required …, and added N people to its list"), a relative clause whose
// subject is the body named before it ("resolution N, which placed an arms embargo on X and a travel ban
// on Y"), day-first dates after the noun ("on 11 September"), another body's sanctions adopted, an
// action restated in the next sentence, and designations still in force ("is still designated by X").
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const COUNCIL: EntitySpec = { key: "hc", kind: "organisation", names: ["Harbour Council", "Council"] };
const SPECS = [...ALL, COUNCIL];
const run = (text: string, published = "2025-03-07") =>
  extractSanctions(annotated(text, SPECS, published)).map(({ imposers, targetText, targets, reason, date, month, year }) => ({ imposers, targetText, targets, reason, date: date ?? month ?? year }));

describe("verbs sharing one subject", () => {
  it("gives the last verb of a chain the subject of the first", () => {
    for (const text of [
      `The Harbour Council met on Monday. By the text, the Council capped Chilean fuel imports at a fixed level, required member states to expel Chilean brokers, and added 12 Chilean officials to its sanctions list.`,
      `Iceland recalled its ambassador from Santiago, expelled two Chilean diplomats and imposed sanctions on four Chilean generals.`,
      `Norway closed its ports to Peruvian trawlers, cut its fishing quotas, and imposed sanctions on six Peruvian captains.`,
    ]) {
      const found = run(text);
      const expected = text.startsWith("The Harbour") ? "hc" : text.startsWith("Iceland") ? "isl" : "nor";
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(f.imposers).toEqual([expected]);
    }
  });

  it("does not take a state named inside an earlier link for the subject", () => {
    const found = run(`The Harbour Council condemned the strikes on Peru, demanded a ceasefire and added 12 Chilean officials to its sanctions list.`);
    expect(found.map((f) => f.imposers)).toEqual([["hc"]]);
  });
});

describe("a relative clause whose subject is the body named before it", () => {
  it("reads 'decision N, (adopted on …,) which placed an arms embargo on X and a travel ban on Y' as one action of that body", () => {
    const [f, ...more] = run(`The measures were imposed by the Harbour Council in its decision 12, adopted on 3 March 2020, which placed an arms embargo on Chile and a travel ban and asset freeze on four Chilean generals and their families.`);
    expect(more).toEqual([]);
    expect(f.imposers).toEqual(["hc"]);
    expect(f.targetText).toContain("four Chilean generals and their families");
    expect(f.date).toBe("2020-03-03");
  });

  it("reads 'X, which imposed sanctions on Y last year, …' as X's action", () => {
    const [f] = run(`Norway, which imposed sanctions on six Chilean firms last year, will review them.`);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "six Chilean firms" });
  });
});

describe("day-first dates after the noun", () => {
  it("reads 'imposed sanctions on 11 September on Y' with Y as the target, not the date", () => {
    const [f] = run(`Iceland imposed sanctions on 11 September on four Chilean firms.`);
    expect(f).toMatchObject({ imposers: ["isl"], targetText: "four Chilean firms" });
    expect(f.date).toMatch(/-09-11$/);
    expect(run(`Norway imposed sanctions on 23 and 25 February against eight Peruvian officials.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "eight Peruvian officials" });
  });
});

describe("measures told after the noun", () => {
  it("reads 'imposed sanctions (on DATE), when it adopted decision N over Z, banning Y' with Y as the target and Z as the reason", () => {
    const [f] = run(`The Harbour Council last imposed sanctions on 11 September, when it adopted decision 9 in response to Chile's missile test, banning its fish exports and capping its fuel imports.`);
    expect(f).toMatchObject({ imposers: ["hc"], targetText: "its fish exports", reason: "Chile's missile test" });
  });
});

describe("another body's sanctions adopted", () => {
  it("reads 'decided to adopt the sanctions imposed by the bloc on Y' as the adopter's action and the bloc's", () => {
    for (const text of [
      `Iceland decided to adopt the sanctions imposed by the African Union against Chile.`,
      `On Monday, Norway decided to adopt the packages of sanctions imposed by the African Union on Chile.`,
    ]) {
      const found = run(text);
      const adopter = text.includes("Iceland") ? "isl" : "nor";
      expect(found.map((f) => f.imposers).sort()).toEqual([["au"], [adopter]]);
      for (const f of found) expect(f.targets).toEqual(["chl"]);
    }
  });

  it("reads no adoption in a plan to adopt", () => {
    expect(run(`Iceland plans to adopt the sanctions imposed by the African Union against Chile.`).map((f) => f.imposers)).not.toContainEqual(["isl"]);
  });
});

describe("an action restated in the next sentence", () => {
  it("reads 'X also designated …' right after X's action as more of that action", () => {
    const found = run(`Norway on Monday designated ten Chilean officers for their role in the coup. Norway also designated three Chilean firms owned by the army.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "ten Chilean officers", date: "2025-03-03" });
  });

  it("keeps two actions told at different times, or by different imposers", () => {
    expect(run(`Norway on Monday designated ten Chilean officers for their role in the coup. On 4 May 2019, Norway designated three Chilean firms.`)).toHaveLength(2);
    expect(run(`Norway on Monday designated ten Chilean officers for their role in the coup. Iceland designated three Chilean firms.`)).toHaveLength(2);
  });
});

describe("designations still in force", () => {
  // GOLD-FORMAT counts each sanctions action the article reports, earlier ones too: a designation still in force is one
  it("reads 'Y is still / was also designated by X (as …)' as X's action on Y", () => {
    for (const text of [
      `The Peruvian Fishing Front is still designated by Norway as a terrorist organisation.`,
      `The Peruvian Fishing Front was also designated by Norway in 2019.`,
      `The Peruvian Fishing Front, the group a Chilean captain led until last year, is still designated by Norway as a terrorist organisation.`,
    ]) {
      const [f] = run(text);
      expect(f).toMatchObject({ imposers: ["nor"], targetText: "The Peruvian Fishing Front" });
      // the apposition's time ("until last year") is not the designation's
      if (text.includes("last year")) expect(f.date).toBeUndefined();
    }
  });

  it("reads no action in 'designated by X' without a passive ('the envoy designated by Norway')", () => {
    expect(run(`The envoy designated by Norway arrived in Lima.`)).toEqual([]);
  });
});
