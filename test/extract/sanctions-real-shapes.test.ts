// Sanctions shapes seen failing on real published pages (sixth session), each tested in several invented
// phrasings: a warning that others "may face" sanctions (no action), a bare weekday between the noun and
// its target, inverted passives ("Also sanctioned were …", "Among those designated are …"), and a
// decision taken to sanction ("X's decision last month to sanction Y").
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const VARN: EntitySpec = { key: "varn", kind: "person", names: ["Tomas Varn", "Varn"] };
const ALVA: EntitySpec = { key: "alva", kind: "person", names: ["Pedro Alva", "Alva"] };
const TREASURY: EntitySpec = { key: "tre", kind: "organisation", names: ["Norwegian Treasury"] };
const SPECS = [...ALL, VARN, ALVA, TREASURY];
const about = `Sanctions are back on the agenda.\n`;
const run = (text: string, specs = SPECS, published = "2025-03-07") =>
  extractSanctions(annotated(about + text, specs, published)).map(({ imposers, targetText, targets, date, month, year }) => ({ imposers, targetText, targets, date: date ?? month ?? year }));

describe("a warning that others may face sanctions is no action", () => {
  it("drops 'may themselves face', 'will face', 'risk facing' sanctions after a designation", () => {
    for (const tail of [
      `Foreign banks that knowingly deal with these officials may themselves face Norwegian sanctions.`,
      `Firms that help them will face Norwegian sanctions as well.`,
      `Anyone trading with them could face sanctions.`,
      `Shipping companies now risk facing Norwegian sanctions.`,
    ]) {
      const found = run(`The Norwegian Treasury sanctioned three Chilean officials on Monday. ${tail}`);
      expect(found, tail).toHaveLength(1);
      expect(found[0]).toMatchObject({ imposers: ["tre"], targetText: "three Chilean officials" });
    }
  });

  it("still reads a target that faces sanctions now", () => {
    const [f] = run(`Chile faced new sanctions from Norway on Monday.`);
    expect(f?.targetText ?? "Chile").toContain("Chile");
  });
});

describe("a bare weekday between the sanctions and their target", () => {
  it("reads 'announced sanctions Thursday on Y' with that day", () => {
    for (const text of [
      `Norway announced a raft of sanctions Thursday on 15 Chilean officials and companies.`,
      `Norway imposed new sanctions Thursday against four Chilean generals.`,
      `Norway slapped sanctions Thursday on four Chilean generals.`,
    ]) {
      const [f] = run(text);
      expect(f, text).toMatchObject({ imposers: ["nor"], date: "2025-03-06" });
      expect(f.targetText).toMatch(/Chilean/);
    }
  });
});

describe("inverted passives", () => {
  it("reads 'Also sanctioned were Y' as another action of the imposer just reported", () => {
    for (const text of [
      `The Norwegian Treasury sanctioned three Chilean officials on Monday. Also sanctioned were two former Peruvian ministers accused of fraud.`,
      `The Norwegian Treasury sanctioned three Chilean officials on Monday. Additionally, sanctioned were two former Peruvian ministers.`,
      `The Norwegian Treasury sanctioned three Chilean officials on Monday. Also designated were two former Peruvian ministers.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(2);
      expect(found[1]).toMatchObject({ imposers: ["tre"], targetText: "two former Peruvian ministers" });
    }
  });

  it("reads 'Also sanctioned by X were Y' with its own agent", () => {
    const found = run(`Iceland imposed sanctions on four Chilean firms. Also sanctioned by Norway were Tomas Varn and Pedro Alva.`);
    expect(found).toHaveLength(2);
    expect(found[1]).toMatchObject({ imposers: ["nor"], targets: ["varn", "alva"] });
  });

  it("reads 'Among those sanctioned were A and B' as members of the action just reported", () => {
    for (const text of [
      `The Norwegian Treasury sanctioned 15 Chilean officials on Monday. Among those sanctioned were Tomas Varn and Pedro Alva, two senior judges.`,
      `The Norwegian Treasury sanctioned 15 Chilean officials on Monday. Among those designated on Monday are Tomas Varn and Pedro Alva.`,
      `The Norwegian Treasury sanctioned 15 Chilean officials on Monday. Among the officials sanctioned were Tomas Varn and Pedro Alva.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0]).toMatchObject({ imposers: ["tre"], targetText: "15 Chilean officials" });
      expect(found[0].targets).toEqual(expect.arrayContaining(["varn", "alva"]));
    }
  });

  it("reads nothing from an inverted clause with no imposer or one still to come", () => {
    expect(run(`Also sanctioned were two former Peruvian ministers.`)).toEqual([]);
    expect(run(`The Norwegian Treasury sanctioned three Chilean officials on Monday. Also expected to be sanctioned were two Peruvian bankers.`)).toHaveLength(1);
  });
});

