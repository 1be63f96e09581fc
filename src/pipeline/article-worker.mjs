// Entry of a build worker thread (see pool.ts). Worker threads do not inherit the tsx loader the
// main thread registered, so register it here before loading the TypeScript module.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const tasks = await import("./article-task.ts");
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
