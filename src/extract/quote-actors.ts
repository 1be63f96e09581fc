// Who does something in a sentence: the actor of a speech verb (a quotation's speaker) or of a
// sanctions verb (the imposer). The frames (quote-frames.ts) capture a speaker phrase; this module
// says what the phrase names, over the mentions of the annotated document: a name, "he"/"she" (the
// open speaker, with gender agreement), "the statement" (its authors), "the two ministers" (the pair
// named last), "the ministry" (the body named last with that word), or nobody ("an official").
import type { LocalEntity, Mention, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import type { Token } from "./tokens.ts";
import { pattern, type Element, type Match, type Pattern, type TokenRange } from "./patterns.ts";
import { personGenders, type Gender } from "./quote-genders.ts";
import { DELEGATE_NOUNS, GOVERNMENT_NOUNS, STATE_WITH_GOVERNMENT, AUTHORS_BEFORE_NOUN, AUTHOR_AFTER_NOUN, DESCRIBED_BODY, DESCRIBED_BODY_SPOKESPERSON, GROUP, IN_A_STATEMENT, NUMBER_WORDS, OWNER, SPEECH_VERBS, SPOKESPERSON_FOR, SUBJECT_OF_VERB, TITLE_WORDS, UNNAMED_HEADS, VERB_BEFORE_NOUN, bindFacts, isStatementNoun, statementNounStart, type TokenFacts } from "./quote-frames.ts";
import { tokenAtOrAfter } from "./sanction-patterns.ts";
import { MONTHS, WEEKDAYS } from "./words.ts";
import { lowerBound } from "./sorted.ts";
import { lexicons } from "./lexicon.ts";

/** Tags a speech verb may carry (X: the tagger left it untagged). */
const VERB_TAGS = new Set<string>(["VERB", "AUX", "X"]);

export interface ActorIndex {
  a: AnnotatedDocument;
  text: string;
  byKey: Map<string, LocalEntity>;
  /** Outermost mentions only, sorted by start. */
  mentions: Mention[];
  /** Quoted passages: names inside them are not actors of the reporting sentence. */
  quoted: Span[];
  /** Coordination group ("A, B and C") of each mention index, as mention indexes. */
  groups: Map<number, number[]>;
  /** Speakers already found, in text order (`at`: where their quote ends). */
  spoken: Array<{ at: number; keys: string[] }>;
  /** The document's sentences and blocks (in text order, as ingest makes them) and every speech verb outside quotes: binary-searched, so a look-up costs a logarithm, not a scan. */
  sentences: Span[];
  blocks: Span[];
  verbs: Found[];
  /** Every mention (nested ones too), sorted by start. */
  all: Mention[];
  /** The mention indexes of each entity, and parentStates' answers. */
  byEntity: Map<string, number[]>;
  parents: Map<string, string[]>;
  /** Filled on first use: each person's gender, and surname → person key ("" when two persons share it). */
  genders?: Map<string, Gender>;
  surnames?: Map<string, string>;
  /** The document's tokens (a copy of the annotation's array: the frames read `facts` through it) and what the annotation says about each. */
  tokens: readonly Token[];
  facts: TokenFacts;
  /** Token indexes of statement nouns outside quotes ("statement", "press release"), in order. */
  statementNouns: number[];
  /** subjectOfVerb's answers by verb token. */
  subjects: Map<string, Match | undefined>;
}

/** How far back (characters) a subject, an antecedent or a statement noun is looked for: it bounds each look-up whatever a sentence's length, so the passes stay linear. */
export const WINDOW = 400;
const FAR_WINDOW = 3000;

const byStart = (s: { start: number }) => s.start;
const mentionStart = (m: Mention) => m.span.start;
const mentionEnd = (m: Mention) => m.span.end;

export interface Actor {
  /** Entity keys: one, or several for a coordinated subject or a joint statement. */
  keys: string[];
  how: "mention" | "pronoun" | "statement" | "definite" | "plural";
}

/** Words after which a name is an object, not a subject ("joined" as in "joined the US in imposing"). */
const PREPOSITIONS = new Set(
  "of in at on with to from by for against about into over after before during near than between among under toward towards via like including across within without behind beside upon amid joined joining".split(" "),
);
export function isActorKind(e: LocalEntity | undefined): boolean {
  return !!e && e.kind !== "place";
}

// ---- token tests -----------------------------------------------------------------------------
// The look-ups below read tokens, not characters: a word's shape is a test on one token, a phrase
// a declarative pattern (patterns.ts) matched at a known token.

/** A token of letters only (a hyphen allowed when `hyphen`): "minister", "vice-president". */
const LETTERS = /^[\p{L}\p{M}]+$/u;
const LETTERS_HYPHENS = /^[\p{L}\p{M}-]+$/u;
const isLetters = (t: Token | undefined, hyphen = false) => !!t && (hyphen ? LETTERS_HYPHENS : LETTERS).test(t.text);
/** Only the letters a to z (either case when `anyCase`): "said", "Leaders". */
function isAsciiWord(t: Token | undefined, anyCase = false): boolean {
  if (!t || !t.text) return false;
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (anyCase && c >= 65 && c <= 90))) return false;
  }
  return true;
}
/** Starts with a letter from a to z: a lower-case word ("the", "director"). */
const startsLower = (t: Token | undefined) => !!t && t.text.charCodeAt(0) >= 97 && t.text.charCodeAt(0) <= 122;
/** Starts with a capital letter ("Berg", "Ministry"). */
const startsUpper = (s: string) => s !== "" && s[0] !== s[0].toLowerCase();
/** An adverb of manner: "formally", "sharply". */
const isLyAdverb = (t: Token | undefined) => isAsciiWord(t) && t!.text.endsWith("ly");
const isPossessiveMark = (t: Token | undefined) => t?.text === "'s" || t?.text === "’s";
/** Whether token `k` follows token `k - 1` with a space between them (not glued to it). */
const spaced = (ts: readonly Token[], k: number) => k > 0 && k < ts.length && ts[k].start > ts[k - 1].end;

/**
 * The token index right after a possessive mark that follows character `end` directly ("Russia's":
 * the mark after "Russia"; "U.S.'s", where the tokenizer leaves the mark in two), else -1.
 */
function afterPossessive(ix: ActorIndex, end: number): number {
  const ts = ix.tokens;
  const k = tokenAt(ix, end);
  if (ts[k]?.start !== end) return -1;
  if (isPossessiveMark(ts[k])) return k + 1;
  if ((ts[k].text === "'" || ts[k].text === "’") && ts[k + 1]?.text === "s" && ts[k + 1].start === ts[k].end) return k + 2;
  return -1;
}

/** "Russia's foreign minister": the name ending at `end` possesses what follows, a lower-case word one space on. */
function possessesLowerWord(ix: ActorIndex, end: number): boolean {
  const k = afterPossessive(ix, end);
  return k > 0 && ix.tokens[k]?.start === ix.tokens[k - 1].end + 1 && startsLower(ix.tokens[k]);
}

/** Words an agency's name may carry before it: "by the official X", "by state-run X". */
const AGENCY_ADJECTIVES = new Set(["the", "official", "state", "state-run", "state-owned", "government-run", "national"]);
/** The lower-case word before the name starting at `pos`, past an agency's adjectives and punctuation, within 40 characters. */
function wordBefore(ix: ActorIndex, pos: number): string | undefined {
  const ts = ix.tokens;
  let k = tokenAt(ix, pos) - 1;
  while (k >= 0 && AGENCY_ADJECTIVES.has(ts[k].text) && ts[k].start >= pos - 40) k--;
  while (k >= 0 && !ts[k].isWord && ts[k].start >= pos - 40) k--;
  return k >= 0 && ts[k].isWord && ts[k].start >= pos - 40 ? ts[k].lower : undefined;
}

/**
 * The words of tokens [from, to), as the text spaces them: a run of tokens with no space between
 * them is one word ("Chile's", "U.S.", "minister,"). Each word as [first token, end token).
 */
function spacedWords(ts: readonly Token[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = from; k < to; k++) {
    if (k > from && ts[k].start === ts[k - 1].end) out[out.length - 1][1] = k + 1;
    else out.push([k, k + 1]);
  }
  return out;
}

/** Only words of a post (or capitalised words, or none) in tokens [from, to): "Russian Foreign Minister", "the foreign minister,". */
function onlyTitleWords(ix: ActorIndex, from: number, to: number): boolean {
  const ts = ix.tokens;
  return spacedWords(ts, from, to).every(([a, b]) => {
    const last = b - 1 > a && (ts[b - 1].text === "," || ts[b - 1].text === ".") ? b - 1 : b;
    const word = ix.text.slice(ts[a].start, ts[last - 1].end);
    return startsUpper(word) || TITLE_WORDS.has(word.toLowerCase());
  });
}

export function buildActorIndex(a: AnnotatedDocument, quoted: Span[] = []): ActorIndex {
  const byKey = new Map(a.entities.map((e) => [e.key, e]));
  const sorted = [...a.mentions].sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
  const mentions: Mention[] = [];
  for (const m of sorted) {
    const last = mentions[mentions.length - 1];
    if (last && m.span.start < last.span.end) continue; // nested in the previous one
    mentions.push(m);
  }
  const sortSpans = (xs: readonly Span[]) => [...xs].sort((x, y) => x.start - y.start);
  const tokens = [...a.tokens];
  const ix: ActorIndex = {
    a, text: a.doc.text, byKey, mentions, quoted: sortSpans(quoted), groups: new Map(), spoken: [],
    sentences: a.doc.sentences, blocks: a.doc.blocks, verbs: [], all: sorted, byEntity: new Map(), parents: new Map(),
    tokens, facts: tokenFacts(tokens, mentions, byKey, sortSpans(quoted)), statementNouns: [], subjects: new Map(),
  };
  bindFacts(tokens, ix.facts);
  ix.groups = coordinationGroups(ix);
  for (const [i, m] of mentions.entries()) {
    const list = ix.byEntity.get(m.entity);
    if (list) list.push(i);
    else ix.byEntity.set(m.entity, [i]);
  }
  tokens.forEach((t, i) => {
    if (ix.facts.speech[i]) ix.verbs.push({ start: t.start, end: t.end, word: t.text });
    if (!ix.facts.quoted[i] && isStatementNoun(tokens, i)) ix.statementNouns.push(i);
  });
  return ix;
}

/**
 * Per token: the name (outermost mention of a person, state or organisation; a demonym or a pronoun is no name)
 * that holds it, inside a quotation or not, a speech verb or not — a listed form the tagger reads as
 * a verb ("Lavrov said"), not a noun or adjective ("continued sanctions", "the blast"). One pass.
 */
