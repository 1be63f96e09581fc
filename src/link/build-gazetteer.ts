// Builds data/wikidata/gazetteer.json.gz from the shared Wikidata extract (gazetteer.jsonl,
// see data/wikidata/README.md) plus the records of every cached online answer.
//
//   npm run gazetteer -- [--source FILE.jsonl] [--cache DIR ...] [--out FILE]
import { createReadStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { GAZETTEER_FILE, Gazetteer } from "./gazetteer.ts";
import { recordsFromCache } from "./online.ts";
import { foldText } from "./normalise.ts";
import { type RecordType, type WikidataRecord, postsFromDescription } from "./record.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_SOURCE = resolve(REPO, "../shared/wikidata/gazetteer.jsonl");

/** One line of the shared gazetteer.jsonl (SOURCES.md describes the fields). */
interface SourceRow {
  qid: string;
  label: string;
  aliases: string[];
  type: RecordType;
  description: string;
  demonyms?: string[];
  capital?: string | null;
  iso3?: string | null;
  source: string;
}

export async function readSourceRows(file: string): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) rows.push(JSON.parse(line) as SourceRow);
  return rows;
}

/** States first, so the states of persons and ministries can be read off their posts and sources. */
export function buildGazetteer(rows: SourceRow[], extra: WikidataRecord[] = []): Gazetteer {
  const gaz = new Gazetteer(rows.filter((r) => r.type === "country").map(countryRecord));
  const states = (phrase: string) => statesAtEdges(gaz, phrase);
  gaz.add(rows.filter((r) => r.type !== "country").map((r) => otherRecord(r, states)));
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

function otherRecord(r: SourceRow, states: (phrase: string) => string[]): WikidataRecord {
  const posts = r.type === "person" ? postsFromDescription(r.description) : [];
  const phrases = [...posts, ...r.source.split("+").map(sourcePhrase)];
  if (r.type === "organisation") phrases.push(r.description.split(";")[0]);
  const countries = [...new Set(phrases.flatMap(states))].sort();
  return { qid: r.qid, type: r.type, label: r.label, aliases: r.aliases, description: r.description, posts, countries, origin: "gazetteer" };
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

async function main(argv: string[]): Promise<void> {
  let source = DEFAULT_SOURCE;
  let out = GAZETTEER_FILE;
  const caches: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--source") source = resolve(argv[++i]);
    else if (argv[i] === "--cache") caches.push(resolve(argv[++i]));
    else if (argv[i] === "--out") out = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: build-gazetteer [--source FILE] [--cache DIR ...] [--out FILE])`);
  }
  const started = Date.now();
  const rows = await readSourceRows(source);
  const base = buildGazetteer(rows);
  const extra: WikidataRecord[] = [];
  for (const dir of caches) extra.push(...(await recordsFromCache(dir, base)));
  base.add(extra);
  const text = base.toText([relative(REPO, source), ...caches.map((c) => relative(REPO, c))]);
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
