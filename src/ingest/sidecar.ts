// NAME.meta.json next to NAME.txt: metadata the text does not state, or states wrongly.
import { IngestError } from "./errors.ts";

export interface Sidecar {
  title?: string;
  publisher?: string;
  /** ISO date YYYY-MM-DD. */
  date?: string;
  url?: string;
}

const FIELDS = ["title", "publisher", "date", "url"] as const;

/** Validates a sidecar's JSON text; errors name the sidecar file and the field. */
export function parseSidecar(file: string, json: string): Sidecar {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new IngestError(file, `invalid JSON (${(e as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new IngestError(file, "must be a JSON object with title, publisher, date, url");
  const out: Sidecar = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(FIELDS as readonly string[]).includes(key)) throw new IngestError(file, `unknown field "${key}" (expected one of ${FIELDS.join(", ")})`);
    if (value === null) continue;
    if (typeof value !== "string" || !value.trim()) throw new IngestError(file, `field "${key}" must be a non-empty string`);
    out[key as (typeof FIELDS)[number]] = value.trim();
  }
  if (out.date !== undefined) {
    const date = parseIsoDate(out.date);
    if (!date) throw new IngestError(file, `field "date" must be an ISO date YYYY-MM-DD, got "${out.date}"`);
    out.date = date;
  }
  if (out.url !== undefined && !/^https?:\/\/\S+$/.test(out.url)) throw new IngestError(file, `field "url" must be an http(s) URL, got "${out.url}"`);
  return out;
}

/** The calendar day of an ISO date ("2024-03-05", also with a time: "2024-03-05T10:00Z"), or undefined when it is no real day. */
export function parseIsoDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return undefined;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
