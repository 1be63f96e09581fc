#!/usr/bin/env node
// Where the Wikidata links of a built graph stand against gold annotations, entity by entity:
// every gold QID of a person, organisation or place is found (correct), found as another item
// (wrong), or missed; a miss is the linker's when the entity is in the graph with the gold's
// type but unlinked, and the extraction's when the entity is absent or typed otherwise. Links
// the gold does not judge (entities it lists without a QID, or does not list) are printed for
// review too: a wrong link there is as bad as anywhere.
//
//   node bench/link-gaps.mjs --graph g.nq --gold DIR [--json] [--no-qid]
//
// --no-qid also lists the gold entities without a QID (most places and media in the gold sets):
// linked (to review by hand), unlinked (with the candidates kept), or not found by extraction.
//
// Names are matched as the shared scorer (../shared/eval/score.mjs) matches them.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Parser } from "n3";

const { values: opts } = parseArgs({ options: { graph: { type: "string" }, gold: { type: "string" }, json: { type: "boolean" }, "no-qid": { type: "boolean" } } });
if (!opts.graph || !opts.gold) {
  console.error("usage: node bench/link-gaps.mjs --graph FILE.nq --gold DIR [--json]");
  process.exit(2);
}

const NG = "https://w3id.org/newsgraph/ontology#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const ALT = "http://www.w3.org/2004/02/skos/core#altLabel";
const SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
const WD = "http://www.wikidata.org/entity/";

// ---- the graph, by subject
const props = new Map();
for (const q of new Parser({ format: "N-Quads" }).parse(readFileSync(opts.graph, "utf8"))) {
  const s = q.subject.value;
  if (!props.has(s)) props.set(s, new Map());
  const m = props.get(s);
  if (!m.has(q.predicate.value)) m.set(q.predicate.value, new Set());
  m.get(q.predicate.value).add(q.object.value);
}
const get = (s, p) => [...(props.get(s)?.get(p) ?? [])];

