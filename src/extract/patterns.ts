// Declarative patterns over tagged tokens, in the spirit of spaCy's Matcher and Stanford's
// TokensRegex. A pattern is a list of elements:
//
//   const IMPOSE = pattern([
//     { phrase: true, as: "imposer" },                       // a base noun phrase, captured
//     { lemma: ["impose", "slap"], tag: "VERB" },            // one token: word/lower/lemma/tag/cap/set
//     { lower: ["new", "further"], op: "?" },                // optional; also "*", "+", [min, max]
//     { lemma: "sanction" },
//     { lower: ["on", "against"] },
//     { as: "target", seq: [{ phrase: true }, { seq: [{ lower: "and" }, { phrase: true }], op: "*" }] },
//   ]);
//   for (const m of IMPOSE.matchAll(tokens)) m.get("imposer") /* {from, to} token range */;
//
// Matching runs every start position in lock-step (a Pike VM: no backtracking), and every
// repeat is bounded (`*` and `+` mean at most MAX_REPEAT), so a thread lives at most a bounded
// number of tokens: the work is linear in the input, whatever the input. Between matches that
// overlap, the leftmost wins; from one start, the earlier alternative and the longer repeat win.
import type { Token, Tag } from "./tokens.ts";
import { nounPhrases, phraseIndex, type NounPhrase } from "./phrases.ts";

/** `*` and `+` stand for at most this many repetitions. */
export const MAX_REPEAT = 24;

export type Op = "?" | "*" | "+" | readonly [number, number];
type OneOrMore<T> = T | readonly T[];

/** What one token must be. Every field given must hold. */
export interface TokenTest {
  /** The exact text. */
  text?: OneOrMore<string>;
  /** The text in lower case. */
  lower?: OneOrMore<string>;
  lemma?: OneOrMore<string>;
  tag?: OneOrMore<Tag>;
  /** Starts with a capital letter. */
  cap?: boolean;
  /** A word (letters or digits), not punctuation. */
  word?: boolean;
  /** The lower-case text is in this set (a lexicon). */
  in?: ReadonlySet<string>;
  /** The lemma is in this set. */
  lemmaIn?: ReadonlySet<string>;
  /** This test must fail. */
  not?: TokenTest;
  /** Anything else, e.g. "inside a mention of a state". */
  test?: (t: Token, i: number, tokens: readonly Token[]) => boolean;
}

/** What a noun phrase must be. */
export interface PhraseTest {
  /** The element may start inside a phrase and take the rest of it (for a phrase read from a known position). */
  suffix?: boolean;
  /** A test on the phrase's head (its last token). */
  head?: TokenTest;
  /** A test on some token of the phrase. */
  has?: TokenTest;
  test?: (p: NounPhrase, tokens: readonly Token[]) => boolean;
}

interface Common {
  op?: Op;
  /** Capture the tokens this element matched under this name. */
  as?: string;
}

export type Element =
  | (Common & TokenTest & { phrase?: never; seq?: never; any?: never })
  | (Common & { phrase: true | PhraseTest })
  | (Common & { seq: readonly Element[] })
  | (Common & { any: ReadonlyArray<Element | readonly Element[]> })
  /** Zero-width: the next token exists and passes / does not exist or fails. */
  | { ahead: TokenTest }
  | { aheadNot: TokenTest }
  /** Zero-width: the previous token exists and passes / does not exist or fails. */
  | { behind: TokenTest }
  | { behindNot: TokenTest };

/** A range of tokens, end exclusive. */
export interface TokenRange {
  from: number;
  to: number;
}

export interface Match extends TokenRange {
  /** The last range captured under `name`. */
  get(name: string): TokenRange | undefined;
  /** Every range captured under `name`, in text order. */
  all(name: string): TokenRange[];
}

export interface MatchOptions {
  from?: number;
  to?: number;
  /** Matches stay inside one sentence (default), one block, or may cross both. */
  within?: "sentence" | "block" | "anywhere";
  /** Every start's match, even when matches overlap (default: leftmost, non-overlapping). */
  overlapping?: boolean;
  /**
   * Only matches that end exactly before this token count (like a regular expression anchored with
   * `$`): "the words right before the verb". Matching stops there.
   */
  endAt?: number;
}

