// Builds data/wikidata/gazetteer.tsv from the shared Wikidata extracts (see data/wikidata/README.md):
// gazetteer.jsonl (states, organisations, office holders), places.jsonl (cities and regions with
// coordinates), leaders-extra.jsonl, the world regions of countries.jsonl, the project's curated
// lists (data/wikidata/media.jsonl, regions.jsonl), plus the records of every cached online answer.
//
//   npm run gazetteer -- [--source FILE.jsonl] [--places FILE.jsonl] [--extra FILE.jsonl ...] [--cache DIR ...] [--out FILE]
import { createReadStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { GAZETTEER_FILE, Gazetteer } from "./gazetteer.ts";
import { recordsFromCache } from "./online.ts";
import { foldText } from "./normalise.ts";
import { type PlaceClass, type RecordType, type WikidataRecord, postsFromDescription } from "./record.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SHARED = resolve(REPO, "../shared/wikidata");
export const DEFAULT_SOURCE = resolve(SHARED, "gazetteer.jsonl");
export const DEFAULT_PLACES = resolve(SHARED, "places.jsonl");
/** Further lists in the record shape of gazetteer.jsonl (of countries.jsonl only its world regions are read). */
export const DEFAULT_EXTRAS = [
  resolve(SHARED, "leaders-extra.jsonl"),
  resolve(SHARED, "countries.jsonl"),
  resolve(REPO, "data/wikidata/regions.jsonl"),
  resolve(REPO, "data/wikidata/media.jsonl"),
];

/** One line of the shared gazetteer.jsonl or of a list in its shape (SOURCES.md describes the fields). */
export interface SourceRow {
  qid: string;
  label: string;
  aliases: string[];
  type: RecordType;
  description: string;
  demonyms?: string[];
  capital?: string | null;
  iso3?: string | null;
  source: string;
  /** Curated lists: an organisation's kind ("news agency", ...), a place's class ("area"). */
  kind?: string;
  class?: PlaceClass;
}

/** One line of places.jsonl (Natural Earth cities and first-level regions; SOURCES.md, "places.jsonl"). */
export interface PlaceRow {
  qid: string;
  label: string;
  aliases: string[];
  type: "city" | "region";
  description: string;
  iso3: string | null;
  admin1: string | null;
  population: number | null;
  capital: "national" | "regional" | null;
  latitude: number;
  longitude: number;
}

export async function readSourceRows<T = SourceRow>(file: string): Promise<T[]> {
  const rows: T[] = [];
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch (e) {
      throw new Error(`${file}:${n}: not a JSON line (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return rows;
}

/**
 * States first, so the states of persons and ministries can be read off their posts and sources;
 * then organisations and persons, places, and the extra lists. A place whose QID is a state's
 * (Hong Kong, Singapore, Puerto Rico) stays one record: the state's, with the place's coordinates.
 */
export function buildGazetteer(rows: SourceRow[], extra: WikidataRecord[] = [], places: PlaceRow[] = [], extraRows: SourceRow[] = []): Gazetteer {
  const countries = rows.filter((r) => r.type === "country").map(countryRecord);
  const byQid = new Map(countries.map((c) => [c.qid, c]));
  const seen = new Set(rows.map((r) => r.qid));
  const placeRecords: WikidataRecord[] = [];
  for (const p of places) {
    const state = byQid.get(p.qid);
    if (state) Object.assign(state, placeFields(p), { aliases: [...new Set([...state.aliases, ...p.aliases.filter((a) => a !== state.label)])] });
    else if (!seen.has(p.qid)) placeRecords.push(placeRecord(p));
    seen.add(p.qid);
  }
  const gaz = new Gazetteer(countries);
  const states = (phrase: string) => statesAtEdges(gaz, phrase);
  gaz.add(rows.filter((r) => r.type !== "country").map((r) => otherRecord(r, states)));
  gaz.add(placeRecords);
  // The extra lists add what the main ones lack; a QID already known keeps its record.
  gaz.add(extraRows.filter((r) => !seen.has(r.qid) && (seen.add(r.qid), true)).map((r) => otherRecord(r, states)));
  gaz.add(extra);
  return gaz;
}

function countryRecord(r: SourceRow): WikidataRecord {
  return {
    qid: r.qid, type: "country", label: r.label, aliases: r.aliases, description: r.description, posts: [],
    countries: r.iso3 ? [r.iso3] : [], iso3: r.iso3 ?? undefined, demonyms: r.demonyms ?? [], capital: r.capital ?? undefined,
    origin: "gazetteer",
  };
}

/** What a place row says about where and what the place is. */
function placeFields(p: PlaceRow): Partial<WikidataRecord> {
  const division = /\(([^()]+)\)$/.exec(p.description)?.[1];
  return {
    lat: p.latitude, long: p.longitude, placeClass: p.type,
    ...(p.capital ? { seat: p.capital } : {}),
    ...(p.population ? { population: p.population } : {}),
    ...(p.admin1 ? { admin1: p.admin1 } : {}),
    ...(p.type === "region" && division ? { division } : {}),
  };
}

function placeRecord(p: PlaceRow): WikidataRecord {
  return {
    qid: p.qid, type: "place", label: p.label, aliases: p.aliases.filter((a) => a !== p.label), description: p.description, posts: [],
    countries: p.iso3 ? [p.iso3] : [], origin: "gazetteer", ...placeFields(p),
  };
}

function otherRecord(r: SourceRow, states: (phrase: string) => string[]): WikidataRecord {
  const posts = r.type === "person" ? postsFromDescription(r.description) : [];
  const phrases = [...posts, ...r.source.split("+").map(sourcePhrase)];
  if (r.type === "organisation") phrases.push(r.description.split(";")[0]);
  const countries = r.iso3 ? [r.iso3] : [...new Set(phrases.flatMap(states))].sort();
  return {
    qid: r.qid, type: r.type, label: r.label, aliases: r.aliases, description: r.description, posts, countries, origin: "gazetteer",
    ...(r.kind ? { orgKind: r.kind } : {}), ...(r.type === "place" ? { placeClass: r.class ?? "area" } : {}),
  };
}

/** "eps/russia-cabinet" → "russia"; "unitedstates/congress-legislators" → "United States". */
function sourcePhrase(source: string): string {
  if (source.startsWith("unitedstates/")) return "United States";
  const slug = source.replace(/^eps\//, "").replace(/-(cabinet|cabinets|ministers|ministries|ministry)$/, "");
  return slug.length <= 3 ? slug.toUpperCase() : slug.replace(/-/g, " ");
}

/**
 * States a post or organisation names at its edges: "... of <state>", "<state> ..." or
 * "<demonym> ...". Edges only, so "representative from Georgia" or "Ambassador of X to Y"
 * do not make a US congressman Georgian or an ambassador a citizen of his host.
 */
export function statesAtEdges(gaz: Gazetteer, phrase: string): string[] {
  const tokens = phrase.split(/\s+/).filter(Boolean);
  const found = new Set<string>();
  const states = (words: string[]) =>
    gaz.lookup(words.join(" ")).filter((h) => h.record.type === "country" && h.record.iso3 && h.via !== "capital").map((h) => h.record.iso3!);
  for (let n = Math.min(5, tokens.length); n >= 1; n--) {
    const tail = tokens.slice(tokens.length - n);
    if (n === tokens.length || foldText(tokens[tokens.length - n - 1]) === "of") states(tail.filter((w, i) => i > 0 || foldText(w) !== "the")).forEach((s) => found.add(s));
    states(tokens.slice(0, n)).forEach((s) => found.add(s));
  }
  return [...found];
}

/** The rows of an extra list that belong in the gazetteer: all of them, except countries.jsonl's superseded states. */
async function readExtraRows(file: string): Promise<SourceRow[]> {
  const rows = await readSourceRows(file);
  return file.endsWith("countries.jsonl") ? rows.filter((r) => r.type === "place") : rows;
}

async function main(argv: string[]): Promise<void> {
  let source = DEFAULT_SOURCE;
  let places = DEFAULT_PLACES;
  let out = GAZETTEER_FILE;
  const caches: string[] = [];
  const extras: string[] = [];
  const value = (i: number) => {
    if (i >= argv.length || argv[i].startsWith("--")) throw new Error(`${argv[i - 1]} needs a value`);
    return resolve(argv[i]);
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--source") source = value(++i);
    else if (argv[i] === "--places") places = value(++i);
    else if (argv[i] === "--extra") extras.push(value(++i));
    else if (argv[i] === "--cache") caches.push(value(++i));
    else if (argv[i] === "--out") out = value(++i);
    else throw new Error(`unknown argument ${argv[i]} (usage: build-gazetteer [--source FILE] [--places FILE] [--extra FILE ...] [--cache DIR ...] [--out FILE])`);
  }
  const extraFiles = extras.length ? extras : DEFAULT_EXTRAS;
  const started = Date.now();
  const rows = await readSourceRows(source);
  const placeRows = await readSourceRows<PlaceRow>(places);
  const extraRows = (await Promise.all(extraFiles.map(readExtraRows))).flat();
  const base = buildGazetteer(rows, [], placeRows, extraRows);
  const extra: WikidataRecord[] = [];
  for (const dir of caches) extra.push(...(await recordsFromCache(dir, base)));
  base.add(extra);
  const text = base.toText([source, places, ...extraFiles, ...caches].map((f) => relative(REPO, f)));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text);
  console.log(`gazetteer: ${base.size} records (${extra.length} from cached answers), ${(text.length / 1e6).toFixed(1)} MB → ${out} in ${Date.now() - started} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`build-gazetteer: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