function tokenFacts(tokens: readonly Token[], mentions: readonly Mention[], byKey: Map<string, LocalEntity>, quoted: readonly Span[]): TokenFacts {
  const n = tokens.length;
  const facts: TokenFacts = { actor: new Int32Array(n).fill(-1), person: new Uint8Array(n), quoted: new Uint8Array(n), speech: new Uint8Array(n) };
  let mi = 0;
  let qi = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    while (mi < mentions.length && mentions[mi].span.end <= t.start) mi++;
    while (qi < quoted.length && quoted[qi].end <= t.start) qi++;
    const m = mentions[mi];
    if (m && m.span.start <= t.start && m.via !== "demonym" && m.via !== "pronoun" && isActorKind(byKey.get(m.entity))) {
      facts.actor[i] = mi;
      if (byKey.get(m.entity)!.kind === "person") facts.person[i] = 1;
    }
    if (qi < quoted.length && quoted[qi].start <= t.start) facts.quoted[i] = 1;
    if (!facts.quoted[i] && VERB_TAGS.has(t.tag) && (SPEECH_VERBS.has(t.text) || speechInContext(tokens, i))) facts.speech[i] = 1;
  }
  return facts;
}

/** Marks that open or close a quotation, and what follows a clause's last word. */
const QUOTE_OR_STOP = ["“", "”", '"', "«", ".", ",", ";"];
/**
 * Words that report speech only with what follows them: "X pointed out that", "“…,” X mentioned.",
 * "X mentioned on Wednesday that", "X joked that" — not "the names mentioned in the report", "pointed at".
 */
const SPEECH_IN_CONTEXT = new Map<string, string[]>([
  ["pointed", ["out"]],
  ["points", ["out"]],
  ["pointing", ["out"]],
  ["mentioned", ["that", "on", ...QUOTE_OR_STOP]],
  ["questioned", QUOTE_OR_STOP],
  ["joked", ["that", ...QUOTE_OR_STOP]],
  ["deplored", QUOTE_OR_STOP],
]);
/** "“…,” the diplomat went on." / "goes on": speech only where the clause ends after "on". */
const GOES_ON = new Set(["went", "goes"]);
function speechInContext(tokens: readonly Token[], i: number): boolean {
  if (GOES_ON.has(tokens[i].lower) && tokens[i + 1]?.lower === "on") return QUOTE_OR_STOP.includes(tokens[i + 2]?.lower ?? ".");
  const next = SPEECH_IN_CONTEXT.get(tokens[i].text);
  return !!next && next.includes(tokens[i + 1]?.lower ?? ".");
}

export interface Found {
  start: number;
  end: number;
  word: string;
}

/** Speech verbs in [from, to) outside quotes. */
export function speechVerbs(ix: ActorIndex, from: number, to: number): Found[] {
  const out: Found[] = [];
  for (let i = lowerBound(ix.verbs, from, byStart); i < ix.verbs.length && ix.verbs[i].start < to; i++) out.push(ix.verbs[i]);
  return out;
}

/** The last speech verb in [from, to) outside quotes. */
export function lastSpeechVerb(ix: ActorIndex, from: number, to: number): Found | undefined {
  const i = lowerBound(ix.verbs, to, byStart) - 1;
  return i >= 0 && ix.verbs[i].start >= from ? ix.verbs[i] : undefined;
}

/** The index of the span of `spans` (sorted by start, not overlapping) that holds `pos`; -1 when none does. */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  const i = lowerBound(spans, pos + 1, byStart) - 1;
  return i >= 0 && pos < spans[i].end ? i : -1;
}

/** Whether `pos` lies in one of `spans` (sorted by start, not overlapping). */
export const inside = (spans: readonly Span[], pos: number) => spanIndexAt(spans, pos) >= 0;

/** The sentence that holds `pos` (or the block, when sentences are missing). */
export function sentenceAt(ix: ActorIndex, pos: number): Span {
  const si = spanIndexAt(ix.sentences, pos);
  if (si >= 0) return ix.sentences[si];
  const bi = spanIndexAt(ix.blocks, pos);
  if (bi >= 0) return ix.blocks[bi];
  return { start: 0, end: ix.text.length };
}

/** Index into Document.blocks of the block that holds `pos`; -1 when none does. */
export function blockIndexAt(ix: ActorIndex, pos: number): number {
  return spanIndexAt(ix.blocks, pos);
}

/** Index of the first outermost mention starting at or after `pos`. */
export const firstMentionFrom = (ix: ActorIndex, pos: number) => lowerBound(ix.mentions, pos, mentionStart);
/** Index of the last outermost mention ending at or before `pos` (they do not overlap, so their ends are sorted too); -1 when none. */
export const lastMentionBefore = (ix: ActorIndex, pos: number) => lowerBound(ix.mentions, pos + 1, mentionEnd) - 1;

/** Index of the first outermost mention starting in [from, to] that passes `test`; -1 when none. */
export function findMention(ix: ActorIndex, from: number, to: number, test: (m: Mention) => boolean): number {
  for (let i = firstMentionFrom(ix, from); i < ix.mentions.length && ix.mentions[i].span.start <= to; i++) if (test(ix.mentions[i])) return i;
  return -1;
}

/** Mentions (nested ones too) that cover [start, end). */
function coveringMentions(ix: ActorIndex, start: number, end: number): Mention[] {
  const out: Mention[] = [];
  for (let i = lowerBound(ix.all, start + 1, mentionStart) - 1; i >= 0 && ix.all[i].span.start > start - WINDOW; i--) if (ix.all[i].span.end >= end) out.push(ix.all[i]);
  return out;
}

// ---- coordination ------------------------------------------------------------------------

const CONJUNCTIONS = new Set(["and", "&"]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "their"]);
/** A word of a post or a name as the text spaces it: letters, dots, apostrophes, hyphens ("Vice-President", "U.S.", "Chile's"). */
const WORDLIKE = /^[\p{L}.'’-]+$/u;
const isWordlike = (ts: readonly Token[], [a, b]: [number, number]) => ts.slice(a, b).every((t) => WORDLIKE.test(t.text));

/**
 * Whether the tokens [from, to) between two names of a chain coordinate them: ", " / " and " / ", and "
 * then nothing, "the", "his/her/its/their" and up to three words, or one to four words of a post
 * ("and Russian Foreign Minister", "and the foreign minister"). The next name follows after a space.
 */
function isTitleGap(ix: ActorIndex, from: number, to: number, nameStart: number): boolean {
  const ts = ix.tokens;
  /** A space after token k (before the next token, or before the name). */
  const spaceAfter = (k: number) => (k + 1 < to ? ts[k + 1].start : nameStart) > ts[k].end;
  let k = from;
  if (k >= to) return false;
  if (ts[k].text === ",") {
    k++;
    if (k < to && CONJUNCTIONS.has(ts[k].text) && spaceAfter(k)) k++;
  } else if (CONJUNCTIONS.has(ts[k].text) && spaceAfter(k)) k++;
  else return false;
  if (k === to) return true;
  // words after the conjunction, the last one a space before the name
  const words = spacedWords(ts, k, to);
  if (!spaceAfter(to - 1) || words.length > 4 || !words.every((w) => isWordlike(ts, w))) return false;
  const single = (w: [number, number], set: Set<string>) => w[1] - w[0] === 1 && set.has(ts[w[0]].text);
  if (words.length === 1 && single(words[0], THE)) return true;
  if (single(words[0], POSSESSIVE_PRONOUNS)) return true;
  // bare words after "and" must make a post: capitalised or title words ("Prime Minister", "foreign minister")
  return words.every(([a, b]) => {
    const word = ix.text.slice(ts[a].start, ts[b - 1].end);
    return startsUpper(word) || TITLE_WORDS.has(word.toLowerCase());
  });
}
const THE = new Set(["the"]);
const actorClass = (e: LocalEntity | undefined) => (!e || e.kind === "place" ? "" : e.kind === "person" ? "person" : "body");

/**
 * Chains "A, B and C" / "A and his Russian counterpart B" of proper-name mentions of one class
 * (persons, or states and organisations); a chain needs an "and". Pronouns never coordinate.
 */
function coordinationGroups(ix: ActorIndex): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const cls of ["person", "body"]) {
    let chain: number[] = [];
    let joined = false;
    const flush = () => {
      const keys = new Set(chain.map((i) => ix.mentions[i].entity));
      if (chain.length > 1 && keys.size > 1 && joined) for (const i of chain) groups.set(i, chain);
      chain = [];
      joined = false;
    };
    for (let i = 0; i < ix.mentions.length; i++) {
      const m = ix.mentions[i];
      if (m.via === "pronoun" || actorClass(ix.byKey.get(m.entity)) !== cls) continue;
      const prev = chain.length ? ix.mentions[chain[chain.length - 1]] : undefined;
      const from = prev ? tokenAt(ix, prev.span.end) : 0;
      const to = prev ? tokenAt(ix, m.span.start) : 0;
      if (prev && isTitleGap(ix, from, to, m.span.start)) {
        chain.push(i);
        for (let k = from; k < to; k++) joined ||= CONJUNCTIONS.has(ix.tokens[k].text);
        continue;
      }
      flush();
      chain = [i];
    }
    flush();
  }
  return groups;
}

export const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
const unique = (keys: string[]) => [...new Set(keys)];

/** The state a government body belongs to, when the text says so: "Chile's Ministry of Trade", "the Chilean Foreign Ministry". */
export function parentStates(ix: ActorIndex, key: string): string[] {
  const known = ix.parents.get(key);
  if (known) return known;
  const e = ix.byKey.get(key);
  if (e?.kind !== "organisation" || e.orgType === "international") return [];
  const out = new Set<string>();
  for (const i of ix.byEntity.get(key) ?? []) {
    if (i < 1) continue;
    const m = ix.mentions[i];
    const p = ix.mentions[i - 1];
    if (ix.byKey.get(p.entity)?.kind !== "country") continue;
    // "the Chilean Foreign Ministry", "Chile's (the) Foreign Ministry": nothing but a space, a possessive mark or "the" between
    const k = tokenAt(ix, p.span.end);
    const from = p.via === "demonym" && ix.tokens[k]?.start !== p.span.end ? k : afterPossessive(ix, p.span.end);
    const to = tokenAt(ix, m.span.start);
    if (from < 0 || (from < ix.tokens.length && ix.tokens[from].start === ix.tokens[from - 1]?.end && from !== k)) continue;
    if (from === to || (from + 1 === to && ix.tokens[from].text === "the" && ix.tokens[from].end < m.span.start)) out.add(p.entity);
  }
  ix.parents.set(key, [...out]);
  return [...out];
}

/** The entity keys of a mention together with those coordinated with it. */
export function groupKeys(ix: ActorIndex, mentionIndex: number): string[] {
  const g = ix.groups.get(mentionIndex) ?? [mentionIndex];
  return unique(g.map((i) => ix.mentions[i].entity));
}

