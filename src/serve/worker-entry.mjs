// Entry of a store worker thread. Worker threads do not inherit the loader of the main thread:
// the worker runs worker.ts from the CLI's esbuild bundle (cli/main-bundle.mjs: the same bundle
// and chunks as the CLI, made once per version of src/), which boots in about half the CPU time
// of loading the TypeScript sources through tsx; it falls back to tsx when the bundle cannot be
// made (no esbuild, a read-only folder) or NEWSGRAPH_NO_BUNDLE is set.
import { pathToFileURL } from "node:url";
import { captureOxigraphEngine } from "../store/engine-capture.mjs";

// Before anything loads Oxigraph: its instance's memory is what an engine snapshot saves and restores.
captureOxigraphEngine();

let bundled;
if (!process.env.NEWSGRAPH_NO_BUNDLE) {
  try {
    const { serveWorkerBundle } = await import("../cli/main-bundle.mjs");
    bundled = await serveWorkerBundle();
  } catch {
    bundled = undefined; // only slower to load
  }
}
if (bundled) {
  await import(pathToFileURL(bundled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./worker.ts");
}
