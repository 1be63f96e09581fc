// Sanctions shapes of unseen real pages (ninth session), each in several invented phrasings: an imposer
// telling its own act inside a quotation, a second action of another kind in the same release, "is to
// impose" and "has moved to sanction", "sanctioned what it described as Y", and the day of a reporting
// clause followed by an aside or reporting a body's act ("said on Thursday its office designated").
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import type { AnnotatedDocument } from "../../src/extract/annotate.ts";
import type { QuoteFact } from "../../src/model.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const DAHL: EntitySpec = { key: "dahl", kind: "person", names: ["Ingrid Dahl", "Dahl"] };
const MINISTRY: EntitySpec = { key: "mfa", kind: "organisation", names: ["Norwegian Foreign Ministry", "Foreign Ministry"] };
const OFFICE: EntitySpec = { key: "oec", kind: "organisation", names: ["Office of Export Control", "OEC"] };
const SPECS = [...ALL, DAHL, MINISTRY, OFFICE];
const about = `Sanctions are back on the agenda.\n`;
type Found = Pick<ReturnType<typeof extractSanctions>[number], "imposers" | "targetText" | "targets" | "reason" | "date">;
const facts = (a: AnnotatedDocument, quotes: QuoteFact[] = []): Found[] =>
  extractSanctions(a, quotes).map(({ imposers, targetText, targets, reason, date }) => ({ imposers, targetText, targets, reason, date }));
const run = (text: string) => facts(annotated(about + text, SPECS, "2025-03-07"));

/** The text with the words between the first pair of quotation marks attributed to `speaker` (on `date`, if given). */
function quoted(text: string, speaker: string, date?: string): { a: AnnotatedDocument; quotes: QuoteFact[] } {
  const a = annotated(about + text, SPECS, "2025-03-07");
  const open = a.doc.text.indexOf("\u201c");
  const close = a.doc.text.indexOf("\u201d", open);
  const span = { start: open + 1, end: close };
  // Dahl is Norway's foreign minister in every text here
  a.roles.push({ holder: "dahl", title: "Foreign Minister", organisation: "nor", evidence: { start: 0, end: 1 }, confidence: 1 });
  return { a, quotes: [{ speaker, text: a.doc.text.slice(span.start, span.end), span, evidence: { start: 0, end: a.doc.text.length }, confidence: 0.9, ...(date ? { date } : {}) }] };
}

describe("an act the imposer tells in its own words", () => {
  it("reads a present, past or perfect act by the speaker's state or body as that imposer's action", () => {
    for (const [text, speaker] of [
      [`\u201cWe are sanctioning three Chilean generals and two of their banks,\u201d Ingrid Dahl said.`, "dahl"],
      [`\u201cToday we sanctioned three Chilean generals who led the coup,\u201d Ingrid Dahl said.`, "dahl"],
      [`The Norwegian Foreign Ministry said in a statement: \u201cThe Government has imposed sanctions on three Chilean generals.\u201d`, "mfa"],
      [`\u201cThe Ministry is designating three Chilean generals,\u201d the Norwegian Foreign Ministry said.`, "mfa"],
    ] as const) {
      const { a, quotes } = quoted(text, speaker);
      const found = facts(a, quotes);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual([speaker === "dahl" ? "nor" : "mfa"]);
      expect(found[0].targetText, text).toMatch(/^three Chilean generals/);
    }
  });

  it("reads no action in a plan, a call, a denial or a condition", () => {
    for (const text of [
      `\u201cWe will consider sanctions against three Chilean generals,\u201d Ingrid Dahl said.`,
      `\u201cWe should impose sanctions on three Chilean generals,\u201d Ingrid Dahl said.`,
      `\u201cWe are not imposing sanctions on three Chilean generals at this time,\u201d Ingrid Dahl said.`,
      `\u201cIf we sanction three Chilean generals, the talks will end,\u201d Ingrid Dahl said.`,
      `\u201cWe will sanction more officials if Chile does not stop,\u201d Ingrid Dahl said.`,
    ]) {
      const { a, quotes } = quoted(text, "dahl");
      expect(facts(a, quotes), text).toEqual([]);
    }
  });

  it("takes the day of the quotation's attribution, not a 'today' inside it", () => {
    const { a, quotes } = quoted(`\u201cToday we are sanctioning three Chilean generals,\u201d Ingrid Dahl said on Tuesday.`, "dahl", "2025-03-04");
    expect(facts(a, quotes).map((f) => f.date)).toEqual(["2025-03-04"]);
  });

  it("reads the speaker's words for an action of the kind just reported as that action again", () => {
    for (const text of [
      `Norway imposed sanctions on three Chilean generals on Tuesday. \u201cIn addition, we are today sanctioning two Chilean banks that financed the coup,\u201d Ingrid Dahl said.`,
      `Norway imposed sanctions on three Chilean generals on Tuesday. \u201cWe\u2019re imposing sanctions on these generals because they led the coup,\u201d Ingrid Dahl said.`,
    ]) {
      const { a, quotes } = quoted(text, "dahl");
      const found = facts(a, quotes);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["nor"]);
    }
  });

  it("reads another kind of measure in the speaker's words as a second action", () => {
    const { a, quotes } = quoted(
      `The Norwegian Foreign Ministry imposed visa restrictions on 40 Chilean officials on Tuesday. \u201cThe Ministry is also designating one Chilean shipping company,\u201d the Norwegian Foreign Ministry said.`,
      "mfa",
    );
    const found = facts(a, quotes);
    expect(found.map((f) => f.targetText)).toEqual(["40 Chilean officials", "one Chilean shipping company"]);
    for (const f of found) expect(f.imposers).toEqual(["mfa"]);
  });
});

