// Cues that tell what a paragraph near the head of a story is: a photo caption, a byline, a
// credit line, a crosshead. Each is a small predicate over the paragraph's text.

import { readLexicon } from "./lexicon.ts";
import { isOutletName, titleCase } from "./metadata.ts";

/** Given names (the extractor's list, data/lexicons/given-names.txt): a byline without "By" must start with one. */
const GIVEN_NAMES = new Set(readLexicon("given-names.txt").get(""));

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** A photo credit: "© AP", "PHOTOS: REUTERS", "Yekaterina Shtukina/POOL/TASS", "(AP Photo/Jane Doe)", "Getty Images". */
const PHOTO_CREDIT = new RegExp(
  [
    "©",
    // also glued to the caption by a scraper: "… in Brussels on MondayImage: Jane Doe/dpa"
    "(?:\\b|(?<=\\p{Ll}))(?:PHOTOS?|PICTURES?|IMAGES?|Photo(?:graph)?s?|Pictures?|Images?|Credits?|Illustration)\\s*:\\s*\\S",
    // "Jane Doe/POOL/TASS." closing a sentence (not "(CHINA DAILY/ASIA NEWS NETWORK)" of a dateline)
    "\\p{Lu}[\\p{L}'’-]+(?:\\s\\p{Lu}[\\p{L}'’-]+)*\\/(?:\\p{Lu}[\\p{L}]*\\/)*\\p{Lu}{2,}(?=\\.?\\s*$|\\.\\s)",
    "\\b(?:AP|AFP|Reuters|EPA|Xinhua|TASS|Getty|Anadolu|Bloomberg)\\s+(?:Photo|Images|Pictures|via)\\b",
    // "REUTERS/Jane Doe", "AFP/File"
    "\\b(?:REUTERS|AFP|AP|EPA|XINHUA|TASS|POOL|ANADOLU|BLOOMBERG|GETTY)(?:\\/[\\p{L}]+)?\\/\\p{Lu}",
    "\\bGetty Images\\b",
    // "[Jane Doe/Reuters]" closing a caption
    "\\[\\p{Lu}[^\\]/\\n]{1,60}\\/[^\\]\\n]{2,40}\\]\\s*$",
    "^\\[\\d+\\/\\d+\\]\\s",
    "^(?:Image|Media|Photo|Video) caption\\s*[,:]",
    "\\b(?:File photo|FILE PHOTO|Sketched by|Photographed by|Photo by)\\b",
  ].join("|"),
  "u",
);
/** Where a person stands in a picture: "(left)", ", right,", "(second from left)". */
const PICTURE_POSITION = /\((?:(?:second |third |far |centre |center )?(?:from )?(?:left|right|centre|center|L|R|front|back|top|bottom)(?:\s+to\s+right)?)\)|,\s(?:left|right|centre|center),\s|\bpose for (?:a |the )?(?:photo|picture)|\bpictured\b/i;
/** Photo-agency caption head: "MOSCOW, RUSSIA – SEPTEMBER 19, 2019:". */
const AGENCY_CAPTION = /^\p{Lu}[\p{Lu}\s.'’-]+,\s*\p{Lu}[\p{Lu}\s.'’-]+\s[–—-]\s\p{Lu}+\s\d{1,2},\s\d{4}:/u;

