// Sanctions told in clauses other than "X imposed sanctions on Y", on invented sentences: a state in a
// "-designated" compound, a relative clause with no pronoun, a participle with its agent after its object,
// a decision carried out, a participle clause sharing the sentence's subject, "targeted Y for restrictions",
// and a president whose state only the paragraph's dateline gives.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const VARN: EntitySpec = { key: "varn", kind: "person", names: ["Tomas Varn"] };
const RASK: EntitySpec = { key: "rask", kind: "person", names: ["Ilse Rask"] };
const BRIGADE: EntitySpec = { key: "brig", kind: "organisation", names: ["Velmar Brigade"] };
const COUNCIL: EntitySpec = { key: "ncs", kind: "organisation", names: ["Norwegian Security Council"] };
const SPECS = [...ALL, VARN, RASK, BRIGADE, COUNCIL];
const facts = (text: string, specs = SPECS) =>
  extractSanctions(annotated(text, specs)).map(({ imposers, targetText, targets, reason }) => ({ imposers, targetText, targets, reason }));

describe("clauses that tell a sanction without 'X imposed sanctions on Y'", () => {
  it("reads 'Y, a Norway-designated entity' as Norway's designation of Y, besides the sentence's own action", () => {
    const found = facts(`Iceland sanctioned two Chilean officers for supplying the Velmar Brigade, a Norway-designated entity, with fuel.`);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ imposers: ["isl"], targetText: "two Chilean officers" });
    expect(found[1]).toMatchObject({ imposers: ["nor"], targetText: "Velmar Brigade", targets: ["brig"] });
    // a designation with no named body before the comma is none
    expect(facts(`The two officers supplied fuel, a Norway-designated good, to the port.`)).toEqual([]);
  });

  it("reads a relative clause with no pronoun: 'the 40 firms Norway sanctioned', 'including 64 Norway has sanctioned since'", () => {
    expect(facts(`Both men run one of the 40 firms Norway sanctioned last year.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "the 40 firms" });
    expect(facts(`The register now holds 700 names, 64 Norway has sanctioned since the coup.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "64" });
    // a verb with its own object keeps it
    expect(facts(`Of the 40 firms, Norway sanctioned three Chilean banks.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "three Chilean banks" });
  });

  it("reads 'N frozen by X' with the object before the participle, but not a plan", () => {
    expect(facts(`Chile criticised the sanctions. Its bank counts $3 billion still frozen by Norway and Iceland.`)[0]).toMatchObject({ imposers: ["nor", "isl"], targetText: "3 billion" });
    expect(facts(`Peru criticised the sanctions. Its bank said it could soon count $3 billion frozen by Norway.`)).toEqual([]);
  });

  it("reads 'X signed (implemented, approved) the council's decision to impose sanctions against Y' as an action, but not a plan to", () => {
    const [f] = facts(`Norway on Friday signed into force the Norwegian Security Council's decision to impose sanctions against 57 Chilean judges.`);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "57 Chilean judges" });
    expect(facts(`Norway on Friday weighed the Norwegian Security Council's plan to impose sanctions against 57 Chilean judges.`)).toEqual([]);
  });

  it("gives 'after being placed under sanctions by X' the subject of the clause before, and reads no reason in it", () => {
    const found = facts(`Only now has Ilse Rask been sanctioned by Norway, years after being placed under sanctions by the African Union.`);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "Ilse Rask", targets: ["rask"] });
    expect(found[0].reason).toBeUndefined();
    expect(found[1]).toMatchObject({ imposers: ["au"], targetText: "Ilse Rask", targets: ["rask"] });
  });

  it("reads 'A and B targeted Y for fresh financial and visa restrictions', with no reason in the measures", () => {
    const [f, ...rest] = facts(`Norway and Iceland jointly targeted 14 shipowners for fresh financial and visa restrictions.`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ imposers: ["nor", "isl"], targetText: "14 shipowners" });
    expect(f.reason).toBeUndefined();
  });
});

