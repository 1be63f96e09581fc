// Scraped furniture glued to names: a scraper that drops the markup between an author box, a
// hover card and a timestamp joins them with no space ("Jane DoeJane Doe", "John RoeJohn
// RoeMonday, 4 March 2024", "JANE DOESaturday, 7 January 2023", "Skip to main contentSkip to
// navigation"). Such a line is cut into its pieces (spans into the unchanged text) and a piece that
// repeats the one before it is dropped, so no name is read across the seam.
import * as chrono from "chrono-node";
import type { Span } from "../model.ts";
import { furnitureOf } from "./boilerplate.ts";
import { readLexicon } from "./lexicon.ts";

/** Any fixed day: chrono needs one, and only the calendar words are read here. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
/** Glued runs are furniture lines; story paragraphs are left alone. */
const MAX_GLUED_LINE = 200;

/** A seam: a lower-case letter before a capitalised word ("DoeJane"), or a capitals run before one ("DOESaturday"). */
const SEAM = /(?<=\p{Ll})(?=\p{Lu}\p{Ll})|(?<=\p{Lu}\p{Lu})(?=\p{Lu}\p{Ll})/gu;
const CALENDAR_WORD = /^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b|^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d/u;

/**
 * The pieces of text[start, end) when scraped pieces are glued in it, in order, with repeats of the
 * piece before dropped; null when the line has no such seam.
 */
export function gluedPieces(text: string, start: number, end: number): Span[] | null {
  if (end - start > MAX_GLUED_LINE) return gluedPrefix(text, start, end);
  const line = text.slice(start, end);
  if (!/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u.test(line)) return null;
  const cuts: number[] = [];
  let pieceStart = 0;
  for (const m of line.matchAll(SEAM)) {
    const at = m.index;
    if (at <= pieceStart) continue;
    if (isGlued(line, pieceStart, at)) {
      cuts.push(at);
      pieceStart = at;
    }
  }
  if (!cuts.length) return null;
  const out: Span[] = [];
  let from = 0;
  let previous = "";
  for (const cut of [...cuts, line.length]) {
    const piece = trimmed(line, from, cut);
    const words = piece && line.slice(piece.start, piece.end);
    if (piece && words && !repeats(previous, words.toLowerCase())) out.push({ start: start + piece.start, end: start + piece.end });
    if (words) previous = words.toLowerCase();
    from = cut;
  }
  return out;
}

/** Words that open a sentence ("ReutersThe ministry said", "Jane Roe/AFPIn a statement"): glued after a caption or credit, never a name's inside. */
const SENTENCE_OPENER = /^(?:The|This|These|Those|In|On|At|According|After|Before|He|She|They|It|We|But|An?)\s/u;
/** How far into a long paragraph a furniture prefix may end ("ShareJane Roe said …", "AdvertisementThe ministry …"). */
const MAX_PREFIX = 60;

/** A one-word furniture label before a seam ("Share", "Advertisement", "Sponsored"): five letters or more, so no name's prefix ("Mc", "De"). */
const isFurnitureWord = (s: string) => /^\p{Lu}?\p{Ll}{4,}$/u.test(s) && furnitureOf(s) === "drop";

/** A paragraph too long to be a furniture line whose first seam cuts a furniture label or a caption off it ("AdvertisementThe ministry said …"). */
function gluedPrefix(text: string, start: number, end: number): Span[] | null {
  const head = text.slice(start, Math.min(end, start + MAX_PREFIX + 1));
  const m = /\p{Ll}(?=\p{Lu})|\p{Lu}\p{Lu}(?=\p{Lu}\p{Ll})/u.exec(head);
  if (!m) return null;
  const at = m.index + m[0].length;
  const before = head.slice(0, at).trim(), after = text.slice(start + at, Math.min(end, start + at + 40));
  if (!isFurnitureWord(before) && !SENTENCE_OPENER.test(after)) return null;
  const first = trimmed(text, start, start + at);
  const rest = trimmed(text, start + at, end);
  return rest ? [...(first && !isFurnitureWord(before) ? [first] : []), rest] : null;
}

