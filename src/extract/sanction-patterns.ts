// The sanctions pass's phrases as declarative token patterns (src/extract/patterns.ts) whose
// parts are noun phrases: a target is a list of noun phrases with their attached prepositional
// and participial modifiers, not "the words up to the next listed boundary word".
import type { Span } from "../model.ts";
import { pattern, charSpan, type Element, type Match, type Pattern, type TokenRange } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { MONTHS, WEEKDAYS } from "./words.ts";
import { lowerBound } from "./sorted.ts";

// ---- token shapes (no regular expressions: each runs at many tokens) ----------------------------

const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** Only digits ("2024", "3"). */
export function allDigits(s: string): boolean {
  if (!s) return false;
  for (let k = 0; k < s.length; k++) if (!isDigitCode(s.charCodeAt(k))) return false;
  return true;
}
/** Starts with a digit ("1,200", "3rd"). */
export const startsWithDigit = (t: Token): boolean => t.isWord && isDigitCode(t.text.charCodeAt(0));
/** A day of the month written as a number ("3", "21"). */
export const isDayNumber = (t: Token): boolean => t.text.length <= 2 && allDigits(t.text);
/** A year ("2024"). */
export const isYearNumber = (t: Token): boolean => t.text.length === 4 && allDigits(t.text);
/** An "-ly" adverb ("formally", "jointly"). */
export const isLyWord = (t: Token): boolean => t.isWord && t.lower.length > 2 && t.lower.endsWith("ly") && !allDigits(t.lower);
/** A word of letters and digits only ("Friday", "3"), without hyphens, dots or apostrophes. */
export function isPlainWord(t: Token): boolean {
  if (!t.isWord) return false;
  for (const ch of t.text) if (ch.toLowerCase() === ch.toUpperCase() && !isDigitCode(ch.charCodeAt(0))) return false;
  return true;
}
/** The tail of a hyphenated word the tokenizer splits off ("Lima" "-based"). */
export const isHyphenTail = (t: Token): boolean => t.text.length > 1 && t.text[0] === "-";
/** A word of letters, hyphenated tails included ("new", "asset-freeze", "-based"); not a number. */
export const LETTER_WORD: Element = { any: [{ word: true, not: { tag: "NUM" } }, { test: isHyphenTail }] };
/** Starts with a capital letter (not a name particle). */
export const startsUpper = (t: Token): boolean => t.isWord && t.text[0] !== t.text[0].toLowerCase();
/** Letters only ("plans", "Peru"). */
export const isLetters = (t: Token): boolean => isPlainWord(t) && !isDigitCode(t.text.charCodeAt(0)) && ![...t.text].some((ch) => isDigitCode(ch.charCodeAt(0)));
/** A weekday written with a capital ("Monday"). */
export const isWeekdayWord = (t: Token): boolean => t.cap && t.lower.endsWith("day");
/** An "-ing" form of letters ("closing", "citing"). */
export const isIngWord = (t: Token): boolean => t.lower.length > 3 && t.lower.endsWith("ing") && isLetters(t);
/** "20th", "3rd": an ordinal in digits. */
export const isOrdinalNumber = (t: Token): boolean => ["st", "nd", "rd", "th"].includes(t.lower.slice(-2)) && allDigits(t.lower.slice(0, -2));

/** Nouns after "in"/"for" that start a reason or a time, not a part of the target ("in response to"). */
const NOT_ATTACHED = new Set([
  "response", "retaliation", "connection", "protest", "reaction", "light", "view", "line", "part", "addition", "order", "support",
  "solidarity", "coordination", "concert", "tandem", "step", "total", "effect", "turn", "return", "recent", "past", "future", "wake",
  "early", "late", "mid", "time", "days", "weeks", "months", "years", "year", "week", "month",
  "list", "lists", "blacklist", "register",
  // "sanctions against Chile with the aim of …": a purpose
  "aim", "goal", "intention", "purpose", "objective",
]);
const isDateWord = (t: Token) => MONTHS.has(t.text) || WEEKDAYS.has(t.text) || isYearNumber(t) || RELATIVE_DAYS.has(t.lower);
const RELATIVE_DAYS = new Set(["today", "yesterday", "tomorrow"]);

