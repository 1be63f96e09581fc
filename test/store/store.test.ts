import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { canonicalNQuads, canonicalizeNQuads, graphQuads } from "../../src/graph/index.ts";
import { emptyManifest, legacyFile, loadStore, openStore, readManifest, saveStore, StoreError, storeFile, STORE_FORMAT_VERSION } from "../../src/store/index.ts";
import { sampleGraphInput } from "../graph/fixture.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ng-store-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sampleNQuads = () => {
  const { extractions, resolution, links } = sampleGraphInput();
  return canonicalNQuads(graphQuads(extractions, resolution, links));
};

describe("store", () => {
  it("loads as empty when the directory holds no store", async () => {
    const { store, manifest } = await loadStore(join(dir, "nothing-here"));
    expect(store.size).toBe(0);
    expect(manifest.articles).toEqual({});
    expect(await readManifest(join(dir, "nothing-here"))).toBeUndefined();
  });

  it("round-trips graph and manifest; equal graphs give equal revisions, a write keeps the pieces that did not change", async () => {
    const d = join(dir, "roundtrip");
    const store = new oxigraph.Store();
    store.load(sampleNQuads(), { format: "application/n-quads" });
    const manifest = { ...emptyManifest(), articles: { art_a: { fileName: "art_a.txt", path: "/x/art_a.txt", sha256: "ab" } } };
    const saved = await saveStore(d, store, manifest);
    expect(JSON.parse(readFileSync(storeFile(d), "utf8"))).toEqual(saved);
    expect(saved.articles.art_a.graph).toBeDefined(); // its graph is a piece of its own
    const loaded = await loadStore(d);
    expect(loaded.store.size).toBe(store.size);
    expect(loaded.manifest).toEqual(saved);
    expect(await readManifest(d)).toEqual(saved);
    expect(canonicalize(loaded.store)).toBe(sampleNQuads());
    // Same graph → same revision and the same pieces; a changed graph → another revision, the other pieces kept.
    const again = await saveStore(d, loaded.store, loaded.manifest);
    expect(again.revision).toBe(saved.revision);
    loaded.store.add(oxigraph.quad(oxigraph.namedNode("https://x/s"), oxigraph.namedNode("https://x/p"), oxigraph.literal("o")));
    const changed = await saveStore(d, loaded.store, again);
    expect(changed.revision).not.toBe(saved.revision);
    expect(changed.articles.art_a.graph).toEqual(saved.articles.art_a.graph);
    expect(changed.graphs?.[""]).toBeDefined();
  });

  it("loads a small store without growing the engine's memory by the bulk loader's buffer (the endpoint keeps small copies warm)", async () => {
    const d = join(dir, "small");
    const store = new oxigraph.Store();
    store.load(sampleNQuads(), { format: "application/n-quads" });
    await saveStore(d, store, emptyManifest());
    const before = process.memoryUsage().external;
    const loaded = await loadStore(d);
    expect(loaded.store.size).toBe(store.size);
    expect(process.memoryUsage().external - before).toBeLessThan(48 << 20);
  });

  it("refuses to save over a store that changed on disk since it was loaded (a build committed meanwhile)", async () => {
    const d = join(dir, "conflict");
    const store = new oxigraph.Store();
    store.load(sampleNQuads(), { format: "application/n-quads" });
    const first = await saveStore(d, store, emptyManifest());
    const stale = { ...first };
    store.add(oxigraph.quad(oxigraph.namedNode("https://x/s"), oxigraph.namedNode("https://x/p"), oxigraph.literal("o")));
    await saveStore(d, store, first);
    store.add(oxigraph.quad(oxigraph.namedNode("https://x/s"), oxigraph.namedNode("https://x/p"), oxigraph.literal("o2")));
    await expect(saveStore(d, store, stale)).rejects.toThrow(/changed on disk since it was loaded/);
  });

  it("says clearly why it cannot read a store of another format, a foreign file or a damaged one", async () => {
    const write = (name: string, file: (d: string) => string, text: string) => {
      const d = join(dir, name);
      execFileSync("mkdir", ["-p", d]);
      writeFileSync(file(d), text);
      return d;
    };
    const newer = write("newer", storeFile, JSON.stringify({ ...emptyManifest(), version: STORE_FORMAT_VERSION + 1 }));
    await expect(loadStore(newer)).rejects.toThrow(/newer.*store format 3.*upgrade newsgraph or rebuild/);
    const older = write("older", legacyFile, `# newsgraph-store ${JSON.stringify({ ...emptyManifest(), version: 0 })}\n`);
    await expect(loadStore(older)).rejects.toThrow(/older newsgraph .*rebuild it with 'newsgraph build'/);
    const foreign = write("foreign", legacyFile, "<https://x/s> <https://x/p> <https://x/o> .\n");
    await expect(loadStore(foreign)).rejects.toThrow(StoreError);
    await expect(loadStore(foreign)).rejects.toThrow(/store\.nq: not a newsgraph store/);
    const notJson = write("not-json", storeFile, "{ nope");
    await expect(loadStore(notJson)).rejects.toThrow(/manifest\.json: .*not valid JSON/);
    // A manifest naming a segment that is not there.
    const d = join(dir, "missing-segment");
    const store = new oxigraph.Store();
    store.load(sampleNQuads(), { format: "application/n-quads" });
    await saveStore(d, store, emptyManifest());
    for (const f of readdirSync(join(d, "segments"))) rmSync(join(d, "segments", f));
    await expect(loadStore(d)).rejects.toThrow(/segment the manifest names cannot be read/);
    // A segment whose bytes changed (the same length): the piece's hash no longer matches.
    const flipped = join(dir, "flipped-byte");
    await saveStore(flipped, store, emptyManifest());
    const [seg] = readdirSync(join(flipped, "segments"));
    const bytes = readFileSync(join(flipped, "segments", seg));
    const at = bytes.indexOf("<https://");
    bytes[at + 1] = "H".charCodeAt(0);
    writeFileSync(join(flipped, "segments", seg), bytes);
    await expect(loadStore(flipped)).rejects.toThrow(/does not match its hash; the store is damaged, rebuild it/);
  });

  it("loads a store of many pieces, larger than one load batch, into exactly the saved graph", async () => {
    const d = join(dir, "many-pieces");
    const store = new oxigraph.Store();
    // 3,000 graphs of ~1 KB each: several 2 MB batches and read windows.
    const filler = "x".repeat(900);
    for (let i = 0; i < 3000; i++) {
      const g = oxigraph.namedNode(`https://w3id.org/newsgraph/resource/graph/article/p${i}`);
      store.add(oxigraph.quad(oxigraph.namedNode(`https://x/s${i}`), oxigraph.namedNode("https://x/text"), oxigraph.literal(`${i} ${filler}`), g));
      store.add(oxigraph.quad(oxigraph.namedNode(`https://x/s${i}`), oxigraph.namedNode("https://x/next"), oxigraph.namedNode(`https://x/s${i + 1}`), g));
    }
    await saveStore(d, store, { ...emptyManifest(), articles: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`p${i}`, { fileName: `p${i}.txt`, path: `p${i}.txt`, sha256: "", stamp: "", quads: 2 }])) });
    const loaded = await loadStore(d);
    expect(loaded.store.size).toBe(6000);
    expect(canonicalize(loaded.store)).toBe(canonicalize(store));
  });

  it("still reads a store of format 1 (one store.nq file)", async () => {
    const d = join(dir, "v1");
    execFileSync("mkdir", ["-p", d]);
    writeFileSync(legacyFile(d), `# newsgraph-store ${JSON.stringify({ ...emptyManifest(), version: 1, revision: "r1" })}\n${sampleNQuads()}`);
    const { store, manifest } = await loadStore(d);
    expect(manifest.revision).toBe("r1");
    expect(canonicalize(store)).toBe(sampleNQuads());
  });

  it("a change SIGKILLed just before its commit leaves the previous store readable; the next one cleans up", async () => {
    const d = join(dir, "killed");
    const store = new oxigraph.Store();
    store.load(sampleNQuads(), { format: "application/n-quads" });
    const old = await saveStore(d, store, { ...emptyManifest(), articles: { art_a: { fileName: "art_a.txt", path: "/art_a.txt", sha256: "0" } } });
    const script = `
      import oxigraph from "oxigraph";
      import { saveStore, readManifest } from ${JSON.stringify(new URL("../../src/store/index.ts", import.meta.url).pathname)};
      const s = new oxigraph.Store();
      s.load("<https://x/s> <https://x/p> <https://x/o> .\\n", { format: "application/n-quads" });
      await saveStore(${JSON.stringify(d)}, s, await readManifest(${JSON.stringify(d)}));
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, NEWSGRAPH_TEST_KILL_BEFORE_RENAME: "1" },
      encoding: "utf8",
    });
    expect(child.signal).toBe("SIGKILL");
    expect(readdirSync(d).some((f) => f.endsWith(".tmp"))).toBe(true); // it died with its new manifest written
    expect(readdirSync(join(d, "segments")).length).toBe(2); // and its new segment
    const { store: after, manifest } = await loadStore(d);
    expect(manifest).toEqual(old);
    expect(canonicalize(after)).toBe(sampleNQuads());
    // The dead writer's lock does not block the next change, which removes its leftovers.
    await saveStore(d, after, manifest);
    expect(readdirSync(d).filter((f) => f.endsWith(".tmp") || f === "lock")).toEqual([]);
    expect(readdirSync(join(d, "segments")).length).toBe(1);
  });

  it("one writer at a time: a second change waits for no one and says who holds the store", async () => {
    const d = join(dir, "locked");
    const first = await openStore(d).begin();
    await expect(openStore(d).begin()).rejects.toThrow(/already writing the store/);
    await first.abort();
    const second = await openStore(d).begin();
    await second.commit();
  });

  it("opens an endpoint URL as --store as a remote store, never as a folder named http:", () => {
    const store = openStore("http://127.0.0.1:8890/sparql");
    expect(store.location).toBe("http://127.0.0.1:8890/sparql");
    expect(store.constructor.name).toBe("RemoteStore");
    expect(() => openStore("data/store", { graphStoreUrl: "http://127.0.0.1:8890/sparql-graph-crud" })).toThrow(/for a remote store/);
  });
});

const canonicalize = (store: oxigraph.Store) => canonicalizeNQuads(store.dump({ format: "application/n-quads" }));