export interface Pattern {
  matchAll(tokens: readonly Token[], options?: MatchOptions): Match[];
  /** The match starting exactly at `start`, if any. */
  matchAt(tokens: readonly Token[], start: number, options?: MatchOptions): Match | undefined;
  /**
   * The leftmost match that ends exactly before token `end` and starts at or after `floor`
   * (default: `end` - 2 × MAX_REPEAT): what stands right before a position, e.g. a verb's subject.
   */
  matchBefore(tokens: readonly Token[], end: number, floor?: number, options?: MatchOptions): Match | undefined;
}

// ---- compiling -------------------------------------------------------------------------------

type Pred = (i: number, ctx: Ctx) => boolean;
type Instr =
  | { op: "tok"; test: Pred }
  | { op: "np"; test: (p: NounPhrase, ctx: Ctx) => boolean; suffix: boolean }
  | { op: "npRest" }
  | { op: "split"; x: number; y: number }
  | { op: "jmp"; x: number }
  | { op: "open" | "close"; name: string }
  | { op: "assert"; test: Pred }
  | { op: "match" };

interface Ctx {
  tokens: readonly Token[];
  phrases: readonly NounPhrase[];
  phraseAt: Int32Array;
}

const asList = <T>(v: OneOrMore<T>): readonly T[] => (Array.isArray(v) ? v : [v as T]);

/** A token test as a function (lists become sets). */
export function tokenPredicate(t: TokenTest): (tok: Token, i: number, tokens: readonly Token[]) => boolean {
  const checks: Array<(tok: Token, i: number, tokens: readonly Token[]) => boolean> = [];
  const member = (v: OneOrMore<string>, get: (tok: Token) => string) => {
    const set = new Set(asList(v));
    checks.push((tok) => set.has(get(tok)));
  };
  if (t.text !== undefined) member(t.text, (tok) => tok.text);
  if (t.lower !== undefined) member(t.lower, (tok) => tok.lower);
  if (t.lemma !== undefined) member(t.lemma, (tok) => tok.lemma);
  if (t.tag !== undefined) member(t.tag, (tok) => tok.tag);
  if (t.cap !== undefined) checks.push((tok) => tok.cap === t.cap);
  if (t.word !== undefined) checks.push((tok) => tok.isWord === t.word);
  if (t.in) checks.push((tok) => t.in!.has(tok.lower));
  if (t.lemmaIn) checks.push((tok) => t.lemmaIn!.has(tok.lemma));
  if (t.not) {
    const not = tokenPredicate(t.not);
    checks.push((tok, i, ts) => !not(tok, i, ts));
  }
  if (t.test) checks.push(t.test);
  return (tok, i, ts) => checks.every((c) => c(tok, i, ts));
}

function phrasePredicate(p: true | PhraseTest): (np: NounPhrase, ctx: Ctx) => boolean {
  if (p === true) return () => true;
  const head = p.head ? tokenPredicate(p.head) : undefined;
  const has = p.has ? tokenPredicate(p.has) : undefined;
  return (np, { tokens }) => {
    if (head && !head(tokens[np.head], np.head, tokens)) return false;
    if (has && !tokens.slice(np.from, np.to).some((t, k) => has(t, np.from + k, tokens))) return false;
    return !p.test || p.test(np, tokens);
  };
}

function bounds(op: Op | undefined): [number, number] {
  if (op === undefined) return [1, 1];
  if (op === "?") return [0, 1];
  if (op === "*") return [0, MAX_REPEAT];
  if (op === "+") return [1, MAX_REPEAT];
  const [min, max] = op;
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max >= min && max <= 4 * MAX_REPEAT)) throw new Error(`pattern: bad repeat [${min}, ${max}]`);
  return [min, max];
}

class Compiler {
  prog: Instr[] = [];

  emit(i: Instr): number {
    this.prog.push(i);
    return this.prog.length - 1;
  }

  seq(elements: readonly Element[]): void {
    for (const e of elements) this.element(e);
  }

  element(e: Element): void {
    if ("ahead" in e || "aheadNot" in e || "behind" in e || "behindNot" in e) return this.zeroWidth(e);
    const [min, max] = bounds(e.op);
    const once = () => {
      if (e.as) this.emit({ op: "open", name: e.as });
      this.body(e);
      if (e.as) this.emit({ op: "close", name: e.as });
    };
    for (let k = 0; k < min; k++) once();
    // each optional copy: try it (greedy), or leave the repeat
    const exits: number[] = [];
    for (let k = min; k < max; k++) {
      const split = this.emit({ op: "split", x: this.prog.length + 1, y: -1 });
      exits.push(split);
      once();
    }
    for (const s of exits) (this.prog[s] as { y: number }).y = this.prog.length;
  }

