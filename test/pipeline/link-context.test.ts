// The linker reads more of an article than its entities and roles: the dateline, the words around
// a place ("Paris, Texas"), the publication date a bare surname is judged by. A build keeps that
// with each article's record, so an article that is not read again (unchanged file) still gives
// its cues when an entity it shares with a new article is linked again. Checked on invented
// articles: the links of an incremental build, of a build from scratch and of the in-memory chain
// (ingest → extract → resolve → link) are the same, and they are the links the cues call for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";
import { linkArticles } from "../link/articles.ts";

const ARTICLES: Record<string, string> = {
  // the dateline makes Washington the city; its date (2016) makes the bare surname the president then
  "lc_1.txt":
    "Sanctions widened on shipping firms\n\nWASHINGTON, May 3, 2016 (Reuters) - Obama said on Tuesday that the United States would widen sanctions on shipping firms. More measures would follow, officials said.\n",
  // "Paris, Texas": not the French capital
  "lc_2.txt": "Leaders hold talks\n\nThe two leaders met in Paris, Texas, on Monday. They agreed to meet again in the autumn.\n",
  // a bare Washington with nothing around it: alone it stays unlinked (test/link/places.test.ts)
  "lc_3.txt": "Talks resume\n\nThe two leaders held talks in Washington on Monday. They agreed to meet again in the autumn.\n",
};

const SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
const LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const WD = "http://www.wikidata.org/entity/";

/** "label → QID" for every linked entity of an N-Quads export, sorted. */
function linksOf(nquads: string): string[] {
  const label = new Map<string, string>();
  const qids: Array<[string, string]> = [];
  for (const q of new Parser({ format: "N-Quads" }).parse(nquads)) {
    if (q.predicate.value === LABEL) label.set(q.subject.value, q.object.value);
    if (q.predicate.value === SAME_AS && q.object.value.startsWith(WD)) qids.push([q.subject.value, q.object.value.slice(WD.length)]);
  }
  return qids.map(([s, qid]) => `${label.get(s)} → ${qid}`).sort();
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-linkctx-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const exportOf = async (storeDir: string) => exportStore((await loadStore(storeDir)).store, { format: "nquads" });
const write = (dir: string, names: string[]) => {
  mkdirSync(dir, { recursive: true });
  for (const n of names) writeFileSync(join(dir, n), ARTICLES[n]);
  return dir;
};

describe("what the linker reads of an article's text reaches it in every build", () => {
  it("links the same in an incremental build, a build from scratch and the in-memory chain, by the dateline, a qualifier and the date", async () => {
    const storeDir = join(root, "incremental");
    const work = join(root, "work");
    write(work, ["lc_1.txt", "lc_2.txt"]);
    await buildGraph({ inputs: [work], storeDir, jobs: 1 });

    // lc_3 shares Washington with lc_1, which is not read again: its dateline must still count.
    write(work, ["lc_3.txt"]);
    const grown = await buildGraph({ inputs: [work], storeDir, jobs: 1 });
    expect(grown.unchanged).toBe(2);
    const incremental = await exportOf(storeDir);

    const scratchStore = join(root, "scratch");
    await buildGraph({ inputs: [write(join(root, "all"), Object.keys(ARTICLES))], storeDir: scratchStore, jobs: 1 });
    expect(incremental).toBe(await exportOf(scratchStore));

    const links = linksOf(incremental);
    expect(links).toContain("Washington → Q61"); // the city, by lc_1's dateline
    expect(links).toContain("Obama → Q76"); // president on the article's date
    expect(links.some((l) => l.startsWith("Paris → "))).toBe(false); // Paris, Texas is not Q90

    const memory = await linkArticles(...Object.keys(ARTICLES).sort().map((n) => ARTICLES[n]));
    const inMemory = memory.entities.flatMap((e) => (memory.links.get(e.id)?.qid ? [`${e.label} → ${memory.links.get(e.id)!.qid}`] : [])).sort();
    expect(links).toEqual(inMemory);
  }, 600_000);

});
