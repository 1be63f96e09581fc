// Incremental resolution (src/pipeline/incremental.ts) against the full one: a store changed step by
// step (articles added, changed, removed, in seeded random orders) holds after every step the same
// N-Quads, byte for byte, AND the same builder records (article maps, entity members, the key and
// slug index) as a build from scratch of the same files. The invented articles make the cases that
// tie articles together: bare surnames that share a slug, a full name that later appears, an
// organisation named like a place, entities that merge when an article changes and split when it goes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore, readManifest } from "../../src/store/index.ts";
import { readPieceTexts } from "../../src/store/local.ts";
import { exportStore } from "../../src/store/export.ts";
import { mulberry32 } from "./seeded-random.ts";

// Invented: no name, place or sentence comes from any article of the corpus or samples.
const ARTICLES: Record<string, string> = {
  "io_1.txt": "Port talks stall\n\nHALDEN BAY, April 2, 2023 (Test Wire). Brandt said on Monday that the port talks had stalled.\n\n\u201cWe need more time,\u201d Brandt said.\n",
  "io_2.txt": "Ferry strike ends\n\nThe ferry strike ended on Tuesday, Brandt told reporters in Halden Bay.\n",
  "io_3.txt": "New envoy named\n\nThe Vessary Council named Jonas Brandt as its envoy on Wednesday. Jonas Brandt said he would travel to Halden Bay.\n",
  "io_4.txt": "Council report\n\nThe Vessary Council published a report on fisheries. Council chair Mira Oskarsen said the findings were clear.\n",
  "io_5.txt": "Storm in Vessary\n\nVESSARY, April 9, 2023 (Test Wire). A storm cut power in Vessary on Friday, officials said. Mira Oskarsen visited the town.\n",
  "io_6.txt": "Oskarsen in talks\n\nOskarsen met port officials in Halden Bay on Saturday. \u201cThe port must reopen,\u201d she said.\n",
};
/** A change to an article that ties it to another article's entity. */
const CHANGED: Record<string, string> = {
  "io_2.txt": "Ferry strike ends\n\nThe ferry strike ended on Tuesday, Jonas Brandt told reporters in Halden Bay.\n",
  "io_4.txt": "Council report\n\nThe Vessary Council published a report on fisheries. Council chair Anna Lindqvist said the findings were clear.\n",
};

let root: string;
let all: string;
let names: string[];
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-incr-orders-"));
  all = join(root, "all");
  const corpus = new URL("../../bench/corpus.mjs", import.meta.url).pathname;
  execFileSync(process.execPath, [corpus, "--out", all, "--count", "8", "--seed", "11"]);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(all, name), text);
  names = readdirSync(all).sort();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Sets a folder to exactly these files (name → text), touching only what differs. */
function setFolder(dir: string, files: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (!files.has(f)) unlinkSync(join(dir, f));
  for (const [f, text] of files) if (!existsSync(join(dir, f)) || readFileSync(join(dir, f), "utf8") !== text) writeFileSync(join(dir, f), text);
}

/** The builder's records: every article's state and every bucket's state, parsed, and the buckets' texts (byte for byte). */
async function recordsOf(storeDir: string): Promise<{ articles: Record<string, unknown>; buckets: Record<string, unknown>; bucketTexts: Record<string, string> }> {
  const m = (await readManifest(storeDir))!;
  const articleIds = Object.keys(m.articles).sort();
  const articleTexts = await readPieceTexts(storeDir, articleIds.map((id) => m.articles[id].state!));
  const bucketIds = Object.keys(m.entities ?? {}).sort();
  const bucketTexts = await readPieceTexts(storeDir, bucketIds.map((b) => m.entities![b].state!));
  return {
    articles: Object.fromEntries(articleIds.map((id, i) => [id, JSON.parse(articleTexts[i])])),
    buckets: Object.fromEntries(bucketIds.map((b, i) => [b, JSON.parse(bucketTexts[i])])),
    bucketTexts: Object.fromEntries(bucketIds.map((b, i) => [b, bucketTexts[i]])),
  };
}
const exportOf = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });

describe("incremental resolution", () => {
  it("after every step of seeded random additions, changes and removals, the store equals a build from scratch: N-Quads and records", async () => {
    const random = mulberry32(20261206);
    const storeDir = join(root, "store");
    const work = join(root, "work");
    const text = (f: string) => readFileSync(join(all, f), "utf8");
    const current = new Map<string, string>();
    const shuffled = [...names].sort(() => random() - 0.5);
    // Start from a third of the articles (a full build), then step.
    for (const f of shuffled.slice(0, Math.ceil(names.length / 3))) current.set(f, text(f));
    setFolder(work, current);
    expect((await buildGraph({ inputs: [work], storeDir, jobs: 1 })).resolution?.mode).toBe("full");

    const steps = 5;
    let incrementalSteps = 0;
    for (let step = 0; step < steps; step++) {
      // Add one to three articles, remove one, change one (its tying version, or back).
      const absent = names.filter((f) => !current.has(f));
      for (let k = 1 + Math.floor(random() * 3); k > 0 && absent.length; k--) {
        const f = absent.splice(Math.floor(random() * absent.length), 1)[0];
        current.set(f, text(f));
      }
      const present = [...current.keys()];
      if (step % 2 === 1 && present.length > 3) current.delete(present[Math.floor(random() * present.length)]);
      const changeable = Object.keys(CHANGED).filter((f) => current.has(f));
      if (changeable.length) {
        const f = changeable[Math.floor(random() * changeable.length)];
        current.set(f, current.get(f) === CHANGED[f] ? text(f) : CHANGED[f]);
      }
      setFolder(work, current);
      const r = await buildGraph({ inputs: [work], storeDir, jobs: 1 });
      expect(r.failed).toEqual([]);
      if (r.resolution?.mode === "incremental") incrementalSteps++;

      const scratchDir = join(root, `scratch-${step}`);
      const scratchInput = join(root, `scratch-input-${step}`);
      setFolder(scratchInput, current);
      const full = await buildGraph({ inputs: [scratchInput], storeDir: scratchDir, jobs: 1 });
      expect(full.resolution?.mode).toBe("full");
      expect(await exportOf(storeDir), `step ${step}: N-Quads`).toBe(await exportOf(scratchDir));
      expect(await recordsOf(storeDir), `step ${step}: builder records`).toEqual(await recordsOf(scratchDir));
      rmSync(scratchDir, { recursive: true, force: true });
    }
    expect(incrementalSteps).toBe(steps);
  }, 1_200_000);

  it("adding one article resolves again only the entities it touches, reading no other article's record when no link needs it", async () => {
    const storeDir = join(root, "reach-store");
    const dir = join(root, "reach");
    mkdirSync(dir, { recursive: true });
    for (const f of ["io_1.txt", "io_3.txt", "io_4.txt", "io_5.txt"]) copyFileSync(join(all, f), join(dir, f));
    const first = await buildGraph({ inputs: [dir], storeDir });
    copyFileSync(join(all, "io_6.txt"), join(dir, "io_6.txt"));
    const r = await buildGraph({ inputs: [dir], storeDir });
    expect(r.resolution?.mode).toBe("incremental");
    // Oskarsen (a bare surname: no key, a group of its own) and Halden Bay (io_1's place) are
    // what it touches: not the other entities of the store.
    expect(r.resolution!.entities).toBeLessThan(first.resolution!.entities);
    expect(r.resolution!.articleRecords).toBe(0);
    expect(r.written.articles).toBe(1);
  }, 600_000);
});