describe("a decision taken to sanction", () => {
  it("reads 'X's decision (last month) to sanction Y' and 'X decided (on Monday) to sanction Y' as X's action", () => {
    const [f] = run(`The move follows Norway's decision last month to sanction six Chilean officials over the crackdown.`);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "six Chilean officials", date: "2025-02" });
    const [g] = run(`Norway decided on Monday to sanction four Chilean generals.`);
    expect(g).toMatchObject({ imposers: ["nor"], targetText: "four Chilean generals", date: "2025-03-03" });
    const [h] = run(`Chile condemned Iceland's decision to sanction Tomas Varn.`);
    expect(h).toMatchObject({ imposers: ["isl"], targets: ["varn"] });
  });

  it("reads no action from a plan, a threat, a hedge or a power to sanction", () => {
    for (const text of [
      `Norway plans to sanction four Chilean generals.`,
      `Norway threatened to sanction four Chilean generals.`,
      `Any decision to sanction Chilean generals would be a mistake.`,
      `Norway could decide to sanction four Chilean generals.`,
      `The law authorises Norway to sanction foreign officials.`,
      `Norway would not say whether it had decided to sanction Tomas Varn.`,
    ]) expect(run(text), text).toEqual([]);
  });
});

describe("lists named by their measures and measures extended to new targets", () => {
  it("reads 'added Y to the list of persons subject to restrictive measures' as an addition to a sanctions list", () => {
    for (const [text, target] of [
      [`The Norwegian government decided on Monday to add four Chilean ministers to the list of persons and entities subject to restrictive measures.`, "four Chilean ministers"],
      [`Norway on Monday added two Chilean ministers to the list of those targeted by its restrictive measures.`, "two Chilean ministers"],
      [`Norway added Tomas Varn to the list of individuals subject to an asset freeze.`, "Tomas Varn"],
    ]) {
      const [f] = run(text);
      expect(f, text).toMatchObject({ imposers: ["nor"], targetText: target });
    }
  });

  it("reads no addition to a list of other things, nor one that could happen", () => {
    expect(run(`Norway added a new chapter to the list of grievances.`)).toEqual([]);
    expect(run(`Norway could add four Chilean ministers to the list of persons subject to restrictive measures.`)).toEqual([]);
  });

  it("reads 'extend / expand measures to Y' as an action on Y, not 'to 31 July' or 'to a further 12 months'", () => {
    for (const [text, target] of [
      [`Norway has decided to extend restrictive measures to five Chilean banks.`, "five Chilean banks"],
      [`Norway decided on 10 February to extend restrictive measures to five Chilean banks.`, "five Chilean banks"],
      [`Norway expanded its sanctions to Chilean oil exports on Monday.`, "Chilean oil exports"],
      [`Norway extended its sanctions to include four Chilean banks.`, "four Chilean banks"],
    ]) {
      const [f] = run(text);
      expect(f, text).toMatchObject({ imposers: ["nor"], targetText: target });
    }
    for (const text of [
      `Norway extended its sanctions on Chile to 31 July.`,
      `Norway extended its sanctions to 31 July.`,
      `Norway extended the sanctions to a further 12 months.`,
      `Norway extended the measures to the end of the year.`,
      `Since 2016, Norway has been able to independently apply sanctions to Chilean militias.`,
    ]) expect(run(text).filter((f) => !f.targetText.includes("Chile") || text.includes("able")), text).toEqual([]);
  });

  it("dates 'decided on 10 February to …' by that day", () => {
    const [f] = run(`Norway decided on 10 February to extend restrictive measures to five Chilean banks.`);
    expect(f.date).toBe("2025-02-10");
  });
});

