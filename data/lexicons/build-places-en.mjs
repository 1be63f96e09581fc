#!/usr/bin/env node
// Regenerates places-en.tsv: the English names of cities and first-level regions that the linker's
// gazetteer (data/wikidata/gazetteer.tsv, built by `npm run gazetteer` from Natural Earth and
// Wikidata) knows and places.tsv lacks ("Geneva", "Cologne", "Kharkiv Oblast": GeoNames writes many
// cities in their own language). Cities of 10,000 people or more, or capitals of a state or region.
// Names that are English words, given names or office holders' family names are left out: in a
// sentence they are more often those than the place. The large cities among those named by an English
// word ("Nice", "Reading": 100,000 people or more, or a capital) go to places-english-words.txt: the
// extractor reads them as places only where the text uses them as one ("in Nice").
//   node data/lexicons/build-places-en.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const lines = (file) => readFileSync(file, "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
const have = new Set(lines(join(here, "places.tsv")).map((l) => l.split("\t")[0].toLowerCase()));
const common = new Set(lines(join(here, "common-words.txt")).map((l) => l.trim().toLowerCase()));
const given = new Set(lines(join(here, "given-names.txt")).map((l) => l.trim()));
const surnames = new Set(lines(join(here, "person-names.txt")).map((l) => l.trim().split(" ").pop()));
// "the Niger State", "the Delta Province" of a state's name: read as the state, not the region named so
const states = new Set();
for (const line of lines(join(here, "countries.jsonl"))) {
  const c = JSON.parse(line);
  for (const n of [c.label, ...c.aliases, ...c.demonyms]) states.add(n.toLowerCase());
}
const out = new Map();
const englishWordPlaces = new Set();
for (const line of lines(join(here, "..", "wikidata", "gazetteer.tsv"))) {
  const f = line.split("\t");
  if (f[1] !== "place") continue;
  const [name, iso3, kind, capital, population] = [f[3], f[6], f[13], f[14], Number(f[15] || 0)];
  if (!name || (kind !== "city" && kind !== "region") || name.length < 4 || have.has(name.toLowerCase())) continue;
  if (kind === "city" && !name.includes(" ") && common.has(name.toLowerCase()) && (population >= 100_000 || capital === "national" || capital === "regional")) englishWordPlaces.add(name);
  if (common.has(name.toLowerCase()) || given.has(name) || surnames.has(name.toLowerCase())) continue;
  if (states.has(name.split(" ").slice(0, -1).join(" ").toLowerCase())) continue;
  // a council or an authority is a body, not the place it governs
  if (/\b(?:Council|Authority|Corporation|Board)$/.test(name)) continue;
  if (kind === "city" && population < 10_000 && capital !== "national" && capital !== "regional") continue;
  if (!out.has(name)) out.set(name, `${name}\t${kind}\t${iso3}`);
}
const header = "# English names of cities and first-level regions from data/wikidata/gazetteer.tsv missing in places.tsv (build-places-en.mjs)";
writeFileSync(join(here, "places-en.tsv"), [header, ...[...out.values()].sort()].join("\n") + "\n");
console.log(`places-en.tsv: ${out.size} names`);
const wordsHeader = "# Cities of 100,000 people or more, or capitals, named by one English word: places only where the text uses them as one (build-places-en.mjs)";
writeFileSync(join(here, "places-english-words.txt"), [wordsHeader, ...[...englishWordPlaces].sort()].join("\n") + "\n");
console.log(`places-english-words.txt: ${englishWordPlaces.size} names`);
