// Base noun phrases ("chunks") built from the tagger's tags, in one left-to-right pass:
//   (determiner | possessive pronoun)? (number | adjective | participle | noun | proper noun | X's)* head
// where the head is a noun, proper noun or number; a personal pronoun is a phrase of its own.
// A phrase never crosses a sentence or block, never holds a prepositional phrase ("the Office" and
// "Foreign Assets Control" are two phrases: patterns join them with "of" where they need to), and
// is at most MAX_PHRASE tokens long, so everything built on phrases stays linear.
import type { Token } from "./tokens.ts";
import { lexicons } from "./lexicon.ts";

export interface NounPhrase {
  /** First token (inclusive). */
  from: number;
  /** After the last token (exclusive). */
  to: number;
  /** The head: the phrase's last token. */
  head: number;
}

export const MAX_PHRASE = 16;

const DETERMINERS = new Set(["a", "an", "the", "this", "that", "these", "those", "some", "any", "every", "each", "no", "all", "both", "another", "such", "several", "many", "most", "other"]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "its", "their", "our", "my", "your"]);
const TIME_ADJECTIVES = new Set(["last", "next", "past", "previous", "early", "late", "earlier", "later", "coming"]);
const RELATIVE_DAYS = new Set(["today", "yesterday", "tomorrow", "tonight"]);
const WEEKDAY_NAMES = new Set(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
const PERSONAL_PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me"]);

const isHead = (t: Token) => t.tag === "NOUN" || t.tag === "PROPN" || t.tag === "NUM" || (t.tag === "X" && t.isWord);
const isModifier = (t: Token) => isHead(t) || t.tag === "ADJ";
/** "the sanctioned entities", "two designated individuals": a participle after a determiner or adjective. */
const isParticiple = (t: Token) => t.tag === "VERB" && /(?:ed|en|ing)$/.test(t.lower);
/**
 * "three Chilean shipping firms", "Condor Shipping": a gerund before a noun, after a state's adjective
 * or inside a capitalised name, is a noun modifier (but "the government banning imports" is a clause).
 */
function isGerundModifier(prev: Token, t: Token, next: Token | undefined): boolean {
  if (t.tag !== "VERB" || !/ing$/.test(t.lower)) return false;
  if (t.cap && prev.cap) return true;
  return !!next && next.tag === "NOUN" && (prev.tag === "ADJ" || prev.tag === "NUM" || lexicons().demonyms.has(prev.text));
}
/**
 * "12 military-related firms", "the bank's state-owned units": a hyphenated participle modifies the noun after
 * it (a bare one after a number may be a verb after a date: "OFAC on Nov. 21 sanctioned dozens of banks").
 */
const participleAfterCount = (_prev: Token, t: Token) => t.text.includes("-");
/** "more than 30", "at least 12", "up to 40": a quantity before a number. */
const QUANTITY_PREFIXES = [["more", "than"], ["fewer", "than"], ["less", "than"], ["at", "least"], ["up", "to"], ["nearly"], ["almost"], ["about"], ["around"], ["over"], ["some"]];
const QUANTITY_FIRST = new Set(QUANTITY_PREFIXES.map((q) => q[0]));
const isDemonym = (t: Token) => t.cap && lexicons().demonyms.has(t.text);
const isPossessive = (t: Token) => t.text === "'s" || t.text === "’s";
const sameSentence = (first: Token, t: Token | undefined) => !!t && t.sentence === first.sentence && t.block === first.block;

/** The length of the quantity prefix ("more than") at `k` before a number, in `first`'s sentence; 0 when none. */
function quantityPrefix(tokens: readonly Token[], k: number, first: Token): number {
  for (const q of QUANTITY_PREFIXES) {
    let n = 0;
    while (n < q.length && tokens[k + n]?.lower === q[n] && sameSentence(first, tokens[k + n])) n++;
    if (n === q.length && tokens[k + n]?.tag === "NUM" && sameSentence(first, tokens[k + n])) return n;
  }
  return 0;
}

/** The base noun phrases of `tokens`, in order. */
export function nounPhrases(tokens: readonly Token[]): NounPhrase[] {
  const out: NounPhrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    const end = phraseEnd(tokens, i);
    if (end > i) {
      out.push({ from: i, to: end, head: end - 1 });
      i = end;
    } else i++;
  }
  return out;
}

