// Sanctions shapes of real press releases and wire copy, on invented sentences: designations with
// an inserted legal authority, designation lists, present-tense headlines' verbs, passive subjects
// with a count, people who act for their state, targets enumerated after a count.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const person = (key: string, name: string): EntitySpec => ({ key, kind: "person", names: [name] });
const VARN = person("varn", "Tomas Varn");
const RASK = person("rask", "Ilse Rask");
const ZELL = person("zell", "Jory Zell");
const PEOPLE = [...ALL, VARN, RASK, ZELL];
const facts = (text: string, specs = PEOPLE) =>
  extractSanctions(annotated(text, specs)).map(({ imposers, targetText, targets }) => ({ imposers, targetText, targets }));

describe("designations", () => {
  it("reads the object of 'designated' past an inserted authority", () => {
    const [f, ...rest] = facts(`Norway designated, pursuant to Decree 12, as amended, Tomas Varn, a Chilean general, and Ilse Rask, both of whom sold arms.`);
    expect(rest).toEqual([]);
    expect(f.imposers).toEqual(["nor"]);
    expect(f.targetText).toBe("Tomas Varn, a Chilean general, and Ilse Rask");
    expect(f.targets).toEqual(expect.arrayContaining(["varn", "rask"]));
  });

  it("reads 'is designating' with a counted object and its attachments", () => {
    const [f] = facts(`Norway is designating six firms associated with the Chilean navy.`);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "six firms associated with the Chilean navy" });
  });

  it("takes the people of a list after 'designated the following persons:' as the targets", () => {
    const [f, ...rest] = facts(`Norway designated the following persons:\nTomas Varn – Deputy Minister of Defence\nIlse Rask, head of the port authority\nThe measures take effect at once.`);
    expect(rest).toEqual([]);
    expect(f.imposers).toEqual(["nor"]);
    expect(f.targets).toEqual(["varn", "rask"]);
    expect(f.targetText).toContain("Ilse Rask");
    expect(f.targetText).not.toContain("measures");
  });

  it("reads a count and the people named after it as one action", () => {
    const found = facts(`Norway is designating three Chilean officials. Norway also designated Chilean Defence Minister Tomas Varn, Admiral Ilse Rask and Colonel Jory Zell.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toEqual(["nor"]);
  });

  it("does not read 'designated' with no people or bodies as its object", () => {
    expect(facts(`Norway designated the area a nature reserve.`)).toEqual([]);
  });
});

describe("verbs and subjects the tagger tells apart", () => {
  it("reads 'sanctions' as a present-tense verb after its subject, not 'sanctions list'", () => {
    expect(facts(`• Norway sanctions three Chilean officials over the coup`)[0]).toMatchObject({ imposers: ["nor"], targetText: "three Chilean officials" });
    expect(facts(`The Norway sanctions list grew.`)).toEqual([]);
  });

  it("reads a counted passive subject before 'have now been sanctioned by X'", () => {
    expect(facts(`• 1,200 Chilean individuals and entities have now been sanctioned by Norway over the coup`)[0]).toMatchObject({
      imposers: ["nor"],
      targetText: "1,200 Chilean individuals and entities",
    });
  });

  it("ends a target list before the subject of the next clause", () => {
    const [f] = facts(`Norway imposed sanctions on Chilean officials, the African Union said on Monday.`);
    expect(f.targetText).toBe("Chilean officials");
  });

  it("keeps 'targeting … such as A and B' in the target", () => {
    const [f] = facts(`Norway announced sanctions on 12 Chilean people, targeting former officials such as Tomas Varn and Ilse Rask.`);
    expect(f.targetText).toBe("12 Chilean people, targeting former officials such as Tomas Varn and Ilse Rask");
  });
});

describe("list additions", () => {
  it("reads 'extended sanctions against Y by adding N people to its list' as the people added", () => {
    const found = facts(`Norway extended sanctions against Chile by adding 23 people to the list of sanctioned Chilean citizens, the African Union said.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "23 people" });
  });

  it("reads 'current and former members' as one phrase, so a later report of named members is the same action", () => {
    const found = facts(`Norway announced sanctions on 12 Chilean people, targeting current and former members of the navy, such as Tomas Varn and Ilse Rask. Norway also announced a sanction against Ilse Rask.`);
    expect(found).toHaveLength(1);
    expect(found[0].targetText).toBe("12 Chilean people, targeting current and former members of the navy, such as Tomas Varn and Ilse Rask");
  });
});

describe("imposers that are people", () => {
  it("reads 'the president' as the holder of that post, who acts for his state", () => {
    const a = annotated(`President Tomas Varn spoke on Monday. The president imposed sanctions against Chilean officials for the coup.`, PEOPLE);
    a.roles.push({ holder: "varn", title: "President", organisation: "nor", evidence: { start: 0, end: 9 }, confidence: 1 });
    const [f] = extractSanctions(a);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "Chilean officials", reason: "the coup" });
  });
});
