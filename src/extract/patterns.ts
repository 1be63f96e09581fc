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
  /**
   * Only a start's own match (the one it has without this option) that ends exactly before this
   * token counts: a start whose match ends elsewhere has none here (unlike `endAt`, which picks a
   * start's best match among those ending there). Lets `firstMatch` pass over, without running
   * them, the starts that cannot end there (those outside that token's sentence).
   */
  bestEndsAt?: number;
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
  /**
   * Of the matches `matchAll` with `overlapping` gives, the first that `accept` takes (starts are
   * tried left to right, and no further once one is taken). With `bestEndsAt`, only matches that end
   * there are offered to `accept`.
   */
  firstMatch(tokens: readonly Token[], options: MatchOptions, accept: (m: Match) => boolean): Match | undefined;
}

// ---- compiling -------------------------------------------------------------------------------

type Pred = (i: number, ctx: Ctx) => boolean;
type Instr =
  // the token test itself, called with the token (no wrapper: it runs at nearly every start)
  | { op: "tok"; test: TokenPredicate }
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

type TokenPredicate = (tok: Token, i: number, tokens: readonly Token[]) => boolean;
/**
 * Each test's function, made once: a repeat is compiled as copies of its body (up to MAX_REPEAT,
 * nested repeats multiply), and building a test's sets for every copy was most of the CPU that
 * compiling the passes' patterns costs at every start. Tests are constants, never changed.
 */
const predicates = new WeakMap<TokenTest, TokenPredicate>();

/** A token test as a function (lists become sets). */
export function tokenPredicate(t: TokenTest): TokenPredicate {
  let p = predicates.get(t);
  if (!p) predicates.set(t, (p = makeTokenPredicate(t)));
  return p;
}

function makeTokenPredicate(t: TokenTest): TokenPredicate {
  type Check = (tok: Token, i: number, tokens: readonly Token[]) => boolean;
  const checks: Check[] = [];
  // one value is compared, more are looked up in a set (each field's check its own function: one shape per call site)
  const values = (v: OneOrMore<string>): [string | undefined, Set<string>] => {
    const list = asList(v);
    return [list.length === 1 ? list[0] : undefined, new Set(list)];
  };
  if (t.text !== undefined) { const [one, s] = values(t.text); checks.push(one !== undefined ? (tok) => tok.text === one : (tok) => s.has(tok.text)); }
  if (t.lower !== undefined) { const [one, s] = values(t.lower); checks.push(one !== undefined ? (tok) => tok.lower === one : (tok) => s.has(tok.lower)); }
  if (t.lemma !== undefined) { const [one, s] = values(t.lemma); checks.push(one !== undefined ? (tok) => tok.lemma === one : (tok) => s.has(tok.lemma)); }
  if (t.tag !== undefined) { const [one, s] = values(t.tag); checks.push(one !== undefined ? (tok) => tok.tag === one : (tok) => s.has(tok.tag)); }
  if (t.cap !== undefined) { const cap = t.cap; checks.push((tok) => tok.cap === cap); }
  if (t.word !== undefined) { const word = t.word; checks.push((tok) => tok.isWord === word); }
  if (t.in) { const s = t.in; checks.push((tok) => s.has(tok.lower)); }
  if (t.lemmaIn) { const s = t.lemmaIn; checks.push((tok) => s.has(tok.lemma)); }
  if (t.not) {
    const not = tokenPredicate(t.not);
    checks.push((tok, i, ts) => !not(tok, i, ts));
  }
  if (t.test) checks.push(t.test);
  // the checks in order, without a loop for the usual one or two (they run at every token)
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0];
  const [a, b] = checks;
  if (checks.length === 2) return (tok, i, ts) => a(tok, i, ts) && b(tok, i, ts);
  return (tok, i, ts) => {
    for (const c of checks) if (!c(tok, i, ts)) return false;
    return true;
  };
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
    this.emit({ op: "tok", test: tokenPredicate(e as TokenTest) });
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

/**
 * What an instruction leads to without reading a token, when no assertion is on the way: the
 * instructions that read a token (or match) in the order the matcher reaches them, each with the
 * captures opened or closed on its way. Worked out once per instruction instead of at every token.
 */
interface Closure {
  pcs: number[];
  caps: Array<ReadonlyArray<{ name: string; open: boolean }>>;
}