/** The most recent coordination of two or more actors before `pos` ("Wang and Lavrov", "Beijing and Moscow"). */
export function pluralAntecedent(ix: ActorIndex, pos: number, size?: number, bodiesOnly = false): string[] | undefined {
  for (let i = lastMentionBefore(ix, pos); i >= 0 && ix.mentions[i].span.start > pos - FAR_WINDOW; i--) {
    const m = ix.mentions[i];
    if (inside(ix.quoted, m.span.start)) continue;
    const keys = ix.groups.has(i) ? groupKeys(ix, i) : undefined;
    if (keys && bodiesOnly && keys.some((k) => ix.byKey.get(k)?.kind === "person")) continue;
    if (keys && (!size || keys.length === size)) return keys;
  }
  return undefined;
}

/** A name that a preposition governs, maybe past a few lower-case words: "on X", "including actors X". */
function isObject(ix: ActorIndex, start: number): boolean {
  const ts = ix.tokens;
  let k = tokenAt(ix, start) - 1;
  for (let n = 0; k >= 0 && n < 3 && isAsciiWord(ts[k]) && !PREPOSITIONS.has(ts[k].text) && ts[k].text !== "including"; n++) k--;
  return k >= 0 && (PREPOSITIONS.has(ts[k].text) || ts[k].text === "including");
}

/**
 * "They said": the coordination named last in the pronoun's sentence or the three before it, that is
 * no preposition's object ("sanctions on 28 people, including A and B" names no speakers).
 */
function pluralSubjectBefore(ix: ActorIndex, pos: number): string[] | undefined {
  const floor = sentenceWindowStart(ix, pos, 3);
  for (let i = lastMentionBefore(ix, pos); i >= 0 && ix.mentions[i].span.start >= floor; i--) {
    const m = ix.mentions[i];
    if (inside(ix.quoted, m.span.start) || !ix.groups.has(i)) continue;
    if (isObject(ix, ix.mentions[ix.groups.get(i)![0]].span.start)) return undefined;
    return groupKeys(ix, i);
  }
  return undefined;
}

// ---- subjects ------------------------------------------------------------------------------

const RELATIVES = new Set(["who", "which", "where", "whose", "whom"]);

/**
 * Parenthetical stretches between characters `from` and `to`: ", who ... ,", "(...)", " -- ... -- ",
 * "— ... —", and lower-case appositions ", director of X,". Each shape is read left to right on the
 * tokens, the next one looked for after the last one found; the spans run from the opening token to
 * the closing one.
 */
function parentheticals(ix: ActorIndex, from: number, to: number): Span[] {
  const ts = ix.tokens;
  const first = tokenAt(ix, from);
  const last = tokenAt(ix, to); // tokens [first, last) start in the range
  const out: Span[] = [];
  /** The first token from `k` on (before `last`) with text `close`, stopping at `stop`; -1 when none. */
  const next = (k: number, close: string, stop?: string) => {
    for (; k < last && ts[k].end <= to; k++) {
      if (ts[k].text === close) return k;
      if (ts[k].text === stop) return -1;
    }
    return -1;
  };
  const scan = (open: (k: number) => number) => {
    for (let k = first; k < last; ) {
      const close = open(k);
      if (close < 0) k++;
      else {
        out.push({ start: ts[k].start, end: ts[close].end });
        k = close + 1;
      }
    }
  };
  const spacedAfter = (k: number) => k + 1 < ts.length && ts[k + 1].start > ts[k].end;
  // ", who is visiting Oslo,"
  scan((k) => (ts[k].text === "," && RELATIVES.has(ts[k + 1]?.text) && spacedAfter(k) && k + 1 < last ? next(k + 2, ",") : -1));
  // "(Chile)"
  scan((k) => (ts[k].text === "(" ? next(k + 1, ")") : -1));
  // " -- speaking in Oslo -- ": a pair of hyphens with spaces around it, twice
  const doubleHyphen = (k: number) =>
    ts[k].text === "-" && ts[k + 1]?.text === "-" && ts[k + 1].start === ts[k].end && ts[k].start > from && ts[k].start > (ts[k - 1]?.end ?? -1) && spacedAfter(k + 1) && ts[k + 1].end < to;
  scan((k) => {
    if (!doubleHyphen(k)) return -1;
    for (let j = k + 3; j + 1 < last; j++) if (doubleHyphen(j)) return j + 1;
    return -1;
  });
  // "— speaking in Oslo —"
  scan((k) => (ts[k].text === "—" ? next(k + 1, "—") : -1));
  // ", director of the bank,"
  scan((k) => (ts[k].text === "," && spacedAfter(k) && k + 1 < last && startsLower(ts[k + 1]) ? next(k + 2, ",", ";") : -1));
  return out;
}

/**
 * The actor of a verb at `pos`: the subject before it in the same sentence (from `floor`).
 * `kinds` limits the entities that may act (speakers may be persons; imposers rarely are).
 */
export interface SubjectOptions {
  /** Longest distance in words from the subject mention to the verb. */
  maxWords?: number;
  /** The verb reports speech: "it" may then be a statement ("it said"). Default true. */
  speech?: boolean;
  depth?: number;
}

const spacedBefore = (_: Token, i: number, ts: readonly Token[]) => spaced(ts, i);
/** "Jan", "March": a capitalised word of three to nine letters. */
const isMonthLike = (t: Token) => isAsciiWord(t, true) && t.text.length >= 3 && t.text.length <= 9 && startsUpper(t.text) && isAsciiWord({ ...t, text: t.text.slice(1) });
/** "Monday", "Holiday": a capitalised word ending in "day". */
const isDayLike = (t: Token) => isAsciiWord(t, true) && t.text.length > 4 && startsUpper(t.text) && isAsciiWord({ ...t, text: t.text.slice(1) }) && t.text.endsWith("day");
const isDayNumber = (t: Token) => t.text.length <= 2 && t.text.length > 0 && [...t.text].every((c) => c >= "0" && c <= "9");
const isAnyCaseWord = (t: Token) => isAsciiWord(t, true);

/** One adverbial between a subject and its verb that does not change who acts, a space before it: "also", "had been", "formally", "on Monday (local time)", "on Jan. 5", "last week", "in a statement". */
const TRAILING_ADVERBIAL: Element = {
  any: [
    [{ text: "had", test: spacedBefore }, { text: "been" }],
    { text: ["also", "again", "then", "later", "previously", "earlier", "further", "however", "now", "once", "first", "too", "had", "has", "have", "was", "were", "is", "would", "will"], test: spacedBefore },
    { test: (t, i, ts) => spacedBefore(t, i, ts) && isLyAdverb(t) },
    [{ text: "on", test: spacedBefore }, { text: [...WEEKDAYS] }, { seq: [{ text: "(" }, { not: { text: ")" }, op: "*" }, { text: ")" }], op: "?" }],
    [{ text: "on", test: spacedBefore }, { test: isMonthLike }, { text: ".", op: "?" }, { test: isDayNumber }],
    [{ text: ["last", "this", "next"], test: spacedBefore }, { text: ["week", "month", "year"] }],
    [{ text: "earlier", test: spacedBefore }, { text: "this" }, { text: ["week", "month", "year"] }],
    [{ text: "in", test: spacedBefore }, { text: "a" }, { text: "statement" }],
    [{ text: "on", test: spacedBefore }, { test: isDayLike }],
  ],
};
const TRAILING_ADVERBIALS = pattern([{ seq: [TRAILING_ADVERBIAL], op: "+" }]);
/** "the two ministers", "both sides" (matched ending at the verb). */
const PAIR_BEFORE_VERB = pattern([{ any: [[{ lower: "the" }, { lower: "two" }], { lower: "both" }] }, { test: isAnyCaseWord, op: [0, 1] }, { test: isAnyCaseWord }]);
/** "the three governments". */
const COUNTED_BEFORE_VERB = pattern([{ lower: "the" }, { as: "count", lower: NUMBER_WORDS.slice(1) }, { test: isAnyCaseWord, op: [0, 1] }, { test: (t) => isAnyCaseWord(t) && t.text.length > 1 && t.lower.endsWith("s") }]);
/** "the leaders", "the Western allies". */
const LEADERS_BEFORE_VERB = pattern([{ lower: "the" }, { test: isAnyCaseWord, op: [0, 1] }, { lower: ["leaders", "governments", "allies", "partners", "presidents", "premiers", "nations"] }]);
/** Group nouns of states or bodies, not persons. */
const BODY_GROUP_NOUNS = new Set(["governments", "allies", "partners", "nations"]);
/** "X's spokesperson", "X's lawyers", "X's embassy in Santiago": the possessor speaks (matched ending at the verb). */
const OWNED_BEFORE_VERB = pattern([
  { as: "mark", any: [{ text: ["'s", "’s"] }, [{ text: ["'", "’"] }, { text: "s" }]] },
  { test: isAnyCaseWord, op: [0, 2] },
  {
    any: [
      { lower: ["spokesperson", "spokesman", "spokeswoman", "lawyer", "lawyers", "attorney", "attorneys", "representative", "office", "embassy", "government", "mission", "delegation", "ministry", "cabinet", "presidency"] },
      [{ lower: "press" }, { lower: "office" }],
    ],
  },
  { seq: [{ lower: "in" }, { test: (t) => isLetters(t, true) }], op: "?" },
]);
/** "a spokesperson for (the)", "the press office of" (matched ending at a name): the body named speaks. */
const SPOKESPERSON_BEFORE_NAME = pattern([
  { any: [{ lower: ["spokesperson", "spokesman", "spokeswoman", "representative"] }, [{ lower: "press" }, { lower: "office" }]] },
  { lower: ["for", "of", "at"] },
  { lower: "the", op: "?" },
]);
const ANYWHERE = { within: "anywhere" } as const;
const RELATIVE_AFTER_COMMA = new Set(["which", "that", "who"]);

/**
 * The token index of the last statement noun ("statement", "press release") whose words all lie in
 * tokens [from, to), else -1.
 */
function lastStatementNounIn(ts: readonly Token[], from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (statementNounStart(ts, k) >= from) return k;
  return -1;
}

/**
 * The first token of the last four words before token `end` (from `floor`) that are only words, as
 * the text spaces them ("Wang and Lavrov's statement"): a word with a comma or a quotation mark
 * stops them, an opening bracket too, though the word after it counts.
 */
function lastWordsFrom(ts: readonly Token[], floor: number, end: number): number {
  const words = spacedWords(ts, floor, end);
  let from = end;
  for (let w = words.length - 1; w >= 0 && w >= words.length - 4; w--) {
    const [a, b] = words[w];
    if (isWordlike(ts, [a, b])) {
      from = a;
      continue;
    }
    let k = b;
    while (k > a && WORDLIKE.test(ts[k - 1].text)) k--;
    if (k < b && ts[k - 1].text === "(") from = k;
    break;
  }
  return from;
}

