// Sanctions shapes seen failing on real published pages (sixth session, second helper), each tested in
// several invented phrasings: a finished passive told after the target with its agent, members opened by
// "Those targeted include …", a measure "including freezing the assets of …" that is part of the action,
// and the day of an action carried to the one told right after it with the same imposer.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const VARN: EntitySpec = { key: "varn", kind: "person", names: ["Tomas Varn", "Varn"] };
const ALVA: EntitySpec = { key: "alva", kind: "person", names: ["Pedro Alva", "Alva"] };
const TREASURY: EntitySpec = { key: "tre", kind: "organisation", names: ["Norwegian Treasury"] };
const OFFICE: EntitySpec = { key: "off", kind: "organisation", names: ["Foreign Office", "Trade Office"] };
const SPECS = [...ALL, VARN, ALVA, TREASURY, OFFICE];
const about = `Sanctions are back on the agenda.\n`;
const run = (text: string, specs = SPECS, published = "2025-03-07") =>
  extractSanctions(annotated(about + text, specs, published)).map(({ imposers, targetText, targets, date, month, year }) => ({ imposers, targetText, targets, date: date ?? month ?? year }));

describe("a finished passive after the target, with its agent", () => {
  it("reads 'sanctions against Y have been announced by X' as X's action on Y", () => {
    for (const [text, date] of [
      [`Two new sanctions against Chile have been announced by the Foreign Office.`, undefined],
      [`New sanctions on Chilean generals were announced by the Trade Office on Monday.`, "2025-03-03"],
      [`Fresh sanctions targeting Chile were formally imposed by the Foreign Office on Monday.`, "2025-03-03"],
      [`Sanctions on four Chilean banks had been adopted by the Foreign Office in 2023.`, "2023"],
    ] as const) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toMatchObject({ imposers: ["off"], targets: ["chl"] });
      if (date) expect(found[0].date, text).toBe(date);
    }
  });

  it("reads nothing when the passive is still to come or has no agent named", () => {
    for (const text of [
      `New sanctions against Chile will be announced by the Foreign Office.`,
      `New sanctions against Chile could be imposed by the Foreign Office.`,
      `New sanctions against Chile are expected to be announced by the Foreign Office.`,
    ]) expect(run(text), text).toEqual([]);
  });
});

describe("members opened by 'those targeted'", () => {
  it("merges 'Those targeted include A and B' into the action just reported", () => {
    for (const tail of [
      `Those targeted include Tomas Varn and Pedro Alva.`,
      `Among those targeted were Tomas Varn and Pedro Alva.`,
      `Those targeted on Monday include Tomas Varn and Pedro Alva, two senior judges.`,
      `The individuals targeted include Tomas Varn and Pedro Alva.`,
    ]) {
      const found = run(`Norway imposed sanctions on 15 Chilean officials on Monday. ${tail}`);
      expect(found, tail).toHaveLength(1);
      expect(found[0], tail).toMatchObject({ imposers: ["nor"], targetText: "15 Chilean officials" });
      expect(found[0].targets, tail).toEqual(expect.arrayContaining(["varn", "alva"]));
    }
  });

  it("reads no members of other things, nor with no action before", () => {
    expect(run(`Those targeted include Tomas Varn and Pedro Alva.`)).toEqual([]);
    const found = run(`Norway imposed sanctions on 15 Chilean officials on Monday. Those targeted by the raids were Tomas Varn and Pedro Alva.`);
    expect(found).toHaveLength(1);
    expect(found[0].targets).not.toContain("varn");
  });
});

describe("a measure told as part of the action", () => {
  it("keeps ', including freezing the assets of A' one action with A among its targets", () => {
    for (const text of [
      `Norway imposed sanctions on four Chilean banks on Monday, including freezing the assets of Tomas Varn.`,
      `The Norwegian Treasury announced new sanctions against Chile, including freezing the assets of Tomas Varn.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].targets, text).toEqual(expect.arrayContaining(["chl", "varn"]));
    }
  });

  it("still reads a freeze of its own as an action", () => {
    const found = run(`Norway froze the assets of Tomas Varn on Monday.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targets: ["varn"] });
  });
});

