// The engine snapshot (src/store/engine-snapshot.ts): a copy of the store restored from the saved
// memory of an engine answers exactly as one loaded from the store's pieces; a damaged, cut or
// foreign snapshot is never trusted (the copy loads normally); a runaway query's replacement copy
// is restored too; a build that commits a new revision deletes the old revision's snapshots.
// Snapshots are made for stores of 32 MB of text and more: here the test hook lowers that to 0.
import { cp, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { buildGraph } from "../../src/pipeline/index.ts";
import { startServer, type RunningServer } from "../../src/serve/server.ts";
import { engineId, snapshotDir, snapshotFile } from "../../src/store/engine-snapshot.ts";
import { loadStore, readManifest, saveStore } from "../../src/store/index.ts";
import { RUNAWAY, query, waitFor } from "./helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const QUERIES = join(ROOT, "queries");
let built: string;
const dirs: string[] = [];

beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), "newsgraph-snapshot-"));
  dirs.push(built);
  await buildGraph({ inputs: [join(ROOT, "data/articles")], storeDir: join(built, "store") });
}, 300_000);
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv("NEWSGRAPH_TEST_SNAPSHOT_MIN_BYTES", "0");
});

/** A copy of the built store, to damage at will. */
async function storeCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "newsgraph-snapshot-store-"));
  dirs.push(dir);
  await cp(join(built, "store"), dir, { recursive: true });
  return dir;
}

/** Starts a server on the store, waits for its first copy, runs `during`, stops it; returns its log. */
async function withServer(storeDir: string, during: (server: RunningServer, logs: string[]) => Promise<void> = async () => undefined, timeoutSeconds = 60): Promise<string[]> {
  const logs: string[] = [];
  const server = await startServer({ storeDir, host: "127.0.0.1", port: 0, threads: 1, queriesDir: QUERIES, log: (l) => logs.push(l), timeoutSeconds });
  try {
    await server.ready;
    await during(server, logs);
  } finally {
    await server.close();
  }
  return logs;
}

const loadLines = (logs: string[]) => logs.filter((l) => /copy \d+ loaded|snapshot/.test(l));

/** Every query of queries/, answered as SPARQL JSON: rows sorted, so that only content counts. */
async function answers(server: RunningServer): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of (await readdir(QUERIES)).filter((f) => f.endsWith(".rq")).sort()) {
    const res = await query(server.url, await readFile(join(QUERIES, name), "utf8"));
    expect(res.status, name).toBe(200);
    const json = (await res.json()) as { head: unknown; results?: { bindings: unknown[] }; boolean?: boolean };
    out[name] = { head: json.head, boolean: json.boolean, rows: json.results?.bindings.map((b) => JSON.stringify(b)).sort() };
  }
  return out;
}

async function snapshotFiles(storeDir: string): Promise<string[]> {
  return (await readdir(snapshotDir(storeDir)).catch(() => [] as string[])).filter((f) => f.endsWith(".snap"));
}

