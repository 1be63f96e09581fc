// Bundles of our own sources made by esbuild and kept in node_modules/.cache/newsgraph/: the CLI
// (cli/main-bundle.mjs) and the build workers' task module (pipeline/task-bundle.mjs). Plain
// JavaScript: both are loaded before any TypeScript loader. A bundle is made once under a name
// that says what it was made from, written to a temporary path and renamed (a reader sees a whole
// bundle or none), and making one removes the other bundles of its kind that are old enough.
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SRC, sourcesDigest } from "./sources-digest.mjs";

/** SRC: our sources, the only files ownImportMetaUrl rewrites. */
export { SRC, sourcesDigest };
export const BUNDLE_DIR = fileURLToPath(new URL("../node_modules/.cache/newsgraph/", import.meta.url));
/** A temporary file or folder younger than this may belong to a process writing it now. */
const TMP_GRACE_MS = 10 * 60 * 1000;

/**
 * esbuild plugin: each of our sources keeps its own import.meta.url in the bundle, so that data
 * files and worker entries are still found relative to the source that names them.
 */
export const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, async (a) => {
      if (!a.path.startsWith(SRC)) return undefined;
      const contents = (await readFile(a.path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(a.path).href));
      return { contents, loader: /\.m?ts$/.test(a.path) ? "ts" : "js" };
    });
  },
};

/**
 * esbuild plugin: packages stay outside the bundle (loaded from node_modules as they are), except
 * these, whose code (and everything it imports) is bundled: resolving and compiling a package's
 * many small modules costs more CPU at each start than one bundled file. Only packages that do
 * not read their own files at run time belong here (a bundled package's __dirname is wrong).
 */
const packagesOutsideBut = (bundled) => ({
  name: "packages-outside-but",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      if (!a.importer.startsWith(SRC) || a.path.startsWith("node:")) return undefined;
      const name = a.path.split("/").slice(0, a.path.startsWith("@") ? 2 : 1).join("/");
      return bundled.includes(name) ? undefined : { path: a.path, external: true };
    });
  },
});
/**
 * The packages bundled with our code: the build's (n3, chrono-node, wink-nlp, rdf-validation and
 * what they import) and the CLI's own. None reads its own files at run time; wink's model does
 * (wink-eng-lite-web-model) and stays outside, as do the large ones only some commands load
 * (oxigraph, Comunica, the SHACL engines, rdf-ext), which bundling would not make cheaper.
 */
export const BUNDLED_PACKAGES = ["n3", "chrono-node", "wink-nlp", "rdf-validation", "commander", "cli-progress", "wikibase-sdk"];

/** What bundled CommonJS packages call require() for (Node's own modules) in an ES module bundle. */
const REQUIRE_BANNER = `import { createRequire as __newsgraphRequire } from "node:module"; const require = __newsgraphRequire(import.meta.url);`;

/**
 * The bundle `name` in `dir` (a file, or a folder when `options.splitting`), made once with these
 * esbuild options (entry points and the like; where it is written is set here), the packages
 * named in `bundledPackages` bundled with our code, the others left outside. Two processes
 * making it at once is harmless. Then the other bundles of its kind (names matching `kind`) are
 * removed when older than `keepMs`, and leftovers of interrupted writes (`kind` + .tmp) when
 * older than ten minutes.
 */
export async function cachedBundle({ dir = BUNDLE_DIR, name, kind, keepMs, options, bundledPackages = BUNDLED_PACKAGES }) {
  const out = join(dir, name);
  if (existsSync(out)) return out;
  const { build } = await import("esbuild");
  await mkdir(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await build({
    bundle: true,
    platform: "node",
    format: "esm",
    write: true,
    logLevel: "silent",
    plugins: [ownImportMetaUrl, packagesOutsideBut(bundledPackages)],
    banner: { js: REQUIRE_BANNER },
    ...options,
    ...(options.splitting ? { outdir: tmp } : { outfile: tmp }),
  });
  try {
    await rename(tmp, out);
  } catch (e) {
    // another process made it meanwhile (a folder cannot be renamed over)
    await rm(tmp, { recursive: true, force: true });
    if (!existsSync(out)) throw e;
  }
  await pruneBundles(dir, name, kind, keepMs);
  return out;
}

/** Removes the bundles of a kind older than keepMs but `keep`, and their kind's old temporary files. */
export async function pruneBundles(dir, keep, kind, keepMs, now = Date.now()) {
  for (const name of await readdir(dir).catch(() => [])) {
    if (name === keep) continue;
    const bundle = kind.test(name);
    const leftover = !bundle && name.endsWith(".tmp") && kind.test(name.replace(/\.\d+\.[0-9a-z]+\.tmp$/, ""));
    if (!bundle && !leftover) continue;
    const s = await stat(join(dir, name)).catch(() => undefined);
    if (!s) continue;
    if (now - s.mtimeMs >= (bundle ? keepMs : TMP_GRACE_MS)) await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}
