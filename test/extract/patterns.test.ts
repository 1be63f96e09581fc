// The token layer: tags and lemmas on our tokens, noun phrases, and the declarative matcher.
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { extract } from "../../src/extract/index.ts";
import { tokenize, type Token } from "../../src/extract/tokens.ts";
import { phrasesOf, pattern, MAX_REPEAT, type Match } from "../../src/extract/patterns.ts";

function tokensOf(text: string): Token[] {
  return tokenize(ingestText("t.txt", `Invented headline for the tests\n\n${text}`)).filter((t) => t.blockKind === "body");
}
const words = (ts: readonly Token[], r: { from: number; to: number } | undefined) => (r ? ts.slice(r.from, r.to).map((t) => t.text).join(" ") : undefined);

describe("tags and lemmas", () => {
  it("tags our tokens and keeps our token boundaries", () => {
    const ts = tokensOf("The Zarvanian ministry imposed new sanctions on al-Koros's firms.");
    const by = (w: string) => ts.find((t) => t.text === w)!;
    expect(ts.map((t) => t.text)).toEqual(["The", "Zarvanian", "ministry", "imposed", "new", "sanctions", "on", "al-Koros", "'s", "firms", "."]);
    expect(by("imposed").tag).toBe("VERB");
    expect(by("imposed").lemma).toBe("impose");
    expect(by("sanctions").lemma).toBe("sanction");
    expect(by("The").tag).toBe("DET");
    expect(by("al-Koros").tag).toBe("PROPN");
    expect(by("firms").tag).toBe("NOUN");
    expect(by(".").tag).toBe("PUNCT");
    expect(by("The").lower).toBe("the");
  });

  it("keeps the older token fields", () => {
    const ts = tokensOf("Mr. Pell said the EU would act.");
    expect(ts[0]).toMatchObject({ text: "Mr.", cap: true, isWord: true, sentenceStart: true });
    expect(ts.find((t) => t.text === "EU")!.allCaps).toBe(true);
  });
});

describe("noun phrases", () => {
  const phraseTexts = (text: string) => {
    const ts = tokensOf(text);
    return phrasesOf(ts).phrases.map((p) => words(ts, p));
  };

  it("finds base noun phrases and keeps prepositional phrases apart", () => {
    const ps = phraseTexts("The Office of Eastern Trade Control designated three Zarvanian officials on Tuesday.");
    expect(ps).toContain("The Office");
    expect(ps).toContain("Eastern Trade Control");
    expect(ps).toContain("three Zarvanian officials");
  });

  it("keeps a possessor inside its phrase and takes pronouns alone", () => {
    const ps = phraseTexts("They said Zarvania's foreign ministry froze their accounts.");
    expect(ps).toContain("They");
    expect(ps).toContain("Zarvania 's foreign ministry");
    expect(ps).toContain("their accounts");
  });

  it("does not run a phrase over a verb between two names", () => {
    const ps = phraseTexts("The Council designated Zarvanian officials.");
    expect(ps).toEqual(["The Council", "Zarvanian officials"]);
  });

  it("reads a text that starts with a conjunction (no token before the first)", () => {
    expect(phraseTexts("And Korland agreed, 1,600 officials said.")).toContain("Korland");
    expect(() => extract(ingestText("a.txt", "And then the talks ended\n\nOr so the officials said.\n"))).not.toThrow();
  });

  it("never crosses a sentence and stays bounded on an endless capitalised run", () => {
    expect(phraseTexts("He met Tarn. Officials left.")).toEqual(["He", "Tarn", "Officials"]);
    const ts = tokensOf(Array.from({ length: 100 }, () => "Grand Harbour").join(" "));
    for (const p of phrasesOf(ts).phrases) expect(p.to - p.from).toBeLessThanOrEqual(16);
  });
});

