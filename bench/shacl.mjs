#!/usr/bin/env node
// SHACL engines on the same shapes and data (not run by `npm test`): shacl-engine, which the build
// uses, against rdf-validate-shacl, on the article graphs (with their entities' types) and the
// entities graph of a built store. Reports CPU time; both must give the same report.
//
//   node bench/shacl.mjs --store DIR [--articles 500]
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";

register();
const { readManifest, openStore } = await import("../src/store/index.ts");
const { graphPieces } = await import("../src/store/manifest.ts");
const { validatePart } = await import("../src/graph/index.ts");
const { Parser } = await import("n3");

const { values } = parseArgs({ options: { store: { type: "string" }, articles: { type: "string", default: "500" } } });
if (!values.store) throw new Error("usage: node bench/shacl.mjs --store DIR [--articles N]");
const manifest = await readManifest(values.store);
const texts = await openStore(values.store).readRecords(graphPieces(manifest));
const quads = texts.flatMap((t) => new Parser({ format: "N-Quads" }).parse(t));
const ENTITIES = "https://w3id.org/newsgraph/resource/graph/entities";
const types = quads.filter((q) => q.graph.value === ENTITIES && q.predicate.value.endsWith("#type"));
const articleGraphs = [...new Set(quads.filter((q) => q.graph.value.includes("/graph/article/")).map((q) => q.graph.value))].slice(0, Number(values.articles));
const wanted = new Set(articleGraphs);
const facts = [...quads.filter((q) => wanted.has(q.graph.value)), ...types];
const entities = [...quads.filter((q) => q.graph.value === ENTITIES), ...quads.filter((q) => q.predicate.value.endsWith("#mentionedIn") || q.object.value.endsWith("#Article"))];

const cpu = async (work) => {
  const c = process.cpuUsage();
  const result = await work();
  const u = process.cpuUsage(c);
  return { ms: (u.user + u.system) / 1000, result };
};
console.log(`| part | quads | shacl-engine CPU ms | rdf-validate-shacl CPU ms | ratio | same report |`);
console.log(`|---|---:|---:|---:|---:|---|`);
for (const [name, set, data] of [[`${articleGraphs.length} article graphs`, "facts", facts], ["entities graph", "entities", entities]]) {
  await validatePart(set, data.slice(0, 50), "shacl-engine"); // warm both (shapes compiled once)
  await validatePart(set, data.slice(0, 50), "rdf-validate-shacl");
  const a = await cpu(() => validatePart(set, data, "shacl-engine"));
  const b = await cpu(() => validatePart(set, data, "rdf-validate-shacl"));
  console.log(`| ${name} | ${data.length.toLocaleString("en")} | ${a.ms.toFixed(0)} | ${b.ms.toFixed(0)} | ${(b.ms / a.ms).toFixed(1)}× | ${JSON.stringify(a.result) === JSON.stringify(b.result) ? "yes" : "NO"} |`);
}