export function subjectBefore(ix: ActorIndex, pos: number, sentenceFloor: number, opts: SubjectOptions = {}): Actor | undefined {
  const { maxWords = Infinity, speech = true, depth = 0 } = opts;
  const ts = ix.tokens;
  const floor = Math.max(sentenceFloor, pos - WINDOW);
  const first = tokenAt(ix, floor);
  // tokens [first, e) are the subject's side, `end` the character where it ends
  let e = tokenAt(ix, pos);
  let end = pos;
  // "Wang and Lavrov's statement, which insisted"
  if (e - 2 >= first && RELATIVE_AFTER_COMMA.has(ts[e - 1].text) && ts[e - 2].text === ",") {
    e -= 2;
    end = ts[e].start;
  }
  const adverbials = e > first ? TRAILING_ADVERBIALS.matchBefore(ts, e, first, ANYWHERE) : undefined;
  if (adverbials && ts[adverbials.from].start > floor) {
    e = adverbials.from;
    end = e > first ? ts[e - 1].end : floor;
  }
  const lastWord = e > first ? ts[e - 1] : undefined;
  if (lastWord && PRONOUNS.has(lastWord.lower)) return resolvePronoun(ix, lastWord.start, lastWord.lower, speech);
  // "the joint statement said", "Wang and Lavrov's statement, which insisted"
  if (depth === 0) {
    const noun = lastStatementNounIn(ts, lastWordsFrom(ts, first, e), e);
    if (noun >= 0) {
      const authors = statementAuthors(ix, noun);
      if (authors) return authors;
    }
  }
  const before = (p: Pattern) => (e > first ? p.matchBefore(ts, e, first, ANYWHERE) : undefined);
  // "the two ministers said", "both sides said": the pair named last; "the three governments", "the leaders": the group
  if (before(PAIR_BEFORE_VERB)) {
    const keys = pluralAntecedent(ix, end, 2);
    if (keys) return { keys, how: "plural" };
  }
  const counted = before(COUNTED_BEFORE_VERB);
  if (counted) {
    const keys = pluralAntecedent(ix, end, NUMBER_WORDS.indexOf(ts[counted.get("count")!.from].lower) + 2);
    if (keys) return { keys, how: "plural" };
  }
  const group = before(LEADERS_BEFORE_VERB);
  if (group) {
    // ("the governments", "the nations": states or bodies, never two persons named last)
    const keys = pluralAntecedent(ix, end, undefined, BODY_GROUP_NOUNS.has(ts[group.to - 1].lower));
    if (keys) return { keys, how: "plural" };
  }
  // "X's spokesperson said": X speaks
  const owned = before(OWNED_BEFORE_VERB);
  if (owned) {
    const markAt = ts[owned.get("mark")!.from].start;
    const oi = lastMentionBefore(ix, markAt);
    const owner = oi >= 0 && ix.mentions[oi].span.end === markAt && isActorKind(ix.byKey.get(ix.mentions[oi].entity)) ? ix.mentions[oi] : undefined;
    // "Chile's Foreign Ministry said", the body named: it speaks itself
    const next = owner && ix.mentions[oi + 1];
    const bodyNamed = next && next.span.start <= owner.span.end + 3 && ix.byKey.get(next.entity)?.kind === "organisation";
    if (owner && !bodyNamed) return { keys: [owner.entity], how: "mention" };
  }
  // "a spokesperson for the Ministry of X said": the body speaks
  const li = lastMentionBefore(ix, end);
  const lm = li >= 0 ? ix.mentions[li] : undefined;
  if (lm && tokenAt(ix, lm.span.end) >= e && isActorKind(ix.byKey.get(lm.entity))) {
    const name = tokenAt(ix, lm.span.start);
    const spokes = spaced(ts, name) ? SPOKESPERSON_BEFORE_NAME.matchBefore(ts, name, first, ANYWHERE) : undefined;
    if (spokes && ts[spokes.from].start >= Math.max(floor, lm.span.start - 40)) return { keys: [lm.entity], how: "mention" };
  }
  // "the Serbian minister said": the person named last with that post
  for (let j = Math.max(first, e - 5); j < e - 1; j++) {
    if (ts[j].lower !== "the") continue;
    let k = j + 1;
    while (k < e && isLetters(ts[k], true) && spaced(ts, k)) k++;
    if (k < e) continue;
    const person = titledPerson(ix, ts[j + 1].start, ts[e - 1].end);
    if (person) return { keys: [person], how: "mention" };
    break;
  }
  const mention = nearestSubjectMention(ix, end, floor);
  if (mention !== undefined && wordsBetween(ix, ix.mentions[mention].span.end, e) <= maxWords) return { keys: groupKeys(ix, mention), how: "mention" };
  const surname = mention === undefined && speech ? surnameSubject(ix, end, floor) : undefined;
  if (surname) return surname;
  // "the ministry said": the body named last with that word
  if (e - 2 >= first && ts[e - 2].lower === "the" && isAnyCaseWord(ts[e - 1])) {
    const word = ts[e - 1].text;
    const key = definiteOrganisation(ix, word, end) ?? (GOVERNMENT_NOUNS.has(word.toLowerCase()) ? governmentOf(ix, end) : undefined);
    if (key) return { keys: [key], how: "definite" };
  }
  return undefined;
}

/** The number of words from character `from` to token `end` ("Russia's" one word). */
function wordsBetween(ix: ActorIndex, from: number, end: number): number {
  let n = 0;
  for (let k = tokenAt(ix, from); k < end; k++) if (ix.tokens[k].isWord) n++;
  return n;
}

/** "the government said": the state whose government the text named last ("the Chilean government", "Chile's government"). */
function governmentOf(ix: ActorIndex, pos: number): string | undefined {
  for (let i = lastMentionBefore(ix, pos); i >= 0 && ix.mentions[i].span.start > pos - FAR_WINDOW; i--) {
    const m = ix.mentions[i];
    if (ix.byKey.get(m.entity)?.kind !== "country") continue;
    const after = tokenAt(ix, m.span.end);
    if (STATE_WITH_GOVERNMENT.matchAt(ix.tokens, after)?.from === after) return m.entity;
  }
  // no state named with its government: the one state whose posts the article names ("Foreign Minister X" of Chile)
  const states = new Set(ix.a.roles.map((r) => r.organisation).filter((k): k is string => !!k && ix.byKey.get(k)?.kind === "country"));
  return states.size === 1 ? [...states][0] : undefined;
}

/** Index of the nearest mention before `pos` that can be the subject there. */
function nearestSubjectMention(ix: ActorIndex, pos: number, floor: number): number | undefined {
  const ts = ix.tokens;
  const skip = parentheticals(ix, floor, pos);
  const end = tokenAt(ix, pos);
  for (let i = lastMentionBefore(ix, pos); i >= 0; i--) {
    const m = ix.mentions[i];
    if (m.span.start < floor) break;
    if (!isActorKind(ix.byKey.get(m.entity)) || inside(ix.quoted, m.span.start) || skip.some((s) => m.span.start >= s.start && m.span.start < s.end)) continue;
    // "X (Chile), President of the Assembly, said": a post in apposition after a person, taken for a body
    const appositive = postInApposition(ix, i);
    if (appositive !== undefined) return appositive;
    // a preposition's object is not the subject, unless it stands right before the verb:
    // "after the EU announced" ("after" is then a conjunction)
    const before = wordBefore(ix, m.span.start);
    const after = tokenAt(ix, m.span.end);
    const next = after < end ? ts[after] : undefined;
    // or opens an absolute clause: "with X responding by calling it …"
    const absolute = before === "with" && next !== undefined && next.start > m.span.end && isAsciiWord(next) && next.text.length > 3 && next.text.endsWith("ing");
    if (before && PREPOSITIONS.has(before) && next && !absolute) continue;
    // "a senior Russian diplomat said": a demonym before a noun is an adjective, not the subject
    if (m.via === "demonym" && ts[after]?.start === m.span.end + 1 && startsLower(ts[after])) continue;
    // "Russia's foreign minister said": the possessor is not the subject.
    if (possessesLowerWord(ix, m.span.end) && !possessesStatement(ix, m.span.end)) continue;
    // A mention right before another verb is a subject of that clause, still the nearest actor.
    return i;
  }
  return undefined;
}

/** "X's statement", "X's joint statement", "X's press release": a possessive before a statement noun. */
function possessesStatement(ix: ActorIndex, end: number): boolean {
  const k = afterPossessive(ix, end);
  const t = ix.tokens[k]?.text === "joint" ? ix.tokens[k + 1] : ix.tokens[k];
  return !!t && (t.text.startsWith("statement") || t.text.startsWith("press"));
}

/** The person before mention `i` when mention `i` is a post in apposition to them: "X (Chile), President of the Assembly,". */
function postInApposition(ix: ActorIndex, i: number): number | undefined {
  const ts = ix.tokens;
  const m = ix.mentions[i];
  const e = ix.byKey.get(m.entity);
  if (!e || e.kind === "person" || i === 0) return undefined;
  const first = ts[tokenAt(ix, m.span.start)]?.lower;
  if (!first || !TITLE_WORDS.has(first) || first === "the" || first === "of") return undefined;
  const nameAt = tokenAt(ix, m.span.start);
  // what stands between the name before and the post: "(Chile), the", ", "
  const gapShape = (from: number) => {
    let k = nameAt;
    if (ts[k - 1]?.text === "the" && k - 1 >= from && ts[k - 1].end < m.span.start) k--;
    if (ts[k - 1]?.text !== "," || k - 1 < from) return undefined;
    k--;
    if (k === from) return "comma";
    if (ts[k - 1].text !== ")") return undefined;
    let open = -1;
    for (let j = k - 2; j >= from; j--) {
      if (ts[j].text === ")") return undefined;
      if (ts[j].text === "(") {
        open = j;
        break;
      }
    }
    if (open === from) return "bracket";
    // "(Chile" ... "), ": the name was inside the bracket
    for (let j = from; j < k - 1; j++) if (ts[j].text === "(") return undefined;
    return "closing";
  };
  for (let k = i - 1; k >= 0 && ix.mentions[k].span.end > m.span.start - 80; k--) {
    const p = ix.mentions[k];
    const shape = gapShape(tokenAt(ix, p.span.end));
    if (shape === "closing") continue; // "(Chile)": inside the parenthesis
    const person = ix.byKey.get(p.entity)?.kind === "person" && (shape === "comma" || shape === "bracket");
    const comma = ts[tokenAt(ix, m.span.end)];
    return person && comma?.text === "," && comma.start <= m.span.end + 2 ? k : undefined;
  }
  return undefined;
}

