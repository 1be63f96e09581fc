#!/usr/bin/env node
// Runs the CLI bundled by esbuild (src/cli/main-bundle.mjs: made again when a source changes), or
// the TypeScript sources directly through tsx when the bundle cannot be made (no esbuild, a
// read-only folder) or NEWSGRAPH_NO_BUNDLE is set: the same code, only slower to load.
import { pathToFileURL } from "node:url";

let main;
if (!process.env.NEWSGRAPH_NO_BUNDLE) {
  await startBuildWorker(process.argv.slice(2));
  try {
    const { cliBundle } = await import("../src/cli/main-bundle.mjs");
    ({ main } = await import(pathToFileURL(await cliBundle()).href));
  } catch {
    main = undefined;
  }
}
if (!main) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
await main(process.argv);

/**
 * `newsgraph build` starts its first build worker now, before the CLI's bundle loads: the extractor
 * loads on the other core meanwhile (src/pipeline/build-worker.mjs). Not with --article-memory (the
 * worker's cap would differ) or help, nor with NEWSGRAPH_NO_EARLY_WORKER set (on a machine whose
 * cores are all busy, the speculative start costs more than it overlaps); the build stops it when
 * it reads no article in a worker.
 */
async function startBuildWorker(args) {
  if (process.env.NEWSGRAPH_NO_EARLY_WORKER || args.find((a) => !a.startsWith("-")) !== "build") return;
  if (args.some((a) => a === "-h" || a === "--help" || a.startsWith("--article-memory"))) return;
  try {
    const { DEFAULT_MEMORY_MB, startEarlyWorker, taskBundleKey } = await import("../src/pipeline/build-worker.mjs");
    startEarlyWorker({ bundleKey: taskBundleKey(), memoryMb: DEFAULT_MEMORY_MB });
  } catch {
    // the build starts its workers itself, as without this
  }
}
