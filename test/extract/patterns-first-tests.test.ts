// The scan passes over starts whose token fails every test a pattern can start with, without
// running its threads there. These invented sentences would lose a match if that pass-over were
// wrong: optional and repeated first elements, alternatives, a first test repeated in a repeat's
// copies, one-value and several-value lists, and each way of matching (all, at, before, first).
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { tokenize, type Token } from "../../src/extract/tokens.ts";
import { pattern, phrasesWorkedOut } from "../../src/extract/patterns.ts";

function tokensOf(text: string): Token[] {
  return tokenize(ingestText("t.txt", `Invented headline for the tests\n\n${text}`)).filter((t) => t.blockKind === "body");
}
const words = (ts: readonly Token[], r: { from: number; to: number } | undefined) => (r ? ts.slice(r.from, r.to).map((t) => t.text).join(" ") : undefined);

describe("starts passed over by their first token", () => {
  const ts = tokensOf("Officials said the new Velmoran sanctions took effect, and further sanctions followed.");

  it("finds a match whose optional first element is absent", () => {
    const p = pattern([{ lower: ["new", "further"], op: "?" }, { lower: "sanctions" }]);
    expect(p.matchAll(ts).map((m) => words(ts, m))).toEqual(["sanctions", "further sanctions"]);
  });

  it("tries every test a start may begin with: alternatives and a repeat's copies", () => {
    const p = pattern([{ any: [[{ lower: "the" }, { cap: true, op: "+" }], [{ lower: "further" }]] }, { lower: "sanctions" }]);
    expect(p.matchAll(ts).map((m) => words(ts, m))).toEqual(["further sanctions"]);
    const q = pattern([{ cap: true, op: [1, 3] }, { lower: "sanctions" }]);
    expect(q.matchAll(ts).map((m) => words(ts, m))).toEqual(["Velmoran sanctions"]);
  });

  it("compares a one-value list and looks up a longer one", () => {
    expect(pattern([{ lower: "took" }, { lower: "effect" }]).matchAll(ts).map((m) => words(ts, m))).toEqual(["took effect"]);
    expect(pattern([{ text: ["Officials", "Ministers"] }, { lemma: "say" }]).matchAll(ts).map((m) => words(ts, m))).toEqual(["Officials said"]);
    expect(pattern([{ text: "officials" }]).matchAll(ts)).toEqual([]);
  });

  it("answers matchAt, matchBefore and firstMatch as before", () => {
    const p = pattern([{ lower: ["new", "further"] }, { cap: true, op: "*" }, { lower: "sanctions" }]);
    const at = ts.findIndex((t) => t.text === "new");
    expect(words(ts, p.matchAt(ts, at))).toBe("new Velmoran sanctions");
    expect(p.matchAt(ts, at - 1)).toBeUndefined();
    const end = ts.findIndex((t) => t.text === "took");
    expect(words(ts, p.matchBefore(ts, end))).toBe("new Velmoran sanctions");
    expect(words(ts, p.firstMatch(ts, {}, (m) => ts[m.from].text === "further"))).toBe("further sanctions");
  });
});

describe("noun phrases worked out only for patterns that read them", () => {
  it("matches a word pattern without them, and a phrase pattern with them", () => {
    const ts = tokensOf("The Orvanian envoy said new sanctions on the Tessaly fleet took effect.");
    expect(words(ts, pattern([{ lower: "new" }, { lower: "sanctions" }]).matchAll(ts)[0])).toBe("new sanctions");
    expect(pattern([{ lower: "took" }]).matchBefore(ts, ts.length, 0)).toBeUndefined();
    expect(phrasesWorkedOut(ts)).toBe(false);
    expect(pattern([{ lower: "on" }, { phrase: true, as: "target" }]).matchAll(ts).map((m) => words(ts, m.get("target")))).toEqual(["the Tessaly fleet"]);
    expect(phrasesWorkedOut(ts)).toBe(true);
  });
});
