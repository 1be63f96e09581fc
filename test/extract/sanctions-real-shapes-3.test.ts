// Sanctions shapes seen failing on real published pages (seventh session), each tested in invented
// phrasings: a government called after its head ("the Varn administration"), entry bans told by whom
// entry is closed for, "sanctions targeted at Y", two states' adjectives of one noun, financial
// restrictions, and ", targeting Y" told after the reason.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import type { AnnotatedDocument } from "../../src/extract/annotate.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const VARN: EntitySpec = { key: "varn", kind: "person", names: ["Tomas Varn", "Varn"] };
const MINISTRY: EntitySpec = { key: "mfa", kind: "organisation", names: ["Norwegian Foreign Ministry", "Norwegian Ministry of Foreign Affairs"] };
const SPECS = [...ALL, VARN, MINISTRY];
const about = `Sanctions are back on the agenda.\n`;
const facts = (a: AnnotatedDocument) => extractSanctions(a).map(({ imposers, targetText, targets, reason }) => ({ imposers, targetText, targets, reason }));
const run = (text: string, specs = SPECS) => facts(annotated(about + text, specs, "2025-03-07"));
const stateName = (a: AnnotatedDocument, key: string) => a.entities.find((e) => e.key === key);

describe("a government called after its head", () => {
  it("reads 'the Varn administration' as the state of Varn's post when the text gives one", () => {
    for (const text of [
      `The Varn administration imposed sanctions on 12 Chilean officials over the coup.`,
      `President Varn's administration froze the assets of 12 Chilean officials on Friday.`,
      `The Varn administration on Thursday hit another 10 Chilean officials with financial sanctions over corruption.`,
    ]) {
      const a = annotated(about + text, SPECS, "2025-03-07");
      a.roles.push({ holder: "varn", title: "President", organisation: "nor", evidence: { start: 0, end: 1 }, confidence: 1 });
      const found = facts(a);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["nor"]);
      expect(found[0].targets, text).toContain("chl");
    }
  });

  it("reads it as the United States when the text gives the person no state, adding the state only when unnamed", () => {
    const text = `The Varn administration imposed sanctions on 12 Chilean officials over the coup.`;
    const a = annotated(about + text, SPECS, "2025-03-07");
    const found = facts(a);
    expect(found).toHaveLength(1);
    const state = stateName(a, found[0].imposers[0]);
    expect(state).toMatchObject({ kind: "country", iso3: "USA", name: "United States" });
    expect(found[0].targets).toEqual(["chl"]);
    // a state of that code already named is the one used, and nothing is added
    const USA: EntitySpec = { key: "usa", kind: "country", names: ["United States", "US"] };
    const b = annotated(about + `The US and Chile met. ${text}`, [...SPECS, USA], "2025-03-07");
    b.entities.find((e) => e.key === "usa")!.iso3 = "USA";
    const count = b.entities.length;
    const again = facts(b);
    expect(again.map((f) => f.imposers)).toEqual([["usa"]]);
    expect(b.entities).toHaveLength(count);
  });

  it("does not take the head of the government for its target, and adds nothing where no fact uses it", () => {
    const found = run(`The Varn administration on Friday announced a new round of sanctions in response to Chile's annexation of four islands, targeting government and military officials.`);
    expect(found).toHaveLength(1);
    expect(found[0].targetText).toBe("government and military officials");
    expect(found[0].targets).not.toContain("varn");
    const a = annotated(about + `The Varn administration met Chilean officials on Friday.`, SPECS, "2025-03-07");
    const count = a.entities.length;
    expect(facts(a)).toEqual([]);
    expect(a.entities).toHaveLength(count);
    expect(a.mentions.some((m) => m.surface === "administration")).toBe(false);
  });

  it("leaves 'the administration' with no person named as it was", () => {
    const a = annotated(about + `The administration imposed sanctions on 12 Chilean officials.`, SPECS, "2025-03-07");
    expect(facts(a).every((f) => f.imposers.every((k) => a.entities.find((e) => e.key === k)?.iso3 !== "USA"))).toBe(true);
  });
});

describe("entry bans told by whom entry is closed for", () => {
  it("reads 'prohibited entry to X for Y', 'the closure of entry … for Y' and 'barred Y from entry'", () => {
    for (const [text, target] of [
      [`The Norwegian Foreign Ministry announced the closure of entry to the country for 227 Chilean nationals in response to sanctions imposed earlier.`, "227 Chilean nationals"],
      [`The Norwegian Foreign Ministry on Friday barred an additional 200 Chilean citizens from entry in response to repeated sanctions.`, "an additional 200 Chilean citizens"],
      [`Norway has prohibited entry to Norway for 500 Chilean citizens, in response to new sanctions.`, "500 Chilean citizens"],
      [`Norway closed entry into the country for 40 Chilean lawmakers as a countermeasure to sanctions.`, "40 Chilean lawmakers"],
    ] as const) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].targetText, text).toBe(target);
      expect(found[0].targets, text).toEqual(["chl"]);
    }
  });

  it("reads no ban where entry is closed for no one named, threatened, or for goods", () => {
    for (const text of [
      `Norway may close entry to the country for Chilean officials if sanctions follow.`,
      `Norway closed the border crossing for the winter, despite sanctions.`,
      `Norway has not prohibited entry for anyone, its sanctions office said.`,
    ]) expect(run(text), text).toEqual([]);
  });
});

describe("whom the sanctions hit, in more wordings", () => {
  it("reads 'sanctions targeted at / aimed at Y'", () => {
    for (const text of [
      `Norway has announced sanctions targeted at 11 Chilean officials blamed for the incursion.`,
      `Norway imposed sanctions aimed at 11 Chilean officials over the incursion.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].targetText, text).toBe("11 Chilean officials");
    }
  });

  it("keeps two states' adjectives of one noun in the target ('11 Chilean and Peruvian officials')", () => {
    const found = run(`Norway imposed sanctions on 11 Chilean and Peruvian officials over the incursion.`);
    expect(found).toHaveLength(1);
    expect(found[0].targetText).toBe("11 Chilean and Peruvian officials");
    expect(found[0].targets).toEqual(["chl", "per"]);
    // two phrases joined by "and" stay two when the second is not an adjective of the same noun
    const two = run(`Norway imposed sanctions on Chilean banks and Peru over the incursion.`);
    expect(two[0].targetText).not.toBe("Chilean banks and Peru over the incursion");
  });

  it("reads 'imposed financial restrictions on Y' as an action", () => {
    const found = run(`Norway on Tuesday imposed financial restrictions on 34 Chilean people and entities for helping firms evade sanctions.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "34 Chilean people and entities" });
  });
});
