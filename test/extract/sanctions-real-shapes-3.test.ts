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

describe("'the Council' is never the European Council", () => {
  const EUROPEAN_COUNCIL: EntitySpec = { key: "euco", kind: "organisation", names: ["European Council"] };
  const COUNCIL_OF_THE_UNION: EntitySpec = { key: "cou", kind: "organisation", names: ["Council of the Harbour Union"] };
  const HARBOUR_UNION: EntitySpec = { key: "hu", kind: "organisation", names: ["Harbour Union", "HU"] };
  it("reads a bare 'the Council' as the council named in full, or the bloc, not the European Council", () => {
    const a = annotated(about + `The Council of the Harbour Union met. The European Council welcomed the move. The Council also added two Chilean firms to its list.`, [...SPECS, EUROPEAN_COUNCIL, COUNCIL_OF_THE_UNION], "2025-03-07");
    expect(facts(a).map((f) => f.imposers)).toEqual([["cou"]]);
    const b = annotated(about + `The European Council met in June. HU leaders discussed Chile. On Friday, the Council imposed an asset freeze on 12 Chilean officials.`, [...SPECS, EUROPEAN_COUNCIL, { ...HARBOUR_UNION }], "2025-03-07");
    b.entities.find((e) => e.key === "hu")!.orgType = "international";
    expect(facts(b).map((f) => f.imposers)).toEqual([["hu"]]);
  });
});

describe("the administration, the chain's subject, and a modifier's owner", () => {
  it("reads a bare 'the administration' as the state a person-named administration before it was read as", () => {
    const found = run(`The Varn administration plans new steps, an aide said. In February, the administration ordered sanctions against Vice President Pedro Alva of Chile, accusing him of trafficking.`, [...SPECS, { key: "alva", kind: "person", names: ["Pedro Alva", "Alva"] }]);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).not.toContain("chl");
  });

  it("does not make the subject that mirrors others' sanctions their target, nor their owners the imposers", () => {
    const OFFICE: EntitySpec = { key: "off", kind: "organisation", names: ["Foreign Office"] };
    const found = run(`The Foreign Office is mirroring previous Peruvian and Icelandic sanctions and expanding sanctions that had first been imposed over the poisoning, one official said.`, [...SPECS, OFFICE]);
    expect(found.filter((f) => f.targets.includes("off"))).toEqual([]);
    expect(found.filter((f) => f.imposers.includes("off") && f.targets.some((t) => t === "per" || t === "isl"))).toEqual([]);
  });
});

describe("more wordings of an action", () => {
  it("reads 'supplemented its sanction list with Y'", () => {
    for (const text of [
      `In mid-November, the Norwegian Foreign Ministry supplemented its sanction list with 26 more Chilean organizations.`,
      `Norway expanded its sanctions list with another 12 Chilean firms on Monday.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].targets, text).toEqual(["chl"]);
    }
    expect(run(`Norway may expand its sanctions list with Chilean firms.`)).toEqual([]);
  });

  it("reads 'froze Y's Norwegian assets' and cuts the target before 'in the face of'", () => {
    expect(run(`Norway on Monday froze Tomas Varn's Chilean assets under its sanctions law.`)).toMatchObject([{ imposers: ["nor"], targets: ["varn"] }]);
    expect(run(`Norway imposed sanctions on Chilean officials and entities in the face of the poisoning of an opposition leader.`)).toMatchObject([{ targetText: "Chilean officials and entities" }]);
  });

  it("reads 'Y also had sanctions applied' as the imposer just reported acting on Y, and nothing with no action before", () => {
    for (const tail of [`Peru also had sanctions applied.`, `Two Peruvian banks also had sanctions imposed on them.`]) {
      const found = run(`Norway imposed sanctions on 12 Chilean officials on Monday. ${tail}`);
      expect(found, tail).toHaveLength(2);
      expect(found[1], tail).toMatchObject({ imposers: ["nor"], targets: ["per"] });
    }
    expect(run(`Peru also had sanctions applied.`)).toEqual([]);
    expect(run(`Norway imposed sanctions on 12 Chilean officials on Monday. Peru has had sanctions imposed by Iceland since 2014.`).filter((f) => f.targets.includes("per") && f.imposers.includes("nor"))).toEqual([]);
  });

  it("reads an announced 'will target Y with sanctions' like 'will sanction Y', and no 'could'", () => {
    expect(run(`Norway will target Chilean generals with sanctions, the foreign minister said.`)).toMatchObject([{ imposers: ["nor"], targets: ["chl"] }]);
    expect(run(`Norway could target Chilean generals with sanctions.`)).toEqual([]);
  });
});

describe("entities: a bare 'the Council' is no alias of the European Council", () => {
  it("takes 'the Council' for 'the Council of the X' named before, and for no European Council", async () => {
    const { annotateText } = await import("./annotate-helpers.ts");
    const bareOf = (a: ReturnType<typeof annotateText>) => a.mentions.filter((m) => m.surface === "Council").map((m) => a.entities.find((e) => e.key === m.entity)?.name);
    const a = annotateText(`The Council of the European Union imposed sanctions on Chilean officials on Monday. The European Council welcomed the move. The Council also added two firms to its list.`);
    expect(bareOf(a)).toEqual(["Council of the European Union"]);
    const b = annotateText(`The Council today imposed restrictive measures on Chilean officials. EU leaders at the European Council in June had called for a strong response.`);
    expect(bareOf(b)).not.toContain("European Council");
    // the European Council keeps its own name
    expect(b.entities.some((e) => e.name === "European Council")).toBe(true);
  });
});
