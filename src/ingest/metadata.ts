// Article metadata stated by the text itself: publication date lines and the publisher.
import * as chrono from "chrono-node";
import { readLexiconTable } from "./lexicon.ts";

const OUTLETS = readLexiconTable("ingest-publishers.tsv");
const OUTLET_NAMES = new RegExp(
  `(?<![\\p{L}\\d])(?:${[...OUTLETS.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})(?![\\p{L}\\d])`,
  "gu",
);

/** "NEW DELHI" → "New Delhi"; mixed-case text is left as written. */
export function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s\-/'’.])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
}

/** Whether the text is the name of a known news outlet or agency ("CNN", "Reuters"). */
export const isOutletName = (s: string): boolean => OUTLETS.has(s.trim());

/** ISO date (YYYY-MM-DD) of a date written in text, when day, month and year are all stated. */
export function isoDate(text: string): string | undefined {
  const found = chrono.parse(text)[0]?.start;
  if (!found || !found.isCertain("year") || !found.isCertain("month") || !found.isCertain("day")) return undefined;
  const pad = (n: number | null) => String(n ?? 0).padStart(2, "0");
  return `${found.get("year")}-${pad(found.get("month"))}-${pad(found.get("day"))}`;
}

const STAMP = /^(?:(first\s+)?published|posted|updated|last\s+updated|modified|date)\b\s*(?:on|at)?\s*:?\s*(.+)$/i;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const BARE_DATE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:t[\\d:.z+-]+)?(?:[\\s,|·•-]+(?:\\d{1,2}[:.]\\d{2}.*|\\d+[- ]min(?:ute)?s? read))?$`,
  "i",
);

/** A line that only states when the article was published or updated. */
export function dateStamp(line: string): { updated: boolean; date?: string } | null {
  const text = line.trim();
  if (text.length > 100) return null;
  const stamp = STAMP.exec(text);
  if (stamp && /\d/.test(stamp[2]) && stamp[2].length <= 60) return { updated: /updated|modified/i.test(text.slice(0, 20)) && !stamp[1], date: isoDate(stamp[2]) };
  if (BARE_DATE.test(text)) return { updated: false, date: isoDate(text) };
  return null;
}

/** The outlet credited in a dateline: "PTI" → "Press Trust of India", "CHINA DAILY/ASIA NEWS NETWORK" → "China Daily". */
export function publisherFromCredit(credit: string): string | undefined {
  const first = credit.split(/\s*\/\s*|\s*,\s*|\s+and\s+/)[0].trim();
  if (!first || /\d/.test(first)) return undefined;
  const known = OUTLETS.get(first) ?? OUTLETS.get(titleCase(first));
  if (known) return known;
  // An unknown short code stays as written; an all-caps name is shown in title case.
  return first.length <= 5 ? first : titleCase(first);
}

/** Outlets the line names (usual names), in order. */
export function outletsNamed(line: string): string[] {
  return [...line.matchAll(OUTLET_NAMES)].map((m) => OUTLETS.get(m[0])!);
}

/** The holder named in a copyright line ("© 2021 Example Media Ltd. All rights reserved."). */
export function copyrightHolder(line: string): string | undefined {
  const m = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([^.|,]+?)\s*(?:[.|,]|all rights reserved|$)/i.exec(line);
  const holder = m?.[1].replace(/\ball rights reserved\b/i, "").trim();
  if (!holder || !/^\p{Lu}/u.test(holder) || holder.split(/\s+/).length > 6) return undefined;
  return OUTLETS.get(holder) ?? holder;
}
