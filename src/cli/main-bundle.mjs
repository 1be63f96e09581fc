// The CLI bundled by esbuild, so that `newsgraph` does not load its TypeScript sources through
// tsx at every run (about a second of CPU per run: BENCHMARKS.md). Code splitting keeps the lazy
// imports lazy: a command loads only the modules and packages it imports, as from the sources.
// One folder per digest of src/ in node_modules/.cache/newsgraph/cli-KEY/ (esbuild-bundle.mjs),
// made on the first run after a change; bin/newsgraph.js falls back to tsx when it cannot be made.
import { join } from "node:path";
import { BUNDLE_DIR, SRC, cachedBundle, pruneBundles, sourcesDigest } from "../esbuild-bundle.mjs";

export { sourcesDigest };

export const CLI_BUNDLE_DIR = BUNDLE_DIR;
const KIND = /^cli-[0-9a-f]+$/;
/**
 * Another checkout sharing node_modules may still be running its bundle, whose lazy chunks load
 * late: a bundle is removed only when it has not been made for this long.
 */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** The bundle's folder for the sources as they are, made once: the CLI and the serve store worker, sharing chunks. */
const bundleFolder = (dir) =>
  cachedBundle({
    dir,
    name: `cli-${sourcesDigest()}`,
    kind: KIND,
    keepMs: KEEP_MS,
    options: { entryPoints: { main: join(SRC, "cli/main.ts"), "serve-worker": join(SRC, "serve/worker.ts") }, splitting: true },
  });

/** The bundled CLI's entry (src/cli/main.ts) for the sources as they are, made once. */
export async function cliBundle(dir = CLI_BUNDLE_DIR) {
  return join(await bundleFolder(dir), "main.js");
}

/** The bundled store worker of `serve` (src/serve/worker.ts; see serve/worker-entry.mjs). */
export async function serveWorkerBundle(dir = CLI_BUNDLE_DIR) {
  return join(await bundleFolder(dir), "serve-worker.js");
}

/** Removes other bundles not made for KEEP_MS, and leftovers of interrupted writes. */
export const pruneCliBundles = (dir, keep, now = Date.now()) => pruneBundles(dir, keep, KIND, KEEP_MS, now);