describe("the day of the action just told", () => {
  it("dates 'Sanctions were also levied on B' right after a dated action of the same imposer", () => {
    for (const tail of [`Sanctions were also levied on two Peruvian banks.`, `Also sanctioned were two Peruvian banks.`]) {
      const found = run(`The Norwegian Treasury sanctioned three Chilean officials on Monday. ${tail}`);
      expect(found, tail).toHaveLength(2);
      expect(found[1], tail).toMatchObject({ imposers: ["tre"], targetText: "two Peruvian banks", date: "2025-03-03" });
    }
  });

  it("keeps a time of its own, and gives no day across a gap", () => {
    const own = run(`The Norwegian Treasury sanctioned three Chilean officials on Monday. Sanctions were also levied on two Peruvian banks in 2023.`);
    expect(own[1]?.date).toBe("2023");
    const gap = run(`The Norwegian Treasury sanctioned three Chilean officials on Monday. Chile protested. Peru protested too. Also sanctioned were two Peruvian banks.`);
    expect(gap[1]?.date).toBeUndefined();
  });
});

describe("a designation with its owner", () => {
  const ACME: EntitySpec = { key: "acme", kind: "organisation", names: ["Acme Shipping"] };
  const specs = [...SPECS, ACME];
  it("reads 'X's designation of Y' and 'the Norwegian designation of Y' as the owner's action on named targets", () => {
    for (const [text, imposer, target] of [
      [`Norway's designation of Acme Shipping and five of its subsidiaries was welcomed.`, "nor", "acme"],
      [`The Norwegian designation of Tomas Varn angered Chile.`, "nor", "varn"],
      [`Chile condemned Iceland's designation of Tomas Varn last week.`, "isl", "varn"],
    ]) {
      const found = run(text, specs);
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toMatchObject({ imposers: [imposer] });
      expect(found[0].targets, text).toContain(target);
    }
  });

  it("reads no action from a planned designation, a description, or one with no owner", () => {
    for (const text of [
      `The planned designation of Tomas Varn angered Chile.`,
      `Norway's proposed designation of Acme Shipping was shelved.`,
      `Norway's designation of Acme Shipping as a heritage site was welcomed.`,
      `The designation of Tomas Varn angered Chile.`,
      `Norway's designation of new ports took a year.`,
    ]) expect(run(text, specs), text).toEqual([]);
  });
});

