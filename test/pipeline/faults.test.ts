// The builder under faults: articles past their time or memory budget, builds killed (SIGKILL)
// at random moments again and again, a full disk, a read-only store folder. Each time the store
// afterwards loads and is exactly the old state or the new one, never a mix, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";
import { mulberry32 } from "./seeded-random.ts";

const ARTICLES: Record<string, string> = {
  "alpha.txt": "Ministers meet in Lisbon\n\nLISBON, May 6, 2024 (Test Wire). Portuguese Foreign Minister Rita Lobo met her Spanish counterpart Pedro Sanz on Monday.\n\n\u201cWe agreed to work together on energy,\u201d Lobo said.\n",
  "beta.txt": "Union announces sanctions\n\nBRUSSELS, May 7, 2024 (Test Wire). The European Union on Tuesday imposed sanctions on three officials over election fraud.\n\nKarl Weiss, director of the Institute for Policy Research, said the measures were overdue.\n",
  "gamma.txt": "Talks continue in Rome\n\nROME, May 8, 2024 (Test Wire). Italian Prime Minister Marco Bellini said talks with Greece would continue.\n\n\u201cWe are not in a hurry,\u201d Bellini told reporters.\n",
  "delta.txt": "Envoy visits Oslo\n\nNorwegian diplomat Ingrid Dahl visited Oslo on Friday. \u201cThe talks were useful,\u201d Dahl said.\n",
};
const CLI = new URL("../../bin/newsgraph.js", import.meta.url).pathname;

