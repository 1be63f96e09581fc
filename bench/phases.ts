// Per-article CPU of each build phase, in one process (warm): ingest, annotate (tokens, rest),
// quotes, sanctions, cache JSON round trip, facts, graph mapping, SHACL.
//   npx tsx bench/phases.ts DIR [--count N]
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ingestFile } from "../src/ingest/index.ts";
import { annotate } from "../src/extract/annotate.ts";
import { tokenize } from "../src/extract/tokens.ts";
import { extractQuotes } from "../src/extract/quotes.ts";
import { extractSanctions } from "../src/extract/sanctions.ts";
import { dateStatements } from "../src/extract/statement-dates.ts";
import { factsOf } from "../src/pipeline/article-task.ts";
import { articleQuads, entityTypeQuads, nquadLine, validatePart } from "../src/graph/index.ts";
import { resolve } from "../src/resolve/index.ts";
import type { EntityKind, Extraction, Resolution } from "../src/model.ts";

const dir = process.argv[2];
const count = Number(process.argv[process.argv.indexOf("--count") + 1] || 300);
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, count).map((f) => join(dir, f));
const cpu: Record<string, number> = {};
const t = <T>(k: string, f: () => T): T => {
  const c0 = process.cpuUsage();
  try { return f(); } finally { const c = process.cpuUsage(c0); cpu[k] = (cpu[k] ?? 0) + (c.user + c.system) / 1000; }
};
const ta = async <T>(k: string, f: () => Promise<T>): Promise<T> => {
  const c0 = process.cpuUsage();
  try { return await f(); } finally { const c = process.cpuUsage(c0); cpu[k] = (cpu[k] ?? 0) + (c.user + c.system) / 1000; }
};
async function pass(record: boolean) {
  for (const k of Object.keys(cpu)) delete cpu[k];
  const xs: Extraction[] = [];
  for (const f of files) {
    const doc = await ta("ingest", () => ingestFile(f));
    if (only !== "graph") t("tokens", () => tokenize(doc));
    const a = t("annotate", () => annotate(doc));
    const quotes = t("quotes", () => extractQuotes(a));
    const sanctions = t("sanctions", () => extractSanctions(a));
    t("dates", () => dateStatements(doc, quotes));
    const x: Extraction = { doc, entities: a.entities, mentions: a.mentions, roles: a.roles, quotes, sanctions };
    const json = t("cache-write", () => JSON.stringify(x));
    const back = t("cache-read", () => JSON.parse(json) as Extraction);
    t("facts", () => factsOf(back));
    xs.push(back);
  }
  const res = t("resolve(all)", () => resolve(xs));
  for (const x of xs) {
    const mapping: Record<string, [string, EntityKind]> = {};
    for (const e of x.entities) { const id = res.entityOf.get(`${x.doc.id}#${e.key}`); if (id) mapping[e.key] = [id, res.entities.find((r) => r.id === id)!.kind]; }
    const entityOf = new Map<string, string>(); const kinds = new Map<string, EntityKind>();
    for (const [key, [id, kind]] of Object.entries(mapping)) { entityOf.set(`${x.doc.id}#${key}`, id); kinds.set(id, kind); }
    const r: Resolution = { entities: [...kinds].map(([id, kind]) => ({ id, kind, label: "", altLabels: [], articles: [] })), entityOf };
    const quads = t("map", () => articleQuads(x, r));
    t("nquads", () => [...new Set(quads.map((q) => nquadLine(q).trimEnd()))].sort().join("\n"));
    await ta("shacl", () => validatePart("facts", [...quads, ...[...kinds].flatMap(([id, kind]) => entityTypeQuads(id, kind))]));
  }
  if (record) {
    cpu["tokens(incl. in annotate)"] = cpu.tokens; delete cpu.tokens;
    let total = 0;
    for (const [k, v] of Object.entries(cpu)) { if (!k.startsWith("tokens") && !k.startsWith("resolve")) total += v; console.log(`${k.padEnd(28)} ${(v / files.length).toFixed(3)} ms/article`); }
    console.log(`${"total (no resolve)".padEnd(28)} ${(total / files.length).toFixed(3)} ms/article  (${files.length} articles)`);
  }
}
await pass(false);
await pass(true);
