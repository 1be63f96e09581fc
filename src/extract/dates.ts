// Dates of reported events, resolved against the article's own date.
// Only a specific day counts: "on Monday", "on March 22", "Tuesday (Dec 22)"; vaguer
// expressions ("last week", "earlier this month", "in 2014") give no date, because a
// wrong date is worse than none.
import * as chrono from "chrono-node";
import type { Document, Span } from "../model.ts";

export interface DateMention {
  span: Span;
  /** ISO YYYY-MM-DD. */
  date: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function utcDay(iso: string): Date | undefined {
  const m = ISO.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : undefined;
}

/** The date the article's relative expressions refer to: publication, else a dateline that states a full date. */
export function referenceDate(doc: Document): string | undefined {
  if (doc.published && ISO.test(doc.published)) return doc.published;
  const fromDateline = doc.dateline && fullDate(doc.text.slice(doc.dateline.span.start, doc.dateline.span.end));
  if (fromDateline) return fromDateline;
  // no dateline found: the opening words of the first body paragraph ("WASHINGTON, Dec 9, 2022 (Agency) -")
  const first = doc.blocks.find((b) => b.kind === "body" || b.kind === "dateline");
  const opening = first && /^[\p{Lu}][\p{Lu}\s/.'-]+,\s*([^()\n]{6,24}?\d{4})\b/u.exec(doc.text.slice(first.start, Math.min(first.end, first.start + 80)));
  const fromOpening = opening ? fullDate(opening[1]) : undefined;
  return fromOpening ?? headerDate(doc);
}

/**
 * A full date on a short line of the page head, before the story's first paragraph:
 * "Published On 4 Aug 2025", "AGENCY NEWS - Sep 7, 2025 - 19:32", "Date 26.02.2024".
 */
function headerDate(doc: Document): string | undefined {
  const body = doc.blocks.find((b) => b.kind === "body" && b.end - b.start > 200);
  const head = doc.text.slice(0, Math.min(body ? body.start : 1500, 1500));
  let at = 0;
  for (const line of head.split("\n")) {
    const from = at;
    at += line.length + 1;
    const l = line.trim();
    if (!l || l.length > 60 || !/\d{4}/.test(l)) continue;
    // the story's own sentences and the captions speak of other days
    if (/[.!?"”’)]$/.test(l) && doc.blocks.some((b) => (b.kind === "body" || b.kind === "caption") && from < b.end && b.start < from + line.length)) continue;
    const numeric = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(l);
    if (numeric && Number(numeric[2]) <= 12 && Number(numeric[1]) <= 31) return toIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
    const d = fullDate(l);
    if (d) return d;
  }
  return undefined;
}

/** A date with day, month and year stated in `s`. */
function fullDate(s: string): string | undefined {
  for (const r of chrono.parse(s)) {
    const c = r.start;
    if (c.isCertain("year") && c.isCertain("month") && c.isCertain("day")) return toIso(c.get("year")!, c.get("month")!, c.get("day")!);
  }
  return undefined;
}

/**
 * Every expression in `text` that fixes a day, resolved against `reference` (ISO).
 * A weekday alone means the most recent such day on or before the reference (news convention);
 * a day and month without a year means the latest such date not after the reference.
 */
export function findDates(text: string, reference: string, offset = 0): DateMention[] {
  const ref = utcDay(reference);
  if (!ref || !MAY_HOLD_A_DAY.test(text)) return [];
  const out: DateMention[] = [];
  const results = chrono.parse(text, ref).filter((r) => !VAGUE.test(r.text));
  for (const [i, r] of results.entries()) {
    const next = results[i + 1];
    // "Tuesday (Dec 22)": the explicit date wins over the weekday it names.
    if (next && isWeekdayOnly(r.start) && next.index - (r.index + r.text.length) <= 3) continue;
    const date = dayOf(r.start, ref);
    if (date) out.push({ span: { start: offset + r.index, end: offset + r.index + r.text.length }, date });
  }
  return out;
}

/** A cheap test before the parser: a day needs a number, a weekday, a month or today/yesterday. */
const MAY_HOLD_A_DAY = /\d|day\b|yesterday|today|tonight|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Spans of time, not days: chrono resolves "last week" to a day, which would be a guess. */
const VAGUE = /\b(week|weekend|month|year|decade|century|ago)s?\b/i;

const isWeekdayOnly = (c: chrono.ParsedComponents) => c.isCertain("weekday") && !c.isCertain("day");

function dayOf(c: chrono.ParsedComponents, ref: Date): string | undefined {
  if (c.isCertain("day") && c.isCertain("month")) {
    let year = c.get("year")!;
    if (!c.isCertain("year") && Date.UTC(year, c.get("month")! - 1, c.get("day")!) > ref.getTime()) year--;
    return toIso(year, c.get("month")!, c.get("day")!);
  }
  // "today"/"yesterday" are relative days chrono fixes against the reference.
  if (c.isCertain("day") && !c.isCertain("month")) return undefined;
  if (c.isCertain("weekday") && !c.isCertain("day")) {
    const back = (ref.getUTCDay() - c.get("weekday")! + 7) % 7;
    const d = new Date(ref.getTime() - back * DAY_MS);
    return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return undefined;
}

/** Convenience: the one day a phrase fixes, if exactly one is found. */
export function resolveDate(phrase: string, reference: string): string | undefined {
  const found = findDates(phrase, reference);
  return found.length === 1 ? found[0].date : undefined;
}