  body(e: Element): void {
    if ("seq" in e && e.seq) return this.seq(e.seq);
    if ("any" in e && e.any) {
      const jumps: number[] = [];
      e.any.forEach((alt, k) => {
        const last = k === e.any.length - 1;
        const split = last ? -1 : this.emit({ op: "split", x: this.prog.length + 1, y: -1 });
        this.seq(Array.isArray(alt) ? (alt as readonly Element[]) : [alt as Element]);
        if (!last) {
          jumps.push(this.emit({ op: "jmp", x: -1 }));
          (this.prog[split] as { y: number }).y = this.prog.length;
        }
      });
      for (const j of jumps) (this.prog[j] as { x: number }).x = this.prog.length;
      return;
    }
    if ("phrase" in e && e.phrase) {
      this.emit({ op: "np", test: phrasePredicate(e.phrase), suffix: e.phrase !== true && !!e.phrase.suffix });
      this.emit({ op: "npRest" });
      return;
    }
    const test = tokenPredicate(e as TokenTest);
    this.emit({ op: "tok", test: (i, ctx) => test(ctx.tokens[i], i, ctx.tokens) });
  }

  zeroWidth(e: Element): void {
    if ("ahead" in e) {
      const t = tokenPredicate(e.ahead);
      this.emit({ op: "assert", test: (i, { tokens }) => i < tokens.length && t(tokens[i], i, tokens) });
    } else if ("aheadNot" in e) {
      const t = tokenPredicate(e.aheadNot);
      this.emit({ op: "assert", test: (i, { tokens }) => !(i < tokens.length && t(tokens[i], i, tokens)) });
    } else if ("behind" in e) {
      const t = tokenPredicate(e.behind);
      this.emit({ op: "assert", test: (i, { tokens }) => i > 0 && t(tokens[i - 1], i - 1, tokens) });
    } else if ("behindNot" in e) {
      const t = tokenPredicate(e.behindNot);
      this.emit({ op: "assert", test: (i, { tokens }) => !(i > 0 && t(tokens[i - 1], i - 1, tokens)) });
    }
  }
}

// ---- matching --------------------------------------------------------------------------------

/** Captures as a persistent list, newest first: threads share their common past. */
interface Cap {
  name: string;
  open: boolean;
  pos: number;
  prev: Cap | null;
}

interface Thread {
  pc: number;
  start: number;
  caps: Cap | null;
}

