// The whole build on small invented articles: bad files, determinism, incremental rebuilds, kills.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { legacyFile, loadStore, STORE_FORMAT_VERSION, storeFile } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";
import { articleGraphIri } from "../../src/graph/vocab.ts";

const ARTICLES: Record<string, string> = {
  "alpha.txt":
    "Ministers meet in Lisbon\n\nLISBON, May 6, 2024 (Test Wire). Portuguese Foreign Minister Rita Lobo met her Spanish counterpart Pedro Sanz on Monday.\n\n" +
    "\u201cWe agreed to work together on energy,\u201d Lobo said.\n",
  "beta.txt":
    "Union announces sanctions\n\nBRUSSELS, May 7, 2024 (Test Wire). The European Union on Tuesday imposed sanctions on three officials over election fraud.\n\n" +
    "Karl Weiss, director of the Institute for Policy Research, said the measures were overdue.\n",
  "gamma.txt":
    "Talks continue in Rome\n\nROME, May 8, 2024 (Test Wire). Italian Prime Minister Marco Bellini said talks with Greece would continue.\n\n" +
    "\u201cWe are not in a hurry,\u201d Bellini told reporters.\n",
};

let root: string;
let articles: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-build-"));
  articles = join(root, "articles");
  mkdirSync(articles);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(articles, name), text);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The N-Quads lines of one article's named graph. */
const graphLines = (nq: string, docId: string) => nq.split("\n").filter((l) => l.endsWith(`<${articleGraphIri(docId)}> .`));
const exportNQuads = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });

describe("buildGraph", () => {
  it("builds every article into its own graph and records them in the manifest", async () => {
    const storeDir = join(root, "s-basic");
    const result = await buildGraph({ inputs: [articles], storeDir });
    expect(result.failed).toEqual([]);
    expect(result.articles).toBe(3);
    expect(Object.keys(result.manifest.articles)).toEqual(["alpha", "beta", "gamma"]);
    expect(result.manifest.articles.beta).toMatchObject({ fileName: "beta.txt", path: join(articles, "beta.txt") });
    const nq = await exportNQuads(storeDir);
    for (const id of ["alpha", "beta", "gamma"]) expect(graphLines(nq, id).join("\n")).toContain(`"${id}.txt"`);
  }, 300_000);

  it("reports binary, empty and invalid UTF-8 files by name and still builds the rest", async () => {
    const dir = join(root, "mixed");
    cpSync(articles, dir, { recursive: true });
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00, 0xff]));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("Caf\xe9 talks in Lisbon ended.\n", "latin1"));
    const progress: number[] = [];
    const result = await buildGraph({ inputs: [dir], storeDir: join(root, "s-mixed"), onProgress: (p) => p.phase === "extract" && progress.push(p.done) });
    expect(result.articles).toBe(3);
    expect(result.failed.map((f) => f.file).sort()).toEqual(["binary.txt", "empty.txt", "latin1.txt"].map((f) => join(dir, f)));
    for (const f of result.failed) expect(f.message).toContain(f.file);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  }, 300_000);

  it("replaces a store written by an older or newer newsgraph (which the other commands refuse)", async () => {
    for (const version of [0, 99]) {
      const storeDir = join(root, `s-version-${version}`);
      mkdirSync(storeDir);
      writeFileSync(legacyFile(storeDir), `# newsgraph-store {"format":"newsgraph-store","version":${version},"revision":"x","articles":{},"extractorVersion":1}\n`);
      await expect(loadStore(storeDir)).rejects.toThrow(/store format/);
      const result = await buildGraph({ inputs: [join(articles, "alpha.txt")], storeDir });
      expect(result.articles).toBe(1);
      expect((await loadStore(storeDir)).manifest.version).toBe(STORE_FORMAT_VERSION);
    }
  }, 300_000);

  it("is deterministic: two builds of the same input export byte-identical N-Quads", async () => {
    await buildGraph({ inputs: [articles], storeDir: join(root, "s-det1") });
    await buildGraph({ inputs: [articles], storeDir: join(root, "s-det2") });
    const [a, b] = [await exportNQuads(join(root, "s-det1")), await exportNQuads(join(root, "s-det2"))];
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
  }, 300_000);

  it("rebuilds incrementally: cached extractions, and a change, an addition or a removal touches only that article", async () => {
    const dir = join(root, "incremental");
    cpSync(articles, dir, { recursive: true });
    const storeDir = join(root, "s-inc");
    await buildGraph({ inputs: [dir], storeDir });
    const before = await exportNQuads(storeDir);

    const again = await buildGraph({ inputs: [dir], storeDir });
    expect([again.extracted, again.cached, again.unchanged, again.written.articles]).toEqual([0, 0, 3, 0]);
    expect(await exportNQuads(storeDir)).toBe(before);

    writeFileSync(join(dir, "beta.txt"), ARTICLES["beta.txt"].replace("three officials", "five generals"));
    const changed = await buildGraph({ inputs: [dir], storeDir });
    expect([changed.extracted, changed.cached, changed.unchanged]).toEqual([1, 0, 2]);
    const afterChange = await exportNQuads(storeDir);
    expect(graphLines(afterChange, "alpha")).toEqual(graphLines(before, "alpha"));
    expect(graphLines(afterChange, "gamma")).toEqual(graphLines(before, "gamma"));
    expect(graphLines(afterChange, "beta").join("\n")).toContain("five generals");
    expect(graphLines(afterChange, "beta").join("\n")).not.toContain("three officials");

    writeFileSync(join(dir, "delta.txt"), "Envoy visits Oslo\n\nNorwegian diplomat Ingrid Dahl visited Oslo on Friday.\n");
    const added = await buildGraph({ inputs: [dir], storeDir });
    expect([added.articles, added.extracted, added.unchanged]).toEqual([4, 1, 3]);
    const afterAdd = await exportNQuads(storeDir);
    expect(graphLines(afterAdd, "delta").length).toBeGreaterThan(0);
    expect(graphLines(afterAdd, "alpha")).toEqual(graphLines(before, "alpha"));

    unlinkSync(join(dir, "gamma.txt"));
    const removed = await buildGraph({ inputs: [dir], storeDir });
    expect(removed.removed).toEqual(["gamma"]);
    const afterRemove = await exportNQuads(storeDir);
    expect(graphLines(afterRemove, "gamma")).toEqual([]);
    expect(afterRemove).not.toContain("/article/gamma>");
    expect(graphLines(afterRemove, "alpha")).toEqual(graphLines(before, "alpha"));
  }, 300_000);

  it("a build SIGKILLed mid-run, or just before it renames the new store in, leaves the previous store readable", async () => {
    const storeDir = join(root, "s-kill");
    await buildGraph({ inputs: [join(articles, "alpha.txt")], storeDir });
    const previous = readFileSync(storeFile(storeDir), "utf8");
    const cli = new URL("../../bin/newsgraph.js", import.meta.url).pathname;
    const runBuild = (env: Record<string, string>, killWhen?: (out: string) => boolean) =>
      new Promise<NodeJS.Signals | null>((resolve) => {
        const child = spawn(process.execPath, [cli, "build", articles, "--store", storeDir], { env: { ...process.env, ...env } });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        const timer = killWhen && setInterval(() => {
          if (child.exitCode === null && child.signalCode === null && killWhen(out)) child.kill("SIGKILL");
        }, 5);
        child.on("exit", (_code, signal) => {
          if (timer) clearInterval(timer);
          resolve(signal);
        });
      });

    // 1. The hook: the process kills itself (SIGKILL) with the new store written but not renamed in.
    expect(await runBuild({ NEWSGRAPH_TEST_KILL_BEFORE_RENAME: "1" })).toBe("SIGKILL");
    expect(readFileSync(storeFile(storeDir), "utf8")).toBe(previous);
    expect(Object.keys((await loadStore(storeDir)).manifest.articles)).toEqual(["alpha"]);

    // 2. From outside, at a moment that is mid-run: once the extraction cache shows progress.
    const cacheDir = join(storeDir, "cache", "extract");
    // (the cache appends each extraction to a pack file: progress shows as bytes in one)
    const cachedCount = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith(".pack") && statSync(join(cacheDir, f)).size > 0).length : 0);
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    expect(await runBuild({}, () => cachedCount() >= 1)).toBe("SIGKILL");
    expect(readFileSync(storeFile(storeDir), "utf8")).toBe(previous);
    const { store } = await loadStore(storeDir);
    expect(store.size).toBeGreaterThan(0);

    // And the next build completes normally.
    const done = await buildGraph({ inputs: [articles], storeDir });
    expect(done.articles).toBe(3);
  }, 600_000);
});