/**
 * "the Serbian minister" when the annotation left it unresolved: the most recent person named
 * after a post of the same state ("his Serbian counterpart X", "Serbian Foreign Minister X").
 */
function titledPerson(ix: ActorIndex, start: number, end: number): string | undefined {
  if (coveringMentions(ix, start, end).some((m) => ix.byKey.get(m.entity)?.kind === "person")) return undefined;
  let state: Mention | undefined;
  for (let i = firstMentionFrom(ix, start); i < ix.mentions.length && ix.mentions[i].span.end <= end; i++) if (ix.mentions[i].via === "demonym") state ??= ix.mentions[i];
  const ts = ix.tokens;
  const last = ts[tokenAt(ix, end) - 1];
  const head = last && last.start >= start && isLetters(last, true) ? last.lower : undefined;
  if (!state || !head || !TITLE_WORDS.has(head)) return undefined;
  for (let i = lastMentionBefore(ix, start); i >= 0 && ix.mentions[i].span.start > start - FAR_WINDOW; i--) {
    const m = ix.mentions[i];
    if (ix.byKey.get(m.entity)?.kind !== "person") continue;
    // the post and the state in the words just before the name, in its own sentence ("his Serbian counterpart X")
    const window = Math.max(0, m.span.start - 45);
    const from = tokenAt(ix, window);
    const to = tokenAt(ix, m.span.start);
    if (sentenceBreakIn(ts, from, to, m.span.start) && !(to > from && endsWithInitials(ts, to))) continue;
    let sameState = false;
    for (let k = i - 1; k >= 0 && ix.mentions[k].span.start >= window; k--) if (ix.mentions[k].entity === state.entity) sameState = true;
    let post = false;
    for (let k = from; k < to && !post; k++) post = ts[k].lower.split("-").some((w) => w === head || w === "counterpart");
    if (sameState && post) return m.entity;
  }
  return undefined;
}

/** Whether a full stop or a semicolon with a space after it ends one of tokens [from, to) in the 40 characters before `end`. */
function sentenceBreakIn(ts: readonly Token[], from: number, to: number, end: number): boolean {
  for (let k = from; k < to; k++) {
    const t = ts[k];
    const mark = t.text[t.text.length - 1];
    const nextStart = k + 1 < to ? ts[k + 1].start : end;
    if ((mark === "." || mark === ";") && t.end - 1 >= end - 40 && nextStart > t.end) return true;
  }
  return false;
}

/** Whether the tokens before token `to` end with initials: "J.", "U.S.", "J" ".". */
function endsWithInitials(ts: readonly Token[], to: number): boolean {
  const t = ts[to - 1];
  const initials = (s: string) => s.length >= 2 && s.length % 2 === 0 && [...s].every((c, i) => (i % 2 ? c === "." : startsUpper(c) && c.toLowerCase() !== c.toUpperCase()));
  if (initials(t.text)) return true;
  const p = ts[to - 2];
  return t.text === "." && !!p && p.end === t.start && initials(p.text + ".");
}

/** Nouns of a firm: "the company", "the social media company" refer to the firm named last, whatever its name's words. */
const FIRM_NOUNS = new Set(["company", "firm", "group", "business", "corporation", "conglomerate", "giant", "platform", "operator", "lender", "insurer", "miner", "manufacturer", "maker", "carrier", "retailer", "broadcaster"]);

/**
 * The body a description names (a match with "modifiers" and "head" captures: "the foreign
 * ministry", "a company spokesman"): a government noun is the state the text ties to a government;
 * a firm's noun the firm (or a body of no known type) named last before the description's sentence (not one inside it: "Nordic
 * Wire quoted a spokesperson for the company" is not the agency's spokesperson); another noun the
 * body named last with that word in its name, and with the modifiers too when one has them.
 */
function describedBody(ix: ActorIndex, m: Match, pos: number): string | undefined {
  const ts = ix.tokens;
  const head = ts[m.get("head")!.from].lower;
  if (GOVERNMENT_NOUNS.has(head)) return governmentOf(ix, pos);
  if (FIRM_NOUNS.has(head)) {
    const sentence = sentenceAt(ix, pos);
    for (let i = lastMentionBefore(ix, sentence.start); i >= 0 && ix.mentions[i].span.start > pos - FAR_WINDOW; i--) {
      const m = ix.mentions[i];
      const e = ix.byKey.get(m.entity);
      if (e?.kind === "organisation" && (e.orgType === undefined || e.orgType === "company" || e.orgType === "media") && !inside(ix.quoted, m.span.start)) return e.key;
    }
    return undefined;
  }
  const modifiers = m.get("modifiers");
  const words = modifiers ? wordsOf(ix, modifiers).map((t) => t.lower) : [];
  return (words.length ? definiteOrganisation(ix, head, pos, words) : undefined) ?? definiteOrganisation(ix, head, pos);
}

/** "the ministry", "the department": the most recent organisation whose name has that head word (and these other words, when given). */
function definiteOrganisation(ix: ActorIndex, head: string, pos: number, also: readonly string[] = []): string | undefined {
  const h = head.toLowerCase();
  for (let i = lastMentionBefore(ix, pos); i >= 0 && ix.mentions[i].span.start > pos - FAR_WINDOW; i--) {
    const m = ix.mentions[i];
    const e = ix.byKey.get(m.entity);
    if (e && e.kind === "organisation" && e.names.some((n) => { const ws = n.toLowerCase().split(" "); return ws.includes(h) && also.every((w) => ws.includes(w)); })) return e.key;
  }
  return undefined;
}

/** A pronoun's antecedent: the annotation's, else the nearest fitting actor before it. */
export function resolvePronoun(ix: ActorIndex, pos: number, pronoun: string, speech = true): Actor | undefined {
  const annotated = coveringMentions(ix, pos, pos + 1)[0];
  // "he said" after "X said …": the speaker goes on (news style), whatever a nearer name is; but a
  // person who is the subject of the sentence just before, in the same paragraph ("Ruiz blamed
  // Oslo. “…,” he told reporters."), has taken the floor
  if ((pronoun === "he" || pronoun === "she") && speech) {
    const topic = ownSentenceSubject(ix, pos, pronoun) ?? previousSubject(ix, pos, pronoun);
    if (topic) return topic;
    const last = lastSpeaker(ix, pos, pronoun);
    if (last) return last;
  }
  // the annotation's antecedent, unless its gender says otherwise: then the nearest person who agrees
  const agrees = (key: string) => (pronoun !== "he" && pronoun !== "she") || (genderOf(ix, key) ?? (pronoun === "he" ? "m" : "f")) === (pronoun === "he" ? "m" : "f");
  // …and only someone the text has named before: a pronoun does not look ahead, and a "the president"
  // inside a quote is the quoted person's words, no naming of the speaker
  if (annotated && agrees(annotated.entity) && namedBefore(ix, annotated.entity, pos)) {
    // a person named only in quoted words ("the intent of President X", he said) gives way to one the text itself named
    const other = namedBefore(ix, annotated.entity, pos, true) ? undefined : antecedent(ix, pos, (e) => e.kind === "person" && agrees(e.key));
    return other ?? { keys: [annotated.entity], how: "pronoun" };
  }
  if (annotated && ix.byKey.get(annotated.entity)?.kind === "person") return antecedent(ix, pos, (e) => e.kind === "person" && agrees(e.key));
  if (pronoun === "they") {
    // (a sanction's "they" keeps the wider look-up the sanctions pass was tuned with)
    const keys = speech ? pluralSubjectBefore(ix, pos) : pluralAntecedent(ix, pos);
    return keys ? { keys, how: "plural" } : undefined;
  }
  if (pronoun === "it" && speech) {
    const noun = lastStatementNoun(ix, pos, 3);
    if (noun !== undefined) return statementAuthors(ix, noun);
  }
  if (pronoun === "it") {
    // a guess: the nearest state or organisation; callers may refuse it for weak evidence
    const found = antecedent(ix, pos, (e) => e.kind !== "person" && e.kind !== "place");
    return found && { ...found, how: "definite" };
  }
  return antecedent(ix, pos, (e) => e.kind === "person" && agrees(e.key));
}

/**
 * Whether the entity has a mention before `pos` that is no pronoun, nor a title inside a quotation;
 * with `outsideQuotes`, no name inside a quotation either.
 */
function namedBefore(ix: ActorIndex, key: string, pos: number, outsideQuotes = false): boolean {
  for (const i of ix.byEntity.get(key) ?? []) {
    const m = ix.mentions[i];
    if (m.span.start >= pos) return false;
    if (m.via !== "pronoun" && ((m.via !== "title" && !outsideQuotes) || !inside(ix.quoted, m.span.start))) return true;
  }
  return false;
}

/**
 * The nearest fitting actor before `pos`: in the pronoun's own sentence the nearest one; in the
 * sentences before, the first of each (its subject, as a rule), going back up to four sentences.
 */
function antecedent(ix: ActorIndex, pos: number, wanted: (e: LocalEntity) => boolean): Actor | undefined {
  const ss = ix.sentences;
  const si = spanIndexAt(ss, pos);
  const fits = (m: Mention) => {
    const e = ix.byKey.get(m.entity);
    if (!e || !wanted(e) || inside(ix.quoted, m.span.start)) return false;
    const before = wordBefore(ix, m.span.start);
    if (before && PREPOSITIONS.has(before)) return false;
    return afterPossessive(ix, m.span.end) < 0; // "X's policy"
  };
  const inRange = (from: number, to: number) => {
    const out: Mention[] = [];
    for (let i = firstMentionFrom(ix, Math.max(from, to - FAR_WINDOW)); i < ix.mentions.length && ix.mentions[i].span.end <= to; i++) if (fits(ix.mentions[i])) out.push(ix.mentions[i]);
    return out;
  };
  if (si < 0) {
    const near = inRange(Math.max(0, pos - 600), pos).pop();
    return near ? { keys: [near.entity], how: "pronoun" } : undefined;
  }
  const own = inRange(ss[si].start, pos).pop();
  if (own) return { keys: [own.entity], how: "pronoun" };
  for (let k = si - 1; k >= Math.max(0, si - 4); k--) {
    const first = inRange(ss[k].start, ss[k].end)[0];
    if (first) return { keys: [first.entity], how: "pronoun" };
  }
  return undefined;
}

/**
 * The open speaker for "he said" / "she said": the person who spoke last before `pos` (a quote's
 * speaker or a speech verb's subject, in the pronoun's sentence or the three before it) whose
 * gender agrees with the pronoun. "He also insisted …, telling X …" keeps the chain: a subject that is
 * itself "he"/"she", and a participle after a comma, go back further; so does a speaker of the other
 * gender or a body.
 */
