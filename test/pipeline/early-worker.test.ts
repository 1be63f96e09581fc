// `newsgraph build` starts its first build worker at the CLI's very start (bin/newsgraph.js,
// src/pipeline/build-worker.mjs), before it knows whether it will need one: the build's pool takes
// it when it was started for the same task bundle and memory cap, and it is stopped otherwise, or
// when the build reads its articles in its own thread. The graph is the same either way.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { DEFAULT_MEMORY_MB, hasEarlyWorker, startEarlyWorker, stopEarlyWorker, taskBundleKey } from "../../src/pipeline/build-worker.mjs";
import { ArticlePool } from "../../src/pipeline/pool.ts";
import { newCacheRun } from "../../src/pipeline/cache.ts";
import { buildGraph } from "../../src/pipeline/index.ts";

// Invented articles.
const article = (i: number) =>
  `Talks in Valdora ${i}\n\nVALDORA, March ${i + 1}, 2025 (Test Wire). Foreign Minister Lena Kovar${i} met her counterpart Tomas Ferre on Monday.\n\n\u201cWe agreed on a joint plan,\u201d Kovar${i} said.\n`;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-early-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => stopEarlyWorker());

const corpus = (name: string, count: number) => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `a${i}.txt`), article(i));
  return dir;
};
const exited = (worker: Worker) => {
  const state = { exited: false };
  worker.on("exit", () => (state.exited = true));
  return state;
};
const poolFor = (memoryMb = DEFAULT_MEMORY_MB) => new ArticlePool({ size: 1, timeoutMs: 120_000, memoryMb, bundleKey: taskBundleKey() });
const SLOW = 300_000;

describe("the build worker started at the CLI's start", () => {
  it("is the pool's first worker when started for the same task bundle and memory cap", async () => {
    const dir = corpus("taken", 1);
    const worker = startEarlyWorker({ bundleKey: taskBundleKey(), memoryMb: DEFAULT_MEMORY_MB })!;
    const state = exited(worker);
    const pool = poolFor();
    const x = await pool.extract({ file: join(dir, "a0.txt"), storeDir: join(root, "s-taken"), run: newCacheRun() });
    expect(x.docId).toBe("a0");
    expect(hasEarlyWorker()).toBe(false);
    expect(state.exited).toBe(false); // it did the work
    await pool.close();
    expect(state.exited).toBe(true);
  }, SLOW);

  it("is stopped, not used, when started for another memory cap", async () => {
    const dir = corpus("other", 1);
    const worker = startEarlyWorker({ bundleKey: taskBundleKey(), memoryMb: DEFAULT_MEMORY_MB + 1 })!;
    const state = exited(worker);
    const pool = poolFor();
    const x = await pool.extract({ file: join(dir, "a0.txt"), storeDir: join(root, "s-other"), run: newCacheRun() });
    expect(x.docId).toBe("a0");
    expect(state.exited).toBe(true);
    await pool.close();
  }, SLOW);

  it("is stopped by a build that reads its few articles in its own thread", async () => {
    const dir = corpus("few", 2);
    const worker = startEarlyWorker({ bundleKey: taskBundleKey(), memoryMb: DEFAULT_MEMORY_MB })!;
    const state = exited(worker);
    const result = await buildGraph({ inputs: [dir], storeDir: join(root, "s-few") });
    expect(result.readIn).toBe("thread");
    expect(hasEarlyWorker()).toBe(false);
    await new Promise((r) => setTimeout(r, 200)); // termination is asynchronous
    expect(state.exited).toBe(true);
  }, SLOW);

  it("does not keep the process alive when nobody takes it (a command that fails before its build starts)", () => {
    const script = `import { startEarlyWorker, taskBundleKey } from ${JSON.stringify(new URL("../../src/pipeline/build-worker.mjs", import.meta.url).href)};
      startEarlyWorker({ bundleKey: taskBundleKey(), memoryMb: 1024 }); console.log("started");`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 });
    expect(r.stdout).toContain("started");
    expect(r.status).toBe(0); // null when it had to be killed
    const cli = spawnSync(process.execPath, [new URL("../../bin/newsgraph.js", import.meta.url).pathname, "build", join(root, "no-such-folder"), "--store", join(root, "s-none")], { encoding: "utf8", timeout: 120_000 });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("no-such-folder");
  }, SLOW);

  it("is started by `newsgraph build` alone, and not with NEWSGRAPH_NO_EARLY_WORKER set", () => {
    // counts the worker threads the CLI's process starts (the hook runs in its main thread)
    const hook = `data:text/javascript,${encodeURIComponent(`import wt from "node:worker_threads"; import { syncBuiltinESMExports } from "node:module";
      if (wt.isMainThread) { let n = 0; const W = wt.Worker; wt.Worker = class extends W { constructor(...a) { super(...a); n++; } };
      syncBuiltinESMExports(); process.on("exit", () => process.stderr.write("workers started: " + n + "\\n")); }`)}`;
    const cli = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(process.execPath, ["--import", hook, new URL("../../bin/newsgraph.js", import.meta.url).pathname, ...args], { encoding: "utf8", timeout: 120_000, env: { ...process.env, ...env } }).stderr;
    const missing = [join(root, "no-such-folder"), "--store", join(root, "s-none")];
    expect(cli({}, "build", ...missing)).toContain("workers started: 1");
    expect(cli({ NEWSGRAPH_NO_EARLY_WORKER: "1" }, "build", ...missing)).toContain("workers started: 0");
    expect(cli({}, "query", "--store", join(root, "s-none"), "SELECT * WHERE { ?s ?p ?o }")).toContain("workers started: 0");
  }, SLOW);

  it("`newsgraph build` as a user runs it gives the graph a build without it gives", async () => {
    const dir = corpus("cli", 10); // more than a build reads in its own thread: a worker reads them
    const r = spawnSync(process.execPath, [new URL("../../bin/newsgraph.js", import.meta.url).pathname, "build", dir, "--store", join(root, "s-cli"), "--jobs", "1"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const reference = await buildGraph({ inputs: [dir], storeDir: join(root, "s-ref"), jobs: 1 });
    expect(reference.readIn).toBe("workers");
    expect(r.stdout).toContain(`revision ${reference.manifest.revision}`);
  }, SLOW);
});