describe("an agentless passive after a move against someone", () => {
  it("gives 'Sanctions were placed on Y' the subject of the sentence before that escalated pressure / took action", () => {
    for (const [text, imposer] of [
      [`Norway escalated pressure on Chile on Monday. Sanctions were placed on four Chilean generals.`, "nor"],
      [`The Norwegian Treasury stepped up its pressure on Chilean militias. Sanctions were imposed on four Chilean generals accused of abuses.`, "tre"],
      [`Norway took decisive action against Chile. Sanctions were levied on four Chilean generals.`, "nor"],
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toMatchObject({ imposers: [imposer], targetText: "four Chilean generals" });
    }
  });

  it("reads nothing after a sentence of another kind, a move still to come, or a passive still to come", () => {
    for (const text of [
      `Chile protested on Monday. Sanctions were placed on four Chilean generals.`,
      `Norway could escalate pressure on Chile. Sanctions were placed on four Chilean generals.`,
      `Norway escalated pressure on Chile on Monday. Sanctions could be placed on four Chilean generals.`,
      `Norway escalated pressure on Chile on Monday.\nSanctions were placed on four Chilean generals.`,
    ]) expect(run(text), text).toEqual([]);
  });
});

describe("a list named by whom it holds", () => {
  const ACME: EntitySpec = { key: "acme", kind: "organisation", names: ["Acme Shipping"] };
  it("reads additions to 'the list of those directly supporting X's military' / 'of persons and entities associated with Y'", () => {
    for (const [text, target] of [
      [`Norway added 12 entities to the list of those directly supporting Chile's military.`, "12 entities"],
      [`Norway today added 12 entities to the list of those supporting Chile's military-industrial complex in its war against Peru.`, "12 entities"],
      [`Norway added Acme Shipping to the list of persons and entities associated with the Chilean junta.`, "Acme Shipping"],
    ]) {
      const found = run(text, [...SPECS, ACME]);
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toMatchObject({ imposers: ["nor"], targetText: target });
    }
  });

  it("reads no addition to a list of other people, nor one that could happen", () => {
    for (const text of [
      `Norway added four names to the list of those attending the summit.`,
      `Norway could add 12 entities to the list of those directly supporting Chile's military.`,
      `Norway added Chile to the list of those responsible for the crisis in its speech.`,
    ]) expect(run(text), text).toEqual([]);
  });
});

describe("counts in words, a member named after 'one of those', and a purpose after the target", () => {
  it("reads 'designated sixteen / thirteen / forty officials' like 'designated 16 officials'", () => {
    for (const [text, target] of [
      [`Norway designated sixteen Chilean officials on Thursday.`, "sixteen Chilean officials"],
      [`Norway said on Thursday its Foreign Office (FO) designated thirteen Chilean officials and four individuals.`, "thirteen Chilean officials and four individuals"],
      [`The Foreign Office listed forty Chilean companies.`, "forty Chilean companies"],
    ]) {
      const [f] = run(text);
      expect(f, text).toBeDefined();
      expect(f.targetText, text).toBe(target);
    }
  });

  it("merges 'One of those sanctioned is A' into the action just reported", () => {
    for (const tail of [`One of those sanctioned is Pedro Alva.`, `One of the officials designated was Pedro Alva.`]) {
      const found = run(`Norway sanctioned 12 Chilean officials on Monday. ${tail}`);
      expect(found, tail).toHaveLength(1);
      expect(found[0].targets, tail).toContain("alva");
    }
  });

  it("ends the target before 'in an attempt to', 'in a bid to', 'in response to', but keeps 'in Chile'", () => {
    for (const [text, target] of [
      [`Norway imposed new sanctions on Chile in an attempt to end the war.`, "Chile"],
      [`Norway imposed new sanctions on Chilean banks in a bid to cut funding.`, "Chilean banks"],
      [`Norway imposed sanctions on Chilean officials in response to the coup.`, "Chilean officials"],
      [`Norway imposed sanctions on four banks in Chile.`, "four banks in Chile"],
    ]) {
      const [f] = run(text);
      expect(f?.targetText, text).toBe(target);
    }
  });
});

describe("imposers that are not the state named last", () => {
  it("never takes the state a target is named by ('Chilean-linked') as the government that imposes", () => {
    const found = run(`Chile launched missiles at a ship last week. The Varn government has sanctioned 90 Chilean-linked people and 100 Chilean-linked entities.`);
    expect(found.every((f) => !f.imposers.includes("chl"))).toBe(true);
  });

  it("gives a minister with no state named the state the article reported imposing sanctions", () => {
    const BERG: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg", "Berg"] };
    const base = annotated(
      `${about}Norway has imposed fresh sanctions on Chilean generals after the missile strike on Peru. Peru said Peru was hit. Peru asked Iceland for help.\nForeign Minister Anna Berg has announced travel bans on Tomas Varn, a Chilean general.`,
      [...SPECS, BERG],
      "2025-03-07",
    );
    base.roles = [{ holder: "berg", title: "Foreign Minister" } as (typeof base.roles)[number]];
    const found = extractSanctions(base);
    const ban = found.find((f) => f.targets.includes("varn"));
    expect(ban?.imposers ?? []).not.toContain("per");
  });

  it("reads ', despite / after (having) imposing sanctions on Y' as the clause subject's action", () => {
    const ACME: EntitySpec = { key: "acme", kind: "organisation", names: ["Acme Shipping"] };
    for (const [text, target] of [
      [`Norway has not designated Acme Shipping as a terrorist organization, despite imposing wide-reaching sanctions against Acme Shipping and its affiliates.`, "acme"],
      [`Norway praised Iceland, after having imposed sanctions on Chile.`, "chl"],
    ]) {
      const found = run(text, [...SPECS, ACME]);
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toMatchObject({ imposers: ["nor"] });
      expect(found[0].targets, text).toContain(target);
    }
  });
});

describe("members named after the action without an agent", () => {
  it("merges 'A and B are among those sanctioned.' and 'The targeted people include A and B'", () => {
    for (const tail of [`Tomas Varn and Pedro Alva are among those sanctioned.`, `The targeted people include Tomas Varn and Pedro Alva, Norway announced.`, `Tomas Varn and Pedro Alva were also among those designated.`]) {
      const found = run(`Norway has imposed fresh sanctions on 12 Chilean generals. ${tail}`);
      expect(found, tail).toHaveLength(1);
      expect(found[0].targets, tail).toEqual(expect.arrayContaining(["varn", "alva"]));
    }
  });

  it("reads no members with no action just before, or among those of another kind", () => {
    expect(run(`Tomas Varn and Pedro Alva are among those sanctioned.`)).toEqual([]);
    const found = run(`Norway has imposed fresh sanctions on 12 Chilean generals. Tomas Varn and Pedro Alva are among those who could be sanctioned.`);
    expect(found.flatMap((f) => f.targets)).not.toContain("varn");
  });
});

describe("'A and B are also targeted.' after an action", () => {
  const ACME: EntitySpec = { key: "acme", kind: "organisation", names: ["Acme Shipping"] };
  it("merges the named subject into the action just reported", () => {
    for (const tail of [`Tomas Varn and Pedro Alva are also targeted.`, `Former minister Tomas Varn, managing director of Acme Shipping Pedro Alva and Acme Shipping were also targeted.`]) {
      const found = run(`Norway has sanctioned five Chilean officials and three entities. ${tail}`, [...SPECS, ACME]);
      expect(found, tail).toHaveLength(1);
      expect(found[0].targets, tail).toEqual(expect.arrayContaining(["varn", "alva"]));
    }
  });

  it("reads nothing with no action before, and no members that are not named", () => {
    expect(run(`Tomas Varn and Pedro Alva are also targeted.`)).toEqual([]);
    expect(run(`Norway has sanctioned five Chilean officials. Chilean ports are also targeted.`)[0].targets).not.toContain("varn");
  });
});

describe("hyphenated and counted participles in a target, and 'its' past a place phrase", () => {
  it("keeps '12 military-related companies', '12 designated firms', 'state-owned companies' whole", () => {
    for (const [text, target] of [
      [`Norway imposed sanctions on 12 military-related companies in Chile.`, "12 military-related companies in Chile"],
      [`Norway imposed sanctions on 12 state-owned companies in Chile.`, "12 state-owned companies in Chile"],
      [`Norway imposed sanctions on state-owned companies in Chile.`, "state-owned companies in Chile"],
      [`Norway announced countermeasures on Wednesday against 12 military-related companies in Chile and their senior executives.`, "12 military-related companies in Chile and their senior executives"],
    ]) {
      const [f] = run(text);
      expect(f?.targetText, text).toBe(target);
    }
  });

  it("reads 'X's arms sales to Y's Z region and its sanctions' as X's sanctions", () => {
    const found = run(`Chile acted in response to Norway's arms sales to Peru's Lima region and its unilateral sanctions against Chilean companies.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targets: ["chl"] });
    // a body that heads its phrase stays the owner
    expect(run(`Chile acted after Peru sold arms to Iceland and its sanctions against Chilean companies.`)[0]?.imposers).toEqual(["isl"]);
  });
});

describe("several governments as one subject", () => {
  it("reads 'the A and B governments imposed sanctions' as both states' action", () => {
    for (const text of [
      `The move comes after the Norwegian and Icelandic governments imposed similar sanctions on Chilean individuals.`,
      `The move comes after the Norway and Iceland governments imposed similar sanctions on Chilean individuals.`,
    ]) {
      const [f] = run(text);
      expect(f?.imposers?.slice().sort(), text).toEqual(["isl", "nor"]);
    }
    expect(run(`The Norwegian government imposed sanctions on Chilean individuals.`)[0]?.imposers).toEqual(["nor"]);
  });
});

describe("a bare participle after a number", () => {
  it("stays a verb after a date ('Norway on Nov 21 sanctioned dozens of banks')", async () => {
    const { nounPhrases } = await import("../../src/extract/phrases.ts");
    const a = annotated(`Norway on Nov 21 sanctioned dozens of Chilean banks.`, SPECS, "2025-03-07");
    const phrases = nounPhrases(a.tokens).map((p) => a.tokens.slice(p.from, p.to).map((t) => t.text).join(" "));
    expect(phrases.some((p) => p.includes("sanctioned"))).toBe(false);
    const [f] = run(`Norway on Nov 21 sanctioned dozens of Chilean banks.`);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "dozens of Chilean banks" });
  });
});
