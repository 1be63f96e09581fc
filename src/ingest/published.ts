// The article's publication date, chosen among the places a page states it, and the day its story
// is told from (its dateline), which relative expressions ("on Monday", "today") count from.
// When candidates disagree the page's own stamp wins over dates in the story; when the page does not
// say, there is no date: a wrong date is worse than none.
import * as chrono from "chrono-node";
import { MONTH } from "./dateline.ts";
import { type CalendarDay, type StampEntry, isoOf, notAfter, validDay, weekdayOf } from "./stamps.ts";

export interface DateEvidence {
  /** Stamp entries in page order; `afterHeadline` when the stamp stands below the headline. */
  stamps: Array<StampEntry & { afterHeadline: boolean }>;
  /** "The press release issued by the Foreign Office on 29 September 2023." */
  issued?: CalendarDay;
  /** The date of the story's dateline ("WASHINGTON, Dec 3 (Reuters)") or of a date heading it ("1 July 2015 - …"). */
  dateline?: CalendarDay;
}

export interface PageDates {
  /** ISO date of publication. */
  published?: string;
  /** The dateline's day: ISO when its year is known, "--MM-DD" (xsd:gMonthDay) when not. */
  storyDay?: string;
}

/**
 * Publication date: the first stamp labelled "Published" (a "First published"/"Updated" pair gives
 * the first); else the first bare date stamp after the headline, else one above it (a site's date
 * line can be the day the copy was made, so it yields to any stamp of the article itself); else a
 * sentence saying when the release was issued; else the dateline's date; else the "Updated" stamp
 * (a page that shows only its update time, as agencies' pages do).
 * A day printed without its year takes the year of the same day printed in full elsewhere on the page.
 */