const isObject = (p: { from: number; to: number; head: number }, ts: readonly Token[]) => !isDateWord(ts[p.head]) && !NOT_ATTACHED.has(ts[p.head].lower) && !ts.slice(p.from, p.to).some(isDateWord);
/** A noun phrase that is no time and no reason: "three firms", "the Velmar fleet" (not "March", "response"). */
const NOUN_PHRASE: Element = { phrase: { test: isObject } };
/**
 * A capitalised word the tagger did not take for a noun continues a name ("Southern Cross/VERB Defence
 * Systems"): such words, and the phrase after them, are part of the object.
 */
const NAME_GOES_ON: Element = { seq: [{ cap: true, word: true, tag: ["VERB", "ADJ", "ADV", "ADP", "X"], test: (t) => !t.sentenceStart, op: [1, 2] }, { ...NOUN_PHRASE, op: "?" }], op: "?" };
const OBJECT: Element = { seq: [NOUN_PHRASE, NAME_GOES_ON] };
/** The same, possibly from inside a phrase the tagger made too long ("targets/NOUN Peruvian exporters"). */
const FIRST_OBJECT: Element = { seq: [{ phrase: { test: isObject, suffix: true } }, NAME_GOES_ON] };

/** "of the Velmar navy", "to Peru", "from the armed forces", "based in Korland". */
const ATTACHMENT: Element = {
  any: [
    [{ lower: ["of", "to", "from", "in", "at", "within", "inside", "with"] }, OBJECT],
    [{ lower: ["associated", "linked", "tied", "connected", "close", "related", "loyal", "belonging", "affiliated"] }, { lower: ["with", "to"] }, OBJECT],
    [{ lower: ["involved", "based", "active", "operating", "working"] }, { lower: ["in", "for", "with"] }, OBJECT],
    [{ lower: ["owned", "controlled", "run", "backed", "led"] }, { lower: "by" }, OBJECT],
  ],
};

/** One target: a noun phrase with up to three attachments ("arms sales to Peru", "six commanders from the army"). */
const ONE: Element = { seq: [OBJECT, { seq: [ATTACHMENT], op: [0, 3] }] };

const JOINER: Element = {
  any: [
    [{ text: "," }, { lower: ["and", "or"], op: "?" }],
    { lower: ["and", "or", "&"] },
    [{ lower: "as" }, { lower: "well" }, { lower: "as" }],
  ],
};

/** A further item of a list, unless it is the subject of the next clause ("…, the ministry said"). */
const MORE: Element = { seq: [JOINER, ONE, { aheadNot: { tag: "VERB" } }] };

/** "those responsible for undermining Z", "those involved in the coup": a description of whom, up to the clause's end. */
const THOSE_DESCRIBED: Element = {
  seq: [
    { lower: "those" },
    { lower: ["responsible", "involved", "complicit", "accused", "deemed", "behind", "implicated", "engaged"] },
    { not: { text: [",", ";", ".", ":", "(", "“", "\""] }, op: [1, 16] },
  ],
};

/** "eight officials and two agencies, including the army chief and his deputy", "28 people, targeting former ministers such as A and B". */
export const TARGET_LIST: Element = {
  seq: [
    { any: [THOSE_DESCRIBED, { seq: [FIRST_OBJECT, { seq: [ATTACHMENT], op: [0, 3] }] }] },
    { seq: [MORE], op: [0, 12] },
    {
      op: [0, 2],
      seq: [{ text: ",", op: "?" }, { any: [{ lower: ["including", "notably", "targeting"] }, [{ lower: "such" }, { lower: "as" }], [{ lower: "among" }, { lower: "them" }]] }, ONE, { seq: [MORE], op: [0, 12] }],
    },
  ],
};
export const TARGET = pattern([TARGET_LIST]);

/** "formally", "this week", "also": an adverbial between a subject and its verb that names no day. */
export const UNDATED_ADVERBIAL: Element = {
  any: [
    [{ lower: ["last", "this"] }, { lower: ["week", "month", "year", "morning", "afternoon", "evening"] }],
    [{ lower: "earlier" }, { lower: "this" }, { lower: ["week", "month", "year"] }],
    { lower: ["today", "yesterday", "also", "again", "then", "later", "now", "jointly", "formally", "officially", "further", "previously", "earlier", "already", "first"] },
    { tag: "ADV", test: (t) => isLyWord(t) && isLetters(t) && t.text === t.lower },
  ],
};
/**
 * A time or manner adverbial between a subject and its verb ("The Council on Monday formally listed …",
 * "X on 9 January 2022 responded", "X this week also imposed"): it does not change who acts.
 */
