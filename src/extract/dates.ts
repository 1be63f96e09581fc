// Dates of reported events, resolved against the day the article is told from.
// A day counts only when the text fixes it: "on Monday", "last Friday", "on March 22", "on 7
// November", "yesterday", "earlier today", "Tuesday (Dec 22)". Spans of time give no day but may
// give a month or a year ("this month", "last week" within one month, "in March", "in 2014").
// Nothing is ever dated after the reference day (a "Monday" is the last one on or before it), and
// expressions in a clause about the future ("will meet on Monday", "next Tuesday") give nothing:
// a wrong date is worse than none.
import * as chrono from "chrono-node";
import type { Document, Span } from "../model.ts";
import { notAfter } from "../ingest/stamps.ts";

export interface DateMention {
  span: Span;
  /** ISO YYYY-MM-DD. */
  date: string;
}

/** A day, or, when the text fixes no day, the month or year it fixes. */
export interface TimeMention {
  span: Span;
  /** ISO YYYY-MM-DD. */
  date?: string;
  /** YYYY-MM (xsd:gYearMonth), only when no day is fixed. */
  month?: string;
  /** YYYY (xsd:gYear): the year of the day or month, or the year alone. */
  year?: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^--(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const toIso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const isoOfDate = (d: Date) => toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
const validDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;

function utcDay(iso: string): Date | undefined {
  const m = ISO.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : undefined;
}

/**
 * The day the article's relative expressions count from: its dateline's day (the story is told
 * from it; a dateline without a year takes the latest such day not after publication), else the
 * publication date, else the date opening the first paragraph ("OSLO/LIMA, June 7, 2022 (Wire) -").
 */
export function referenceDate(doc: Document): string | undefined {
  const published = doc.published && ISO.test(doc.published) ? doc.published : undefined;
  const day = doc.datelineDay;
  if (day && ISO.test(day) && (!published || notAfter(day, published))) return day;
  const md = day && published ? MONTH_DAY.exec(day) : null;
  if (md && published) {
    const [y] = published.split("-").map(Number);
    const [m, d] = [Number(md[1]), Number(md[2])];
    for (const year of [y + 1, y, y - 1]) if (validDay(year, m, d) && notAfter(toIso(year, m, d), published)) return toIso(year, m, d);
  }
  if (published) return published;
  const first = doc.blocks.find((b) => b.kind === "body" || b.kind === "dateline");
  const opening = first && /^[\p{Lu}][\p{Lu}\s/.'-]+,\s*([^()\n]{6,24}?\d{4})\b/u.exec(doc.text.slice(first.start, Math.min(first.end, first.start + 80)));
  return opening ? fullDate(opening[1]) : undefined;
}

/**
 * The opening dates read, and their days: two passes ask for an article's reference day in turn,
 * and the articles of a corpus open with the same few dates ("LIMA, June 7, 2022 (Wire) -"). A
 * chrono-node parse costs 0.1–0.5 ms of CPU in a build worker (its parsers run cold between articles).
 */
const fullDates = new Map<string, string | null>();

/** A date with day, month and year stated in `s`. */
function fullDate(s: string): string | undefined {
  let date = fullDates.get(s);
  if (date === undefined) {
    if (fullDates.size > 10_000) fullDates.clear();
    date = parsedFullDate(s) ?? null;
    fullDates.set(s, date);
  }
  return date ?? undefined;
}

function parsedFullDate(s: string): string | undefined {
  for (const r of chrono.parse(s)) {
    const c = r.start;
    if (c.isCertain("year") && c.isCertain("month") && c.isCertain("day")) return toIso(c.get("year")!, c.get("month")!, c.get("day")!);
  }
  return undefined;
}

/** Every expression in `text` that fixes a day, resolved against `reference` (ISO). */
export function findDates(text: string, reference: string, offset = 0): DateMention[] {
  return findTimes(text, reference, offset).filter((t): t is TimeMention & { date: string } => Boolean(t.date)).map((t) => ({ span: t.span, date: t.date }));
}

/**
 * Every expression in `text` that fixes a day, a month or a year, resolved against `reference`
 * (ISO), in text order. A weekday is the most recent such day on or before the reference ("last
 * Friday": before it); a day and month without a year is the latest such date not after it.
 */
export function findTimes(text: string, reference: string, offset = 0): TimeMention[] {
  const key = `${reference}\n${text}`;
  let times = recentTimes.get(key);
  if (!times) {
    if (recentTimes.size >= 64) recentTimes.clear();
    recentTimes.set(key, (times = timesIn(text, reference)));
  }
  // copies: a caller may keep or change what it gets
  return times.map((t) => ({ ...t, span: { start: t.span.start + offset, end: t.span.end + offset } }));
}

/**
 * The times of the last texts asked about (from the text's start), by reference day and text: the sanctions
 * pass asks for a sentence's times again from another clause, and each parse runs chrono-node cold.
 */
const recentTimes = new Map<string, TimeMention[]>();

function timesIn(text: string, reference: string): TimeMention[] {
  const ref = utcDay(reference);
  if (!ref || !MAY_HOLD_A_TIME.test(text)) return [];
  const out: TimeMention[] = [];
  const results = chrono.parse(text, ref);
  for (const [i, r] of results.entries()) {
    const next = results[i + 1];
    // "Tuesday (Dec 22)": the explicit date wins over the weekday it names.
    if (next && isWeekdayOnly(r.start) && next.index - (r.index + r.text.length) <= 3) continue;
    if (aboutTheFuture(text, r.index, r.text)) continue;
    const time = timeOf(r, ref);
    if (time) out.push({ span: { start: r.index, end: r.index + r.text.length }, ...time });
  }
  // chrono reads no bare year: "in 2014", "in early 2014"
  for (const m of text.matchAll(IN_YEAR)) {
    const year = Number(m[2]);
    if (year > ref.getUTCFullYear() || aboutTheFuture(text, m.index, m[0])) continue;
    const start = m.index + m[0].indexOf(m[1]);
    if (out.some((t) => t.span.start < start + m[1].length && start < t.span.end)) continue;
    out.push({ span: { start, end: start + m[1].length }, year: String(year) });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A cheap test before the parser. */
const MAY_HOLD_A_TIME = /\d|day\b|yesterday|today|tonight|morning|afternoon|evening|week|month|year|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const IN_YEAR = /\bin\s+((?:(?:early|mid|late)[-\s])?((?:19|20)\d{2}))(?![\d,]|\s*[-–]\s*\d)/gi;

/** Words of a span of time that fixes no day of the past: "two weeks ago", "next Monday", "the day before". */
const NO_DAY = /\b(?:ago|weekend|decade|century|next|coming|tomorrow|day\s+(?:before|after)|previous|following|same\s+day)\b/i;

/** A clause about the future: "will meet on Monday", "is expected to vote on March 22". */
const FUTURE = /\b(?:will|won['’]t|shall|would|wouldn['’]t|going\s+to|is\s+to|are\s+to|due\s+to|expected\s+to|set\s+to|plans?\s+to|planning\s+to|intends?\s+to|scheduled|later)\b/i;

function aboutTheFuture(text: string, at: number, phrase: string): boolean {
  if (/\b(?:next|coming|later)\b/i.test(phrase)) return true;
  const before = text.slice(Math.max(0, at - 80), at);
  const clause = before.slice(Math.max(...[".", ";", ",", ":", "!", "?", "(", "—", "–"].map((c) => before.lastIndexOf(c))) + 1);
  return FUTURE.test(clause);
}

const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;
const isWeekdayOnly = (c: chrono.ParsedComponents) => c.isCertain("weekday") && !c.isCertain("day");

function timeOf(r: chrono.ParsedResult, ref: Date): Omit<TimeMention, "span"> | undefined {
  const c = r.start;
  const phrase = r.text.toLowerCase();
  const refIso = isoOfDate(ref);
  if (NO_DAY.test(phrase)) return undefined;
  const day = (iso: string) => (iso <= refIso ? { date: iso, year: iso.slice(0, 4) } : undefined);
  // "this afternoon", "this morning": the reference day
  if (/\b(?:today|tonight|yesterday)\b|^this\s+(?:morning|afternoon|evening)$/.test(phrase)) return day(isoOfDate(new Date(ref.getTime() - (/yesterday/.test(phrase) ? DAY_MS : 0))));
  if (/\bweek\b/.test(phrase)) {
    // last week: Monday to Sunday of the week before; this week: its Monday to the reference
    const monday = new Date(ref.getTime() - ((ref.getUTCDay() + 6) % 7) * DAY_MS);
    const [from, to] = /\blast\b/.test(phrase) ? [new Date(monday.getTime() - 7 * DAY_MS), new Date(monday.getTime() - DAY_MS)] : /\bthis\b/.test(phrase) ? [monday, ref] : [];
    return from && to ? spanOf(from, to) : undefined;
  }
  if (/\bmonth\b/.test(phrase)) {
    const back = /\blast\b/.test(phrase) ? 1 : /\bthis\b/.test(phrase) ? 0 : -1;
    if (back < 0) return undefined;
    const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - back, 1));
    return { month: isoOfDate(d).slice(0, 7), year: String(d.getUTCFullYear()) };
  }
  if (/\byear\b/.test(phrase)) {
    const back = /\blast\b/.test(phrase) ? 1 : /\bthis\b/.test(phrase) ? 0 : -1;
    return back < 0 ? undefined : { year: String(ref.getUTCFullYear() - back) };
  }
  const refYear = ref.getUTCFullYear();
  if (c.isCertain("day") && c.isCertain("month") && /\d/.test(phrase)) {
    const [m, d] = [c.get("month")!, c.get("day")!];
    if (c.isCertain("year")) return validDay(c.get("year")!, m, d) ? day(toIso(c.get("year")!, m, d)) : undefined;
    // the latest such date not after the reference
    for (const y of [refYear, refYear - 1]) if (validDay(y, m, d) && toIso(y, m, d) <= refIso) return day(toIso(y, m, d));
    return undefined;
  }
  if (isWeekdayOnly(c)) {
    let back = (ref.getUTCDay() - c.get("weekday")! + 7) % 7;
    if (back === 0 && /\blast\b/.test(phrase)) back = 7;
    return day(isoOfDate(new Date(ref.getTime() - back * DAY_MS)));
  }
  if (c.isCertain("month") && !c.isCertain("day") && MONTH_NAME.test(r.text)) {
    // "in March", "in March 2023": the month (the latest not after the reference when no year)
    const m = c.get("month")!;
    const y = c.isCertain("year") ? c.get("year")! : m <= ref.getUTCMonth() + 1 ? refYear : refYear - 1;
    const month = `${pad(y, 4)}-${pad(m)}`;
    return month <= refIso.slice(0, 7) ? { month, year: String(y) } : undefined;
  }
  return undefined;
}

/** The month (or else the year) that holds every day from `from` to `to`. */
function spanOf(from: Date, to: Date): Omit<TimeMention, "span"> | undefined {
  const a = isoOfDate(from), b = isoOfDate(to);
  if (a.slice(0, 7) === b.slice(0, 7)) return { month: a.slice(0, 7), year: a.slice(0, 4) };
  if (a.slice(0, 4) === b.slice(0, 4)) return { year: a.slice(0, 4) };
  return undefined;
}

/** Convenience: the one day a phrase fixes, if exactly one is found. */
export function resolveDate(phrase: string, reference: string): string | undefined {
  const found = findDates(phrase, reference);
  return found.length === 1 ? found[0].date : undefined;
}