export function pageDates(ev: DateEvidence, text: string): PageDates {
  const stamps = resolveNumeric(ev.stamps, text, ev.dateline);
  const complete = (d: CalendarDay | undefined) => (d ? isoOf(d) ?? isoOf({ ...d, year: yearFromPage(text, d) }) : undefined);
  let published: string | undefined;
  const labelled = stamps.find((s) => s.label === "published" && (s.day || s.numeric));
  const updated = stamps.map((s) => (s.label === "updated" ? complete(s.day) : undefined)).find(Boolean);
  // a dateline without its year: the same day printed in full, else the latest such day up to a month before an update
  const datelineIso = (d: CalendarDay | undefined) => complete(d) ?? (d && updated ? before(d, updated) : undefined) ?? (d && !stamps.length ? afterPrintedDates(text, d) : undefined);
  if (labelled) published = complete(labelled.day); // a labelled date the page cannot complete: none, not another line's
  else {
    const bare = stamps.filter((s) => s.label === "bare" && s.day);
    const stamp = bare.find((s) => s.afterHeadline) ?? bare[0];
    published = complete(stamp?.day) ?? complete(ev.issued) ?? datelineIso(ev.dateline) ?? updated;
  }
  const out: PageDates = {};
  if (published) out.published = published;
  const d = ev.dateline;
  if (d && validDay(d.year ?? 2000, d.month, d.day)) {
    const iso = datelineIso(d);
    if (iso) {
      if (!published || notAfter(iso, published)) out.storyDay = iso;
    } else out.storyDay = `--${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
  }
  return out;
}

/**
 * Numeric dates whose order the line left open ("04/11/2022") take the order the page fixes, in turn:
 * another numeric stamp's ("04/11/2022 10:49 AM EDT"); the numeric dates of its text ("the decree of
 * 24/10/2022"); the story's own day, when it is one reading and not the other (a dateline "OSLO, 4
 * November", "today (4th November)"); dates written in words always day first ("4 November 2022",
 * never "November 4"), as the pages that print numeric dates day first write them. With none, no date.
 */
function resolveNumeric<T extends StampEntry>(stamps: T[], text: string, dateline: CalendarDay | undefined): T[] {
  if (!stamps.some((s) => s.numeric)) return stamps;
  const stampOrders = new Set(stamps.map((s) => s.order).filter(Boolean));
  const pageOrder = stampOrders.size === 1 ? [...stampOrders][0] : stampOrders.size ? undefined : textOrder(text);
  const storyDays = [dateline, ...todayDays(text)].filter((d): d is CalendarDay => Boolean(d));
  return stamps.map((s) => {
    if (!s.numeric) return s;
    const { first, second, year } = s.numeric;
    const reading = (order: "md" | "dm") => (order === "md" ? { year, month: first, day: second } : { year, month: second, day: first });
    const told = (["md", "dm"] as const).filter((o) => storyDays.some((d) => d.month === reading(o).month && d.day === reading(o).day));
    const order = pageOrder ?? (told.length === 1 ? told[0] : stampOrders.size ? undefined : proseOrder(text));
    if (!order) return s;
    const day = reading(order);
    return validDay(year, day.month, day.day) ? { ...s, day, numeric: undefined } : s;
  });
}

const NUMERIC_IN_TEXT = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?!\d|[/.-]\d)/g;

/** The order every numeric date of the text that fixes one agrees on ("24/10/2022": day first). */
function textOrder(text: string): "md" | "dm" | undefined {
  const orders = new Set<string>();
  for (const m of text.matchAll(NUMERIC_IN_TEXT)) {
    const [first, second] = [Number(m[1]), Number(m[3])];
    if (first > 12 && second <= 12) orders.add("dm");
    else if (second > 12 && first <= 12) orders.add("md");
  }
  return orders.size === 1 ? ([...orders][0] as "md" | "dm") : undefined;
}

const DAY_FIRST = new RegExp(`(?<![\\p{L}\\d])\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?(?![\\p{L}])`, "u");
const MONTH_FIRST = new RegExp(`(?<![\\p{L}])${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?![\\p{L}\\d])`, "u");

/** Day first when the text writes its dates in words day first only ("4 November"), else none. */
function proseOrder(text: string): "dm" | undefined {
  return DAY_FIRST.test(text) && !MONTH_FIRST.test(text) ? "dm" : undefined;
}

/** "today (29th September)", "today, 4 November,": the day the text itself says it is. */
function todayDays(text: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const m of text.matchAll(/\btoday\s*[(,]\s*(?=\d|\p{Lu})/giu)) {
    const day = dayAt(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (day) out.push(day);
  }
  return out;
}

/** The latest date with d's month and day not after `bound` (or two days after it), if it is at most a month before it. */
function before(d: CalendarDay, bound: string): string | undefined {
  const [y] = bound.split("-").map(Number);
  for (const year of [y + 1, y, y - 1]) {
    const iso = isoOf({ ...d, year });
    if (!iso || !notAfter(iso, bound)) continue;
    if (Date.parse(bound) - Date.parse(iso) > 31 * 86_400_000) return undefined;
    if (d.weekday !== undefined && weekdayOf(year, d.month, d.day) !== d.weekday) return undefined;
    return iso;
  }
  return undefined;
}

const FULL_DATE = new RegExp(`(?<![\\p{L}\\d])(?:(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+((?:19|20)\\d{2}))(?![\\p{L}\\d])`, "gu");

/**
 * A dateline without its year on a page with no date stamp ("SEOUL, July 14 (Wire) --"): the year in
 * which it falls at most a month after the dates the page prints in full ("the test on July 12, 2023"),
 * when they all give the same year and none is later than it.
 */
function afterPrintedDates(text: string, d: CalendarDay): string | undefined {
  const printed: string[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const month = MONTHS.indexOf((m[1] ?? m[5]).slice(0, 3).toLowerCase()) + 1;
    const iso = isoOf({ year: Number(m[3] ?? m[6]), month, day: Number(m[2] ?? m[4]) });
    if (iso) printed.push(iso);
  }
  const years = new Set<number>();
  for (const p of printed) {
    const y = Number(p.slice(0, 4));
    for (const year of [y, y + 1]) {
      const iso = isoOf({ ...d, year });
      if (iso && notAfter(p, iso) && Date.parse(iso) - Date.parse(p) <= 31 * 86_400_000) years.add(year);
    }
  }
  if (years.size !== 1) return undefined;
  const iso = isoOf({ ...d, year: [...years][0] })!;
  if (printed.some((p) => !notAfter(p, iso))) return undefined;
  if (d.weekday !== undefined && weekdayOf(Number(iso.slice(0, 4)), d.month, d.day) !== d.weekday) return undefined;
  return iso;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The year of the same month and day printed in full elsewhere on the page ("Published: Mon, March
 * 17" and a caption's "Monday, March 17, 2014"), when exactly one year is printed for it and it
 * agrees with a printed weekday.
 */
export function yearFromPage(text: string, d: CalendarDay): number | undefined {
  const month = `${MONTHS[d.month - 1]}[a-z]*\\.?`;
  const re = new RegExp(`(?<![\\p{L}\\d])(?:${month}\\s+${d.day}(?:st|nd|rd|th)?,?\\s+(\\d{4})|${d.day}(?:st|nd|rd|th)?\\s+${month},?\\s+(\\d{4}))(?!\\d)`, "giu");
  const years = new Set<number>();
  for (const m of text.matchAll(re)) years.add(Number(m[1] ?? m[2]));
  if (years.size !== 1) return undefined;
  const [year] = years;
  if (d.weekday !== undefined && weekdayOf(year, d.month, d.day) !== d.weekday) return undefined;
  return year;
}

/** "The press release issued by the Foreign Office on 29 September 2023.": a sentence about the page itself. */
const ISSUED = /\b(?:press release|news release|press statement|statement|release|readout|article|story|report)\b[^.!?]{0,80}?\b(?:issued|published|released|posted|put out)\b[^.!?]{0,60}?\bon\s+(?=\S)/i;

/** The day a short paragraph says the page was issued, if it is such a sentence. */
export function issuedDay(paragraph: string): CalendarDay | undefined {
  if (paragraph.length > 200 || /["“”]/.test(paragraph)) return undefined;
  const m = ISSUED.exec(paragraph);
  if (!m) return undefined;
  return dayAt(paragraph.slice(m.index + m[0].length));
}

/** The calendar day a date expression at the start of `s` prints ("1 July 2015", "Dec 3", "March 22, 2024"). */
export function dayAt(s: string): CalendarDay | undefined {
  // "28.02.2022", "08.09.23": dots write the day first
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/.exec(s);
  if (dotted) {
    const [day, month, year] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3]) + (dotted[3].length === 2 ? 2000 : 0)];
    return validDay(year, month, day) ? { year, month, day } : undefined;
  }
  const r = chrono.parse(s.slice(0, 60), new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r || r.index !== 0 || !r.start.isCertain("month") || !r.start.isCertain("day")) return undefined;
  const day: CalendarDay = { month: r.start.get("month")!, day: r.start.get("day")! };
  if (r.start.isCertain("year")) day.year = r.start.get("year")!;
  if (r.start.isCertain("weekday")) day.weekday = r.start.get("weekday")!;
  return day;
}
