// Tokens with offsets for the content blocks of a document, and the sentence each is in.
import type { BlockKind, Document, Span } from "../model.ts";
import { lexicons, lookupKey } from "./lexicon.ts";
import { tagSpansInto, type Tag } from "./tagger.ts";
import { lowerBound } from "./sorted.ts";

const spanStart = (s: Span) => s.start;

export type { Tag } from "./tagger.ts";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index into Document.blocks (-1 when the document has no blocks). */
  block: number;
  blockKind: BlockKind;
  /** Index into Document.sentences (the sentence that contains the token's start). */
  sentence: number;
  /** A word (letters or digits), as opposed to punctuation. */
  isWord: boolean;
  /** Starts with a capital letter, or is a name particle joined by a hyphen ("al-Assad"). */
  cap: boolean;
  /** Two or more letters, all capitals ("EU", "TASS", "U.S."). */
  allCaps: boolean;
  /** First word of a sentence (or of a quotation, or of a block). */
  sentenceStart: boolean;
  /** Universal part-of-speech tag from the tagger (NOUN, PROPN, VERB, ADJ, DET, ADP, PUNCT...). */
  tag: Tag;
  /** Lower-case lemma ("imposed" → "impose", "sanctions" → "sanction"); the lower-case word when unknown. */
  lemma: string;
  /** The text in lower case. */
  lower: string;
}

/** "a.k.a." ("also known as") is one word, and no name however it is written. */
export const ALIAS_MARK = /^a\.?k\.?a\.?$/i;