/** Whether the seam at `at` joins two scraped pieces: a repeat, a date or furniture after it, furniture before it. */
function isGlued(line: string, pieceStart: number, at: number): boolean {
  const before = line.slice(pieceStart, at);
  const after = line.slice(at);
  // "ReutersThe Kelmor Front denied it": a sentence glued after a credit; "ShareJane Roe": a one-word label before a name
  if (SENTENCE_OPENER.test(after) || isFurnitureWord(before.trim())) return true;
  // "Jane DoeJane Doe", "By Jane DoeJane Doe": the piece, or its last words, repeats (a hover card
  // repeating an author box)
  if (repeatedTail(before, after)) return true;
  // "John RoeMonday, 4 March 2024": a timestamp glued after a name
  if (CALENDAR_WORD.test(after)) {
    const date = chrono.parse(after.slice(0, 48), REFERENCE)[0];
    if (date && date.index === 0 && date.start.isCertain("day")) return true;
  }
  // "Skip to main contentSkip to navigation": furniture on either side
  const beforeFurniture = furnitureOf(before.trim());
  const nextSeam = after.slice(1).search(/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u);
  const afterPiece = nextSeam < 0 ? after : after.slice(0, nextSeam + 2);
  return Boolean(beforeFurniture && beforeFurniture !== "promo" && /\s/.test(before.trim())) || Boolean(furnitureOf(afterPiece.trim()) === "drop" && /\s/.test(afterPiece.trim()));
}

/** The words at the end of `before` (from a word start, four letters or more) that `after` opens with, whole. */
function repeatedTail(before: string, after: string): boolean {
  const lowerAfter = after.toLowerCase();
  for (let k = 0; k <= before.length - 4; k++) {
    if (k > 0 && !/\s/u.test(before[k - 1])) continue;
    const tail = before.slice(k).toLowerCase();
    if (lowerAfter.startsWith(tail) && !/\p{Ll}/u.test(after[tail.length] ?? "")) return true;
  }
  return false;
}

/** A piece repeats the one before it when it is that piece or its last words ("By Jane Doe", "Jane Doe"). */
const repeats = (previous: string, piece: string) => previous === piece || (previous.endsWith(piece) && /\s/u.test(previous[previous.length - piece.length - 1] ?? ""));

function trimmed(s: string, start: number, end: number): Span | null {
  while (start < end && /[\s|·•,;:–—-]/u.test(s[start])) start++;
  while (end > start && /[\s|·•,;:–—-]/u.test(s[end - 1])) end--;
  return start < end ? { start, end } : null;
}

let nameWords: { given: Set<string>; common: Set<string> } | undefined;
/** Given names and English words (data/lexicons), read the first time a byline needs them. */
function knownWords(): { given: Set<string>; common: Set<string> } {
  nameWords ??= { given: new Set(readLexicon("given-names.txt").get("")), common: new Set(readLexicon("common-words.txt").get("")) };
  return nameWords;
}

/** "By Jane Doeand John Roe": a given name, a family name with "and" glued to it, a given name and a family name. */
const GLUED_AND = /^(By\s+)(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{L}'’-]{2,}?)and\s+(\p{Lu}\p{Ll}+)\s+\p{Lu}[\p{L}'’-]+\s*$/u;

/**
 * A byline whose "and" lost its space before it ("By Jane Doeand John Roe"): the two names as two
 * pieces, the "and" left out; null when the line is no such byline. Cut only when both sides are
 * plausible names: given names open them, and the glued word is no word or given name of its own
 * ("Roland", "Thailand", "island" stay whole).
 */
export function gluedConjunction(text: string, start: number, end: number): Span[] | null {
  if (end - start > 120) return null;
  const line = text.slice(start, end);
  const m = GLUED_AND.exec(line);
  if (!m) return null;
  const { given, common } = knownWords();
  const glued = `${m[3]}and`;
  if (!given.has(m[2]) || !given.has(m[4]) || given.has(glued) || common.has(glued.toLowerCase())) return null;
  const at = line.indexOf(glued, m[1].length + m[2].length);
  const secondStart = line.indexOf(m[4], at + glued.length);
  return [{ start, end: start + at + m[3].length }, { start: start + secondStart, end: start + line.trimEnd().length }];
}
