// mergeNQuadLines (src/graph/nquads.ts): a stored graph's lines, less some, merged with new lines
// give the text sortNQuadLines gives of them all (what an incremental build writes of an
// entities bucket must equal the bucket written whole).
import { describe, expect, it } from "vitest";
import { mergeNQuadLines, sortNQuadLines } from "../../src/graph/nquads.ts";

/** Invented quads' lines: a few subjects and objects, some beyond the Basic Multilingual Plane. */
const line = (n: number) => `<http://example.org/e/${["a", "b", "ä", "\u{1F600}", "\uFF5E"][n % 5]}${n % 7}> <http://example.org/p> "v${n % 11}" <http://example.org/g> .`;
/** A seeded sequence of numbers below n (no Math.random: the same cases every run). */
const numbers = (seed: number, count: number, n: number): number[] => {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) out.push((x = (x * 1103515245 + 12345) % 2 ** 31) % n);
  return out;
};

describe("mergeNQuadLines", () => {
  it("gives sortNQuadLines' text for canonical kept lines and any new ones (duplicates, blanks, comments)", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const kept = sortNQuadLines(numbers(seed, 30, 400).map(line)).split("\n").filter(Boolean);
      const more = [...numbers(seed + 1000, seed % 9, 400).map(line), "", "# a comment", kept[seed % Math.max(1, kept.length)] ?? ""];
      expect(mergeNQuadLines(kept, more)).toBe(sortNQuadLines([...kept, ...more]));
    }
    expect(mergeNQuadLines([], [])).toBe("");
    expect(mergeNQuadLines([], [line(3), line(1), line(3)])).toBe(sortNQuadLines([line(3), line(1)]));
  });

  it("sorts everything when the kept lines are not in canonical order", () => {
    const kept = [line(9), line(2), line(2), "", line(5)];
    expect(mergeNQuadLines(kept, [line(4)])).toBe(sortNQuadLines([...kept, line(4)]));
  });
});
