// Date stamps: the short lines where a page says when it was published or updated
// ("December 3, 2024 6:41 PM GMT+1", "Mon 21st June 2021 | 02:40 PM", "Published 12:01 AM EST,
// Thu March 5, 2024", "By Jane Doe | 9/27/2023, 9:38 AM", "AGENCY NEWS - Sep 7, 2025 - 19:32 | World").
// chrono-node finds the date and clock expressions; the rules here decide whether the rest of the
// line is only the furniture that stands around a stamp (labels, time zones, a byline, a section).
import * as chrono from "chrono-node";
import type { Span } from "../model.ts";

/** A calendar day as a page prints it; the year may be missing ("Mon, March 17"). */
export interface CalendarDay {
  year?: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, when printed. */
  weekday?: number;
}

/** A numeric date whose day/month order the line alone does not fix ("04/11/2022"). */
export interface NumericDay {
  first: number;
  second: number;
  year: number;
  separator: string;
}

/** published: "Published", "Posted", "First published", "Date:". updated: "Updated", "Last modified". bare: no label. */
export type StampLabel = "published" | "updated" | "bare";

export interface StampEntry {
  label: StampLabel;
  /** The day, when the stamp fixes month and day ("2 hours ago" fixes none). */
  day?: CalendarDay;
  /** Set instead of `day` when the order of a numeric date is open. */
  numeric?: NumericDay;
  /** The day/month order a numeric date was read in, when the line fixed it. */
  order?: "md" | "dm";
  /** Whether a US 12-hour clock or US time zone stands on the line (tells "04/11" is April 11). */
  usClock: boolean;
}

export interface Stamp {
  entries: StampEntry[];
  /** Words of the line that are not the stamp (a byline glued before it), offsets into the line. */
  keep: Span[];
}

const MAX_STAMP_LENGTH = 140;

const LABEL_PUBLISHED = /(?:(?:(?:first|originally)\s+)?(?:published|posted|issued|released|date[d]?)|(?:press|news|media)\s+(?:release|statement))\s*(?:on|at)?\s*:?\s*$/i;
/** A document type standing beside a stamp ("Press release 04/11/2022", "Date: 4 May 2022 | News release"). */
const DOCUMENT_LABEL = /(?<![\p{L}])(?:press|news|media)\s+(?:release|statement)s?(?![\p{L}])/giu;
const LABEL_UPDATED = /(?:(?:last\s+)?(?:updated|update|modified|edited))\s*(?:on|at)?\s*:?\s*$/i;

/** Words that stand around a stamp: labels, clock and reading-time words, time zones. */
const FILLER = new Set(
  ("published posted first originally issued released date dated updated update last modified edited on at by " +
    "am pm a.m p.m a.m. p.m. noon midnight ago hours hour hrs hr minutes minute mins min seconds second secs sec days day " +
    "read reading time source local release statement publication " +
    "gmt utc bst cet cest eet eest wet west msk ist pkt jst kst hkt sgt aest aedt acst awst nzst nzdt sast wat eat cat gst ast " +
    "est edt cst cdt mst mdt pst pdt et ct mt pt akst akdt hst").split(" "),
);
const US_CLOCK = /\d\s*(?:[ap]\.?m\.?)(?![\p{L}])|\b(?:E[SD]T|C[SD]T|M[SD]T|P[SD]T|AK[SD]T|HST|ET|PT)\b/iu;
const NUMERIC_DATE = /(?<![\d/.:-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d:]|[/.-]\d)/g;
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?=$|[\s,|])/g;
const CALENDAR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday)|\d/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.&-]*|&)$/u;

/**
 * The stamp a line is, or null when the line is anything else (a headline, a caption, a sentence).
 * A stamp holds one or more dates (or "N hours ago") and otherwise only labels, clock times, time
 * zones, separators, a short byline or outlet before the date and a short section label after it.
 */
export function readStamp(line: string): Stamp | null {
  if (line.length > MAX_STAMP_LENGTH || !CALENDAR.test(line) || holdsProseWord(line)) return null;
  return readStampWithChrono(line);
}