let root: string;
const folder = (name: string, files: string[]) => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f), ARTICLES[f]);
  return dir;
};
const exportOf = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, ...env } });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-faults-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("articles past their budget", () => {
  it("an article past its time budget is reported with its path and reason; the others build; exit code 1", async () => {
    const dir = folder("slow", ["alpha.txt", "beta.txt", "gamma.txt"]);
    const storeDir = join(root, "s-slow");
    await buildGraph({ inputs: [join(dir, "alpha.txt")], storeDir });
    const before = await exportOf(storeDir);
    const r = cli(["build", dir, "--store", storeDir, "--article-timeout", "10"], { NEWSGRAPH_TEST_SLOW_ARTICLE: "beta.txt" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, "beta.txt")}: stopped after its budget of 10 s (--article-timeout)`);
    const { manifest } = await loadStore(storeDir);
    expect(Object.keys(manifest.articles)).toEqual(["alpha", "gamma"]);
    expect(await exportOf(storeDir)).toContain(before.split("\n").find((l) => l.includes("/article/alpha>") && l.includes("fileName"))!);
  }, 900_000); // a CLI build starts its workers slowly on a loaded machine

  it("an article past its memory cap is reported and the others build", async () => {
    const dir = folder("hog", ["alpha.txt", "gamma.txt"]);
    const storeDir = join(root, "s-hog");
    vi.stubEnv("NEWSGRAPH_TEST_HOG_ARTICLE", "gamma.txt");
    const result = await buildGraph({ inputs: [dir], storeDir, articleMemory: 192, articleTimeout: 120 }).finally(() => vi.unstubAllEnvs());
    expect(result.failed.map((f) => f.message)).toEqual([`${join(dir, "gamma.txt")}: stopped: it needed more than the memory cap of 192 MB (--article-memory)`]);
    expect(result.articles).toBe(1);
  }, 300_000);

  it("a memory cap too small for any worker to start fails every article with the parameter named, instead of hanging", async () => {
    const dir = folder("tiny-cap", ["alpha.txt", "gamma.txt"]);
    const result = await buildGraph({ inputs: [dir], storeDir: join(root, "s-tiny-cap"), articleMemory: 8, articleTimeout: 120 });
    expect(result.articles).toBe(0);
    expect(result.failed).toHaveLength(2);
    for (const f of result.failed) expect(f.message).toContain("no build worker could start within the memory cap of 8 MB (--article-memory)");
  }, 300_000);
});

describe("a build killed at random moments", () => {
  it("leaves the old state or the new one, never a mix, however often it happens", async () => {
    const a = folder("state-a", ["alpha.txt", "beta.txt"]);
    const b = folder("state-b", ["beta.txt", "gamma.txt", "delta.txt"]);
    // Expected graphs: each state built from scratch.
    const expected = new Map<string, string>();
    for (const [name, dir] of [["a", a], ["b", b]] as const) {
      const s = join(root, `expected-${name}`);
      await buildGraph({ inputs: [dir], storeDir: s });
      expected.set(name, await exportOf(s));
    }
    // How long an unkilled build takes here (the kills fall anywhere in it).
    const storeDir = join(root, "s-killed");
    const t0 = performance.now();
    expect(cli(["build", a, "--store", storeDir]).status).toBe(0);
    const duration = performance.now() - t0;
    let state = "a";
    expect(await exportOf(storeDir)).toBe(expected.get("a"));

    const runs = Number(process.env.NEWSGRAPH_FAULT_RUNS ?? 8);
    const random = mulberry32(Number(process.env.NEWSGRAPH_FAULT_SEED ?? 11));
    const outcomes = { killed: 0, completed: 0, changed: 0 };
    for (let i = 0; i < runs; i++) {
      const target = state === "a" ? "b" : "a";
      const delay = random() * duration * 1.1;
      const { signal, code } = await buildKilledAfter([target === "a" ? a : b, "--store", storeDir], delay);
      const now = await exportOf(storeDir); // loads, whatever happened
      const which = [...expected].find(([, text]) => text === now)?.[0];
      expect(which, `run ${i}: the store is neither state after a kill at ${delay.toFixed(0)} ms`).toBeDefined();
      if (signal === "SIGKILL") outcomes.killed++;
      else {
        expect(code).toBe(0);
        expect(which).toBe(target);
        outcomes.completed++;
      }
      if (which !== state) outcomes.changed++;
      state = which!;
      // The store folder holds no more than the committed state needs (dead writers' files are cleaned by the next commit).
      expect(readdirSync(join(storeDir, "segments")).length).toBeLessThanOrEqual(3);
    }
    expect(outcomes.killed).toBeGreaterThan(0);
    // The next build after all that completes and gives exactly its state.
    const last = cli(["build", b, "--store", storeDir]);
    expect(last.status, last.stderr).toBe(0);
    expect(await exportOf(storeDir)).toBe(expected.get("b"));
  }, 1_800_000);
});

describe("a store that cannot be written", () => {
  it("a full disk: a clear error, a non-zero exit, and the store as it was", async () => {
    const storeDir = join(root, "s-full");
    await buildGraph({ inputs: [folder("full-a", ["alpha.txt"])], storeDir });
    const before = await exportOf(storeDir);
    const r = cli(["build", folder("full-b", ["beta.txt", "gamma.txt"]), "--store", storeDir], { NEWSGRAPH_TEST_ENOSPC_AFTER_BYTES: "100" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the disk is full; nothing was changed in the store/);
    expect(await exportOf(storeDir)).toBe(before);
    expect(readdirSync(join(storeDir, "segments")).length).toBe(1); // its half-written segment is gone
  }, 300_000);

  it("a read-only store folder: a clear error, a non-zero exit, and the store as it was", async (ctx) => {
    const storeDir = join(root, "s-readonly");
    await buildGraph({ inputs: [folder("ro-a", ["alpha.txt"])], storeDir });
    const before = await exportOf(storeDir);
    // chattr +i: not even root may create files in it (a plain chmod does not stop root).
    if (spawnSync("chattr", ["+i", storeDir]).status !== 0) return ctx.skip();
    try {
      const r = cli(["build", folder("ro-b", ["beta.txt"]), "--store", storeDir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/the store folder cannot be written \(E(PERM|ACCES|ROFS)\); nothing was changed in the store/);
      expect(await exportOf(storeDir)).toBe(before);
    } finally {
      spawnSync("chattr", ["-i", storeDir]);
    }
  }, 300_000);
});

/** Runs `newsgraph build ARGS` and kills it (SIGKILL) after `delay` ms unless it ended before. */
function buildKilledAfter(args: string[], delay: number): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "build", ...args], { stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), delay);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ signal, code });
    });
  });
}