function lastSpeaker(ix: ActorIndex, pos: number, pronoun: "he" | "she"): Actor | undefined {
  const want: Gender = pronoun === "he" ? "m" : "f";
  const floor = sentenceWindowStart(ix, pos, 3);
  const fits = (keys: string[]) => keys.length === 1 && ix.byKey.get(keys[0])?.kind === "person" && (genderOf(ix, keys[0]) ?? want) === want;
  let q = lowerBound(ix.spoken, pos + 1, (sp) => sp.at) - 1;
  const verbs = speechVerbs(ix, floor, pos);
  for (let k = verbs.length - 1, steps = 0; steps < 12; steps++) {
    const verb = k >= 0 ? verbs[k] : undefined;
    const quote = q >= 0 && ix.spoken[q].at >= floor ? ix.spoken[q] : undefined;
    if (!verb && !quote) return undefined;
    if (quote && (!verb || quote.at > verb.start)) {
      q--;
      if (fits(quote.keys)) return { keys: quote.keys, how: "pronoun" };
      continue;
    }
    k--;
    const v = tokenAt(ix, verb!.start);
    if (verb!.word.endsWith("ing") && ix.tokens[v - 1]?.text === ",") continue; // "…, telling X": the clause's subject speaks
    const subject = subjectOfVerb(ix, v, tokenAt(ix, floor))?.get("speaker");
    if (!subject || (subject.to - subject.from === 1 && PRONOUNS.has(ix.tokens[subject.from].lower))) continue; // none, or a pronoun again: look further back
    const actor = speakerOf(ix, subject, { depth: 1 });
    if (actor && fits(actor.keys)) return { keys: actor.keys, how: "pronoun" };
  }
  return undefined;
}

/**
 * The subject of the sentence before the pronoun's, in the same paragraph: a person named first in
 * it (after a post at most: "Chilean Foreign Minister X blamed …") whose gender agrees.
 */
function previousSubject(ix: ActorIndex, pos: number, pronoun: "he" | "she"): Actor | undefined {
  const si = spanIndexAt(ix.sentences, pos);
  const bi = spanIndexAt(ix.blocks, pos);
  if (si < 1 || bi < 0) return undefined;
  const prev = ix.sentences[si - 1];
  if (prev.start < ix.blocks[bi].start) return undefined;
  return openingSubject(ix, prev, pronoun);
}

/**
 * "X hit back on Twitter: “…,” he wrote.", "X did not take it lightly as he responded": the person the
 * pronoun's own sentence opens with, before a quote or before the pronoun.
 */
function ownSentenceSubject(ix: ActorIndex, pos: number, pronoun: "he" | "she"): Actor | undefined {
  const si = spanIndexAt(ix.sentences, pos);
  const bi = spanIndexAt(ix.blocks, pos);
  if (si < 0 || bi < 0) return undefined;
  const start = Math.max(ix.sentences[si].start, ix.blocks[bi].start);
  const from = tokenAt(ix, start);
  let open = from;
  while (open < ix.tokens.length && ix.tokens[open].start < pos && !ix.facts.quoted[open]) open++;
  if (open === from) return undefined;
  return openingSubject(ix, { start, end: Math.min(ix.tokens[open]?.start ?? pos, pos) }, pronoun);
}

/** The person a stretch of text opens with as its subject (see previousSubject), gender agreeing with the pronoun. */
function openingSubject(ix: ActorIndex, prev: Span, pronoun: "he" | "she"): Actor | undefined {
  const want: Gender = pronoun === "he" ? "m" : "f";
  const agrees = (key: string) => ix.byKey.get(key)?.kind === "person" && (genderOf(ix, key) ?? want) === want;
  // the subject frame of the sentence's first verb: "Syria's foreign minister, NAME, thanked …"
  const ts = ix.tokens;
  const from = tokenAt(ix, prev.start);
  for (let k = from; k < ts.length && k < from + SUBJECT_TOKENS && ts[k].start < prev.end; k++) {
    if (ts[k].tag !== "VERB" || ix.facts.quoted[k]) continue;
    const speaker = subjectOfVerb(ix, k, from)?.get("speaker");
    // a pronoun again ("He warned …"): coreference may have guessed; lastSpeaker follows the chain instead
    if (!speaker || (speaker.to - speaker.from === 1 && PRONOUNS.has(ts[speaker.from].lower))) return undefined;
    const actor = speakerOf(ix, speaker, { depth: 1 });
    return actor && actor.keys.length === 1 && agrees(actor.keys[0]) ? { keys: actor.keys, how: "pronoun" } : undefined;
  }
  const i = firstMentionFrom(ix, prev.start);
  const m = ix.mentions[i];
  if (!m || m.via === "pronoun" || m.span.start >= Math.min(prev.end, prev.start + WINDOW) || inside(ix.quoted, m.span.start)) return undefined;
  const e = ix.byKey.get(m.entity);
  if (e?.kind !== "person" || !onlyTitleWords(ix, tokenAt(ix, prev.start), tokenAt(ix, m.span.start)) || afterPossessive(ix, m.span.end) >= 0) return undefined;
  return agrees(e.key) ? { keys: [e.key], how: "pronoun" } : undefined;
}

/**
 * The person a paragraph of one sentence is about ("Chile's foreign minister, NAME, disagreed.",
 * "NAME was defiant:"): the subject of its first verb, when that is one person named in it.
 */
export function personOfParagraph(ix: ActorIndex, block: Span): Actor | undefined {
  const si = spanIndexAt(ix.sentences, block.start);
  const sentence = ix.sentences[si];
  if (!sentence || sentence.end < block.end - 1 || sentence.start < block.start) return undefined;
  const ts = ix.tokens;
  const from = tokenAt(ix, block.start);
  const last = ts[tokenAt(ix, block.end) - 1];
  if (!last || (last.text !== "." && last.text !== ":")) return undefined;
  for (let k = from; k < ts.length && k < from + SUBJECT_TOKENS && ts[k].start < block.end; k++) {
    if (ts[k].tag !== "VERB" && ts[k].tag !== "AUX") continue;
    const speaker = subjectOfVerb(ix, k, from)?.get("speaker");
    if (!speaker || ts.slice(speaker.from, speaker.to).some((t) => t.tag === "PRON")) return undefined;
    const actor = speakerOf(ix, speaker, { depth: 1 });
    return actor && actor.keys.length === 1 && ix.byKey.get(actor.keys[0])?.kind === "person" ? { keys: actor.keys, how: "mention" } : undefined;
  }
  return undefined;
}

/** Each person's gender (quote-genders), worked out once per document. */
function genderOf(ix: ActorIndex, key: string): Gender | undefined {
  ix.genders ??= personGenders(ix.a.entities, ix.a.mentions);
  return ix.genders.get(key);
}

/**
 * A subject the annotation did not mark: the bare surname of a person the article names in full
 * ("Anna Berg … Berg said"), when exactly one person has it.
 */
export function surnameSubject(ix: ActorIndex, pos: number, floor: number): Actor | undefined {
  const ts = ix.tokens;
  const k = tokenAt(ix, pos) - 1;
  const word = ts[k];
  if (!word || word.start < Math.max(floor, pos - 40) || !SURNAME.test(word.text)) return undefined;
  // not the end of a longer word ("J.Berg", "al-Berg")
  const prev = ts[k - 1];
  if (prev && prev.end === word.start && (prev.isWord || ".'’-".includes(prev.text[prev.text.length - 1]))) return undefined;
  if (!ix.surnames) {
    ix.surnames = new Map();
    for (const e of ix.byKey.values()) {
      if (e.kind !== "person") continue;
      for (const n of e.names) {
        const ws = n.split(" ");
        if (ws.length < 2) continue;
        const last = ws[ws.length - 1];
        ix.surnames.set(last, ix.surnames.has(last) && ix.surnames.get(last) !== e.key ? "" : e.key);
      }
    }
  }
  const key = ix.surnames.get(word.text);
  return key ? { keys: [key], how: "mention" } : undefined;
}

/** Start of the sentence `n` sentences before the one holding `pos`. */
function sentenceWindowStart(ix: ActorIndex, pos: number, n: number): number {
  const ss = ix.sentences;
  const i = spanIndexAt(ss, pos);
  if (i < 0) return Math.max(0, pos - 600);
  return Math.max(ss[Math.max(0, i - n)].start, pos - FAR_WINDOW);
}

/** The last statement noun ("statement", "press release") within `n` sentences before `pos` (any distance up to FAR_WINDOW when `n` < 0): its token index. */
function lastStatementNoun(ix: ActorIndex, pos: number, n: number): number | undefined {
  const from = n < 0 ? Math.max(0, pos - FAR_WINDOW) : sentenceWindowStart(ix, pos, n);
  const k = lowerBound(ix.statementNouns, pos, (i) => ix.tokens[i].start) - 1;
  return k >= 0 && ix.tokens[ix.statementNouns[k]].start >= from ? ix.statementNouns[k] : undefined;
}

// ---- speakers the frames capture ------------------------------------------------------------------

