// Sanctions shapes found failing on unseen pages, each tested in several invented phrasings: adverbials
// between an unnamed imposer and its verb, counter-sanctions ("hit back with"), targets told in the
// sentence after the announcement, a state's office named bare ("Treasury"), measures told as a
// response ("responded by freezing …"), and earlier actions restated as background.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const VARN: EntitySpec = { key: "varn", kind: "person", names: ["Tomas Varn", "Varn"] };
const RASK: EntitySpec = { key: "rask", kind: "person", names: ["Ilse Rask", "Rask"] };
const TREASURY: EntitySpec = { key: "tre", kind: "organisation", names: ["Norwegian Treasury Department"] };
const OFFICE: EntitySpec = { key: "dos", kind: "organisation", names: ["Department of State"] };
const SPECS = [...ALL, VARN, RASK, TREASURY, OFFICE];
const about = `Sanctions are back on the agenda.\n`;
const run = (text: string, specs = SPECS, published = "2025-03-07") => {
  const a = annotated(text, specs, published);
  a.entities.find((e) => e.key === "au")!.orgType = "international";
  return extractSanctions(a).map(({ imposers, targetText, targets, reason, date, month, year }) => ({ imposers, targetText, targets, reason, date: date ?? month ?? year }));
};

describe("adverbials between an unnamed imposer and its verb", () => {
  it("reads 'The Council on Monday formally listed …' as the bloc's action of that day", () => {
    for (const [text, date] of [
      [`The African Union is weighing its answer to the coup. The Council on Monday formally listed four Chilean officers for undermining the transition.`, "2025-03-03"],
      [`The African Union is weighing its answer to the coup. The Council this week also designated four Chilean officers over the coup.`, "2025-03"],
      [`The African Union met in Lima. The Council on 4 March quietly listed four Chilean officers.`, "2025-03-04"],
    ]) {
      const [f] = run(text);
      expect(f).toMatchObject({ imposers: ["au"], targetText: "four Chilean officers", date });
    }
  });

  it("still reads no action from an adverbial before a threat", () => {
    expect(run(`The African Union met in Lima. The Council on Monday could list four Chilean officers.`)).toEqual([]);
  });
});

describe("counter-sanctions told as an answer", () => {
  it("reads 'hit back / struck back (on Friday) with (its own) sanctions on Y' as the answering side's", () => {
    for (const text of [
      `Norway sanctioned five Chilean officials. Chile hit back with its own sanctions on four Norwegian lawmakers.`,
      `Norway sanctioned five Chilean officials. Chile hit back on Friday with sanctions on four Norwegian lawmakers.`,
      `Norway sanctioned five Chilean officials. Santiago struck back with counter-sanctions against four Norwegian lawmakers, the ministry said.`,
    ]) {
      const found = run(text);
      expect(found).toHaveLength(2);
      expect(found[1]).toMatchObject({ imposers: ["chl"], targetText: "four Norwegian lawmakers" });
    }
  });

  it("reads 'retaliated / responded (on DATE) by banning / freezing …' as the subject's measure", () => {
    const [f] = run(about + `Chile retaliated on Tuesday by banning 25 Norwegian journalists from entering the country.`);
    expect(f).toMatchObject({ imposers: ["chl"], targetText: "25 Norwegian journalists", date: "2025-03-04" });
    const [g] = run(about + `The African Union responded on 9 January 2022 by closing its members' borders with Peru and freezing Peruvian state assets held in the regional central bank.`);
    expect(g).toMatchObject({ imposers: ["au"], targetText: "Peruvian state assets held in the regional central bank", date: "2022-01-09" });
    const [h] = run(about + `Iceland reacted by freezing Chilean central bank reserves.`);
    expect(h).toMatchObject({ imposers: ["isl"], targetText: "Chilean central bank reserves" });
  });
});

