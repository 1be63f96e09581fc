// The CLI bundled by esbuild, so that `newsgraph` does not load its TypeScript sources through
// tsx at every run (about a second of CPU per run: BENCHMARKS.md). Code splitting keeps the lazy
// imports lazy: a command loads only the modules and packages it imports, as from the sources.
// One folder per digest of src/ in node_modules/.cache/newsgraph/cli-KEY/, made on the first run
// after a change; bin/newsgraph.js falls back to tsx when it cannot be made.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SRC = fileURLToPath(new URL("../", import.meta.url));
export const CLI_BUNDLE_DIR = fileURLToPath(new URL("../../node_modules/.cache/newsgraph/", import.meta.url));
const BUNDLE = /^cli-[0-9a-f]+$/;
/**
 * Another checkout sharing node_modules may still be running its bundle, whose lazy chunks load
 * late: a bundle is removed only when it has not been made for this long.
 */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A temporary folder younger than this may belong to a run writing it now. */
const TMP_GRACE_MS = 10 * 60 * 1000;

/** Digest of every file under src/: a change anywhere makes another bundle. */
export function sourcesDigest(dir = SRC) {
  const hash = createHash("sha256");
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${path.slice(dir.length)}\n`).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
}

/** The bundled CLI's entry (src/cli/main.ts) for the sources as they are, made once. */
export async function cliBundle(dir = CLI_BUNDLE_DIR) {
  const name = `cli-${sourcesDigest()}`;
  const out = join(dir, name);
  const entry = join(out, "main.js");
  if (existsSync(entry)) return entry;
  const { build } = await import("esbuild");
  await mkdir(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await build({
    entryPoints: { main: join(SRC, "cli/main.ts") },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outdir: tmp,
    write: true,
    logLevel: "silent",
    // each source keeps its own import.meta.url: data files and worker entries are found relative to it
    plugins: [{
      name: "own-import-meta-url",
      setup(b) {
        b.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, async (a) => {
          if (!a.path.startsWith(SRC)) return undefined;
          return { contents: (await readFile(a.path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(a.path).href)), loader: /\.m?ts$/.test(a.path) ? "ts" : "js" };
        });
      },
    }],
  });
  try {
    await rename(tmp, out);
  } catch (e) {
    // another run made it meanwhile
    await rm(tmp, { recursive: true, force: true });
    if (!existsSync(entry)) throw e;
  }
  await pruneCliBundles(dir, name);
  return entry;
}

/** Removes other bundles not made for KEEP_MS, and leftovers of interrupted writes. */
export async function pruneCliBundles(dir, keep, now = Date.now()) {
  for (const name of await readdir(dir).catch(() => [])) {
    if (name === keep || !name.startsWith("cli-")) continue;
    const s = await stat(join(dir, name)).catch(() => undefined);
    if (!s) continue;
    const old = BUNDLE.test(name) ? now - s.mtimeMs > KEEP_MS : name.endsWith(".tmp") && now - s.mtimeMs > TMP_GRACE_MS;
    if (old) await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}