export const ADVERBIAL: Element = {
  any: [
    [{ lower: "on" }, { any: [{ test: (t) => WEEKDAYS.has(t.text) }, [{ test: isDayNumber }, { test: (t) => MONTHS.has(t.text) }], [{ test: (t) => MONTHS.has(t.text) }, { text: ".", op: "?" }, { test: isDayNumber }]] }, { seq: [{ text: ",", op: "?" }, { test: isYearNumber }], op: "?" }],
    UNDATED_ADVERBIAL,
  ],
};

/** The index of the first token starting at or after `pos` (tokens sorted by start). */
export function tokenAtOrAfter(tokens: readonly Token[], pos: number): number {
  return lowerBound(tokens, pos, tokenStart);
}
const tokenStart = (t: Token) => t.start;

/** The target phrase starting at character `pos` (spaces skipped), ending before `end`. */
export function targetPhraseAt(tokens: readonly Token[], pos: number, end: number): Span | undefined {
  const i = tokenAtOrAfter(tokens, pos);
  if (i >= tokens.length || tokens[i].start >= end) return undefined;
  const m = TARGET.matchAt(tokens, i);
  if (!m) return undefined;
  let to = m.to;
  while (to > m.from && tokens[to - 1].end > end) to--;
  to = purposeCut(tokens, m.from, to);
  return to > m.from ? charSpan(tokens, { from: m.from, to }) : undefined;
}

/** "in an attempt to", "in a bid to", "in response to": a purpose or cause, never a place the targets are in. */
const PURPOSE_AFTER_IN = pattern([
  { lower: "in" },
  {
    any: [
      [{ lower: ["a", "an"] }, { word: true, op: "?", test: (t) => t.tag === "ADJ" }, { lower: ["attempt", "bid", "effort", "move", "push", "drive"] }],
      { lower: ["response", "retaliation", "reaction", "protest", "solidarity", "order"] },
      // "in the face of Z", "in light of Z", "in view of Z": why, not whom
      [{ lower: "the" }, { lower: "face" }, { lower: "of" }],
      [{ lower: ["light", "view"] }, { lower: "of" }],
    ],
  },
]);
/** Where a target phrase [from, to) ends before a purpose "in …" inside it. */
function purposeCut(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from + 1; k < to; k++) if (tokens[k].lower === "in" && PURPOSE_AFTER_IN.matchAt(tokens, k, { within: "anywhere" })) return k;
  return to;
}

/** ", pursuant to Executive Order 1234, as amended," between a designation verb and its object. */
export const INSERTED_AUTHORITY = pattern([
  { text: "," },
  { any: [[{ lower: "pursuant" }, { lower: "to" }], { lower: "under" }] },
  { not: { text: [",", ".", ";"] }, op: [1, 24] },
  { text: "," },
  { seq: [{ lower: "as" }, { lower: "amended" }, { text: "," }], op: "?" },
]);

/** "what it described as", "what the ministry called": the imposer's own name for its object, before the object. */
const DESCRIBED_AS = pattern([
  { lower: "what" },
  { not: { text: [",", ".", ";", ":"] }, op: [1, 3] },
  { lower: ["described", "describes", "called", "calls", "termed", "terms", "labelled", "labeled", "labels"] },
  { lower: "as", op: "?" },
]);
/** Where a target phrase starting at `pos` really starts: past "what it described as" ("sanctioned what it called Y"). */
export function pastDescribedAs(tokens: readonly Token[], pos: number): number {
  const i = tokenAtOrAfter(tokens, pos);
  const m = i < tokens.length && tokens[i].lower === "what" ? DESCRIBED_AS.matchAt(tokens, i) : undefined;
  return m ? tokens[m.to - 1].end : pos;
}

/** Where the object of a verb ending at `pos` starts, past an inserted authority ("designated, pursuant to …, Y"). */
export function objectStart(tokens: readonly Token[], pos: number): number {
  const i = tokenAtOrAfter(tokens, pos);
  const m = i < tokens.length ? INSERTED_AUTHORITY.matchAt(tokens, i) : undefined;
  return m ? tokens[m.to - 1].end : pos;
}

