// A build of a large corpus whose files look changed since the last commit (a folder or a file
// newer than the manifest) starts one worker before it knows what changed, so the extractor loads
// while the build stats the files and reads the manifest (src/pipeline/build.ts prestart). The
// corpus size it takes is lowered here (NEWSGRAPH_PRESTART_MIN_FILES); the graph must be the one
// the articles read in the build's own thread give.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";

// Invented articles.
const ARTICLES: Record<string, string> = {
  "one.txt": "Ministers meet in Valdora\n\nVALDORA, March 3, 2025 (Test Wire). Foreign Minister Lena Kovar met her counterpart Tomas Ferre on Monday.\n\n\u201cWe agreed on a joint plan,\u201d Kovar said.\n",
  "two.txt": "Bloc adds names to its list\n\nBRUSSELS, March 4, 2025 (Test Wire). The European Union on Tuesday imposed sanctions on two officials over the crackdown.\n\nPaul Aster, head of the Centre for Trade Studies, said the step was expected.\n",
};
const ADDED = "Talks in Oslo\n\nOSLO, March 5, 2025 (Test Wire). Norwegian Prime Minister Ada Lund said the talks with Finland would go on.\n\n\u201cThere is time,\u201d Lund told reporters.\n";

let root: string;
const folder = (name: string) => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, f), text);
  return dir;
};
/** A pause longer than a file system clock's tick, so that what is written next is newer than the commit just made. */
const tick = () => new Promise((r) => setTimeout(r, 50));
const exportOf = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-prestart-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe("a worker started before the build knows what changed", () => {
  it("reads an added article and an edited one, giving the graph the build's own thread gives; none is started when nothing changed", async () => {
    const early = folder("early");
    const plain = folder("plain");
    const store = join(root, "s-early");
    const reference = join(root, "s-plain");
    vi.stubEnv("NEWSGRAPH_PRESTART_MIN_FILES", "1");
    expect((await buildGraph({ inputs: [early], storeDir: store })).readIn).toBe("workers"); // no store yet: a cold build
    // nothing changed since: no worker, nothing read
    const same = await buildGraph({ inputs: [early], storeDir: store });
    expect(same.readIn).toBeUndefined();
    expect(same.unchanged).toBe(2);

    // a file added: its folder changed after the commit
    await tick();
    writeFileSync(join(early, "three.txt"), ADDED);
    const added = await buildGraph({ inputs: [early], storeDir: store });
    expect(added.readIn).toBe("workers");
    expect([added.extracted + added.cached, added.unchanged]).toEqual([1, 2]);
    // a file edited in place (its folder did not change): its own time is newer than the commit
    await tick();
    appendFileSync(join(early, "one.txt"), "\nThe talks will resume next month, officials said.\n");
    const changed = await buildGraph({ inputs: [early], storeDir: store });
    expect(changed.readIn).toBe("workers");
    expect([changed.extracted + changed.cached, changed.unchanged]).toEqual([1, 2]);

    // the same steps with the default threshold: read in the build's own thread, the same graph
    vi.unstubAllEnvs();
    await buildGraph({ inputs: [plain], storeDir: reference });
    writeFileSync(join(plain, "three.txt"), ADDED);
    expect((await buildGraph({ inputs: [plain], storeDir: reference })).readIn).toBe("thread");
    appendFileSync(join(plain, "one.txt"), "\nThe talks will resume next month, officials said.\n");
    const last = await buildGraph({ inputs: [plain], storeDir: reference });
    expect(last.readIn).toBe("thread");
    expect(last.manifest.revision).toBe(changed.manifest.revision);
    const text = await exportOf(store);
    expect(text).toContain("Lund");
    expect(text).toBe(await exportOf(reference));
  }, 300_000);
});