// "a.k.a.", dotted acronyms ("U.S.", "U.N."), a word hyphened to one ("Korea-U.S.": splitWord parts them), words (with inner apostrophes, hyphens, slashes, ampersands),
// then any other single character.
const TOKEN_RE = /(?<![\p{L}\p{N}.])[aA]\.[kK]\.[aA]\.|(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*[-‐](?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:[-‐/&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*)*|\S/gu;
const ABBREVIATIONS = new Set(["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gen", "Col", "Lt", "Capt", "Jr", "Sr", "Gov", "Rev", "No", "Mt", "Ft", "Maj", "Sgt", "Brig", "Adm", "Cmdr", "Cdr", "Cpl", "Pvt", "Gens", "Insp", "Supt", "Hon", "Rt"]);
const NAME_PARTICLE_RE = /^(?:al|el|ad|as|ash|at|an|bin|ibn|abu|van|von|de|da|di|du|del|della|der|la|le|d)[-‐’']\p{Lu}/u;
const OPENING_QUOTES = new Set(["“", "\"", "‘", "'", "(", "[", "«"]);
const SENTENCE_END = new Set([".", "!", "?", ":", "…"]);

// The character tests below run for every token: an ASCII first character is told by its code (the
// same answer as the Unicode class), any other goes to the regular expression. (Exported for the
// test that compares them with the expressions over every code point.)
const UPPER_A = 65, UPPER_Z = 90, LOWER_A = 97, LOWER_Z = 122, DIGIT_0 = 48, DIGIT_9 = 57;

function isCap(w: string): boolean {
  return startsUpper(w) || (hasParticleMark(w) && NAME_PARTICLE_RE.test(w));
}

/** /^\p{Lu}/u */
export function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= UPPER_A && c <= UPPER_Z;
  return /^\p{Lu}/u.test(w);
}

/** A single upper-case letter: /^\p{Lu}$/u (one code point is at most two UTF-16 units). */
export function isOneUpper(w: string): boolean {
  if (w.length === 1) {
    const c = w.charCodeAt(0);
    if (c < 128) return c >= UPPER_A && c <= UPPER_Z;
  } else if (w.length !== 2) return false;
  return /^\p{Lu}$/u.test(w);
}

/** /^[\p{L}\p{N}]/u */
export function startsWordChar(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= LOWER_A && c <= LOWER_Z) || (c >= UPPER_A && c <= UPPER_Z) || (c >= DIGIT_0 && c <= DIGIT_9);
  return /^[\p{L}\p{N}]/u.test(w);
}

/** An ASCII lower-case first letter (then the word is not all capitals). */
export function startsLowerAscii(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= LOWER_A && c <= LOWER_Z;
}

/** NAME_PARTICLE_RE needs one of these marks after the particle. */
export const hasParticleMark = (w: string) => w.includes("-") || w.includes("‐") || w.includes("’") || w.includes("'");

let tails: Set<string> | undefined;
/** Last words of states' names of several words ("korea" of "South Korea"). */
function stateNameTails(lex: ReturnType<typeof lexicons>): Set<string> {
  if (!tails) {
    tails = new Set();
    for (const k of lex.countries.keys()) if (k.includes(" ")) tails.add(k.slice(k.lastIndexOf(" ") + 1));
  }
  return tails;
}

/** Splits possessives ("China's") and mixed slashed credits ("Name/POOL/AGENCY") off words. */
function splitWord(text: string, start: number, out: Array<[string, number]>): void {
  const possessive = text.length > 2 && (text.endsWith("'s") || text.endsWith("’s")) ? /^(.+?)(['’]s)$/u.exec(text) : null;
  if (possessive && possessive[1].length > 1) {
    splitWord(possessive[1], start, out);
    out.push([possessive[2], start + possessive[1].length]);
    return;
  }
  // "China-Russia", "US-Japan", "Russian-Chinese": two states joined by a hyphen are two names
  if (text.includes("-") && /^\p{Lu}/u.test(text)) {
    const parts = text.split("-");
    const lex = lexicons();
    const state = (p: string) => lex.countries.has(lookupKey(p)) || lex.demonyms.has(p);
    const outlet = (p: string) => lex.orgs.get(lookupKey(p))?.orgType === "media";
    // ("South Korea-U.S. alliance": the first part may end a state's name of two words;
    // "AP-Yonhap" closing a caption: two agencies credited together)
    if (parts.length >= 2 && (parts.every((p, i) => state(p) || (i === 0 && stateNameTails(lex).has(lookupKey(p)))) || parts.every(outlet))) {
      let at = start;
      parts.forEach((p, i) => {
        if (i > 0) { out.push(["-", at]); at += 1; }
        out.push([p, at]);
        at += p.length;
      });
      return;
    }
  }
  // "then-President X", "Ghana's then-Foreign Minister Y": the time word and the post are two words (as
  // in "then President X"), so the post opens a name chunk; the hyphen is no token
  const then = /^([Tt]hen)[-‐](\p{Lu}[\p{L}\p{M}.'’-]*)$/u.exec(text);
  if (then) {
    out.push([then[1], start]);
    splitWord(then[2], start + then[1].length + 1, out);
    return;
  }
  // "Tehran-based", "Geneva-headquartered", "Lima-born", "Panama-flagged": the name is a place (or state) of its own, the suffix no word
  const based = text.includes("-") ? /^(\p{Lu}[\p{L}\p{M}.]*)(-(?:based|headquartered|born|registered|flagged))$/u.exec(text) : null;
  if (based) {
    out.push([based[1], start]);
    out.push([based[2], start + based[1].length]);
    return;
  }
  if (text.includes("/")) {
    const parts = text.split("/");
    // "RFE/RL" stays one token; "Name/POOL/AGENCY" does not.
    if (!parts.every((p) => /^\p{Lu}{1,3}$/u.test(p))) {
      let at = start;
      parts.forEach((p, i) => {
        if (i > 0) { out.push(["/", at]); at += 1; }
        if (p) out.push([p, at]);
        at += p.length;
      });
      return;
    }
  }
  out.push([text, start]);
}

/**
 * "[German Chancellor Anna] Holtmer", "[President Petro] Varenko" (invented): an editor's bracket that completes
 * a name the quote shortened (capitalised words only, the name's last word right after it) is no
 * token, so the name reads as one run of words.
 */
function dropEditorialBrackets(raw: Array<[string, number]>): void {
  const isCapWord = (t: string | undefined) => !!t && /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(t);
  for (let i = 0; i < raw.length; i++) {
    if (raw[i][0] !== "[") continue;
    let k = i + 1;
    while (k < raw.length && k - i <= 6 && isCapWord(raw[k][0])) k++;
    if (k === i + 1 || raw[k]?.[0] !== "]" || !isCapWord(raw[k + 1]?.[0]) || raw[k + 1][1] !== raw[k][1] + 2 || raw[i + 1][1] !== raw[i][1] + 1) continue;
    raw.splice(k, 1);
    raw.splice(i, 1);
    i = k - 2;
  }
}

export function tokenize(doc: Document): Token[] {
  const tokens: Token[] = [];
  const blocks = doc.blocks.length ? doc.blocks : [{ start: 0, end: doc.text.length, kind: "body" as BlockKind }];
  const sentenceOf = sentenceIndexer(doc.sentences);
  blocks.forEach((block, b) => {
    const text = doc.text.slice(block.start, block.end);
    const raw: Array<[string, number]> = [];
    for (const m of text.matchAll(TOKEN_RE)) splitWord(m[0], block.start + m.index, raw);
    dropEditorialBrackets(raw);
    let atStart = true;
    const first = tokens.length;
    for (let i = 0; i < raw.length; i++) {
      let [t, start] = raw[i];
      // "Mr." and "Dr." keep their dot.
      const initial = isOneUpper(t) && startsUpper(raw[i + 2]?.[0] ?? "");
      if ((ABBREVIATIONS.has(t) || initial) && raw[i + 1]?.[0] === "." && raw[i + 1][1] === start + t.length) {
        t += ".";
        i++;
      }
      const isWord = t.length > 0 && startsWordChar(t);
      const prev = tokens.length && tokens[tokens.length - 1].block === (doc.blocks.length ? b : -1) ? tokens[tokens.length - 1] : undefined;
      const tok: Token = {
        text: t,
        start,
        end: start + t.length,
        block: doc.blocks.length ? b : -1,
        blockKind: block.kind,
        sentence: sentenceOf(start),
        isWord,
        cap: isWord && isCap(t) && !ALIAS_MARK.test(t),
        allCaps: isWord && t.length > 1 && !startsLowerAscii(t) && !ALIAS_MARK.test(t) && t.toUpperCase() === t && /^(?:\p{Lu}\.?){2,}$|^\p{Lu}[\p{Lu}\d&/.-]+$/u.test(t) && /\p{Lu}.*\p{Lu}/u.test(t),
        sentenceStart: false,
        tag: "X",
        lemma: "",
        lower: t.toLowerCase(),
      };
      if (isWord) {
        tok.sentenceStart = atStart;
        atStart = false;
      } else if (SENTENCE_END.has(t)) {
        // an abbreviation's dot or an initial ("J.") does not end a sentence
        atStart = !(prev && (/^\p{Lu}$/u.test(prev.text) || ABBREVIATIONS.has(prev.text)));
      } else if (OPENING_QUOTES.has(t) && prev && !prev.isWord && (SENTENCE_END.has(prev.text) || prev.text === ",")) {
        atStart = true;
      } else if (OPENING_QUOTES.has(t) && !prev) {
        atStart = true;
      }
      tokens.push(tok);
    }
    const count = tokens.length - first;
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      starts[k] = tokens[first + k].start;
      ends[k] = tokens[first + k].end;
    }
    const tags: Tag[] = new Array(count);
    const lemmas: string[] = new Array(count);
    tagSpansInto(text, block.start, count, starts, ends, tags, lemmas);
    for (let k = 0; k < count; k++) {
      tokens[first + k].tag = tags[k];
      tokens[first + k].lemma = lemmas[k];
    }
  });
  return tokens;
}

/** Maps an offset to the index of the sentence containing it (or the last one before it). */
function sentenceIndexer(sentences: Span[]): (offset: number) => number {
  // the last sentence starting at or before the offset: one before the first starting after it
  return (offset) => Math.max(0, lowerBound(sentences, offset + 1, spanStart) - 1);
}
