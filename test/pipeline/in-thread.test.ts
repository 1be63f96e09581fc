// A build with only a few articles to read reads them in its own thread (src/pipeline/in-thread.ts)
// instead of starting workers: the same graph, the time budget still kept; given a memory cap
// (--article-memory), it uses workers, which alone can keep one. Budgets are wall clock: generous
// here, so that a loaded machine does not stop the articles that are not meant to stop.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";

// Invented articles.
const ARTICLES: Record<string, string> = {
  "one.txt": "Ministers meet in Valdora\n\nVALDORA, March 3, 2025 (Test Wire). Foreign Minister Lena Kovar met her counterpart Tomas Ferre on Monday.\n\n\u201cWe agreed on a joint plan,\u201d Kovar said.\n",
  "two.txt": "Bloc adds names to its list\n\nBRUSSELS, March 4, 2025 (Test Wire). The European Union on Tuesday imposed sanctions on two officials over the crackdown.\n\nPaul Aster, head of the Centre for Trade Studies, said the step was expected.\n",
  "three.txt": "Talks in Oslo\n\nOSLO, March 5, 2025 (Test Wire). Norwegian Prime Minister Ada Lund said the talks with Finland would go on.\n\n\u201cThere is time,\u201d Lund told reporters.\n",
};

let root: string;
const folder = (name: string) => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, f), text);
  return dir;
};
const exportOf = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-in-thread-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe("a few articles read in the build's own thread", () => {
  it("give the same graph, byte for byte, as the same articles read by workers", async () => {
    const dir = folder("same");
    const inThread = await buildGraph({ inputs: [dir], storeDir: join(root, "s-thread") });
    const workers = await buildGraph({ inputs: [dir], storeDir: join(root, "s-workers"), articleMemory: 1024 });
    expect(inThread.readIn).toBe("thread");
    expect(workers.readIn).toBe("workers");
    expect(inThread.failed).toEqual([]);
    expect(inThread.articles).toBe(3);
    expect(inThread.manifest.revision).toBe(workers.manifest.revision);
    const text = await exportOf(join(root, "s-thread"));
    expect(text).toContain("Kovar");
    expect(text).toBe(await exportOf(join(root, "s-workers")));
  }, 300_000);

  it("an article past its time budget is stopped, reported with the parameter named, and the others build", async () => {
    const dir = folder("slow");
    vi.stubEnv("NEWSGRAPH_TEST_SLOW_ARTICLE", "two.txt");
    const result = await buildGraph({ inputs: [dir], storeDir: join(root, "s-slow"), articleTimeout: 10 });
    expect(result.readIn).toBe("thread");
    expect(result.failed.map((f) => f.message)).toEqual([`${join(dir, "two.txt")}: stopped after its budget of 10 s (--article-timeout)`]);
    expect(result.articles).toBe(2);
    const { manifest } = await loadStore(join(root, "s-slow"));
    expect(Object.keys(manifest.articles).sort()).toEqual(["one", "three"]);
  }, 300_000);

  it("with a memory cap given, the articles go to workers (the time budget is theirs too)", async () => {
    const dir = folder("capped");
    vi.stubEnv("NEWSGRAPH_TEST_SLOW_ARTICLE", "three.txt");
    const result = await buildGraph({ inputs: [dir], storeDir: join(root, "s-capped"), articleTimeout: 20, articleMemory: 1024 });
    expect(result.readIn).toBe("workers");
    expect(result.failed.map((f) => f.message)).toEqual([`${join(dir, "three.txt")}: stopped after its budget of 20 s (--article-timeout)`]);
    expect(result.articles).toBe(2);
  }, 300_000);
});