// ---- the scorer's name key
const HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "the", "president", "minister"]);
const norm = (s) => String(s ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’'`]s\b/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const nameKey = (s) => norm(s).split(" ").filter((w) => w && !HONORIFICS.has(w)).join(" ");

const categoryOf = (s) => {
  const types = get(s, RDF_TYPE);
  if (types.includes(NG + "Person")) return "persons";
  if (types.includes(NG + "Place")) return "places";
  if (types.includes(NG + "Organisation") || types.includes(NG + "Country")) return "organisations";
  return undefined;
};
const namesOf = (s) => [...get(s, LABEL), ...get(s, ALT)];
const qidsOf = (s) => get(s, SAME_AS).filter((o) => o.startsWith(WD)).map((o) => o.slice(WD.length));

const articles = new Map(); // fileName -> article IRI
for (const [s, m] of props) for (const f of m.get(NG + "fileName") ?? []) articles.set(f, s);

/** What kind of entity a gold row is, for the report. */
function kindOf(cat, e) {
  if (cat === "places") return "place";
  if (cat === "persons") return "person";
  if (e.kind === "media") return "news organisation";
  if (e.kind === "country") return "state";
  return "organisation";
}

const rows = [];
const unjudged = [];
const unqid = []; // gold entities without a QID
for (const file of readdirSync(opts.gold).filter((f) => f.endsWith(".gold.json")).sort()) {
  const gold = JSON.parse(readFileSync(join(opts.gold, file), "utf8"));
  const article = articles.get(gold.article ?? file.replace(/\.gold\.json$/, ".txt"));
  const mentioned = article ? [...props.keys()].filter((s) => get(s, NG + "mentionedIn").includes(article)) : [];
  const used = new Set();
  const judged = new Set();
  const counted = new Set();
  for (const cat of ["persons", "organisations", "places"]) {
    const pred = mentioned.filter((s) => categoryOf(s) === cat);
    for (const e of gold[cat] ?? []) {
      const keys = new Set([e.name, ...(e.aliases ?? [])].map(nameKey).filter(Boolean));
      const fits = (s) => namesOf(s).some((n) => keys.has(nameKey(n)));
      const same = pred.find((s) => !used.has(s) && fits(s)); // the scorer's greedy match
      if (same) used.add(same);
      if (same && e.wikidata) counted.add(same);
      for (const s of mentioned) if (fits(s)) judged.add(s);
      if (!e.wikidata) {
        // No QID in the gold: say whether the graph links it (for review) or why not.
        const other = same ?? mentioned.find(fits);
        const qs = other ? qidsOf(other) : [];
        unqid.push({ article: file.replace(/\.gold\.json$/, ""), kind: kindOf(cat, e), name: e.name, entity: other?.replace(/^.*\/resource\//, ""),
          status: qs.length ? "linked " + qs.join(" ") : !other ? "not found (extraction)" : same ? "unlinked" : "unlinked, typed " + categoryOf(other),
          candidates: other ? get(other, NG + "linkCandidate").map((c) => c.replace(/^.*\/candidate\//, "")) : [] });
        continue;
      }
      const row = { article: file.replace(/\.gold\.json$/, ""), kind: kindOf(cat, e), name: e.name, gold: e.wikidata };
      if (same) {
        const qs = qidsOf(same);
        row.entity = same.replace(/^.*\/resource\//, "");
        row.got = qs.join(" ");
        row.status = qs.includes(e.wikidata) ? "correct" : qs.length ? "wrong" : "missing";
        if (row.status === "missing") row.gap = "linker";
      } else {
        const other = mentioned.find(fits);
        row.status = "missing";
        row.gap = other ? "extraction (typed " + categoryOf(other) + ")" : "extraction (not found)";
        if (other) {
          row.entity = other.replace(/^.*\/resource\//, "");
          row.got = qidsOf(other).join(" ");
        }
      }
      rows.push(row);
    }
  }
  // Every other link of the article: not judged by a gold QID, so listed for review.
  for (const s of mentioned) {
    const qs = qidsOf(s);
    if (!qs.length || counted.has(s)) continue;
    const names = new Set(namesOf(s).map(nameKey));
    const row = ["persons", "organisations", "places"].flatMap((cat) => (gold[cat] ?? []).map((e) => ({ cat, e })))
      .find(({ e }) => [e.name, ...(e.aliases ?? [])].some((n) => names.has(nameKey(n))));
    const note = row ? `gold ${row.cat.slice(0, -1)} "${row.e.name}" ${row.e.wikidata ?? "without QID"}` : "not in gold";
    unjudged.push({ article: file.replace(/\.gold\.json$/, ""), entity: s.replace(/^.*\/resource\//, ""), got: qs.join(" "), label: get(s, LABEL)[0], note });
  }
}

const count = (f) => rows.filter(f).length;
const kinds = [...new Set(rows.map((r) => r.kind))].sort();
const summary = {
  correct: count((r) => r.status === "correct"),
  wrong: count((r) => r.status === "wrong"),
  missing: count((r) => r.status === "missing"),
  byKind: Object.fromEntries(kinds.map((k) => [k, {
    correct: count((r) => r.kind === k && r.status === "correct"),
    wrong: count((r) => r.kind === k && r.status === "wrong"),
    missingLinker: count((r) => r.kind === k && r.gap === "linker"),
    missingExtraction: count((r) => r.kind === k && r.gap?.startsWith("extraction")),
  }])),
};
if (opts.json) console.log(JSON.stringify({ summary, rows, unjudged, unqid }, null, 1));
else {
  console.log(`links: ${summary.correct} correct / ${summary.wrong} wrong / ${summary.missing} missing`);
  for (const k of kinds) {
    const b = summary.byKind[k];
    console.log(`  ${k.padEnd(18)} ${b.correct} correct, ${b.wrong} wrong, missing ${b.missingLinker} linker + ${b.missingExtraction} extraction`);
  }
  for (const r of rows.filter((r) => r.status !== "correct")) console.log(`${r.status.toUpperCase()} ${r.article} ${r.kind} "${r.name}" gold ${r.gold}${r.got ? " got " + r.got : ""}${r.gap ? " — " + r.gap : ""}${r.entity ? " [" + r.entity + "]" : ""}`);
  for (const u of unjudged) console.log(`UNJUDGED ${u.article} ${u.entity} "${u.label}" → ${u.got}${u.note ? " (" + u.note + ")" : ""}`);
  if (opts["no-qid"]) {
    const ukinds = [...new Set(unqid.map((r) => r.kind))].sort();
    console.log("gold entities without a QID:");
    for (const k of ukinds) {
      const of = unqid.filter((r) => r.kind === k);
      console.log(`  ${k.padEnd(18)} ${of.length}: ${of.filter((r) => r.status.startsWith("linked")).length} linked, ${of.filter((r) => r.status.startsWith("unlinked")).length} unlinked, ${of.filter((r) => r.status.startsWith("not found")).length} not found`);
    }
    for (const r of unqid) console.log(`NOQID ${r.article} ${r.kind} "${r.name}" ${r.status}${r.entity ? " [" + r.entity + "]" : ""}${r.candidates.length ? " candidates " + r.candidates.join(" ") : ""}`);
  }
}