/** A capitalised word that may be a surname: "Berg", "Ruiz-Lopez" (then lower-case letters, apostrophes, hyphens). */
const SURNAME = /^\p{Lu}[\p{Ll}'’-]+$/u;

/** How far back (tokens) a subject is looked for before its verb: bounds each look-up, so the pass stays linear. */
const SUBJECT_TOKENS = 60;
const PRONOUNS = new Set(["he", "she", "they", "it"]);

/** The token at or after character `pos`. */
export const tokenAt = (ix: ActorIndex, pos: number) => tokenAtOrAfter(ix.tokens, pos);

/**
 * The subject frame of the verb at token `verb` (SUBJECT_OF_VERB, in the verb's sentence, starting
 * at `floor` or later): of the subjects that end at the verb, the longest ("Dennis Roe (Chile),
 * President of the Assembly," over "President of the Assembly"). A verb coordinated with an earlier
 * one ("X backed the sanctions but said …") has the earlier verb's subject.
 */
export function subjectOfVerb(ix: ActorIndex, verb: number, floor = 0): Match | undefined {
  const from = Math.max(floor, verb - SUBJECT_TOKENS);
  const key = `${verb}:${from}`;
  if (ix.subjects.has(key)) return ix.subjects.get(key);
  const best = SUBJECT_OF_VERB.firstMatch(ix.tokens, { from, to: verb + 1, bestEndsAt: verb + 1 }, (m) => !!m.get("speaker"));
  ix.subjects.set(key, best ?? coordinatedSubject(ix, verb, from));
  return ix.subjects.get(key);
}

/**
 * "X rejected the plan and claimed …", "X rejected the plan in a statement, calling it …": a verb
 * after "and"/"but", or a participle after a comma, has the subject of the nearest verb before it
 * that has one, in the same sentence.
 */
function coordinatedSubject(ix: ActorIndex, verb: number, floor: number): Match | undefined {
  const ts = ix.tokens;
  let k = verb - 1;
  while (k > floor && ts[k].tag === "ADV") k--;
  const participle = ts[k]?.text === "," && ts[verb].lower.endsWith("ing");
  if (!participle && !["and", "but"].includes(ts[k]?.lower)) return undefined;
  const earlier = (j: number) => j >= floor && j > k - SUBJECT_TOKENS && ts[j].sentence === ts[verb].sentence;
  // "X said the plan would help, but warned …": a speech verb pairs with the speech verb before it, past the clause it reports
  if (ix.facts.speech[verb]) {
    for (let j = k - 1; earlier(j); j--) {
      if (!ix.facts.speech[j] || ts[j].lower.endsWith("ing")) continue;
      const m = subjectOfVerb(ix, j, floor);
      if (m) return m;
    }
  }
  // (a past tense the tagger took for an adjective after a name: "The Premier referenced the meeting")
  const pastBeforeObject = (j: number) => ts[j].tag === "ADJ" && ts[j].lower.endsWith("ed") && ["DET", "ADJ", "NUM"].includes(ts[j + 1]?.tag ?? "") && ts[j - 1]?.cap === true && ts[j - 1].tag === "PROPN";
  for (let j = k - 1; earlier(j); j--) {
    if ((ts[j].tag !== "VERB" && !pastBeforeObject(j)) || ts[j].lower.endsWith("ing")) continue;
    if (ts[j + 1]?.lower === "by" && ts[j].lower.endsWith("ed")) continue; // "a statement carried by X": a participle, no clause of its own
    const m = subjectOfVerb(ix, j, floor);
    if (m) return m;
  }
  return undefined;
}

export interface SpeakerOptions {
  /** The verb reports speech: "it" may then be a statement ("it said"), a bare surname a person. Default true. */
  speech?: boolean;
  /** Set inside statementAuthors, so that "the statement said" does not go round in circles. */
  depth?: number;
  /** Words attached after the phrase ("of external affairs" in "the ministry of external affairs said"). */
  attached?: TokenRange;
}

/** Words of a token range. */
const wordsOf = (ix: ActorIndex, r: TokenRange) => ix.tokens.slice(r.from, r.to).filter((t) => t.isWord);

/**
 * What a speaker phrase names: undefined when it names nobody we know, null when it names somebody
 * the text leaves unnamed ("a senior official", "a spokesperson for the company"). In order:
 * "he"/"she"/"they"/"it"; "a spokesperson for X"; "the joint statement"; "the two ministers"; "X's
 * spokesperson"; the names in it (the last person, else the last state or body); "the Serbian
 * minister"; a bare surname; "the ministry"/"the government".
 */
export function speakerOf(ix: ActorIndex, r: TokenRange, opts: SpeakerOptions = {}): Actor | null | undefined {
  const { speech = true, depth = 0 } = opts;
  const ts = ix.tokens;
  const first = ts[r.from];
  const last = ts[r.to - 1];
  if (r.to - r.from === 1 && first.tag === "PRON" && PRONOUNS.has(first.lower)) return resolvePronoun(ix, first.start, first.lower, speech);
  const inRange = { to: r.to };
  const holder = postHolder(ix, r, opts.attached);
  if (holder === null) return null;
  if (holder) return { keys: [holder], how: "mention" };
  const spokes = SPOKESPERSON_FOR.matchAt(ts, r.from, inRange);
  if (spokes) {
    const range = spokes.get("body")!;
    const body = namedBy(ix, range);
    if (body !== undefined) return { keys: groupKeys(ix, body), how: "mention" };
    // "a spokesperson for the social media company": the body the text named before
    const described = DESCRIBED_BODY.matchAt(ts, range.from, { to: range.to });
    const key = described?.to === range.to ? describedBody(ix, described, first.start) : undefined;
    return key ? { keys: [key], how: "definite" } : null;
  }
  if (depth === 0) {
    for (let k = r.to - 1; k >= r.from && k >= r.to - 5; k--) {
      if (ix.facts.quoted[k] || !isStatementNoun(ts, k)) continue;
      const authors = statementAuthors(ix, k);
      if (authors) return authors;
      break;
    }
  }
  const group = GROUP.matchAt(ts, r.from, inRange);
  if (group && group.to === r.to) {
    const count = group.get("count");
    const word = count && ts[count.from].lower;
    const keys = pluralAntecedent(ix, first.start, word === "both" ? 2 : word ? NUMBER_WORDS.indexOf(word) + 2 : undefined, BODY_GROUP_NOUNS.has(ts[group.to - 1].lower));
    if (keys) return { keys, how: "plural" };
  }
  const owner = OWNER.matchAt(ts, r.from, inRange);
  if (owner && owner.to === r.to) {
    // "Chile's Foreign Ministry said": a body named in full speaks itself
    const owned = owner.get("owned")!;
    const bodyNamed = ix.facts.actor[owned.from] >= 0 && ix.facts.actor[owned.from] !== ix.facts.actor[owner.get("owner")!.from];
    if (!bodyNamed) return { keys: [ix.mentions[ix.facts.actor[owner.get("owner")!.from]].entity], how: "mention" };
  }
  const named = namedBy(ix, r, opts.attached);
  if (named !== undefined) return { keys: groupKeys(ix, named), how: "mention" };
  if (first.lower === "the") {
    const person = titledPerson(ix, ts[r.from + 1]?.start ?? first.start, last.end);
    if (person) return { keys: [person], how: "mention" };
  }
  const surname = speech && r.to - r.from === 1 ? surnameSubject(ix, last.end, first.start) : undefined;
  if (surname) return surname;
  // "a foreign ministry spokesperson", "the company's spokesman": the body the text named before
  const spokesperson = DESCRIBED_BODY_SPOKESPERSON.matchAt(ts, r.from, inRange);
  if (spokesperson?.to === r.to) {
    const key = describedBody(ix, spokesperson, first.start);
    if (key) return { keys: [key], how: "definite" };
  }
  // "the Chilean government", "the new Peruvian authorities", "the Chilean presidency": the state its demonym names
  if (first.lower === "the" && (GOVERNMENT_NOUNS.has(last.lower) || last.lower === "presidency") && r.to - r.from <= 4 && agreesWith(ix, undefined, opts.attached)) {
    const state = demonymState(ix, r);
    if (state) return { keys: [state], how: "mention" };
  }
  // "the ministry", "the federal government": a bare description of a body
  const bare = ts.slice(r.from + 1, r.to).every((t) => t.isWord && !t.cap);
  if (first.lower === "the" && bare && r.to - r.from >= 2 && r.to - r.from <= 3 && agreesWith(ix, undefined, opts.attached)) {
    const key = definiteOrganisation(ix, last.lower, first.start) ?? (GOVERNMENT_NOUNS.has(last.lower) ? governmentOf(ix, first.start) : undefined);
    if (key) return { keys: [key], how: "definite" };
  }
  // "“…,” the spokesman noted." after quotes of a person whose post the text never gave: that person;
  // so too "the president added, “…”" when the text gave nobody a post of that name
  // (a phrase the chunker cut after "the": "The Premier referenced last week's talks")
  const theHead = (first.lower === "the" && r.to - r.from === 2) || (r.to - r.from === 1 && ts[r.from - 1]?.lower === "the");
  if (theHead && (SPOKES_WORDS.has(last.lower) || (lexicons().titleHeads.has(last.lower) && !UNNAMED_HEADS.has(last.lower) && !ix.a.roles.some((role) => role.title.toLowerCase().endsWith(last.lower))))) {
    const before = unpostedSpeaker(ix, first.start, last.lower);
    if (before) return before;
  }
  if (UNNAMED_HEADS.has(last.lower)) return null;
  return undefined;
}

const SPOKES_WORDS = new Set(["spokesman", "spokeswoman", "spokesperson"]);
/** Posts of a head of government or state that a party's leader holds as often as not. */
const GOVERNMENT_HEADS = new Set(["president", "premier", "chancellor", "taoiseach"]);
/**
 * The person quoted last before `pos`, in the paragraph or the two before it, when the text gives
 * that person no post at all (a page that called him "the ministry's spokesman" once, unnamed, then
 * quotes him by name): "the spokesman" then goes on with him. A person with a post is somebody else's
 * spokesman as likely as not, so none is taken then; but a party's leader ("Ruling Party leader NAME
 * said …") goes on as "the premier" or "the chancellor" the text gives nobody else.
 */
function unpostedSpeaker(ix: ActorIndex, pos: number, head: string): Actor | undefined {
  const q = lowerBound(ix.spoken, pos + 1, (sp) => sp.at) - 1;
  const last = q >= 0 ? ix.spoken[q] : undefined;
  if (!last || last.keys.length !== 1 || blockIndexAt(ix, pos) - blockIndexAt(ix, last.at - 1) > 2) return undefined;
  const key = last.keys[0];
  const posts = ix.a.roles.filter((role) => role.holder === key);
  const leaderOnly = GOVERNMENT_HEADS.has(head) && posts.every((role) => /\bleader$/i.test(role.title) && ix.byKey.get(role.organisation ?? "")?.kind !== "country");
  if (ix.byKey.get(key)?.kind !== "person" || (posts.length > 0 && !leaderOnly)) return undefined;
  return { keys: [key], how: "mention" };
}

/** The one state a demonym in token range `r` names ("the Chilean government": Chile), else undefined. */
function demonymState(ix: ActorIndex, r: TokenRange): string | undefined {
  const ts = ix.tokens;
  const states = new Set<string>();
  for (let i = findMention(ix, ts[r.from].start, ts[r.to - 1].end - 1, () => true); i >= 0 && i < ix.mentions.length && ix.mentions[i].span.start < ts[r.to - 1].end; i++) {
    const m = ix.mentions[i];
    if (m.via === "demonym" && ix.byKey.get(m.entity)?.kind === "country") states.add(m.entity);
    else return undefined; // another name in the phrase: not a bare "the Chilean government"
  }
  return states.size === 1 ? [...states][0] : undefined;
}

/**
 * "the representative of France", "France's delegate", "the French ambassador" with no name in it: the
 * person the text named before as holding that post for that state ("The representative of France,
 * NAME, said …"), the latest one, as meeting coverage refers back to its speakers; with nobody named
 * for it, a delegate speaks for the state. Coreference may have tied the post to a holder already:
 * kept unless that holder's post is another state's.
 */
function postHolder(ix: ActorIndex, r: TokenRange, attached: TokenRange | undefined): string | null | undefined {
  const ts = ix.tokens;
  const to = attached && attached.from === r.to ? attached.to : r.to;
  let head: string | undefined;
  for (let k = r.from; k < r.to; k++) if (ts[k].isWord && (TITLE_WORDS.has(ts[k].lower) || DELEGATE_NOUNS.has(ts[k].lower) || LEADER_HEADS.has(ts[k].lower)) && ts[k].lower !== "the" && ts[k].lower !== "of") head = ts[k].lower;
  if (!head) return undefined;
  let state: string | undefined;
  let body: string | undefined;
  let tied: string | undefined;
  for (let i = findMention(ix, ts[r.from].start, ts[to - 1].end - 1, () => true); i >= 0 && i < ix.mentions.length && ix.mentions[i].span.start < ts[to - 1].end; i++) {
    const m = ix.mentions[i];
    const kind = ix.byKey.get(m.entity)?.kind;
    if (kind === "person" && m.via !== "title") return undefined; // a name speaks for itself
    if (kind === "person") tied ??= m.entity;
    if (kind === "country") state ??= m.entity;
    if (kind === "organisation") body ??= m.entity;
  }
  // "the Foreign Ministry spokesperson", "China's Foreign Ministry spokesperson" (not "a …"): the
  // person the text named with that post of that body
  // "the head of the X Alliance": a leader's post the body after "of" owns
  const leaderOf = ts[r.from].lower === "the" && ts[r.from + 1]?.lower === head && ts[r.from + 2]?.lower === "of" && LEADER_HEADS.has(head);
  const ownedPost = body !== undefined && (ts[r.to - 1].lower === head || leaderOf) && !["a", "an"].includes(ts[r.from].lower);
  if (!ownedPost) body = undefined;
  if (!state && !body) return tied;
  const postsOf = (key: string) => ix.a.roles.filter((role) => role.holder === key && ix.byKey.get(role.organisation ?? "")?.kind === "country");
  if (tied && (postsOf(tied).length === 0 || postsOf(tied).some((role) => role.organisation === state))) return tied;
  const samePost = (title: string) => {
    const last = title.slice(title.lastIndexOf(" ") + 1).toLowerCase();
    return last === head || (DELEGATE_NOUNS.has(last) && DELEGATE_NOUNS.has(head!)) || (leaderOf && LEADER_TITLE.test(title));
  };
  let best: { key: string; at: number } | undefined;
  for (const role of ix.a.roles) {
    if ((role.organisation !== state && (body === undefined || role.organisation !== body)) || role.evidence.start >= ts[r.from].start || ix.byKey.get(role.holder)?.kind !== "person" || !samePost(role.title)) continue;
    if (!best || role.evidence.start > best.at) best = { key: role.holder, at: role.evidence.start };
  }
  if (best) return best.key;
  if (DELEGATE_NOUNS.has(head)) return state;
  // "the head of the X Alliance" for a body nobody was named to lead: the leader who spoke just before
  // (news style names a speaker once, then by an epithet), else somebody unnamed — never the body itself
  if (body !== undefined && LEADER_HEADS.has(head)) return leaderSpeakingBefore(ix, ts[r.from].start) ?? null;
  return undefined;
}

/** Heads of a post that leads a body: "the head of X", "X's chief". */
const LEADER_HEADS = new Set(["head", "chief", "leader", "boss", "chairman", "chairwoman", "chairperson", "chair", "president", "director", "secretary-general", "commander"]);
const LEADER_TITLE = /\b(?:head|chief|leader|boss|chair(?:man|woman|person)?|president|director|secretary[- ]general|commander|high representative)$/i;

/**
 * The person who spoke last before `pos` (a quote's speaker, or the subject of a speech verb in the
 * sentence before), in the same paragraph or the one before, when the text gave that person a post
 * that leads an organisation (not a state's post: "the head of the alliance" is no president of a country).
 */
function leaderSpeakingBefore(ix: ActorIndex, pos: number): string | undefined {
  const floor = ix.blocks[Math.max(0, blockIndexAt(ix, pos) - 1)]?.start ?? 0;
  const q = lowerBound(ix.spoken, pos + 1, (sp) => sp.at) - 1;
  const verb = lastSpeechVerb(ix, floor, pos);
  let key: string | undefined;
  if (q >= 0 && ix.spoken[q].at >= floor && (!verb || ix.spoken[q].at > verb.start)) key = ix.spoken[q].keys.length === 1 ? ix.spoken[q].keys[0] : undefined;
  else if (verb) {
    const subject = subjectOfVerb(ix, tokenAt(ix, verb.start), tokenAt(ix, floor))?.get("speaker");
    const actor = subject && speakerOf(ix, subject, { depth: 1 });
    key = actor && actor.keys.length === 1 ? actor.keys[0] : undefined;
  }
  if (!key || ix.byKey.get(key)?.kind !== "person") return undefined;
  const leads = ix.a.roles.some((role) => role.holder === key && LEADER_TITLE.test(role.title) && ix.byKey.get(role.organisation ?? "")?.kind === "organisation");
  return leads ? key : undefined;
}

/**
 * The mention (index into ix.mentions) a phrase names: its last person, else its last state or body —
 * past a possessor ("Russia's foreign minister": not Russia) and a name the words attached to the
 * phrase contradict ("the ministry of external affairs" is not the foreign ministry named before).
 */
function namedBy(ix: ActorIndex, r: TokenRange, attached?: TokenRange): number | undefined {
  let person: number | undefined;
  let body: number | undefined;
  // "a senior Berg administration official", "a Berg aide": the person modifies who speaks unnamed
  const unnamedHead = UNNAMED_HEADS.has(ix.tokens[r.to - 1].lower) && ["a", "an", "one"].includes(ix.tokens[r.from].lower);
  for (let i = r.from; i < r.to; i++) {
    const mi = ix.facts.actor[i];
    if (mi < 0 || mi === person || mi === body) continue;
    const m = ix.mentions[mi];
    if (possessesLowerWord(ix, m.span.end)) continue; // a possessor
    if (unnamedHead && ix.facts.person[i]) continue;
    if (m.via === "title" && !agreesWith(ix, m.entity, attached)) continue;
    if (ix.facts.person[i]) person = mi;
    // "the Russian embassy to the United States", "the EU delegation in Moscow": the body before "to"/"in"/"at" speaks
    else if (body === undefined || !LOCATIVE_BEFORE.has(wordBefore(ix, m.span.start) ?? "")) body = mi;
  }
  return person ?? body;
}

const LOCATIVE_BEFORE = new Set(["to", "in", "at"]);

/**
 * Whether the words an "of" attaches to a description ("the ministry of external affairs") are all in
 * the name of the entity it is tied to; with no entity, whether the description is a bare one ("the
 * ministry"), which may then stand for the body named last.
 */
function agreesWith(ix: ActorIndex, key: string | undefined, attached: TokenRange | undefined): boolean {
  if (!attached || ix.tokens[attached.from].lower !== "of") return true;
  const own = wordsOf(ix, { from: attached.from + 1, to: attached.to }).filter((t) => !t.cap && t.tag !== "DET").map((t) => t.lower);
  if (!own.length) return true;
  if (key === undefined) return false;
  const names = new Set(ix.byKey.get(key)?.names.flatMap((n) => n.toLowerCase().split(" ")) ?? []);
  return own.every((w) => names.has(w));
}

/** The speaker of the verb at token `verb`: its subject frame's phrase, resolved; undefined when no frame holds. */
export function speakerOfVerb(ix: ActorIndex, verb: number, floor = 0, opts: SpeakerOptions = {}): Actor | null | undefined {
  const m = subjectOfVerb(ix, verb, floor);
  const speaker = m?.get("speaker");
  return speaker && speakerOf(ix, speaker, { ...opts, attached: m!.get("attached") });
}

// ---- statements and their authors ---------------------------------------------------------------

/**
 * The authors of the statement whose noun is token `noun`: its possessor or modifier ("Wang and
 * Lavrov's statement", "a foreign ministry statement"), the subject after "In a joint statement,",
 * the subject of "X said in a statement" / "X issued a statement", the body after "a statement
 * issued by"; a bare "the statement" goes back to the one before; else the pair named last.
 */
export function statementAuthors(ix: ActorIndex, noun: number, depth = 0, referredTo = false): Actor | undefined {
  const ts = ix.tokens;
  const near = { from: Math.max(0, noun - 12), to: noun + 1, overlapping: true } as const;
  const endsAtNoun = (ms: Match[]) => ms.filter((m) => m.to === noun + 1).pop();
  const modified = endsAtNoun(AUTHORS_BEFORE_NOUN.matchAll(ts, near));
  if (modified) return { keys: groupKeys(ix, ix.facts.actor[modified.get("author")!.from]), how: "statement" };
  const opening = [noun - 2, noun - 3].map((k) => (k >= 0 ? IN_A_STATEMENT.matchAt(ts, k) : undefined)).find((m) => m?.get("noun")?.from === noun);
  if (opening) {
    const author = opening.get("author");
    if (author) return { keys: groupKeys(ix, ix.facts.actor[author.from]), how: "statement" };
    const plural = opening.get("plural")!;
    const keys = pluralAntecedent(ix, ts[noun].start, ts[plural.to - 1].lower === "they" ? undefined : 2);
    if (keys) return { keys, how: "plural" };
  }
  // "X said in a statement" (not inside statementAuthors' own look-up), "X issued a joint statement"
  const verbal = endsAtNoun(VERB_BEFORE_NOUN.matchAll(ts, near));
  const verb = verbal?.get("verb")!.from;
  // ("the statement said" may go back to "X said in a statement": then the speech verb's subject is read too)
  if (verb !== undefined && (depth === 0 || referredTo || !ix.facts.speech[verb])) {
    const actor = speakerOfVerb(ix, verb, 0, { depth: depth + 1 });
    if (actor) return actor;
    const keys = ix.facts.speech[verb] ? undefined : pluralAntecedent(ix, ts[noun].start);
    if (keys) return { keys, how: "plural" };
  }
  const by = AUTHOR_AFTER_NOUN.matchAt(ts, noun);
  if (by) return { keys: groupKeys(ix, ix.facts.actor[by.get("author")!.from]), how: "statement" };
  if ((depth === 0 || (referredTo && depth < 3)) && ["the", "this", "that"].some((w) => ts[noun - 1]?.lower === w || ts[noun - 2]?.lower === w)) {
    const earlier = lastStatementNoun(ix, ts[noun].start, -1);
    if (earlier !== undefined) return statementAuthors(ix, earlier, depth + 1, true);
  }
  // else the pair named last, when it is a subject ("A and B issued …"), not an object ("sanctions on 25 people, including A and B")
  const keys = pluralSubjectBefore(ix, ts[noun].start);
  return keys ? { keys, how: "plural" } : undefined;
}