/** The closure of `pc`, or null when an assertion is on the way (it depends on the position then). */
function closureOf(prog: Instr[], pc: number): Closure | null {
  const out: Closure = { pcs: [], caps: [] };
  const seen = new Set<number>();
  const walk = (pc: number, caps: ReadonlyArray<{ name: string; open: boolean }>): boolean => {
    if (seen.has(pc)) return true;
    seen.add(pc);
    const ins = prog[pc];
    switch (ins.op) {
      case "jmp": return walk(ins.x, caps);
      case "split": return walk(ins.x, caps) && walk(ins.y, caps);
      case "open": case "close": return walk(pc + 1, [...caps, { name: ins.name, open: ins.op === "open" }]);
      case "assert": return false;
      default:
        out.pcs.push(pc);
        out.caps.push(caps);
        return true;
    }
  };
  return walk(pc, []) ? out : null;
}

/** A compiled pattern: its instructions, their closures (made as needed) and the matcher's marks. */
interface Program {
  prog: Instr[];
  /** Does it read noun phrases? (Those of a token array are worked out only for a pattern that does.) */
  readsPhrases: boolean;
  closures: Array<Closure | null | undefined>;
  marks: Marks;
  /** The scan's quick test of a start (null: none applies; undefined: not worked out yet). */
  firstTests?: TokenPredicate[] | null;
  /** The runner of the last outermost scan, reused by the next (its lists and context are per scan otherwise: garbage). */
  runner?: Runner;
}

/**
 * Marks of the instructions already on the thread list being built, one stamp per list, so that
 * nothing is cleared between lists. One per compiled program; a run inside a run of the same
 * program (a test that matches it again) gets its own.
 */
