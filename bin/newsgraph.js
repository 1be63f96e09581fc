#!/usr/bin/env node
// Runs the CLI bundled by esbuild (src/cli/main-bundle.mjs: made again when a source changes), or
// the TypeScript sources directly through tsx when the bundle cannot be made (no esbuild, a
// read-only folder) or NEWSGRAPH_NO_BUNDLE is set: the same code, only slower to load.
import { pathToFileURL } from "node:url";

let main;
if (!process.env.NEWSGRAPH_NO_BUNDLE) {
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
