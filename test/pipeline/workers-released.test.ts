// A build stops its article workers once the last article graph is made, before it commits: a
// worker's end takes a while (its heap let go), and the process waits for it before it exits, so
// it overlaps the commit instead of following it (src/pipeline/build.ts release).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { ArticlePool } from "../../src/pipeline/pool.ts";

// Invented articles.
const ARTICLES: Record<string, string> = {
  "one.txt": "Ministers meet in Valdora\n\nVALDORA, March 3, 2025 (Test Wire). Foreign Minister Lena Kovar met her counterpart Tomas Ferre on Monday.\n",
  "two.txt": "Bloc adds names to its list\n\nBRUSSELS, March 4, 2025 (Test Wire). The Coastal Union on Tuesday imposed sanctions on two officials of Norvania.\n",
};
const ADDED = "Talks in Ostbay\n\nOSTBAY, March 5, 2025 (Test Wire). Prime Minister Ada Lund said the talks with Norvania would go on.\n";

let root: string;
beforeAll(() => (root = mkdtempSync(join(tmpdir(), "ng-release-"))));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe("a build's article workers", () => {
  it("are stopped before the commit, in a build from scratch and in an incremental one", async () => {
    const dir = join(root, "articles");
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, f), text);
    const storeDir = join(root, "store");
    const close = vi.spyOn(ArticlePool.prototype, "close");
    /** Whether the workers were told to stop when the build reached its commit ("save"). */
    const build = async () => {
      close.mockClear();
      let closedAtSave: boolean | undefined;
      // (a memory cap: the articles are read in workers, not in the build's own thread)
      const result = await buildGraph({
        inputs: [dir],
        storeDir,
        articleMemory: 1024,
        onProgress: (p) => {
          if (p.phase === "save") closedAtSave ??= close.mock.calls.length > 0;
        },
      });
      return { result, closedAtSave };
    };
    const cold = await build();
    expect(cold.result.resolution?.mode).toBe("full");
    expect(cold.closedAtSave).toBe(true);
    writeFileSync(join(dir, "three.txt"), ADDED);
    const added = await build();
    expect(added.result.resolution?.mode).toBe("incremental");
    expect(added.result.readIn).toBe("workers");
    expect(added.closedAtSave).toBe(true);
  });
});