describe("targets told in the sentence after the announcement", () => {
  it("gives 'They target …' / 'The new measures hit …' the imposer and day of the announcement before", () => {
    for (const text of [
      `Iceland announced new sanctions on Monday. They target seven Chilean hackers involved in the data breach.`,
      `Iceland unveiled a sanctions package on Monday. The new measures hit seven Chilean hackers involved in the data breach.`,
      `Iceland adopted further sanctions on Monday. These sanctions apply to seven Chilean hackers involved in the data breach.`,
    ]) {
      const found = run(text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ imposers: ["isl"], targetText: "seven Chilean hackers involved in the data breach", date: "2025-03-03" });
    }
  });

  it("needs the announcement right before: 'They target …' alone, or two sentences later, is nobody's", () => {
    expect(run(about + `They target seven Chilean hackers.`)).toEqual([]);
    expect(run(`Iceland announced new sanctions on Monday. Peru said nothing. They target seven Chilean hackers.`)).toEqual([]);
    // "they target civilians" after a sentence with no announcement
    expect(run(about + `Chilean militias roam the border. They target civilians.`)).toEqual([]);
  });
});

describe("a state's office named bare, and earlier actions restated", () => {
  it("reads 'Treasury designated both men on <date>' as the treasury's earlier action on the pair named before", () => {
    const found = run(`Norway sanctioned five Chilean officers today. The Norwegian Treasury Department says Tomas Varn and Ilse Rask were already listed: Treasury designated both men on December 10, 2019 for abuses against miners.`);
    const earlier = found.find((f) => f.imposers.includes("tre"));
    expect(earlier).toMatchObject({ targets: ["varn", "rask"], reason: "abuses against miners", date: "2019-12-10" });
  });

  it("keeps two reports of one target at different times as two actions", () => {
    const found = run(`Norway sanctioned Tomas Varn in 2023. Norway had first sanctioned Tomas Varn in May 2019 over the dam dispute.`);
    expect(found.map((f) => f.date)).toEqual(["2023", "2019-05"]);
  });

  it("reads 'barred them and their families from entering' with the pronoun first in the list", () => {
    const [f] = run(about + `Tomas Varn and Ilse Rask lead the militia. The Department of State barred them and their immediate family members from entering Norway in July 2019.`);
    expect(f).toMatchObject({ imposers: ["dos"], targetText: "them and their immediate family members" });
    // a pronoun alone, or first after a verb that tells no act done, is no target
    expect(run(about + `A new law would let the state bar them from entering Norway.`)).toEqual([]);
    expect(run(about + `Tomas Varn and Ilse Rask lead the militia. Norway will bar them and their families from entering the country.`)).toEqual([]);
  });

  it("reads '(the X's) existing sanctions on Y, which already cover Z' as an earlier action on Z", () => {
    for (const text of [
      `Norway has imposed sanctions on eight Chilean officials. Today's designations add to Norway's existing sanctions on Chile, which already cover the Velmar navy.`,
      `Norway has imposed sanctions on eight Chilean officials. The listings add to Norway's previous sanctions on Chile, which include the Velmar navy.`,
    ]) {
      const found = run(text);
      expect(found).toHaveLength(2);
      expect(found[1]).toMatchObject({ imposers: ["nor"], targetText: "the Velmar navy" });
    }
  });
});

describe("the day of an action told with a fronted time", () => {
  it("dates the action by a time fronted before a long subject, with or without a comma or a dateline", () => {
    for (const text of [
      `Today, the Department of the Norwegian Treasury Department's sanctions office designated four Chilean officers.`,
      `OSLO – Today the Norwegian Treasury Department designated four Chilean officers.`,
      `On Friday afternoon, the Norwegian Treasury Department designated four Chilean officers.`,
    ]) {
      const [f] = run(text, SPECS, "2025-03-07");
      expect(f).toMatchObject({ imposers: ["tre"], targetText: "four Chilean officers", date: "2025-03-07" });
    }
  });

  it("reads 'this afternoon' / 'this morning' as the article's day", () => {
    const [f] = run(`The African Union this afternoon imposed new sanctions on Peru over the coup.`, SPECS, "2025-03-07");
    expect(f).toMatchObject({ imposers: ["au"], date: "2025-03-07" });
    const [g] = run(`Norway this morning imposed new sanctions on Peru over the coup.`, SPECS, "2025-03-07");
    expect(g.date).toBe("2025-03-07");
  });

  it("gives no day from a fronted clause that has its own verb", () => {
    const [f] = run(`When the talks failed on Monday after Chile walked out, Norway imposed new sanctions on Peru.`, SPECS, "2025-03-07");
    expect(f).toMatchObject({ imposers: ["nor"] });
    expect(f.date).toBeUndefined();
  });
});