/** Cheap test that rules out most paragraphs before the full credit pattern runs. */
const MAY_HAVE_CREDIT = /[©:/[]|Getty|hoto|HOTO|Sketched|caption/;
export const hasPhotoCredit = (s: string): boolean => MAY_HAVE_CREDIT.test(s) && PHOTO_CREDIT.test(s);
/** Caption cues that no dateline or story opening has: positions in a picture, a photo agency's caption head. */
export const isPictureDescription = (s: string): boolean => PICTURE_POSITION.test(s) || AGENCY_CAPTION.test(s);

/**
 * "Source: Example Wire", "Sources: Agency A, Agency B": a page's source line (furniture) credits the
 * outlets it names; where those names start, or null. A sentence after the label is no credit line.
 */
export function sourceCreditStart(s: string): number | null {
  const m = /^\s*Sources?\s*:\s*(?=\p{Lu})/u.exec(s);
  if (!m) return null;
  const rest = s.slice(m[0].length).trim();
  return rest.length <= 80 && wordCount(rest) <= 8 && !/[.!?]\s/.test(rest) ? m[0].length : null;
}

/** Reporting credits that close a story: "With reporting by ...", "Reporting by X; Editing by Y", "X contributed to this report." */
export const isCredit = (s: string): boolean =>
  /^(?:(?:with|additional)\s+reporting\s+(?:by|from)|reporting\s+by|writing\s+by|editing\s+by|edited\s+by|compiled\s+by|written\s+by|produced\s+by)\b/i.test(s.trim()) ||
  /\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$/i.test(s.trim());

const PARTICLES = new Set(["de", "van", "von", "der", "den", "bin", "al", "el", "da", "di", "du", "la", "le", "and", "&"]);
const NOT_IN_NAMES = new Set(["The", "In", "Of", "On", "At", "For", "To", "Amid", "With", "From", "As", "Over", "Is", "Are", "Will", "News", "Live", "Breaking"]);

/** A byline that says it is one: "By Jane Doe", "Author Jane Doe (with agencies)", "Written by: Jane Doe". */
export const isLabelledByline = (s: string): boolean => s.trim().length <= 120 && /^(?:By|Authors?:?|Written\s+by:?|Words\s+by:?|Reporting:)\s+\p{Lu}/u.test(s.trim());

/** Where an outlet's staff credit ends its name: "Example Herald Staff", "By Example News Desk" (the words that are no name). */
export function staffCreditStart(s: string): number | null {
  const m = /^(?:By\s+)?\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*){0,4}(\s+(?:Staff(?:\s+(?:Writers?|Reporters?))?|(?:News|Web)\s+Desk|Bureau)\s*[,.;]?\s*)$/u.exec(s);
  return m ? m.index + m[0].length - m[1].length : null;
}

/** A byline: "By Jane Doe", "K J M Varma", "Jane Doe and John Roe", "Jane Doe in Geneva", "BBC News, Geneva". */
export function isByline(s: string): boolean {
  let text = s.trim();
  if (/^By\s+\p{Lu}/u.test(text)) return text.length <= 120;
  if (isLabelledByline(text)) return true;
  const lead = /^([^,]+),/.exec(text)?.[1];
  if (isOutletName(text) || (lead && isOutletName(lead) && wordCount(text) <= 6)) return true;
  text = text.replace(/\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}$/u, ""); // "Jane Doe in Geneva"
  if (/[.!?:;"“”]$/.test(text) || /\d/.test(text) || text.length > 60) return false;
  const ws = words(text.replace(/,/g, " , "));
  if (ws.length < 2 || ws.length > 8) return false;
  let names = 0;
  for (const w of ws) {
    if (w === "," || PARTICLES.has(w)) continue;
    if (NOT_IN_NAMES.has(w) || !/^\p{Lu}[\p{L}'’.-]*$/u.test(w)) return false;
    names++;
  }
  // "Moscow Denies Claims" is a heading in title case; "Lena Strand" and "K J M Varma" are names.
  const first = ws[0].replace(/\.$/, "");
  return names >= 2 && (/^\p{Lu}$/u.test(first) || GIVEN_NAMES.has(first) || GIVEN_NAMES.has(titleCase(first)));
}

/** A heading-like line: no closing punctuation, starts with a capital, not too long. */
export function isHeading(s: string, maxWords = 25): boolean {
  const text = s.trim();
  if (/[.!?:;,"”’]$/.test(text) && !/\?$/.test(text)) return false;
  if (/[.!?]["”’]?\s+\p{Lu}/u.test(text)) return false; // holds a sentence end: a paragraph
  const n = words(text).length;
  return n >= 1 && n <= maxWords && /^[\p{Lu}\d"“‘']/u.test(text);
}

export const wordCount = (s: string): number => words(s).length;

/** Agency desk codes glued to the end of a story: "... she said. PTI KJV RS AKJ RS". */
export function deskCodesStart(s: string): number | null {
  const m = /([.!?]["”’]?)\s+(?:[A-Z]{2,5}\s+){2,}[A-Z]{2,5}\s*$/.exec(s);
  return m ? m.index + m[1].length : null;
}
export const isDeskCodeLine = (s: string): boolean => /^(?:[A-Z]{2,5}\s+){2,}[A-Z]{2,5}$/.test(s.trim());
