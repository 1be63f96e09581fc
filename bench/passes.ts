// CPU per article of the quotation and sanction passes, on annotated articles held in memory:
// the minimum and median of six passes (the minimum is the steadiest figure on a shared machine).
//   npx tsx bench/passes.ts DIR [COUNT]
// tsx adds a helper call to every function it names; for figures as in the build workers, bundle
// the script first as src/pipeline/task-bundle.mjs does (esbuild, packages external).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ingestFile } from "../src/ingest/index.ts";
import { annotate } from "../src/extract/annotate.ts";
import { extractQuotes } from "../src/extract/quotes.ts";
import { extractSanctions } from "../src/extract/sanctions.ts";
import type { AnnotatedDocument } from "../src/extract/annotate.ts";

const dir = process.argv[2];
const count = Number(process.argv[3] ?? 100);
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, count).map((f) => join(dir, f));
const docs: AnnotatedDocument[] = [];
for (const f of files) docs.push(annotate(await ingestFile(f)));
const time = (pass: (a: AnnotatedDocument) => unknown) => {
  const ms: number[] = [];
  for (let r = 0; r < 6; r++) {
    const c0 = process.cpuUsage();
    for (const a of docs) pass(a);
    const c = process.cpuUsage(c0);
    ms.push((c.user + c.system) / 1000 / docs.length);
  }
  ms.sort((a, b) => a - b);
  return `min ${ms[0].toFixed(3)}  median ${ms[3].toFixed(3)} ms/article`;
};
console.log(`quotes     ${time(extractQuotes)}\nsanctions  ${time(extractSanctions)}\n(${docs.length} articles)`);
