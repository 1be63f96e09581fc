// Datelines at the head of a story: "BEIJING, Mar 23 (PTI)", "SHANGHAI --", "MOSCOW (Reuters) -",
// "BEIJING (CHINA DAILY/ASIA NEWS NETWORK) -", "KYIV, Ukraine (AP) —", "Beijing [China], March 23 (ANI):",
// "BEIJING, Mar 23, 2021, SCMP."
import type { Span } from "../model.ts";
import { isOutletName, titleCase } from "./metadata.ts";

export interface Dateline {
  /** The dateline itself, without the separator that follows it. */
  span: Span;
  /** Where the story's own text starts. */
  bodyStart: number;
  place?: string;
  /** The date as written ("Mar 23", "March 23, 2021"). */
  dateText?: string;
  /** The credited agency or outlet as written ("PTI", "CHINA DAILY/ASIA NEWS NETWORK"). */
  credit?: string;
}

/** A month's name or its short form, as a regular expression's source. */
export const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const WEEKDAY_NAME = "(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?";
const WEEKDAY = `(?:${WEEKDAY_NAME}\\.?,?\\s+)?`;
const PLACE = /^\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){0,3}/u;
const REGION = /^,[ \u00a0]*\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){0,2}(?=[ \u00a0]*[,(\[:–—-])/u;
const BRACKET = /^[ \u00a0]*\[[^\]\n]{2,40}\]/;
// (a dotted numeric date is day first: "Bern, 28.02.2022 -")
const DATE = new RegExp(
  `^,?[ \\u00a0]*${WEEKDAY}(?:${MONTH}\\.?[ \\u00a0]+\\d{1,2}(?:st|nd|rd|th)?(?:,?[ \\u00a0]+\\d{4})?|\\d{1,2}[ \\u00a0]+${MONTH}\\.?(?:,?[ \\u00a0]+\\d{4})?|\\d{1,2}\\.\\d{1,2}\\.\\d{4})(?![\\p{L}\\d])`,
  "iu",
);
const CALENDAR_WORD = new RegExp(`^(?:${WEEKDAY_NAME}|${MONTH})$`, "i");
const DOCUMENT_TYPE = /^(?:press|news|media)\s+(?:release|statement|note|briefing)s?$|^(?:statement|readout|fact\s+sheet|update|breaking|exclusive|analysis|opinion|editorial|commentary|live|watch)$/i;
const PAREN_CREDIT = /^[ \u00a0]*\(([^()\n]{2,60})\)/;
/** TASS style: "MOSCOW, March 23. /TASS/." */
const SLASH_CREDIT = /^\.?[ \u00a0]*\/([^/\n]{2,30})\/\.?/;
/** "Baku/08.09.23/Agency:": a numeric date and the agency after slashes, before a colon. */
const SLASH_DATE_CREDIT = /^\/(\d{1,2}\.\d{1,2}\.\d{2,4})\/(\p{Lu}[^/\n:]{1,30}?)(?=[ \u00a0]*:)/u;
/** "(OUTLET- AGENCY) Kyiv, May 21 (AGENCY) …": a syndicator's credit in brackets before the dateline. */
const LEAD_CREDIT = /^\(([^()\n]{2,40})\)[ \u00a0]+(?=\p{Lu})/u;
const COMMA_CREDIT = /^,[ \u00a0]*(\p{Lu}[\p{L}&\/.' -]{1,40}?)(?=\.[ \u00a0]+\S)/u;
const SEPARATOR = /^[ \u00a0]*(--|[-–—:])?[ \u00a0]*(?=[\p{Lu}"“‘'(\d]|$)/u;
const STOP_SEPARATOR = /^\.[ \u00a0]+(?=[\p{Lu}"“‘'])/u;

/** A broadcast transcript's speaker label after the name: "JANE ROE, BYLINE:", "JOHN DOE, HOST:". */
const SPEAKER_PART = /^,[ \u00a0]*(?:BYLINE|HOST|(?:CO-?)?ANCHOR|REPORTER|CORRESPONDENT|NARRATOR|INTERPRETER|TRANSLATOR)[ \u00a0]*:/u;

/** The dateline at text[start...], or null when the paragraph does not open with one. */
export function parseDateline(text: string, start: number, end: number): Dateline | null {
  const s = text.slice(start, Math.min(end, start + 160));
  const lead = LEAD_CREDIT.exec(s);
  const place = PLACE.exec(lead ? s.slice(lead[0].length) : s);
  if (!place) return null;
  const placeText = place[0].replace(/[.'’-]+$/, "");
  if (CALENDAR_WORD.test(placeText)) return null; // "Sat 5 Mar 2022" is a date, not a dateline
  if (/^file$/i.test(placeText)) return null; // "FILE - An oil tanker …": an agency's caption of an archive photo
  if (DOCUMENT_TYPE.test(placeText)) return null; // "PRESS RELEASE : UK announces …" names the document, not a place
  const upper = placeText === placeText.toUpperCase() && /\p{Lu}{2}/u.test(placeText);
  if (upper && SPEAKER_PART.test(s.slice(placeText.length))) return null; // "JANE ROE, BYLINE: …" labels a transcript's speaker
  let at = (lead?.[0].length ?? 0) + placeText.length;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(s.slice(at));
    if (m) at += m[0].length;
    return m;
  };
  let date = take(DATE);
  if (!date) {
    take(REGION);
    take(BRACKET);
    date = take(DATE);
  }
  const slashDated = date ? null : take(SLASH_DATE_CREDIT);
  const paren = take(PAREN_CREDIT) ?? slashDated ?? take(SLASH_CREDIT);
  const comma = !paren && date ? take(COMMA_CREDIT) : null;
  const datelineEnd = at;
  const sep = comma ? take(STOP_SEPARATOR) : take(SEPARATOR);
  if (!sep) return null;
  const explicitSeparator = Boolean(sep[1]) || Boolean(comma);
  if (upper && !lead ? !(date || paren || explicitSeparator) : !(date || paren)) return null;
  // "CNN — ..." credits an outlet, not a place.
  const outletOnly = !date && !paren && isOutletName(placeText);
  const out: Dateline = { span: { start, end: start + datelineEnd }, bodyStart: start + at };
  if (!outletOnly) out.place = titleCase(placeText);
  if (date) out.dateText = date[0].replace(/^,?\s*/, "");
  else if (slashDated) out.dateText = slashDated[1];
  const credit = (slashDated ? slashDated[2] : paren?.[1]) ?? comma?.[1] ?? lead?.[1] ?? (outletOnly ? placeText : undefined);
  if (credit) out.credit = credit.trim();
  return out;
}
