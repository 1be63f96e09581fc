// A build worker thread (article-worker.mjs), and the one `newsgraph build` starts at its very start.
// Plain JavaScript: the launcher (bin/newsgraph.js) starts that worker before the CLI's bundle loads,
// so the extractor (task module, lexicons, tagger model: ~0.8 s of CPU) loads on the other core
// while this thread loads the CLI, lists the files and reads the store, instead of after them. The
// build's pool takes it as its first worker (pool.ts) or stops it when the build reads no article in
// a worker (build.ts): a wrong guess costs that worker's start-up CPU, not a wrong result.
import { Worker } from "node:worker_threads";
import { sourcesDigest } from "../sources-digest.mjs";

/**
 * The key of the task bundle a build worker loads (task-bundle.mjs) for the sources as they are:
 * the digest of src/ that names the CLI's bundle too, which the launcher has made before the CLI
 * loads. (Data files are read at run time, not bundled.)
 */
export const taskBundleKey = () => sourcesDigest();

/** A build worker's heap cap when the build is given none (--article-memory). */
export const DEFAULT_MEMORY_MB = 1024;

/** A build worker: `bundleKey` names the task bundle it loads, `memoryMb` caps its heap. */
export function buildWorker({ bundleKey, memoryMb }) {
  return new Worker(new URL("./article-worker.mjs", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    workerData: { bundleKey },
    stdout: false,
    stderr: false,
  });
}

// The CLI's bundle holds its own copy of this module: the early worker is kept on globalThis.
const EARLY = Symbol.for("newsgraph.earlyBuildWorker");

/**
 * Starts the early build worker (once per process; returns it, or undefined when one is already
 * there). It does not keep the process alive: a command that ends without taking it ends it too.
 */
export function startEarlyWorker(options) {
  if (globalThis[EARLY]) return undefined;
  const worker = buildWorker(options);
  const early = { worker, options, ready: false, failed: false };
  early.onMessage = (m) => {
    if (m?.ready) early.ready = true;
  };
  early.onEnd = () => {
    early.failed = true;
  };
  worker.on("message", early.onMessage).on("error", early.onEnd).on("exit", early.onEnd);
  worker.unref(); // after the listeners: adding a "message" listener refs the worker again
  globalThis[EARLY] = early;
  return worker;
}

/**
 * The early worker when it was started for these options and has not failed (then no longer
 * held here: the caller owns it, and `ready` says whether it has already said so); else stops it.
 */
export function takeEarlyWorker(options) {
  const early = globalThis[EARLY];
  if (!early) return undefined;
  globalThis[EARLY] = undefined;
  const { worker } = early;
  worker.off("message", early.onMessage).off("error", early.onEnd).off("exit", early.onEnd);
  if (early.failed || early.options.bundleKey !== options.bundleKey || early.options.memoryMb !== options.memoryMb) {
    stop(worker);
    return undefined;
  }
  worker.ref();
  return { worker, ready: early.ready };
}

/** Stops the early worker if no one took it (a build that reads no article in a worker, or failed). */
export function stopEarlyWorker() {
  const early = globalThis[EARLY];
  if (!early) return;
  globalThis[EARLY] = undefined;
  stop(early.worker);
}

const stop = (worker) => {
  worker.on("error", () => undefined); // what it says while stopping is of no interest
  void worker.terminate();
};

/** Whether an early worker is waiting to be taken. */
export const hasEarlyWorker = () => Boolean(globalThis[EARLY]);