class Marks {
  readonly marks: Int32Array;
  private stamp = 0;
  busy = false;
  constructor(size: number) {
    this.marks = new Int32Array(size);
  }
  /** A stamp no list has used yet. */
  next(): number {
    if (this.stamp === 0x7fffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
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

/** Have the noun phrases of `tokens` been worked out? (For the tests.) */
export function phrasesWorkedOut(tokens: readonly Token[]): boolean {
  return phraseCache.has(tokens);
}

const NO_PHRASES = { phrases: [], phraseAt: new Int32Array(0) };

/** What a run over `tokens` reads: their noun phrases only when the pattern reads phrases. */
function contextOf(program: Program, tokens: readonly Token[]): Ctx {
  const { phrases, phraseAt } = program.readsPhrases ? phrasesOf(tokens) : NO_PHRASES;
  return { tokens, phrases, phraseAt };
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

/**
 * Tries the starts from `first` on, in order, each on its own: a start's threads never meet another
 * start's (priorities, cuts and captures are per start), so this finds the same matches as running
 * all starts in lock-step, with a thread list that holds one start's threads only, and a caller
 * that needs only some starts' matches (the leftmost, the ones a match does not cover) stops or
 * skips. `next` gets each start's match and returns the next start to try (past `last`: stop). A
 * start whose first token no match can begin with has no match, and every caller's next start after
 * no match is the following one: such starts are passed over here, before a runner is set up for them.
 */
function scan(program: Program, tokens: readonly Token[], options: MatchOptions, first: number, last: number, next: (start: number, m: Match | undefined) => number): void {
  const to = Math.min(options.to ?? tokens.length, options.endAt ?? tokens.length, tokens.length);
  const { marks } = program;
  const nested = marks.busy;
  const own = nested ? new Marks(program.prog.length) : marks;
  own.busy = true;
  try {
    const within = options.within ?? "sentence";
    let runner: Runner;
    if (nested) runner = new Runner(program, own, tokens, to, options.endAt, within);
    else {
      runner = program.runner ??= new Runner(program, own, tokens, to, options.endAt, within);
      runner.reset(tokens, to, options.endAt, within);
    }
    const tests = firstTests(program);
    // anchored: a match that counts reads every token up to `end` - 1, all in its start's sentence
    // (or block), so a start in another sentence than that token's has none
    const end = options.endAt ?? options.bestEndsAt;
    const last1 = skipOtherSentences && within !== "anywhere" && end !== undefined && end > 0 && end <= tokens.length ? tokens[end - 1] : undefined;
    const sentence = within === "sentence" ? last1?.sentence : undefined;
    for (let s = first; s <= last && s < to; ) {
      if (tests && !anyTest(tests, tokens, s)) s++;
      else if (last1 && (tokens[s].block !== last1.block || (sentence !== undefined && tokens[s].sentence !== sentence))) s++;
      else s = next(s, runner.from(s));
    }
  } finally {
    if (!nested) own.busy = false;
  }
}

/** The matcher over one token array, for one start after another (its lists are reused). */
class Runner {
  private ctx: Ctx;
  private readonly seen: Int32Array;
  private stamp = 0;
  /**
   * The list being read and the list being built: instructions that read a token (or match), in
   * priority order, with their captures; the first `len` / `nlen` entries count (the arrays are
   * reused, not emptied).
   */
  private pcs: number[] = [];
  private caps: Array<Cap | null> = [];
  private npcs: number[] = [];
  private ncaps: Array<Cap | null> = [];
  private nlen = 0;

  constructor(
    private readonly program: Program,
    private readonly marks: Marks,
    tokens: readonly Token[],
    private to: number,
    private endAt: number | undefined,
    private within: "sentence" | "block" | "anywhere",
  ) {
    this.ctx = contextOf(program, tokens);
    this.seen = marks.marks;
  }

  /** Points the runner at another scan (the same program and marks). */
  reset(tokens: readonly Token[], to: number, endAt: number | undefined, within: "sentence" | "block" | "anywhere"): void {
    if (this.ctx.tokens !== tokens) this.ctx = contextOf(this.program, tokens);
    this.to = to;
    this.endAt = endAt;
    this.within = within;
  }

  /**
   * The match of the threads that start at token `start`: the highest-priority one, ending at or
   * before `to` (exactly at `endAt` if given). (scan has already passed over the starts that fail
   * the pattern's first tokens.)
   */
  from(start: number): Match | undefined {
    const { ctx, to, endAt, within } = this;
    const { tokens, phrases, phraseAt } = ctx;
    const { prog } = this.program;
    this.nlen = 0;
    this.stamp = this.marks.next();
    this.add(0, null, start);
    const first = tokens[start];
    // the best match so far, made into a Match at the end (a greedy pattern passes several on the way)
    let foundEnd = -1;
    let foundCaps: Cap | null = null;
    for (let i = start; this.nlen > 0; i++) {
      // the list built becomes the one read
      const pcs = this.npcs;
      const caps = this.ncaps;
      const len = this.nlen;
      this.npcs = this.pcs;
      this.ncaps = this.caps;
      this.pcs = pcs;
      this.caps = caps;
      this.nlen = 0;
      this.stamp = this.marks.next();
      const alive = i < to && (within === "anywhere" || (first.block === tokens[i].block && (within === "block" || first.sentence === tokens[i].sentence)));
      for (let k = 0; k < len; k++) {
        const pc = pcs[k];
        const ins = prog[pc];
        if (ins.op === "match") {
          // anchored: a match that ends elsewhere is no match; the threads after it go on
          if (endAt !== undefined && i !== endAt) continue;
          // a match: it beats every lower-priority thread (those later in this list)
          if (i > start) {
            foundEnd = i;
            foundCaps = caps[k];
          }
          break;
        }
        if (!alive) continue;
        if (ins.op === "tok") {
          if (ins.test(tokens[i], i, tokens)) this.add(pc + 1, caps[k], i + 1);
        } else if (ins.op === "np") {
          const n = phraseAt[i];
          if (n < 0 || (phrases[n].from !== i && !ins.suffix) || !ins.test(phrases[n], ctx)) continue;
          this.add(phrases[n].to === i + 1 ? pc + 2 : pc + 1, caps[k], i + 1);
        } else if (ins.op === "npRest") {
          const n = phraseAt[i];
          if (n < 0 || phrases[n].from === i) continue;
          this.add(phrases[n].to === i + 1 ? pc + 1 : pc, caps[k], i + 1);
        }
      }
    }
    return foundEnd < 0 ? undefined : toMatch(start, foundEnd, foundCaps);
  }

  private push(pc: number, c: Cap | null): void {
    this.npcs[this.nlen] = pc;
    this.ncaps[this.nlen] = c;
    this.nlen++;
  }

  /**
   * Puts `pc` on the list being built, or what it leads to without reading a token. With its
   * closure, marking only the instructions that read a token is enough: an instruction a
   * step-by-step walk would stop at as already seen has all its closure on the list already.
   */
  private add(pc: number, c: Cap | null, pos: number): void {
    const closure = closureAt(this.program, pc);
    if (closure === null) return this.walk(pc, c, pos);
    const { seen, stamp } = this;
    const { pcs: to, caps: ops } = closure;
    for (let k = 0; k < to.length; k++) {
      const q = to[k];
      if (seen[q] === stamp) continue;
      seen[q] = stamp;
      let cq = c;
      for (const op of ops[k]) cq = { name: op.name, open: op.open, pos, prev: cq };
      this.push(q, cq);
    }
  }

  /** The step-by-step walk, for a closure with an assertion on the way. */
  private walk(pc: number, c: Cap | null, pos: number): void {
    if (this.seen[pc] === this.stamp) return;
    this.seen[pc] = this.stamp;
    const ins = this.program.prog[pc];
    switch (ins.op) {
      case "jmp": return this.walk(ins.x, c, pos);
      case "split": this.walk(ins.x, c, pos); return this.walk(ins.y, c, pos);
      case "open": case "close": return this.walk(pc + 1, { name: ins.name, open: ins.op === "open", pos, prev: c }, pos);
      case "assert": if (ins.test(pos, this.ctx)) this.walk(pc + 1, c, pos); return;
      default: this.push(pc, c);
    }
  }
}

let skipOtherSentences = true;
/** Switches off (or on again) the anchored scans' pass-over of starts in another sentence: tests compare both ways. */
export function passOverOtherSentences(on: boolean): void {
  skipOtherSentences = on;
}

/** Does any test pass at token `i`? (A loop, not `some` with a closure: asked at nearly every start.) */
function anyTest(tests: readonly TokenPredicate[], tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i];
  for (let k = 0; k < tests.length; k++) if (tests[k](tok, i, tokens)) return true;
  return false;
}

function closureAt(program: Program, pc: number): Closure | null {
  let closure = program.closures[pc];
  if (closure === undefined) closure = program.closures[pc] = closureOf(program.prog, pc);
  return closure;
}

/**
 * The tests of a pattern's first step when each of its first instructions reads one token (no
 * phrase, no assertion, no empty match), each test once (a repeat's copies share theirs).
 */
function firstTests(program: Program): TokenPredicate[] | undefined {
  if (program.firstTests === undefined) {
    const c = closureAt(program, 0);
    const ins = c?.pcs.map((pc) => program.prog[pc]) ?? [];
    program.firstTests = c && ins.every((i) => i.op === "tok") ? [...new Set(ins.map((i) => (i as { test: TokenPredicate }).test))] : null;
  }
  return program.firstTests ?? undefined;
}

/** Compiles a pattern. Throws on a malformed one (a bad repeat). */
export function pattern(elements: readonly Element[]): Pattern {
  const c = new Compiler();
  c.seq(elements);
  c.emit({ op: "match" });
  const prog = c.prog;
  const program: Program = { prog, readsPhrases: prog.some((i) => i.op === "np" || i.op === "npRest"), closures: new Array(prog.length).fill(undefined), marks: new Marks(prog.length) };
  const from = (options: MatchOptions) => options.from ?? 0;
  return {
    matchAll(tokens, options = {}) {
      const out: Match[] = [];
      // without overlaps, the starts inside a match taken are not tried
      scan(program, tokens, options, from(options), Infinity, (s, m) => {
        if (m) out.push(m);
        return m && !options.overlapping ? m.to : s + 1;
      });
      return out;
    },
    matchAt(tokens, start, options = {}) {
      let found: Match | undefined;
      scan(program, tokens, options, start, start, (s, m) => ((found = m), s + 1));
      return found;
    },
    matchBefore(tokens, end, floor = end - 2 * MAX_REPEAT, options = {}) {
      if (end <= 0) return undefined;
      let found: Match | undefined;
      scan(program, tokens, { ...options, endAt: end }, Math.max(0, floor), Infinity, (s, m) => ((found = m), m ? Infinity : s + 1));
      return found;
    },
    firstMatch(tokens, options, accept) {
      let found: Match | undefined;
      const end = options.bestEndsAt;
      scan(program, tokens, options, from(options), Infinity, (s, m) => (m && (end === undefined || m.to === end) && accept(m) ? ((found = m), Infinity) : s + 1));
      return found;
    },
  };
}

/** Character span of a token range. */
export function charSpan(tokens: readonly Token[], r: TokenRange): { start: number; end: number } {
  return { start: tokens[r.from].start, end: tokens[r.to - 1].end };
}