/** readStamp without the prose-word pre-test (the same answers: a test compares them). */
export function readStampWithChrono(line: string): Stamp | null {
  if (line.length > MAX_STAMP_LENGTH || !CALENDAR.test(line)) return null;
  const found: Array<Span & { entry?: StampEntry }> = [];
  const usClock = US_CLOCK.test(line);
  // Numeric dates are read here, not by chrono, which takes every "04/11/2022" for April 11.
  let masked = line;
  for (const m of line.matchAll(NUMERIC_DATE)) {
    const [first, second] = [Number(m[1]), Number(m[3])];
    // a two-digit year ("04/11/22") only in what can be a date: chrono would read it month first
    // (dots write the day first: "10.15.30" is a time)
    if (!(m[4].length === 2 && (first > 31 || second > 31 || Math.min(first, second) > 12 || (m[2] === "." && second > 12)))) {
      const year = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
      found.push({ start: m.index, end: m.index + m[0].length, entry: numericEntry(first, second, year, m[2], usClock) });
    } else found.push({ start: m.index, end: m.index + m[0].length }); // a clock time with seconds
    masked = masked.slice(0, m.index) + " ".repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  for (const m of line.matchAll(ISO_DATE)) {
    found.push({ start: m.index, end: m.index + m[0].length, entry: { label: "bare", day: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, usClock } });
    masked = masked.slice(0, m.index) + " ".repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  for (const m of line.matchAll(WEEKDAY_WORD)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!weekdayBeside(line, span, found, WEEKDAY_NUMBER[m[1].slice(0, 3).toLowerCase()])) continue;
    found.push(span);
    masked = masked.slice(0, m.index) + " ".repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  for (const m of line.matchAll(DOCUMENT_LABEL)) {
    found.push({ start: m.index, end: m.index + m[0].length });
    masked = masked.slice(0, m.index) + " ".repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  for (const r of chrono.parse(masked, new Date(Date.UTC(2000, 0, 1)))) {
    const span = { start: r.index, end: r.index + r.text.trimEnd().length };
    if (found.some((f) => f.start < span.end && span.start < f.end)) continue;
    const c = r.start;
    const relative = /\bago\b/i.test(r.text);
    if (c.isCertain("month") && c.isCertain("day") && !relative && !/\b(?:today|tomorrow|yesterday|tonight)\b/i.test(r.text)) {
      const day: CalendarDay = { month: c.get("month")!, day: c.get("day")! };
      if (c.isCertain("year")) day.year = c.get("year")!;
      if (c.isCertain("weekday")) day.weekday = c.get("weekday")!;
      found.push({ ...span, entry: { label: "bare", day, usClock } });
    } else if (relative || c.isCertain("hour")) found.push(span); // "2 hours ago", "02:40 PM": part of the stamp, no date
    else return null; // "Monday", "today": a weekday alone is no stamp
  }
  if (!found.length) return null;
  found.sort((a, b) => a.start - b.start);
  const firstDate = found.find((f) => f.entry) ?? found[0];

  // What is left of the line must be stamp furniture.
  const keep: Span[] = [];
  let names = 0;
  let at = 0;
  for (const f of [...found, { start: line.length, end: line.length }]) {
    const gap = line.slice(at, f.start);
    const runs = nameRuns(gap, at);
    if (!runs) return null;
    for (const run of runs) {
      names++;
      if (run.words > 4) return null;
      if (run.start < firstDate.start) keep.push({ start: run.byStart ?? run.start, end: run.end });
      else if (run.words > 2) return null; // after the date only a short section label ("World", "Asia Pacific")
    }
    at = Math.max(at, f.end);
  }
  // two name runs before the date: a headline, not a byline, unless a credit's separators part them
  // ("World Desk / EXAMPLE.COM / Updated: …")
  for (let k = 1; k < keep.length; k++) if (!/[|/·•]/.test(line.slice(keep[k - 1].end, keep[k].start))) return null;
  if (!firstDate.entry && names) return null; // a clock time among words: no stamp without a date
  const entries: StampEntry[] = [];
  for (const f of found) {
    if (!f.entry) continue;
    const before = line.slice(0, f.start);
    const label = LABEL_UPDATED.test(before) ? "updated" : LABEL_PUBLISHED.test(before) ? "published" : "bare";
    entries.push({ ...f.entry, label });
  }
  return { entries, keep };
}

const WEEKDAY_WORD = /(?<![\p{L}])(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?\.?(?![\p{L}])/giu;
const WEEKDAY_NUMBER: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/**
 * "Friday 04/11/2022", "04/11/2022 (Fri)": a weekday printed beside a numeric date belongs to it, and
 * fixes the order of its day and month when only one reading falls on that weekday.
 */
function weekdayBeside(line: string, span: Span, found: Array<Span & { entry?: StampEntry }>, weekday: number): boolean {
  const beside = found.find((f) => f.entry && (f.entry.numeric || f.entry.order) && /^[\s,()]{0,3}$/.test(f.start >= span.end ? line.slice(span.end, f.start) : line.slice(f.end, span.start)));
  if (!beside) return false;
  const entry = beside.entry!;
  if (entry.numeric) {
    const { first, second, year } = entry.numeric;
    const readings = (["md", "dm"] as const).filter((order) => {
      const [month, day] = order === "md" ? [first, second] : [second, first];
      return validDay(year, month, day) && weekdayOf(year, month, day) === weekday;
    });
    if (readings.length === 1) {
      const order = readings[0];
      delete entry.numeric;
      Object.assign(entry, { day: order === "md" ? { year, month: first, day: second, weekday } : { year, month: second, day: first, weekday }, order });
    }
  }
  return true;
}

function numericEntry(first: number, second: number, year: number, separator: string, usClock: boolean): StampEntry {
  const entry: StampEntry = { label: "bare", usClock };
  const order = numericOrder(first, second, separator, usClock);
  const day = order === "md" ? { year, month: first, day: second } : { year, month: second, day: first };
  if (!order) entry.numeric = { first, second, year, separator };
  else if (validDay(year, day.month, day.day)) Object.assign(entry, { day, order });
  return entry;
}

/**
 * Day/month order of a numeric date from the line alone: a number above 12 is the day; dots are
 * European (day first); a US clock ("9:38 AM", "EDT") means month first; otherwise it stays open.
 */
export function numericOrder(first: number, second: number, separator: string, usClock: boolean): "md" | "dm" | undefined {
  if (first > 12 && second <= 12) return "dm";
  if (second > 12 && first <= 12) return "md";
  if (first === second) return "md";
  if (separator === ".") return "dm";
  if (usClock) return "md";
  return undefined;
}

/**
 * Runs of capitalised words in a gap between the dates and times of a stamp line; null when the gap
 * holds any other word (a lower-case word is a sentence or a caption, not a stamp).
 */
function nameRuns(gap: string, offset: number): Array<Span & { words: number; byStart?: number }> | null {
  const out: Array<Span & { words: number; byStart?: number }> = [];
  // `words` counts the current name's words; `joined` while an "and" waits for the next name
  let run: (Span & { words: number; byStart?: number; joined?: boolean }) | null = null;
  let by: number | undefined;
  // separators end a run: "KYODO NEWS - " / " | World, All"
  for (const m of gap.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[|·•,;:()[\]–—/+]|\s-\s/gu)) {
    const w = m[0];
    const word = w.replace(/[.]+$/, "").toLowerCase();
    const isBy = word === "by";
    if (!/^[\p{L}\p{N}]/u.test(w) || isBy || FILLER.has(word) || FILLER.has(w.toLowerCase()) || /^\d{1,2}(?:[:.]\d{1,2})?$/.test(w) || /^[+-]?\d{1,4}$/.test(w) || /^utc[+-]/i.test(w)) {
      run = null;
      by = isBy ? offset + m.index : undefined;
      continue;
    }
    // "Jane Doe and John Roe": two names of one byline
    if ((word === "and" || w === "&") && run && !run.joined) {
      run.joined = true;
      run.words = 0;
      continue;
    }
    if (!NAME_WORD.test(w)) return null;
    if (run) {
      run.end = offset + m.index + w.length;
      run.words++;
      run.joined = false;
    } else {
      // "By Jane Doe": the byline keeps its "By"
      run = { start: offset + m.index, end: offset + m.index + w.length, words: 1, byStart: by };
      out.push(run);
    }
    by = undefined;
  }
  return out;
}

// A line with a word of prose is no stamp, and chrono (slow on cold calls: ~0.2 ms a line) need not read it.
// Such a word (lower-case, not stamp furniture) stays in a gap between the stamp's dates unless a date
// chrono finds covers it, and a gap with it makes nameRuns refuse the line. chrono's results start after a
// non-word character (or after a "T": its clock expressions' left edge) and end before one, except its
// era suffix ("300 BC"); the letters they hold are its patterns' literal words, written together or
// apart ("last night", "lastnight"), and a time zone of two to four letters after a result. So a
// lower-case word that no run of those words can spell, standing alone, can hold no part of a stamp.

/** Letters of chrono's refiners' patterns (its parsers' are read from the parsers themselves). */
const REFINER_WORDS = ["t", "at", "after", "before", "on", "of", "to", "until", "through", "till", "since", "from", "in", "last", "day", "end", "the", "this", "past", "next", "week", "month", "year", "gmt", "utc", "be", "ad", "bc", "bce", "ce"];
/** Era suffixes chrono may read after a year with no word boundary after them. */
const ERA_PREFIX = /^(?:be|ad|bc|ce)/;
const MIN_PROSE_WORD = 5;
let fragments: { words: Set<string>; longest: number } | undefined;

/** Every run of letters chrono's patterns can match (lower case): literals, with an optional last letter dropped. */
export function chronoWords(): { words: Set<string>; longest: number } {
  if (fragments) return fragments;
  const words = new Set(REFINER_WORDS);
  for (const forwardDate of [false, true]) {
    const context = { option: { forwardDate }, refDate: new Date(Date.UTC(2000, 0, 1)) } as unknown as Parameters<chrono.Parser["pattern"]>[0];
    for (const parser of chrono.casual.parsers) {
      const source = parser.pattern(context).source.toLowerCase();
      // escapes (\s, \W, \d) are no letters; a character class holding letters gives each letter
      const plain = source.replace(/\\./g, " ").replace(/\[([^\]]*)\]/g, (_, body: string) => {
        for (const c of body.match(/[a-z]/g) ?? []) words.add(c);
        return " ";
      });
      for (const m of plain.matchAll(/[a-z]+/g)) {
        const run = m[0];
        words.add(run);
        // "am?", "s*", "e{0,1}": the run without its last letter, and that letter repeated
        const after = plain[m.index + run.length];
        if (after === "?" || after === "*" || after === "{" || after === "+") {
          if (run.length > 1) words.add(run.slice(0, -1));
          words.add(run[run.length - 1]);
        }
      }
    }
  }
  fragments = { words, longest: Math.max(...[...words].map((w) => w.length)) };
  return fragments;
}

/** Can chrono's words, written together, spell the lower-case word (or its end after a "t")? */
export function chronoCanSpell(word: string): boolean {
  if (word.length < MIN_PROSE_WORD || ERA_PREFIX.test(word)) return true;
  const { words, longest } = chronoWords();
  const spells = (w: string): boolean => {
    const reach = new Uint8Array(w.length + 1);
    reach[0] = 1;
    for (let i = 0; i < w.length; i++) {
      if (!reach[i]) continue;
      // a time zone's two to four letters right after a result
      if (i > 0 && w.length - i >= 2 && w.length - i <= 4) return true;
      for (let n = 1; n <= longest && i + n <= w.length; n++) if (words.has(w.slice(i, i + n))) reach[i + n] = 1;
    }
    return reach[w.length] === 1;
  };
  if (spells(word)) return true;
  for (let i = 0; i < word.length - 1; i++) if (word[i] === "t" && spells(word.slice(i + 1))) return true;
  return false;
}

/** Characters that may stand before a word without joining it (nameRuns' words also take . ' ’ & -). */
const OPENS = new Set([32, 9, 40, 91, 34, 0x201c, 0x2018]);
/** …and after it. */
const CLOSES = new Set([32, 9, 44, 59, 58, 41, 93, 33, 63, 34, 0x201d]);

/** Whether the line has a lower-case word of prose that no stamp can hold (see chronoWords). */
export function holdsProseWord(line: string): boolean {
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c < 97 || c > 122) { i++; continue; }
    let j = i + 1;
    while (j < line.length && line.charCodeAt(j) >= 97 && line.charCodeAt(j) <= 122) j++;
    const alone = (i === 0 || OPENS.has(line.charCodeAt(i - 1))) && (j === line.length || CLOSES.has(line.charCodeAt(j)));
    if (alone && j - i >= MIN_PROSE_WORD) {
      const word = line.slice(i, j);
      if (!FILLER.has(word) && !chronoCanSpell(word)) return true;
    }
    i = j;
  }
  return false;
}

/** ISO date of a complete day. */
export function isoOf(d: { year?: number; month: number; day: number }): string | undefined {
  if (d.year === undefined || !validDay(d.year, d.month, d.day)) return undefined;
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

export function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/**
 * A dateline's day (ISO) is not after the page's date, or at most two days after it: the story's place may
 * be a day ahead of the time zone the page is stamped in ("SEOUL, July 15" under "July 14, 11:00 PM EDT").
 */
export function notAfter(day: string, published: string): boolean {
  return day <= published || Date.parse(day) - Date.parse(published) <= 2 * 86_400_000;
}

/** Weekday (0 = Sunday) of a day. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