class ThreadList {
  threads: Thread[] = [];
  private seen = new Set<number>();
  constructor(private size: number) {}
  /** Whether (start, pc) is new in this list (and marks it seen). */
  fresh(start: number, pc: number): boolean {
    const key = start * this.size + pc;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

const phraseCache = new WeakMap<readonly Token[], { phrases: NounPhrase[]; phraseAt: Int32Array }>();

/** The noun phrases of a token array (computed once per array). */
export function phrasesOf(tokens: readonly Token[]): { phrases: NounPhrase[]; phraseAt: Int32Array } {
  let c = phraseCache.get(tokens);
  if (!c) {
    const phrases = nounPhrases(tokens);
    c = { phrases, phraseAt: phraseIndex(tokens, phrases) };
    phraseCache.set(tokens, c);
  }
  return c;
}

function toMatch(from: number, to: number, caps: Cap | null): Match {
  const groups = new Map<string, TokenRange[]>();
  const open = new Map<string, number>();
  const list: Cap[] = [];
  for (let c = caps; c; c = c.prev) list.push(c);
  for (const c of list.reverse()) {
    if (c.open) open.set(c.name, c.pos);
    else {
      const start = open.get(c.name);
      if (start === undefined || start === c.pos) continue; // an empty capture is none
      const ranges = groups.get(c.name) ?? [];
      ranges.push({ from: start, to: c.pos });
      groups.set(c.name, ranges);
    }
  }
  return {
    from,
    to,
    get: (name) => groups.get(name)?.at(-1),
    all: (name) => groups.get(name) ?? [],
  };
}

function run(prog: Instr[], tokens: readonly Token[], options: MatchOptions, onlyStart?: number): Map<number, Match> {
  const from = onlyStart ?? options.from ?? 0;
  const to = Math.min(options.to ?? tokens.length, options.endAt ?? tokens.length, tokens.length);
  const endAt = options.endAt;
  const within = options.within ?? "sentence";
  const { phrases, phraseAt } = phrasesOf(tokens);
  const ctx: Ctx = { tokens, phrases, phraseAt };
  const found = new Map<number, Match>();
  const sameUnit = (a: Token, b: Token) => within === "anywhere" || (a.block === b.block && (within === "block" || a.sentence === b.sentence));

  const add = (list: ThreadList, pc: number, start: number, caps: Cap | null, pos: number): void => {
    if (!list.fresh(start, pc)) return;
    const ins = prog[pc];
    switch (ins.op) {
      case "jmp": return add(list, ins.x, start, caps, pos);
      case "split": add(list, ins.x, start, caps, pos); return add(list, ins.y, start, caps, pos);
      case "open": case "close": return add(list, pc + 1, start, { name: ins.name, open: ins.op === "open", pos, prev: caps }, pos);
      case "assert": if (ins.test(pos, ctx)) add(list, pc + 1, start, caps, pos); return;
      default: list.threads.push({ pc, start, caps });
    }
  };

  let clist = new ThreadList(prog.length);
  for (let i = from; i <= to; i++) {
    if (i < to && (onlyStart === undefined || i === onlyStart)) add(clist, 0, i, null, i);
    if (!clist.threads.length) {
      if (onlyStart !== undefined && i >= onlyStart) break;
      continue;
    }
    const nlist = new ThreadList(prog.length);
    const cut = new Set<number>();
    for (const th of clist.threads) {
      if (cut.has(th.start)) continue;
      const ins = prog[th.pc];
      if (ins.op === "match") {
        // anchored: a match that ends elsewhere is no match; the threads after it go on
        if (endAt !== undefined && i !== endAt) continue;
        // a match: it beats every lower-priority thread of its start (those later in this list)
        if (i > th.start) found.set(th.start, toMatch(th.start, i, th.caps));
        cut.add(th.start);
        continue;
      }
      if (i >= to || !sameUnit(tokens[th.start], tokens[i])) continue;
      if (ins.op === "tok") {
        if (ins.test(i, ctx)) add(nlist, th.pc + 1, th.start, th.caps, i + 1);
      } else if (ins.op === "np") {
        const n = phraseAt[i];
        if (n < 0 || (phrases[n].from !== i && !ins.suffix) || !ins.test(phrases[n], ctx)) continue;
        add(nlist, phrases[n].to === i + 1 ? th.pc + 2 : th.pc + 1, th.start, th.caps, i + 1);
      } else if (ins.op === "npRest") {
        const n = phraseAt[i];
        if (n < 0 || phrases[n].from === i) continue;
        add(nlist, phrases[n].to === i + 1 ? th.pc + 1 : th.pc, th.start, th.caps, i + 1);
      }
    }
    clist = nlist;
  }
  return found;
}

/** Compiles a pattern. Throws on a malformed one (a bad repeat). */
export function pattern(elements: readonly Element[]): Pattern {
  const c = new Compiler();
  c.seq(elements);
  c.emit({ op: "match" });
  const prog = c.prog;
  return {
    matchAll(tokens, options = {}) {
      const found = run(prog, tokens, options);
      const starts = [...found.keys()].sort((a, b) => a - b);
      if (options.overlapping) return starts.map((s) => found.get(s)!);
      const out: Match[] = [];
      let free = -1;
      for (const s of starts) {
        if (s < free) continue;
        const m = found.get(s)!;
        out.push(m);
        free = m.to;
      }
      return out;
    },
    matchAt(tokens, start, options = {}) {
      return run(prog, tokens, options, start).get(start);
    },
    matchBefore(tokens, end, floor = end - 2 * MAX_REPEAT, options = {}) {
      if (end <= 0) return undefined;
      const found = run(prog, tokens, { ...options, from: Math.max(0, floor), endAt: end });
      const first = Math.min(...found.keys());
      return Number.isFinite(first) ? found.get(first) : undefined;
    },
  };
}

/** Character span of a token range. */
export function charSpan(tokens: readonly Token[], r: TokenRange): { start: number; end: number } {
  return { start: tokens[r.from].start, end: tokens[r.to - 1].end };
}