/** Where a phrase starting at `from` ends (exclusive), or `from` when none starts there. */
function phraseEnd(tokens: readonly Token[], from: number): number {
  const first = tokens[from];
  if (first.tag === "PRON" && PERSONAL_PRONOUNS.has(first.lower)) return from + 1;
  // (sameSentence(first, t), not a closure over `first`: this runs at every token)
  let k = from;
  if ((first.tag === "DET" && DETERMINERS.has(first.lower)) || (first.tag === "PRON" && POSSESSIVE_PRONOUNS.has(first.lower))) k++;
  const quantity = QUANTITY_FIRST.has(tokens[k]?.lower) ? quantityPrefix(tokens, k, first) : 0;
  if (quantity) k += quantity;
  let lastHead = from - 2; // no head yet: never k - 1 (-1 was, for a phrase at an article's first token)
  while (k < tokens.length && k - from < MAX_PHRASE && sameSentence(first, tokens[k])) {
    const t = tokens[k];
    // "Chile last year": a time adjective after a noun starts another phrase
    // "three officials yesterday", "the bankers Monday": a day after a noun is a time, not its head
    if (lastHead === k - 1 && (RELATIVE_DAYS.has(t.lower) || (WEEKDAY_NAMES.has(t.text) && !tokens[k - 1].cap))) break;
    if (isModifier(t) && !(TIME_ADJECTIVES.has(t.lower) && lastHead === k - 1)) {
      if (isHead(t)) lastHead = k;
      k++;
    } else if (isParticiple(t) && (k > from || t.text.includes("-")) && (((!isHead(tokens[k - 1]) || participleAfterCount(tokens[k - 1], t)) && sameSentence(first, tokens[k + 1]) && isModifier(tokens[k + 1])) || isGerundModifier(tokens[k - 1], t, sameSentence(first, tokens[k + 1]) ? tokens[k + 1] : undefined))) {
      if (t.cap) lastHead = k; // "Condor Shipping" ends a name
      k++;
    } else if (isPossessive(t) && lastHead === k - 1 && sameSentence(first, tokens[k + 1]) && isModifier(tokens[k + 1])) {
      // "China's foreign ministry": the possessor stays inside the phrase
      k++;
    } else if ((t.lower === "and" || t.lower === "or") && k > from && tokens[k - 1].tag === "ADJ" && tokens[k + 1]?.tag === "ADJ" && sameSentence(first, tokens[k + 1]) && lastHead < k - 1) {
      k++; // "current and former members": two adjectives of one noun
    } else if ((t.lower === "and" || t.lower === "or") && k > from && isDemonym(tokens[k - 1]) && sameSentence(first, tokens[k + 1]) && isDemonym(tokens[k + 1]) && sameSentence(first, tokens[k + 2]) && isModifier(tokens[k + 2])) {
      k++; // "11 Chilean and Peruvian officials": two states' adjectives of one noun
    } else if (/^-\p{L}/u.test(t.text) && lastHead === k - 1 && sameSentence(first, tokens[k + 1]) && isModifier(tokens[k + 1])) {
      k++; // "a Lima-based fishing broker": the tokenizer splits the suffix off the name
    } else if (t.text === "," && k > from && tokens[k - 1].tag === "NUM" && tokens[k + 1]?.tag === "NUM" && tokens[k - 1].end === t.start && t.end === tokens[k + 1].start) {
      k++; // "1,600"
    } else if ((t.text === "&" || t.text === "-") && k > from && lastHead === k - 1 && tokens[k - 1].cap && tokens[k + 1]?.cap && sameSentence(first, tokens[k + 1])) {
      k++;
    } else break;
  }
  // "a Chilean general,": a determiner's phrase ending on an adjective before punctuation is nominal
  if (k > from + 1 && tokens[k - 1].tag === "ADJ" && first.tag === "DET" && tokens[k]?.tag === "PUNCT" && sameSentence(first, tokens[k])) return k;
  return lastHead >= from ? lastHead + 1 : from;
}

/** For each token, the index of the phrase holding it, or -1. */
export function phraseIndex(tokens: readonly Token[], phrases: readonly NounPhrase[]): Int32Array {
  const at = new Int32Array(tokens.length).fill(-1);
  phrases.forEach((p, n) => at.fill(n, p.from, p.to));
  return at;
}