describe("patterns", () => {
  const IMPOSE = pattern([
    { phrase: true, as: "imposer" },
    { lemma: ["impose", "slap"] },
    { lower: ["new", "further"], op: "?" },
    { lemma: "sanction" },
    { lower: ["on", "against"] },
    { as: "target", seq: [{ phrase: true }, { seq: [{ lower: [",", "and"] }, { phrase: true }], op: "*" }] },
  ]);

  it("captures noun phrases by name", () => {
    const ts = tokensOf("The Zarvanian government imposed new sanctions on two Korlandian banks and a shipping firm.");
    const [m] = IMPOSE.matchAll(ts);
    expect(words(ts, m.get("imposer"))).toBe("The Zarvanian government");
    expect(words(ts, m.get("target"))).toBe("two Korlandian banks and a shipping firm");
  });

  it("matches lemmas across inflections and leaves other sentences alone", () => {
    const ts = tokensOf("Korland slaps sanctions against the Velmar fleet. Zarvania welcomed the talks.");
    const ms = IMPOSE.matchAll(ts);
    expect(ms).toHaveLength(1);
    expect(words(ts, ms[0].get("target"))).toBe("the Velmar fleet");
  });

  it("does not match across a sentence boundary unless asked", () => {
    const p = pattern([{ lower: "talks" }, { text: "." }, { lower: "officials" }]);
    const ts = tokensOf("They held talks. Officials left.");
    expect(p.matchAll(ts)).toHaveLength(0);
    expect(p.matchAll(ts, { within: "block" })).toHaveLength(1);
  });

  it("takes the leftmost of overlapping matches, and every start when asked", () => {
    const p = pattern([{ tag: "PROPN", op: "+", as: "name" }]);
    const ts = tokensOf("The envoys met Alda Brenn Corvo yesterday.");
    const ms = p.matchAll(ts);
    expect(ms.map((m: Match) => words(ts, m))).toEqual(["Alda Brenn Corvo"]);
    expect(p.matchAll(ts, { overlapping: true }).map((m) => words(ts, m))).toEqual(["Alda Brenn Corvo", "Brenn Corvo", "Corvo"]);
  });

  it("prefers the earlier alternative, and lookarounds are zero-width", () => {
    const p = pattern([
      { behindNot: { lower: "not" } },
      { any: [[{ lower: "asset" }, { lower: "freeze" }], { lower: "asset" }], as: "measure" },
      { ahead: { lower: "on" } },
    ]);
    expect(words(tokensOf("an asset freeze on them"), p.matchAll(tokensOf("an asset freeze on them"))[0]?.get("measure"))).toBe("asset freeze");
    expect(p.matchAll(tokensOf("not asset freeze on them"))).toHaveLength(0);
    expect(p.matchAll(tokensOf("an asset freeze for them"))).toHaveLength(0);
  });

  it("tests phrases by their head and by a member, and tokens by sets and functions", () => {
    const STATES = new Set(["zarvania", "korland"]);
    const p = pattern([
      { phrase: { head: { lemma: ["official", "bank"] }, has: { tag: "NUM" } }, as: "t" },
      { test: (t) => t.text === "from" },
      { in: STATES, as: "state" },
    ]);
    const ts = tokensOf("Three officials from Zarvania and the officials from Korland left.");
    const ms = p.matchAll(ts);
    expect(ms).toHaveLength(1);
    expect(words(ts, ms[0].get("state"))).toBe("Zarvania");
  });

  it("collects every capture of a repeated group", () => {
    const p = pattern([{ phrase: true, as: "x" }, { seq: [{ lower: ["and", ","] }, { phrase: true, as: "x" }], op: "*" }]);
    const ts = tokensOf("Zarvania, Korland and Velmar agreed.");
    expect(p.matchAll(ts)[0].all("x").map((r) => words(ts, r))).toEqual(["Zarvania", "Korland", "Velmar"]);
  });

  it("matches at a given start only", () => {
    const ts = tokensOf("Zarvania imposed sanctions on Korland.");
    expect(IMPOSE.matchAt(ts, 0)).toBeDefined();
    expect(IMPOSE.matchAt(ts, 1)).toBeUndefined();
  });

  it("finds the leftmost match that ends right before a token, as a regular expression anchored with $", () => {
    const ts = tokensOf("The Zarvanian government and its allies on Monday imposed sanctions.");
    const verb = ts.findIndex((t) => t.text === "imposed");
    const subject = pattern([{ phrase: true, as: "who" }, { seq: [{ lower: "and" }, { phrase: true }], op: "?" }, { seq: [{ lower: "on" }, { tag: "PROPN" }], op: "?" }]);
    const m = subject.matchBefore(ts, verb)!;
    expect(words(ts, m)).toBe("The Zarvanian government and its allies on Monday");
    expect(words(ts, m.get("who"))).toBe("The Zarvanian government");
    // a match ending elsewhere is none, and nothing at or after the end is read
    expect(pattern([{ lower: "government" }]).matchBefore(ts, verb)).toBeUndefined();
    expect(pattern([{ lower: "imposed" }]).matchBefore(ts, verb)).toBeUndefined();
    // the floor bounds how far back a match may start
    expect(words(ts, subject.matchBefore(ts, verb, verb - 2))).toBe("Monday");
  });

  it("bounds repeats, and rejects a malformed repeat", () => {
    const p = pattern([{ lower: "very", op: "+", as: "v" }, { lower: "big" }]);
    const many = tokensOf(`a ${"very ".repeat(MAX_REPEAT + 5)}big one`);
    const [m] = p.matchAll(many);
    expect(m.get("v")!.to - m.get("v")!.from).toBe(1); // the last repeat of the captured group
    expect(m.to - m.from).toBe(MAX_REPEAT + 1);
    expect(() => pattern([{ lower: "x", op: [3, 1] }])).toThrow(/bad repeat/);
  });

  it("stays linear on a long sentence that almost matches everywhere", () => {
    const p = pattern([{ phrase: true }, { seq: [{ lower: "and" }, { phrase: true }], op: "*" }, { lemma: "impose" }]);
    const text = `${"Alda Brenn and ".repeat(20000)}Corvo left.`;
    const ts = tokensOf(text);
    const t0 = Date.now();
    expect(p.matchAll(ts)).toHaveLength(0);
    expect(Date.now() - t0).toBeLessThan(30000); // a blow-up would take hours, not seconds
  });

  // The matcher runs each start on its own and skips the starts a caller does not need: whatever
  // the entry point, the matches must be those every start gives when all are run.
  describe("the same matches whichever starts a caller runs", () => {
    const WORDS = ["Zarvania", "Korland", "the", "ministry", "and", "of", "imposed", "sanctions", "on", "new", ",", "said", "Alda", "Brenn", "banks", "not", ".", "imposed sanctions on", "imposed new sanctions against"];
    const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const sentences = (random: () => number) => Array.from({ length: 12 }, () => Array.from({ length: 3 + Math.floor(random() * 14) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ").replace(/ \./g, "") + ".").join(" ");
    const PATTERNS = [
      IMPOSE,
      pattern([{ behindNot: { lower: "not" } }, { cap: true, op: "+", as: "name" }, { any: [[{ lower: "of" }, { phrase: true, as: "of" }], { lower: "said" }] }]),
      pattern([{ phrase: true, as: "x" }, { seq: [{ lower: ["and", ","] }, { phrase: true, as: "x" }], op: [0, 3] }, { ahead: { lemma: "impose" } }]),
      pattern([{ lower: "the", op: "?" }, { word: true, op: [1, 4], as: "w" }, { text: "." }]),
    ];
    const key = (ts: readonly Token[], m: Match | undefined) => (m ? `${m.from}-${m.to}:${["name", "of", "x", "w", "imposer", "target"].map((n) => m.all(n).map((r) => words(ts, r)).join("|")).join(";")}` : "none");

    it("matchAll, matchAt, matchBefore and firstMatch agree with every start's match", () => {
      const random = seeded(7);
      const found = new Map<number, number>();
      for (let run = 0; run < 40; run++) {
        const ts = tokensOf(sentences(random));
        for (const p of PATTERNS) {
          const every = p.matchAll(ts, { overlapping: true });
          found.set(PATTERNS.indexOf(p), (found.get(PATTERNS.indexOf(p)) ?? 0) + every.length);
          const byStart = new Map(every.map((m) => [m.from, m]));
          // leftmost, non-overlapping: a greedy pass over every start's match
          const greedy: Match[] = [];
          for (const m of every) if (!greedy.length || m.from >= greedy[greedy.length - 1].to) greedy.push(m);
          expect(p.matchAll(ts).map((m) => key(ts, m))).toEqual(greedy.map((m) => key(ts, m)));
          for (let s = 0; s < ts.length; s++) expect(key(ts, p.matchAt(ts, s))).toBe(key(ts, byStart.get(s)));
          const accept = (m: Match) => m.to - m.from >= 3;
          expect(key(ts, p.firstMatch(ts, {}, accept))).toBe(key(ts, every.find(accept)));
          const end = Math.floor(random() * ts.length);
          expect(key(ts, p.matchBefore(ts, end))).toBe(key(ts, p.matchAll(ts, { from: Math.max(0, end - 2 * MAX_REPEAT), endAt: end, overlapping: true })[0]));
        }
      }
      // every pattern matched often enough for the comparisons to mean something
      for (let k = 0; k < PATTERNS.length; k++) expect(found.get(k)).toBeGreaterThan(10);
    });

    it("gives each token array its own matches when one pattern runs over several in turn (its runner is reused)", () => {
      // a phrase element reads the phrases of the array it runs on: a runner left on another array would misread them
      const elements: Parameters<typeof pattern>[0] = [{ phrase: true }, { lower: ["said", "imposed"] }];
      const fresh = (ts: Token[]) => pattern(elements).matchAll(ts).map((m) => words(ts, m));
      const P = pattern(elements);
      const a = tokensOf("The new Ministry said it would act. Officials imposed limits.");
      const b = tokensOf("Yesterday the Council of Ministers imposed a ban, and the Minister said so.");
      expect(fresh(a).length).toBeGreaterThan(0);
      expect(fresh(b).length).toBeGreaterThan(0);
      expect(P.matchAll(a).map((m) => words(a, m))).toEqual(fresh(a));
      expect(P.matchAll(b).map((m) => words(b, m))).toEqual(fresh(b));
      expect(P.matchAll(a).map((m) => words(a, m))).toEqual(fresh(a));
      const last = P.matchAll(b).at(-1)!;
      expect(words(b, P.matchAt(b, last.from))).toBe(words(b, last));
      expect(words(a, P.matchBefore(a, P.matchAll(a)[0].to, 0))).toBe(fresh(a)[0]);
    });

    it("gives the same matches when a token test runs the same pattern again", () => {
      let inside = false;
      const nested: Parameters<typeof pattern>[0] = [
        { test: (_t, _i, ts) => {
          if (inside) return true;
          inside = true;
          try {
            return NESTED.matchAll(ts).length >= 0;
          } finally {
            inside = false;
          }
        } },
        { cap: true, op: "+", as: "name" },
        { lower: ["said", "imposed"] },
      ];
      const NESTED = pattern(nested);
      const PLAIN = pattern([{ test: () => true }, ...nested.slice(1)]);
      const random = seeded(11);
      let found = 0;
      for (let run = 0; run < 20; run++) {
        const ts = tokensOf(sentences(random));
        found += PLAIN.matchAll(ts, { overlapping: true }).length;
        expect(NESTED.matchAll(ts, { overlapping: true }).map((m) => key(ts, m))).toEqual(PLAIN.matchAll(ts, { overlapping: true }).map((m) => key(ts, m)));
      }
      expect(found).toBeGreaterThan(10);
    });
  });
});

describe("noun phrases at the start of the tokens", () => {
  it("reads a token array that opens with a comma, '&' or '-' (a scrambled page) without looking before its first token", () => {
    for (const text of [", 1,600 people", "& Co. said", "- Reuters reported", "and or but"]) {
      const ts = tokensOf(text);
      const { phrases } = phrasesOf(ts);
      expect(phrases.every((p) => p.from >= 0 && p.to <= ts.length)).toBe(true);
    }
  });
});