describe("imposers the sentence leaves unnamed", () => {
  it("reads 'sanctions were slapped on the country' after a summit as the bloc's, on the state named before", () => {
    const withBloc = (text: string) => {
      const a = annotated(text, SPECS);
      a.entities.find((e) => e.key === "au")!.orgType = "international";
      return extractSanctions(a);
    };
    const [f, ...rest] = withBloc(`Heads of state gathered in Lima for an African Union summit.\nThe talks turned to the coup in Chile.\nBefore the summit closed, tough sanctions were slapped on the country.`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ imposers: ["au"], targetText: "the country", targets: ["chl"] });
    // with no bloc named near it, nobody
    expect(withBloc(`The talks turned to the coup in Chile.\nBefore the summit closed, tough sanctions were slapped on the country.`)).toEqual([]);
  });

  it("reads 'a decision issued by X that bans entry into its ports of Y' as X's entry ban", () => {
    const [f] = facts(`Chile condemned the sanctions, among them a decision issued by Norway that bans entry into Norwegian ports of Tomas Varn and his two sons.`);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "Tomas Varn and his two sons", targets: ["varn"] });
  });

  it("gives 'A and its leader were sanctioned under that statute' with no agent the imposer of the action just reported", () => {
    const found = facts(`Norway sanctioned Tomas Varn over the coup.\nIn March, the Velmar Brigade and its commander, Ilse Rask, were sanctioned under that statute.`);
    expect(found).toHaveLength(2);
    expect(found[1]).toMatchObject({ imposers: ["nor"], targets: expect.arrayContaining(["rask"]) });
    // with no action before, or as a possibility, none
    expect(facts(`Last May, the Velmar Brigade and its commander, Ilse Rask, were sanctioned under a Norwegian law.`)).toEqual([]);
    expect(facts(`Norway sanctioned Tomas Varn over the coup.\nIlse Rask could be sanctioned under the same law.`)).toHaveLength(1);
  });

  it("splits 'In March, A and in June B, were sanctioned' into two actions, one per time", () => {
    const found = facts(`Norway sanctioned Tomas Varn over the coup.\nIn March, the Velmar Brigade and in June its commander, Ilse Rask, were sanctioned under that statute.`);
    expect(found).toHaveLength(3);
    expect(found.slice(1).map((f) => f.targets)).toEqual(expect.arrayContaining([["brig"], expect.arrayContaining(["rask"])]));
    expect(found.slice(1).every((f) => f.imposers[0] === "nor")).toBe(true);
    // one time for both: one action
    expect(facts(`Norway sanctioned Tomas Varn over the coup.\nIn March, the Velmar Brigade and its commander, Ilse Rask, were sanctioned under that statute.`)).toHaveLength(2);
  });

  it("reads 'the files of A and B, sanctioned in May with an asset freeze' as the targets of the imposer just reported, or of its agent", () => {
    const found = facts(`Norway sanctioned Tomas Varn over the coup.\nHis file sits beside the files of Ilse Rask and the Velmar Brigade, sanctioned in May with an asset freeze.`);
    expect(found[1]).toMatchObject({ imposers: ["nor"], targetText: "the files of Ilse Rask and the Velmar Brigade", targets: ["rask", "brig"] });
    const [g] = facts(`His file sits beside the files of Ilse Rask and the Velmar Brigade, sanctioned by Iceland in May.`);
    expect(g).toMatchObject({ imposers: ["isl"], targets: ["rask", "brig"] });
  });
});

describe("imposers named by a request to lift", () => {
  it("reads 'pressed X to lift the sanctions on Y imposed after Z' as X's sanctions, but not a bare request", () => {
    const [f, ...rest] = facts(`Chile pressed Norway to lift the sanctions on the country imposed after the junta seized power.`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "the country", targets: ["chl"] });
    expect(facts(`Peru urged Norway to lift sanctions against Chile.`)).toEqual([]);
  });
});

describe("imposers named by their post", () => {
  it("gives a president with no state for his post the state of the paragraph's dateline, even after captions", () => {
    const text = `A caption under a photo of the president.\nOSLO — Days after the harshest sanctions against Chile yet, President Tomas Varn on Monday froze the assets of nine Chilean officials, including aides to Ilse Rask, over the coup. Norway and Chile have argued since.`;
    const a = annotated(text, SPECS);
    a.entities.find((e) => e.key === "nor")!.iso3 = "NOR";
    a.roles.push({ holder: "varn", title: "President", evidence: { start: 0, end: 1 }, confidence: 1 });
    const [f] = extractSanctions(a);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "nine Chilean officials, including aides to Ilse Rask" });
    // no dateline, and no state named often enough: no imposer
    const b = annotated(text.replace("OSLO — ", ""), SPECS);
    b.roles.push({ holder: "varn", title: "President", evidence: { start: 0, end: 1 }, confidence: 1 });
    expect(extractSanctions(b)).toEqual([]);
  });
});
