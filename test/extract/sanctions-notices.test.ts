// Sanctions shapes of notices and releases that failed on unseen pages, each in several invented
// phrasings: a sanctions committee approving "the addition of the entries specified below" to its list
// (the entry lines below are the targets), a summary bullet restating the lead's action, "a targeted
// financial sanction" (a noun, not the verb), and "Russian citizen NAME" (the person is hit, not Russia).
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/extract/annotate.ts";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

/** The whole pipeline on a page (headline first): the entry lines' names are found as on real pages. */
function page(text: string) {
  const a = annotate(ingestText("notice.txt", text));
  const name = (k: string) => a.entities.find((e) => e.key === k)?.name ?? k;
  return extractSanctions(a).map((f) => ({ imposers: f.imposers.map(name), targetText: f.targetText, targets: f.targets.map(name), reason: f.reason, date: f.date ?? f.month ?? f.year }));
}

const KORIN: EntitySpec = { key: "kor", kind: "person", names: ["Pavel Korin", "Korin"] };
const RUIZ: EntitySpec = { key: "ruiz", kind: "person", names: ["Ana Ruiz"] };
const run = (text: string, published = "2025-03-07") =>
  extractSanctions(annotated(text, [...ALL, KORIN, RUIZ], published)).map(({ imposers, targetText, targets, reason, date }) => ({ imposers, targetText, targets, reason, date }));

describe("a sanctions committee's notice of entries added to its list", () => {
  const notice = (opening: string, entries: string) => `Committee adds names to its sanctions list\n\nSC/00000\n12 May 2024\n\n${opening}\n\n${entries}\n\nThe Committee acted at the request of three member states, whose envoys welcomed the decision in a joint letter.\n`;
  const CODED = `A. Individuals\n\nNRi.031 Tomas VARNEK\nNationality: Norland. Designation: commander of a militia in the port city.\n\nNRi.032 Ilse RASKOVA\nNationality: Norland. Designation: financier of the same militia.\n\nB. Entities\n\nNRe.007 Bluewater Trading Company\nAddress: Port Halden. Designation: front company of the militia.`;
  const BULLETED = `- Tomas VARNEK\n- Ilse RASKOVA`;

  it("reads 'On DATE, the Committee established pursuant to resolution N approved the addition of the entries specified below' as the committee's action of that day on the entries", () => {
    const [f, ...more] = page(notice(`On 12 May 2024, the Security Council Committee established pursuant to resolution 2140 (2014) concerning Norland approved the addition of the entries specified below to its Sanctions List, which it keeps under paragraph 9 of that resolution and reviews every year.`, CODED));
    expect(more).toEqual([]);
    expect(f.imposers).toEqual(["Security Council Committee"]);
    expect(f.targetText).toBe("the entries specified below");
    expect(f.targets).toEqual(["Tomas Varnek", "Ilse Raskova", "Bluewater Trading Company"]);
    expect(f.date).toBe("2024-05-12");
  });

  it("adds the body that imposed the list's measures ('… subject to the travel ban imposed by the Security Council')", () => {
    const [f] = page(notice(`On 12 May 2024, the Security Council Committee approved the addition of the entries specified below to its Sanctions List of individuals and entities subject to the asset freeze and travel ban imposed by the Security Council.`, CODED));
    expect(f.imposers).toEqual(["Security Council Committee", "Security Council"]);
    expect(f.targets).toContain("Ilse Raskova");
  });

  it("reads 'approved the addition of the following individuals to its list:' and a bulleted list", () => {
    const [f] = page(notice(`The Sanctions Committee established by resolution 1999 (2011) on Tuesday approved the addition of the following individuals to its list:`, BULLETED));
    expect(f.imposers).toEqual(["Sanctions Committee"]);
    expect(f.targets).toEqual(["Tomas Varnek", "Ilse Raskova"]);
  });

  it("takes no entries from the prose after a notice without entry lines", () => {
    const [f] = page(`Committee adds names to its sanctions list\n\nThe Sanctions Committee approved the addition of the names listed below to its list on Tuesday.\n\nTomas Varnek, a militia commander, said the decision was political and that he would appeal against it.\n`);
    expect(f.imposers).toEqual(["Sanctions Committee"]);
    expect(f.targets).toEqual([]);
  });
});