/** The target list that ends right before token `end` (the subject of "… have been sanctioned by X"). */
export function targetPhraseBefore(tokens: readonly Token[], end: number, floor: number): Span | undefined {
  for (let from = Math.max(floor, end - 40); from < end; from++) {
    const m = TARGET.matchAt(tokens, from);
    if (m && m.to === end) return charSpan(tokens, m);
  }
  return undefined;
}

/**
 * "the Velmar Group, a Norwegian-designated terrorist group": the apposition names, in the compound
 * before "designated", who designated the body named before the comma. `by` holds the designator's words.
 */
export const DESIGNATED_APPOSITION = pattern([
  { text: "," },
  { lower: ["a", "an"] },
  { as: "by", seq: [{ not: { text: [",", ".", ";", ":", "(", ")"] }, op: [1, 4] }] },
  { text: ["-", "–"] },
  { lower: "designated" },
]);

/** "$3 billion (currently) frozen by X", "the assets seized by X": a participle after its object, then the agent. */
export const FROZEN_BY = pattern([
  { tag: "ADV", op: "?" },
  { lower: ["frozen", "blocked", "seized", "impounded", "confiscated"], as: "verb" },
  { lower: "by" },
]);

// ---- matching at character positions ----------------------------------------------------------
// The clause readers work from character offsets (a trigger, a verb, a phrase's end); these match a
// pattern from, or up to, such an offset, as `/^\s*…/` on the text after it or `/…$/` on the text before.

/** Where a match starts and ends, as character offsets. */
export const startOf = (tokens: readonly Token[], m: TokenRange): number => tokens[m.from].start;
export const endOf = (tokens: readonly Token[], m: TokenRange): number => tokens[m.to - 1].end;

/** `p` matched from the first token at or after character `pos`, inside the text before `end`. */
export function matchAfter(tokens: readonly Token[], p: Pattern, pos: number, end: number): Match | undefined {
  const i = tokenAtOrAfter(tokens, pos);
  if (i >= tokens.length || tokens[i].start >= end) return undefined;
  return p.matchAt(tokens, i, { to: tokenAtOrAfter(tokens, end), within: "anywhere" });
}

/**
 * The leftmost match of `p` that ends right before character `pos` (the token there) and starts at or
 * after `floor`, reaching back at most `reach` tokens.
 */
export function matchEndingAt(tokens: readonly Token[], p: Pattern, floor: number, pos: number, reach = 48): Match | undefined {
  const end = tokenAtOrAfter(tokens, pos);
  const first = tokenAtOrAfter(tokens, floor);
  if (end <= first) return undefined;
  return p.matchBefore(tokens, end, Math.max(first, end - reach), { within: "anywhere" });
}

/** `p` covers the characters [start, end) exactly (a whole target phrase: "both men", "them"). */
export function matchesWhole(tokens: readonly Token[], p: Pattern, start: number, end: number): boolean {
  const i = tokenAtOrAfter(tokens, start);
  const to = tokenAtOrAfter(tokens, end);
  return i < to && p.matchAt(tokens, i, { to, endAt: to, within: "anywhere" }) !== undefined;
}

/** The lower-case words (and punctuation) of the characters [start, end). */
export function lowerWords(tokens: readonly Token[], start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = tokenAtOrAfter(tokens, start); i < tokens.length && tokens[i].end <= end; i++) out.push(tokens[i].lower);
  return out;
}

/** "since", "to date", "so far", "in total": words of a running total ("has now sanctioned 1,000 people since …"). */
export const TOTAL_WORDS = pattern([{ any: [{ lower: ["since", "altogether"] }, [{ lower: "to" }, { lower: "date" }], [{ lower: "so" }, { lower: "far" }], [{ lower: "in" }, { lower: ["total", "all"] }]] }]);

/** "the first time", "the next time": a time, not a target or a reason. */
export const NTH_TIME = pattern([{ lower: "the", op: "?" }, { lower: ["first", "second", "third", "last", "next"] }, { lower: "time" }]);

/** The first token at or after character `pos`, when it starts before `end`. */
export function wordAt(tokens: readonly Token[], pos: number, end: number): Token | undefined {
  const t = tokens[tokenAtOrAfter(tokens, pos)];
  return t && t.start < end ? t : undefined;
}