describe("the engine snapshot", { timeout: 240_000 }, () => {
  it("gives a copy that answers every query in queries/ exactly as a copy loaded from the store", async () => {
    const storeDir = await storeCopy();
    let normal: Record<string, unknown> = {};
    vi.stubEnv("NEWSGRAPH_NO_ENGINE_SNAPSHOT", "1");
    await withServer(storeDir, async (s) => void (normal = await answers(s)));
    expect(await snapshotFiles(storeDir)).toEqual([]);
    vi.stubEnv("NEWSGRAPH_NO_ENGINE_SNAPSHOT", "");

    // The copy that wrote it is replaced by one restored from it (writing made all its memory resident).
    const first = await withServer(storeDir, (_, logs) => waitFor(() => logs.some((l) => /copy \d+ stopped: it wrote the engine snapshot/.test(l)), "the writer's replacement", 60_000));
    expect(loadLines(first).join("\n")).toMatch(/engine snapshot written/);
    expect(loadLines(first).join("\n")).toMatch(/copy \d+ loaded .*restored from the engine snapshot/);
    const revision = (await readManifest(storeDir))!.revision;
    expect(await snapshotFiles(storeDir)).toEqual([snapshotFile(storeDir, revision).split("/").pop()]);

    let restored: Record<string, unknown> = {};
    const second = await withServer(storeDir, async (s) => void (restored = await answers(s)));
    expect(loadLines(second).join("\n")).toMatch(/restored from the engine snapshot/);
    expect(Object.keys(restored).length).toBeGreaterThanOrEqual(10);
    expect(restored).toEqual(normal);
  });

  it("is not used when cut short, when its bytes are damaged, or when made by another engine; the copy loads from the store", async () => {
    const storeDir = await storeCopy();
    await withServer(storeDir);
    const file = snapshotFile(storeDir, (await readManifest(storeDir))!.revision);
    const good = await readFile(file);
    const label = async (s: RunningServer) => {
      const res = await query(s.url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0].n.value;
    };
    const { store } = await loadStore(storeDir);
    const quads = String(store.size);

    // Cut short: seen before the engine's memory is touched; a new snapshot replaces it.
    await truncate(file, good.length - 1000);
    let count = "";
    let logs = await withServer(storeDir, async (s) => void (count = await label(s)));
    expect(count).toBe(quads);
    expect(loadLines(logs).join("\n")).toMatch(/not used: .* bytes, not the/);
    expect(loadLines(logs).join("\n")).toMatch(/engine snapshot written/);
    expect((await stat(file)).size).toBe(good.length);

    // One byte of the memory changed: found by the hash once the memory is replaced; a fresh thread loads the store.
    const damaged = Buffer.from(good);
    damaged[damaged.length - 100] ^= 0xff;
    await writeFile(file, damaged);
    logs = await withServer(storeDir, async (s) => void (count = await label(s)));
    expect(count).toBe(quads);
    expect(loadLines(logs).join("\n")).toMatch(/do not match their hash; loading it again without the snapshot/);
    expect(await snapshotFiles(storeDir)).toEqual([]);

    // Made by another engine (its key in the header): not used, and replaced.
    const engine = engineId().id;
    const foreign = Buffer.from(good.toString("latin1").replace(engine, "f".repeat(engine.length)), "latin1");
    expect(foreign.equals(good)).toBe(false);
    await writeFile(file, foreign);
    logs = await withServer(storeDir, async (s) => void (count = await label(s)));
    expect(count).toBe(quads);
    expect(loadLines(logs).join("\n")).toMatch(/not used: made for another store or engine/);
    expect((await readFile(file)).equals(good)).toBe(true);

    // Another engine's file (another name): never read, deleted once this engine's is written.
    const other = join(snapshotDir(storeDir), `engine-${(await readManifest(storeDir))!.revision}-${"0".repeat(16)}.snap`);
    await writeFile(other, good);
    await rm(file);
    logs = await withServer(storeDir);
    expect(loadLines(logs).join("\n")).toMatch(/engine snapshot written/);
    expect(await snapshotFiles(storeDir)).toEqual([file.split("/").pop()]);
  });

  it("is not read or written when NEWSGRAPH_NO_ENGINE_SNAPSHOT is set", async () => {
    const storeDir = await storeCopy();
    await withServer(storeDir);
    const before = (await snapshotFiles(storeDir)).length;
    vi.stubEnv("NEWSGRAPH_NO_ENGINE_SNAPSHOT", "1");
    const logs = await withServer(storeDir);
    expect(before).toBe(1);
    expect(loadLines(logs).join("\n")).toMatch(/engine snapshots are off/);
  });

  it("restores the replacement copy the pool starts beside a runaway query", async () => {
    const storeDir = await storeCopy();
    await withServer(storeDir);
    const logs = await withServer(
      storeDir,
      async (s) => {
        expect((await query(s.url, RUNAWAY)).status).toBe(503);
        expect((await query(s.url, "ASK { ?s ?p ?o }")).status).toBe(200);
      },
      4,
    );
    const loaded = loadLines(logs).filter((l) => /copy \d+ loaded/.test(l));
    expect(loaded.length).toBeGreaterThanOrEqual(2);
    for (const line of loaded) expect(line).toMatch(/restored from the engine snapshot/);
  });

  it("of an older revision is deleted when a change is committed", async () => {
    const storeDir = await storeCopy();
    await withServer(storeDir);
    expect((await snapshotFiles(storeDir)).length).toBe(1);
    const { store, manifest } = await loadStore(storeDir);
    store.add(oxigraph.quad(oxigraph.namedNode("https://example.org/s"), oxigraph.namedNode("https://example.org/p"), oxigraph.literal("o"), oxigraph.namedNode("https://example.org/g")));
    await saveStore(storeDir, store, manifest);
    expect(await snapshotFiles(storeDir)).toEqual([]);
  });
});