describe("a second action in one release", () => {
  it("keeps another kind of measure, or one told as separate, apart from the action just told, on its day", () => {
    for (const second of [
      `Additionally, the ministry is imposing visa restrictions on 40 Chilean officials.`,
      `The ministry also imposed travel bans on 40 Chilean officials.`,
      `Separately, the Norwegian Foreign Ministry designated 40 Chilean officials.`,
      `In a separate action, the ministry added 40 Chilean officials to its entity list.`,
    ]) {
      const text = `The Norwegian Foreign Ministry imposed sanctions on Chilean General Pedro Alvarado on Tuesday. ${second}`;
      const found = run(text);
      expect(found.map((f) => f.targetText), text).toEqual(["Chilean General Pedro Alvarado", "40 Chilean officials"]);
      expect(found.map((f) => f.date), text).toEqual(["2025-03-04", "2025-03-04"]);
    }
  });

  it("still reads the same kind of measure told next by the same imposer as more of one action", () => {
    const found = run(`The Norwegian Foreign Ministry imposed sanctions on Chilean General Pedro Alvarado on Tuesday. It also designated 12 Chilean firms.`);
    expect(found).toHaveLength(1);
  });
});

describe("actions announced with an infinitive", () => {
  it("reads 'is to impose', 'has moved to sanction' and 'moves to impose' as the subject's action", () => {
    for (const text of [
      `Norway is to impose sanctions on three Chilean generals over the coup.`,
      `Norway has moved to sanction three Chilean generals over the coup.`,
      `Norway is to sanction three Chilean generals over the coup.`,
      `Norway moves to impose sanctions on three Chilean generals.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["nor"]);
      expect(found[0].targetText, text).toBe("three Chilean generals");
    }
  });

  it("still reads no action in a plan or an aim", () => {
    for (const text of [`Norway plans to impose sanctions on three Chilean generals.`, `The aim is to impose sanctions on Chile.`]) expect(run(text), text).toEqual([]);
  });
});

describe("the imposer's own name for its target", () => {
  it("reads the target after 'what it described as' / 'what the ministry called'", () => {
    for (const [text, target] of [
      [`Peru on Sunday sanctioned what it described as 15 Chilean companies.`, "15 Chilean companies"],
      [`Peru imposed sanctions on what the ministry called three Chilean front companies.`, "three Chilean front companies"],
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["per"]);
      expect(found[0].targetText, text).toBe(target);
    }
  });
});

describe("the day of a reporting clause", () => {
  it("dates the action by a closing reporting clause followed by an aside", () => {
    for (const text of [
      `Norway imposed new sanctions on Chile, the foreign ministry said on Tuesday, the eve of the national holiday.`,
      `Norway has adopted the latest round of sanctions against Chile over the coup, the government announced on Tuesday, keeping the country in line with its partners.`,
    ]) {
      expect(run(text).map((f) => f.date), text).toEqual(["2025-03-04"]);
    }
  });

  it("dates a body's act reported as 'X said on Thursday (that) its office designated Y'", () => {
    for (const text of [
      `The Norwegian Foreign Ministry said on Thursday its Office of Export Control designated 16 Chilean officials.`,
      `The Norwegian Foreign Ministry said on Thursday its Office of Export Control (OEC) designated 16 Chilean officials.`,
      `The Norwegian Foreign Ministry said on Thursday that its Office of Export Control had designated 16 Chilean officials.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].date, text).toBe("2025-03-06");
    }
  });
});

