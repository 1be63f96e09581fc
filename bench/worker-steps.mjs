#!/usr/bin/env node
// CPU per article of each step of a build worker's work outside the passes themselves: ingest, the
// extraction cache's key, look-up, write and read-back, the facts text, the article's quads and
// their shape check (see bench/worker-steps.ts), bundled as the build bundles its task module.
//   node bench/worker-steps.mjs DIR [--warm 200] [--count 600]
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { rmSync } from "node:fs";
import { cachedBundle } from "../src/esbuild-bundle.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { warm: { type: "string", default: "200" }, count: { type: "string", default: "600" } } });
if (!positionals[0]) throw new Error("usage: node bench/worker-steps.mjs DIR [--warm 200] [--count 600]");
const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = await cachedBundle({
  dir: join(root, "node_modules/.cache/newsgraph-bench"),
  name: `worker-steps-${process.pid}-${Date.now()}.mjs`,
  kind: /^worker-steps-\d+-\d+\.mjs$/,
  keepMs: 60 * 60 * 1000,
  options: { entryPoints: [join(root, "bench/worker-steps.ts")] },
});
try {
  await (await import(pathToFileURL(bundle).href)).run(positionals[0], Number(values.warm), Number(values.count));
} finally {
  rmSync(bundle, { force: true });
}
