// Entry of a build worker thread (see pool.ts). Worker threads do not inherit the tsx loader the
// main thread registered. Loading the TypeScript sources through tsx costs each worker about a
// second of CPU more than loading them bundled (BENCHMARKS.md), so the worker runs
// article-task.ts bundled by esbuild (task-bundle.mjs: one bundle per build fingerprint, which
// covers every source the task imports; older ones are removed); it falls back to tsx when the bundle
// cannot be made (no esbuild, read-only folder) or NEWSGRAPH_NO_BUNDLE is set.
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { taskBundle } from "./task-bundle.mjs";

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
      return await import(pathToFileURL(await taskBundle(key)).href);
    } catch {
      // fall through to tsx: same code, only slower to load
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("./article-task.ts");
}
