// While an incremental build waits for its extractions, its own thread reads the builder's records
// of the entities buckets (src/pipeline/incremental.ts RecordsAhead): the resolution after the wait
// then finds them read. The store is the same and so is the graph: only when they are read moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore, openStore, type GraphStore, type PieceRef } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";

// Invented articles.
const ARTICLES: Record<string, string> = {
  "one.txt": "Ministers meet in Valdora\n\nVALDORA, March 3, 2025 (Test Wire). Foreign Minister Lena Kovar of Norland met her counterpart Tomas Ferre on Monday.\n\n\u201cWe agreed on a joint plan,\u201d Kovar said.\n",
  "two.txt": "Report from Valdora\n\nVALDORA, March 4, 2025 (Test Wire). The Centre for Trade Studies published a report. Its director, Paul Aster, said Norland would act.\n",
};
const ADDED = "Talks in Valdora\n\nVALDORA, March 5, 2025 (Test Wire). Lena Kovar met Paul Aster of the Centre for Trade Studies.\n\n\u201cThere is time,\u201d Kovar told reporters.\n";

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-ahead-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
const exportOf = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });

/** The store, with every readRecords call noted: whether it came after the build took the lock, and which pieces. */
function watched(storeDir: string) {
  const store = openStore(storeDir);
  const reads: { afterLock: boolean; refs: PieceRef[] }[] = [];
  let locked = false;
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === "readRecords") return (refs: PieceRef[]) => (reads.push({ afterLock: locked, refs }), target.readRecords(refs));
      if (prop === "begin") return () => ((locked = true), target.begin());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as GraphStore;
  return { store: proxy, reads };
}

describe("records read ahead", () => {
  it("an article added: the entities buckets' records are read before the lock, none again after it, and the graph is a full build's", async () => {
    const dir = join(root, "in");
    mkdirSync(dir);
    for (const [f, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, f), text);
    const storeDir = join(root, "store");
    await buildGraph({ inputs: [dir], storeDir });
    const manifest = await openStore(storeDir).readManifest();
    const bucketRecords = new Set(Object.entries(manifest!.entities ?? {}).filter(([name, b]) => !name.startsWith("k") && b.graph && b.state).map(([, b]) => b.state!.off));
    expect(bucketRecords.size).toBeGreaterThan(0);

    writeFileSync(join(dir, "three.txt"), ADDED);
    const { store, reads } = watched(storeDir);
    const added = await buildGraph({ inputs: [dir], storeDir, store });
    expect(added.resolution?.mode).toBe("incremental");
    const isBucketRecord = (r: PieceRef) => bucketRecords.has(r.off);
    expect(reads.filter((r) => !r.afterLock).flatMap((r) => r.refs).filter(isBucketRecord).length).toBe(bucketRecords.size);
    expect(reads.filter((r) => r.afterLock).flatMap((r) => r.refs).filter(isBucketRecord)).toEqual([]);

    const scratch = join(root, "scratch");
    await buildGraph({ inputs: [dir], storeDir: scratch });
    expect(await exportOf(storeDir)).toBe(await exportOf(scratch));
  });
});