describe("a summary bullet restating the lead's action", () => {
  it("merges '- Norway sanctions the fishing police' into 'Norway has today sanctioned Chile's fishing police in its entirety'", () => {
    for (const bullet of [`- Norway sanctions the fishing police, its chief and his deputy`, `• Norway sanctions the fishing police (Policia Pesquera) and its chief`]) {
      const found = run(`Norway has today sanctioned Chile's fishing police in its entirety, together with its chief.\n${bullet}\n- the designated individuals face an asset freeze`);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: expect.stringContaining("fishing police") });
    }
  });

  it("keeps an action on other targets, or at another time, apart", () => {
    expect(run(`Norway has today sanctioned Chile's fishing police.\nIts chief was arrested last year.\n- Norway sanctions the Chilean navy`)).toHaveLength(2);
    expect(run(`Norway has today sanctioned Chile's fishing police.\nNorway sanctioned the fishing police commanders in 2019.`)).toHaveLength(2);
  });
});

describe("'a targeted financial sanction' is a noun", () => {
  it("reads 'imposed a targeted financial sanction and a travel ban on Y' as one action on Y", () => {
    for (const text of [
      `Norway has imposed a targeted financial sanction and a travel ban on Ana Ruiz, for her role in the attack.`,
      `Norway imposed an autonomous cyber sanction on Ana Ruiz for her role in the attack.`,
      `Today Norway has imposed its first such sanction and an entry ban on Ana Ruiz.`,
    ]) {
      const found = run(text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ imposers: ["nor"], targets: ["ruiz"] });
      expect(found[0].targetText).toContain("Ana Ruiz");
    }
  });
});

describe("a nationality before a person's name", () => {
  it("reads 'Chilean citizen Pavel Korin' as the person, not the state", () => {
    for (const text of [
      `Norway imposed sanctions on Chilean citizen Pavel Korin.`,
      `Norway has imposed a financial sanction and a travel ban on Peruvian national Pavel Korin, for his role in the attack.`,
      `Iceland sanctioned Chilean passport holder Pavel Korin on Monday.`,
    ]) {
      const [f] = run(text);
      expect(f.targets).toEqual(["kor"]);
      expect(f.targetText).toContain("Pavel Korin");
    }
  });

  it("keeps the state where it is named for more than a nationality", () => {
    expect(run(`Norway imposed sanctions on Chilean citizen Pavel Korin and two Chilean banks.`)[0].targets.sort()).toEqual(["chl", "kor"]);
    expect(run(`Norway imposed sanctions on four Chilean officials.`)[0].targets).toEqual(["chl"]);
  });
});

