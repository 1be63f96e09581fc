// Entry of a build worker thread (see pool.ts). Worker threads do not inherit the tsx loader the
// main thread registered. Loading the TypeScript sources through tsx costs each worker about a
// second of CPU more than loading them bundled (BENCHMARKS.md), so the worker runs
// article-task.ts bundled by esbuild into node_modules/.cache/newsgraph/, one bundle per build
// fingerprint (which covers every source the task imports); it falls back to tsx when the bundle
// cannot be made (no esbuild, read-only folder) or NEWSGRAPH_NO_BUNDLE is set.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

const tasks = await loadTasks(workerData?.bundleKey);
parentPort.on("message", async ({ id, kind, input }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await tasks[kind](input) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e), name: e?.constructor?.name });
  }
});
// A failed warm-up only means the first article pays for loading.
await tasks.warmUp().catch(() => {});
parentPort.postMessage({ ready: true });

async function loadTasks(key) {
  if (key && !process.env.NEWSGRAPH_NO_BUNDLE) {
    try {
      return await import(pathToFileURL(await bundle(key)).href);
    } catch {
      // fall through to tsx: same code, only slower to load
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("./article-task.ts");
}

/** The bundled task module for this fingerprint, made once (two workers making it at once is harmless). */
async function bundle(key) {
  const dir = fileURLToPath(new URL("../../node_modules/.cache/newsgraph/", import.meta.url));
  const out = `${dir}article-task-${key}.mjs`;
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
  return out;
}
