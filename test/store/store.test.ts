import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { canonicalNQuads, graphQuads } from "../../src/graph/index.ts";
import { emptyManifest, loadStore, readManifest, saveCanonical, saveStore, StoreError, storeFile, STORE_FORMAT_VERSION } from "../../src/store/index.ts";
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

  it("round-trips graph and manifest; the file is canonical and the revision follows the content", async () => {
    const d = join(dir, "roundtrip");
    const store = new oxigraph.Store();
    store.load(sampleNQuads(), { format: "application/n-quads" });
    const manifest = { ...emptyManifest(), articles: { art_a: { fileName: "art_a.txt", path: "/x/art_a.txt", sha256: "ab" } } };
    const saved = await saveStore(d, store, manifest);
    const file = readFileSync(storeFile(d), "utf8");
    expect(file.split("\n")[0]).toBe(`# newsgraph-store ${JSON.stringify(saved)}`);
    expect(file.slice(file.indexOf("\n") + 1)).toBe(sampleNQuads()); // sorted, same bytes as the canonical text
    const loaded = await loadStore(d);
    expect(loaded.store.size).toBe(store.size);
    expect(loaded.manifest).toEqual(saved);
    expect(await readManifest(d)).toEqual(saved);
    // Same graph → same revision; a changed graph → another one.
    expect((await saveStore(d, loaded.store, loaded.manifest)).revision).toBe(saved.revision);
    loaded.store.add(oxigraph.quad(oxigraph.namedNode("https://x/s"), oxigraph.namedNode("https://x/p"), oxigraph.literal("o")));
    expect((await saveStore(d, loaded.store, loaded.manifest)).revision).not.toBe(saved.revision);
  });

  it("says clearly why it cannot read a store of another format, a foreign file or a damaged one", async () => {
    const write = (name: string, text: string) => {
      const d = join(dir, name);
      execFileSync("mkdir", ["-p", d]);
      writeFileSync(storeFile(d), text);
      return d;
    };
    const newer = write("newer", `# newsgraph-store ${JSON.stringify({ ...emptyManifest(), version: STORE_FORMAT_VERSION + 1 })}\n`);
    await expect(loadStore(newer)).rejects.toThrow(/newer.*store format 2.*upgrade newsgraph or rebuild/);
    const older = write("older", `# newsgraph-store ${JSON.stringify({ ...emptyManifest(), version: 0 })}\n`);
    await expect(loadStore(older)).rejects.toThrow(/older newsgraph .*rebuild it with 'newsgraph build'/);
    const foreign = write("foreign", "<https://x/s> <https://x/p> <https://x/o> .\n");
    await expect(loadStore(foreign)).rejects.toThrow(StoreError);
    await expect(loadStore(foreign)).rejects.toThrow(/store\.nq: not a newsgraph store/);
    const damaged = write("damaged", `# newsgraph-store ${JSON.stringify(emptyManifest())}\n<https://x/s> <https://x/p> "unterminated .\n`);
    await expect(loadStore(damaged)).rejects.toThrow(/store\.nq: the store file is damaged/);
  });

  it("a save killed (SIGKILL) just before its rename leaves the previous store readable", async () => {
    const d = join(dir, "killed");
    const old = await saveCanonical(d, sampleNQuads(), { ...emptyManifest(), articles: { old: { fileName: "old.txt", path: "/old.txt", sha256: "0" } } });
    const script = `
      import { saveCanonical, emptyManifest } from ${JSON.stringify(new URL("../../src/store/index.ts", import.meta.url).pathname)};
      await saveCanonical(${JSON.stringify(d)}, "<https://x/s> <https://x/p> <https://x/o> .\\n", emptyManifest());
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, NEWSGRAPH_TEST_KILL_BEFORE_RENAME: "1" },
      encoding: "utf8",
    });
    expect(child.signal).toBe("SIGKILL");
    expect(readdirSync(d).some((f) => f.endsWith(".tmp"))).toBe(true); // it died with its temporary file written
    const { store, manifest } = await loadStore(d);
    expect(manifest).toEqual(old);
    expect(store.size).toBe(sampleNQuads().trimEnd().split("\n").length);
    // The next save cleans up the dead process's temporary file.
    await saveCanonical(d, sampleNQuads(), old);
    expect(readdirSync(d).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
