// Incremental builds equal builds from scratch, byte for byte: articles added in several steps and
// orders, changed, removed and added back give the N-Quads a single build of the same inputs gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";

// Invented articles whose entities interact across articles: a surname that later gets a full
// name, an organisation whose name is later also used as a place, a person quoted in two.
const HAND_WRITTEN: Record<string, string> = {
  "zz_1.txt": "Varnholt warns of new tariffs\n\nOSTBAY, March 3, 2024 (Test Wire). Trade Minister Ilse Varnholt of Nordland said on Monday that tariffs would rise.\n\n\u201cWe will not wait,\u201d Varnholt said.\n",
  "zz_2.txt": "Tavora Institute report\n\nThe Tavora Institute published a report on Tuesday. Its director, Jonas Brandt, said the findings were clear.\n",
  "zz_3.txt": "Floods in Tavora\n\nTAVORA, March 5, 2024 (Test Wire). Heavy rain flooded streets in Tavora on Wednesday, officials said.\n\nIlse Varnholt visited Tavora on Thursday.\n",
  "zz_4.txt": "Nordland minister in talks\n\nNordland Trade Minister Ilse Varnholt met Kenyan officials in Nairobi. \u201cTrade is the way forward,\u201d she said.\n",
};

let root: string;
let all: string; // every article
let names: string[];
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-incr-"));
  all = join(root, "all");
  const corpus = new URL("../../bench/corpus.mjs", import.meta.url).pathname;
  execFileSync(process.execPath, [corpus, "--out", all, "--count", "14", "--seed", "7"]);
  for (const [name, text] of Object.entries(HAND_WRITTEN)) writeFileSync(join(all, name), text);
  names = readdirSync(all).sort();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const exportOf = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });
/** A folder holding exactly these articles: missing ones copied in, others removed, the rest left untouched. */
function folder(name: string, files: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (!files.includes(f)) unlinkSync(join(dir, f));
  for (const f of files) if (!existsSync(join(dir, f))) copyFileSync(join(all, f), join(dir, f));
  return dir;
}
const scratch = async (files: string[]) => {
  const storeDir = mkdtempSync(join(root, "scratch-"));
  const r = await buildGraph({ inputs: [folder(`input-${storeDir.slice(-6)}`, files)], storeDir });
  expect(r.failed).toEqual([]);
  return exportOf(storeDir);
};

describe("incremental builds", () => {
  it("adding, changing, removing and re-adding articles, in any order, gives what a build from scratch gives", async () => {
    const storeDir = join(root, "incremental-store");
    const dir = join(root, "work");
    const first = names.filter((_, i) => i % 3 === 0);
    const second = names.filter((_, i) => i % 3 !== 2);

    // 1. A third of the articles, then two thirds: each equals a build from scratch of the same.
    folder("work", first);
    await buildGraph({ inputs: [dir], storeDir });
    expect(await exportOf(storeDir)).toBe(await scratch(first));
    folder("work", second);
    const grown = await buildGraph({ inputs: [dir], storeDir });
    expect(grown.unchanged).toBe(first.length);
    expect(await exportOf(storeDir)).toBe(await scratch(second));

    // 2. Everything, given file by file in reverse order.
    folder("work", names);
    await buildGraph({ inputs: [...names].reverse().map((n) => join(dir, n)), storeDir });
    const full = await exportOf(storeDir);
    expect(full).toBe(await scratch(names));

    // 3. One article changed (a name that merges with another article's entity), one removed.
    writeFileSync(join(dir, "zz_2.txt"), HAND_WRITTEN["zz_2.txt"].replace("Jonas Brandt", "Ilse Varnholt"));
    unlinkSync(join(dir, "zz_1.txt"));
    const changed = await buildGraph({ inputs: [dir], storeDir });
    expect(changed.removed).toEqual(["zz_1"]);
    expect(changed.extracted).toBe(1);
    const expected = (() => {
      const d = folder("expected", names.filter((n) => n !== "zz_1.txt"));
      writeFileSync(join(d, "zz_2.txt"), HAND_WRITTEN["zz_2.txt"].replace("Jonas Brandt", "Ilse Varnholt"));
      return d;
    })();
    const expectedStore = mkdtempSync(join(root, "scratch-"));
    await buildGraph({ inputs: [expected], storeDir: expectedStore });
    expect(await exportOf(storeDir)).toBe(await exportOf(expectedStore));

    // 4. Back as it was: the first full build's bytes again.
    writeFileSync(join(dir, "zz_2.txt"), HAND_WRITTEN["zz_2.txt"]);
    copyFileSync(join(all, "zz_1.txt"), join(dir, "zz_1.txt"));
    await buildGraph({ inputs: [dir], storeDir });
    expect(await exportOf(storeDir)).toBe(full);

    // 5. Nothing changed: nothing read, nothing written.
    const idle = await buildGraph({ inputs: [dir], storeDir });
    expect([idle.extracted, idle.cached, idle.written.articles, idle.written.entityBuckets]).toEqual([0, 0, 0, 0]);
    expect(idle.unchanged).toBe(names.length);
  }, 900_000);
});
