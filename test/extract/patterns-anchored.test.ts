// Anchored scans (matchBefore, whose match must end at a token, and firstMatch with bestEndsAt) pass
// over the starts that lie in another sentence (or block) than the token before the anchor: a match
// that ends there reads every token from its start to that one, all in its start's sentence. These
// invented texts compare every anchor and floor with the pass-over on and off, and firstMatch with
// bestEndsAt with the plain definition (each start's own match, the first that ends at the anchor).
import { afterEach, describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { extract } from "../../src/extract/index.ts";
import { tokenize, type Token } from "../../src/extract/tokens.ts";
import { passOverOtherSentences, pattern, type Match, type MatchOptions, type Pattern } from "../../src/extract/patterns.ts";

const HEADLINE = "Invented headline for the anchored scans";
const TEXT = [
  "Officials in Velmora said on Monday that the new quotas would stay. The fisheries minister, Anna Berg, told reporters the talks went on.",
  "Berg said. Lind, who is visiting Oslo, said the plan would help, but warned of delays. “We will see,” she said.",
  "A third paragraph follows. It has short sentences. Said.",
].join("\n\n");

function tokensOf(text: string): Token[] {
  return tokenize(ingestText("t.txt", `${HEADLINE}\n\n${text}`));
}

/** A match with all its captures, for deep comparison. */
const shape = (m: Match | undefined, names: string[]) => (m ? { from: m.from, to: m.to, caps: Object.fromEntries(names.map((n) => [n, m.all(n)])) } : undefined);

function bothWays<T>(run: () => T): [T, T] {
  passOverOtherSentences(true);
  const on = run();
  passOverOtherSentences(false);
  const off = run();
  passOverOtherSentences(true);
  return [on, off];
}

const PATTERNS: Array<[string, Pattern, string[]]> = [
  // a phrase then a speech verb, captured
  ["phrase + verb", pattern([{ as: "who", phrase: true }, { as: "verb", lower: ["said", "told", "warned"] }]), ["who", "verb"]],
  // any words (a long repeat that would run over a sentence's end if it could), then "said"
  ["words + said", pattern([{ as: "words", word: true, op: [1, 30] }, { lower: "said" }]), ["words"]],
  // alternatives, an optional insert with punctuation, and zero-width tests
  [
    "subject with insert",
    pattern([
      { as: "who", any: [{ phrase: true }, { cap: true, op: "+" }] },
      { seq: [{ text: "," }, { not: { text: [",", "."] }, op: [1, 8] }, { text: "," }], op: "?" },
      { behindNot: { text: "." } },
      { as: "verb", word: true },
    ]),
    ["who", "verb"],
  ],
  // anything at all, punctuation included
  ["any tokens", pattern([{ not: { text: "“" }, op: [1, 40] }]), []],
];

afterEach(() => passOverOtherSentences(true));

describe("anchored scans pass over starts in other sentences, with the same matches", () => {
  const ts = tokensOf(TEXT);

  it("the text has several sentences and blocks (else the test proves nothing)", () => {
    expect(new Set(ts.map((t) => t.sentence)).size).toBeGreaterThan(6);
    expect(new Set(ts.map((t) => t.block)).size).toBeGreaterThan(3);
  });

  for (const [name, p, caps] of PATTERNS) {
    it(`matchBefore: every anchor and floor, within a sentence, a block or anywhere (${name})`, () => {
      let found = 0;
      for (const within of ["sentence", "block", "anywhere"] as const) {
        for (let end = -1; end <= ts.length + 1; end++) {
          for (const floor of [undefined, 0, end - 5, end - 1, end]) {
            const [on, off] = bothWays(() => shape(p.matchBefore(ts, end, floor, { within }), caps));
            expect(on, `${within} end ${end} floor ${floor}`).toEqual(off);
            if (on) found++;
          }
        }
      }
      expect(found).toBeGreaterThan(0);
    });

    it(`firstMatch with bestEndsAt: each start's own match, the first ending at the anchor (${name})`, () => {
      let found = 0;
      for (let end = -1; end <= ts.length + 1; end++) {
        for (const from of [0, end - 12, end - 1]) {
          const options: MatchOptions = { from: Math.max(0, from), to: Math.max(0, end) };
          // every start's match as matchAll gives them, the first that ends at `end` and is taken
          const plain = p.matchAll(ts, { ...options, overlapping: true }).find((m) => m.to === end && m.from % 2 === 0);
          const [on, off] = bothWays(() => shape(p.firstMatch(ts, { ...options, bestEndsAt: end }, (m) => m.from % 2 === 0), caps));
          expect(on, `end ${end} from ${from}`).toEqual(shape(plain, caps));
          expect(off).toEqual(on);
          if (on) found++;
        }
      }
      expect(found).toBeGreaterThan(0);
    });
  }

  it("a start's own match that ends before the anchor is no match there, even when a shorter path would end at it", () => {
    // from "the", the phrase "the new quotas" then "would" is the best match; "the new" + "quotas" is only a worse path
    const p = pattern([{ phrase: true }, { word: true }]);
    const quotas = ts.findIndex((t) => t.text === "quotas");
    const the = quotas - 2;
    expect(ts[the].text).toBe("the");
    expect(p.matchAt(ts, the)?.to).toBe(quotas + 2);
    expect(p.firstMatch(ts, { from: the, to: quotas + 1, bestEndsAt: quotas + 1 }, () => true)?.from).not.toBe(the);
    // while endAt takes the best path among those ending there (here none: the phrase ends at "quotas")
    expect(p.matchAt(ts, the, { endAt: quotas + 2 })?.to).toBe(quotas + 2);
  });
});

describe("the extraction is the same with the pass-over on and off", () => {
  it("gives the same statements, entities and roles on invented paragraphs of several sentences", () => {
    const text = [
      "Velmoran Trade Minister Anna Berg met her counterpart on Monday. Berg said the quotas would “stay until the stocks recover”.",
      "The talks went on for hours. Lind, who is visiting Oslo, told reporters: “Nothing is settled yet.” He later said the plan “might still work”.",
      "“We are ready,” the ministry said in a statement. A spokesperson for the Ministry of Fisheries added that the fleet was “prepared”.",
      "The European Union imposed sanctions on Tomas Lind on Tuesday. The bloc's foreign policy chief, Carla Mendes, said the measures were “overdue”.",
    ].join("\n\n");
    const doc = ingestText("t.txt", `${HEADLINE}\n\n${text}`);
    const [on, off] = bothWays(() => JSON.stringify(extract(doc)));
    expect(on).toEqual(off);
    expect(on).toContain("stay until the stocks recover");
  });
});
