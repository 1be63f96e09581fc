// WordSet (src/extract/word-set.ts): the lexicons' large word sets as one string and two typed
// arrays; it must answer exactly as a Set of the same words, also after V8's serializer (the
// prepared cache) has dropped its class.
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { lexicons } from "../../src/extract/lexicon.ts";
import { WordSet } from "../../src/extract/word-set.ts";

const WORDS = ["velmar", "orsk", "the", "", "zorvan tali", "ünal", "東京", "a\u0301", "velmar", "x".repeat(300)];
const NOT_WORDS = ["Velmar", "velma", "velmarr", "orsk ", " ", "zorvan", "tali", "una", "東", "á", "x".repeat(299), "the\n", "\n"];

describe("WordSet", () => {
  it("answers as a Set of the same words: members, near misses, the empty word, other scripts, duplicates kept once", () => {
    const words = WordSet.of(WORDS);
    const set = new Set(WORDS);
    for (const w of [...WORDS, ...NOT_WORDS]) expect(words.has(w), w).toBe(set.has(w));
    expect(words.size).toBe(set.size);
    expect([...words]).toEqual([...set]);
  });

  it("answers as a Set for many words (a table with collisions and wrapped probes)", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919) % 100003}`);
    const words = WordSet.of(many);
    const set = new Set(many);
    const probes = Array.from({ length: 20000 }, (_, i) => `w${i}`);
    expect(probes.filter((w) => words.has(w))).toEqual(probes.filter((w) => set.has(w)));
    expect(WordSet.of([]).has("")).toBe(false);
    expect(WordSet.of([]).size).toBe(0);
  });

  it("is the same set after V8's serializer: its data read back is revived, checked by looksLike", () => {
    const words = WordSet.of(WORDS);
    const back = deserialize(serialize(words)) as unknown;
    expect(back).not.toBeInstanceOf(WordSet);
    expect(WordSet.looksLike(back)).toBe(true);
    const revived = WordSet.from(back as WordSet);
    for (const w of [...WORDS, ...NOT_WORDS]) expect(revived.has(w)).toBe(words.has(w));
    expect(WordSet.from(words)).toBe(words);
    for (const bad of [null, {}, new Set(WORDS), { text: "a\n", starts: [0, 2], table: new Int32Array(2) }, { text: "a\n", starts: new Uint32Array([0, 2]), table: new Int32Array(3) }]) expect(WordSet.looksLike(bad)).toBe(false);
  });

  it("refuses a word with a line break (its separator)", () => {
    expect(() => WordSet.of(["one\ntwo"])).toThrow(/line break/);
  });

  it("holds the lexicons' person names, surnames and common words as WordSets", () => {
    const lex = lexicons();
    for (const words of [lex.personNames, lex.surnames, lex.commonWords]) {
      expect(words).toBeInstanceOf(WordSet);
      expect(words.size).toBeGreaterThan(1000);
    }
    expect(lex.commonWords.has("the")).toBe(true);
    expect(lex.commonWords.has("The")).toBe(false);
  });
});