describe("a state taking up another's package", () => {
  it("reads 'aligned itself with', 'joined' and 'followed suit with' the bloc's sanctions as the state's own action", () => {
    for (const text of [
      `Norway aligned itself with the African Union's latest sanctions against Chile on Tuesday.`,
      `Norway joined the African Union's sanctions against Chile on Tuesday.`,
      `Norway has fully aligned with the AU's sanctions on Chile.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["nor"]);
      expect(found[0].targets, text).toEqual(["chl"]);
    }
  });

  it("still reads no action in 'joined calls for sanctions'", () => {
    expect(run(`Norway joined calls for sanctions against Chile.`)).toEqual([]);
  });
});

describe("a decision reported with 'would'", () => {
  it("reads 'said today that the country would adopt' as a decision taken", () => {
    for (const text of [`Norway said today that the country would adopt all AU sanctions against Chile.`, `Norway said on Monday that it would impose sanctions on Chile.`]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["nor"]);
    }
  });

  it("reads no action when the decision has a condition", () => {
    for (const text of [`Norway said on Monday that the government would impose sanctions on Chile if the coup was not reversed.`, `Norway said that it would impose sanctions on Chile unless the talks resumed.`]) {
      expect(run(text), text).toEqual([]);
    }
  });
});

describe("a release quoted whole", () => {
  it("reads 'Today the Norwegian Government has imposed … sanctions and travel bans on Y' in a ministry's quoted statement, dated by its own 'today'", () => {
    const { a, quotes } = quoted(`In a statement, the Norwegian Foreign Ministry said: \u201cToday the Norwegian Government has imposed further targeted financial sanctions and travel bans on 55 persons.\u201d`, "mfa");
    const found = facts(a, quotes);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["mfa"], targetText: "55 persons", date: "2025-03-07" });
  });
});

describe("members told after a fronted source", () => {
  it("keeps 'As explained by X,' out of the subject and reads 'along with others' as members of the action just told", () => {
    for (const lead of [`As explained by the Norwegian Foreign Ministry,`, `According to the Norwegian Foreign Ministry,`]) {
      const text = `Norway blacklisted two Chilean citizens and three Peruvian firms on Monday. ${lead} Chilean businessman Jorge Castillo and his company were blacklisted along with others for financing the coup.`;
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["nor"]);
      expect(found[0].targetText, text).toBe("two Chilean citizens and three Peruvian firms");
    }
  });

  it("reads a passive after a fronted source as it reads the passive alone", () => {
    const plain = run(`Norway blacklisted two Chilean citizens on Monday. Three Peruvian firms were sanctioned by Iceland.`);
    const fronted = run(`Norway blacklisted two Chilean citizens on Monday. According to the Norwegian Foreign Ministry, three Peruvian firms were sanctioned by Iceland.`);
    expect(fronted.map((f) => f.targetText)).toEqual(plain.map((f) => f.targetText.replace(/^Three/, "three")));
    expect(fronted[1]).toMatchObject({ imposers: ["isl"], targetText: "three Peruvian firms" });
  });
});