describe("designations kept in force", () => {
  it("reads 'X would not lift / refused to remove the designations of Y' as X's designation of Y, undated", () => {
    for (const [text, imposer, target] of [
      [`On Friday Norway eased its trade rules, but warned that Norway would not lift the designations of “smugglers, arms dealers and torturers” linked to the old regime.`, "nor", "smugglers, arms dealers and torturers"],
      [`The African Union refused on Monday to remove the sanctions on three Chilean generals.`, "au", "three Chilean generals"],
      [`Iceland declined to ease its remaining sanctions against four Peruvian banks.`, "isl", "four Peruvian banks"],
    ]) {
      const found = run(`Sanctions are back on the agenda.\n${text}`);
      const f = found.find((x) => x.targetText === target);
      expect(f).toBeDefined();
      expect(f!.imposers).toEqual([imposer]);
      expect(f!.date).toBeUndefined();
    }
  });

  it("reads 'the department' after a post's holder as the holder's own department", () => {
    const text = `Sanctions are back on the agenda.\nThe Finance Department and the Trade Department met on Monday. Finance Secretary Jon Berg warned that the department would not lift the designations of four Chilean banks.`;
    const a = annotated(text, [...ALL, { key: "fd", kind: "organisation", names: ["Finance Department"] }, { key: "td", kind: "organisation", names: ["Trade Department"] }, { key: "jb", kind: "person", names: ["Jon Berg"] }], "2025-03-07");
    a.roles.push({ holder: "jb", title: "Finance Secretary", evidence: { start: 0, end: 1 }, confidence: 1 });
    const f = extractSanctions(a).find((x) => x.targetText === "four Chilean banks");
    expect(f?.imposers).toEqual(["fd"]);
  });

  it("reads 'X kept / will keep Y on its (sanctions) list' as X's designation of Y", () => {
    for (const text of [`Iceland kept two Chilean banks on its blacklist despite the deal.`, `Iceland said it would keep two Chilean banks on its sanctions list.`]) {
      const [f] = run(`Sanctions are back on the agenda.\n${text}`);
      expect(f).toMatchObject({ imposers: ["isl"], targetText: "two Chilean banks" });
      expect(f.date).toBeUndefined();
    }
  });

  it("reads no kept designation where a lifting is told, or one is only asked for", () => {
    expect(run(`Sanctions are back on the agenda.\nIceland lifted the designations of four Peruvian banks on Monday.`).filter((f) => f.imposers.includes("isl"))).toEqual([]);
    expect(run(`Sanctions are back on the agenda.\nPeru urged Iceland to keep its ports open to Chilean trawlers.`)).toEqual([]);
  });
});

describe("an action told 'at the same meeting' as the sentence before", () => {
  it("takes the day of the sentence before", () => {
    for (const text of [
      `The African Union met in Lima on Tuesday, when its ministers agreed to lift the trade ban. At the same meeting the AU imposed asset freezes on six Chilean officers.`,
      `The African Union summit ended on Tuesday. On the same day, the AU imposed sanctions on six Chilean officers.`,
    ]) {
      const [f] = run(text);
      expect(f).toMatchObject({ imposers: ["au"], targetText: "six Chilean officers", date: "2025-03-04" });
    }
  });

  it("gives no day when the sentence before gives none", () => {
    const [f] = run(`The African Union met in Lima. At the same meeting the AU imposed asset freezes on six Chilean officers.`);
    expect(f.date).toBeUndefined();
  });
});

describe("targets of an adopted package told a few sentences later", () => {
  it("reads 'The financial sanctions against A, B and C take effect immediately' as the announcement's targets, undated by the adopted body's days", () => {
    for (const text of [
      `Norway adopts sanctions\n\nOn Monday, Norway decided to adopt the packages of sanctions imposed by the African Union on 23 and 25 February. It is doing so in view of the war. The assets of the listed firms are frozen. The financial sanctions against President Tomas Varn, Prime Minister Ilse Rask and Foreign Minister Jon Berg take effect immediately.\n`,
      `Norway adopts sanctions\n\nNorway decided to adopt the packages of sanctions imposed by the African Union. The sanctions on Tomas Varn and Ilse Rask enter into force today.\n`,
    ]) {
      const found = page(text);
      expect(found).toHaveLength(1);
      expect(found[0].imposers).toEqual(["Norway"]);
      expect(found[0].targets).toEqual(expect.arrayContaining(["Tomas Varn", "Ilse Rask"]));
      expect(found[0].date).toBeUndefined();
    }
  });

  it("takes no later 'they …' sentence for the targets, only the definite measures", () => {
    const found = page(`Norway adopts sanctions\n\nNorway decided to adopt the packages of sanctions imposed by the African Union. It is doing so in view of the war. They hit the fishing fleet hard last year.\n`);
    expect(found).toEqual([]);
  });
});