describe("counts, demonyms and members told around an announcement", () => {
  it("reads 'over 1,000 individuals' as a count, not a reason", () => {
    const found = run(`Norway sanctioned three Chilean officials today, which means Norway has designated over 1,000 individuals since the coup.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "three Chilean officials" });
    expect(found[0].targetText).not.toContain("1,000");
  });

  it("reads a state's demonym before the sanctions of a named imposer as the target, never as the imposer", () => {
    for (const text of [
      `Norway announced new Chilean sanctions on Monday.`,
      `Norway announces over 370 more Chilean sanctions today.`,
      `Norway imposed fresh Chilean sanctions after the vote.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toMatchObject({ imposers: ["nor"], targets: ["chl"] });
    }
    // the imposer's own demonym is no target; "Chilean sanctions on Peru" are Chile's
    expect(run(`Norway announced new Norwegian sanctions on Monday.`)).toEqual([]);
    expect(run(`Norway welcomed the Chilean sanctions on Peru.`)[0]?.imposers ?? ["chl"]).toEqual(["chl"]);
  });

  it("reads 'X now subject to N sanctions include A and B' and 'X now sanctioned include A' as members of the action just reported", () => {
    for (const tail of [
      `Chilean bankers now subject to Norwegian sanctions include Tomas Varn and Pedro Alva.`,
      `Chilean officials now sanctioned include Tomas Varn and Pedro Alva.`,
      `Chilean propagandists who have been designated include Tomas Varn and Pedro Alva.`,
    ]) {
      const found = run(`Norway sanctioned over 370 more Chilean individuals on Monday. ${tail}`);
      expect(found, tail).toHaveLength(1);
      expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "over 370 more Chilean individuals" });
      expect(found[0].targets).toEqual(expect.arrayContaining(["varn", "alva"]));
    }
  });

  it("keeps a restatement of the same designation with 'these officials' one action", () => {
    expect(run(`Norway's Treasury sanctioned three Chilean officials on Monday. Norway has designated these officials under the new law for their role in the coup.`)).toHaveLength(1);
    expect(run(`The Norwegian Treasury sanctioned three Chilean officials on Monday. The Norwegian Treasury has designated those officials under the new law.`)).toHaveLength(1);
    // two bodies of no named state, about the same kind of target
    expect(run(`The Trade Office imposed export controls on 80 Chilean companies. The Export Bureau announced the inclusion of these companies in the Entity List.`, [...SPECS, { key: "to", kind: "organisation", names: ["Trade Office"] }, { key: "eb", kind: "organisation", names: ["Export Bureau"] }])).toHaveLength(1);
    // another imposer designating them is another action
    expect(run(`The Norwegian Treasury sanctioned three Chilean officials on Monday. Iceland has designated these officials too.`)).toHaveLength(2);
  });
});

describe("a day after the object and export blacklists", () => {
  it("reads 'X sanctioned Y yesterday / today / Monday' with the whole object and its day", () => {
    for (const [text, date] of [
      [`Norway sanctioned three Chilean officials yesterday.`, "2025-03-06"],
      [`Norway sanctioned three Chilean officials today over the coup.`, "2025-03-07"],
      [`Norway sanctioned three Chilean officials Monday.`, "2025-03-03"],
    ]) {
      const [f] = run(text);
      expect(f, text).toMatchObject({ imposers: ["nor"], targetText: "three Chilean officials", date });
    }
  });

  it("reads an addition to the Entity List in a page that never says 'sanctions'", () => {
    const text = `Export news\nToday, Norway's Bureau of Trade added two Chilean entities to the Entity List for diverting items to a listed party.`;
    const found = extractSanctions(annotated(text, SPECS, "2025-03-07"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ targetText: "two Chilean entities", date: "2025-03-07" });
    // and no list addition in a page about something else
    expect(extractSanctions(annotated(`Club news\nNorway added two Chilean players to its list for the cup.`, SPECS, "2025-03-07"))).toEqual([]);
  });
});
