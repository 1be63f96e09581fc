// The build workers' task module bundled by esbuild (see article-worker.mjs): one bundle per build
// fingerprint in node_modules/.cache/newsgraph/. Making a new one removes the others (and
// leftovers of interrupted writes), so the folder holds only the current fingerprint's bundle
// instead of one more per code change.
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const BUNDLE_DIR = fileURLToPath(new URL("../../node_modules/.cache/newsgraph/", import.meta.url));
const BUNDLE = /^article-task-[0-9a-z]+\.mjs$/;
/** A temporary file younger than this may belong to a worker writing it now. */
const TMP_GRACE_MS = 10 * 60 * 1000;

/** The bundled task module for this fingerprint, made once (two workers making it at once is harmless). */
export async function taskBundle(key, dir = BUNDLE_DIR) {
  const out = join(dir, `article-task-${key}.mjs`);
  if (existsSync(out)) return out;
  const { build } = await import("esbuild");
  await mkdir(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await build({
    entryPoints: [fileURLToPath(new URL("./article-task.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: tmp,
    write: true,
    logLevel: "silent",
    // each source keeps its own import.meta.url: data files are found relative to it
    plugins: [{
      name: "own-import-meta-url",
      setup(b) {
        b.onLoad({ filter: /\.ts$/ }, async (a) => ({
          contents: (await readFile(a.path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(a.path).href)),
          loader: "ts",
        }));
      },
    }],
  });
  await rename(tmp, out);
  await pruneBundles(dir, `article-task-${key}.mjs`);
  return out;
}

/**
 * Removes every other fingerprint's bundle and old temporary files. A build of another version
 * still loading one it removed falls back to tsx (article-worker.mjs): slower, same result.
 */
export async function pruneBundles(dir, keep) {
  const names = await readdir(dir).catch(() => []);
  const now = Date.now();
  for (const name of names) {
    if (name === keep) continue;
    const path = join(dir, name);
    if (BUNDLE.test(name)) await unlink(path).catch(() => undefined);
    else if (name.startsWith("article-task-") && name.endsWith(".tmp")) {
      const s = await stat(path).catch(() => undefined);
      if (s && now - s.mtimeMs > TMP_GRACE_MS) await unlink(path).catch(() => undefined);
    }
  }
}
