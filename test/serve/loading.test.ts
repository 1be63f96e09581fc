// What the server answers while its store is still loading: pages and searches at once (the
// search from the catalogue an earlier start saved for the same revision), SPARQL requests
// once the store is loaded (they wait, within their time limit). The load is made slow with
// a test hook of the store worker (NEWSGRAPH_TEST_LOAD_DELAY_MS).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { startServer, type RunningServer } from "../../src/serve/server.ts";
import { catalogueKey, savedCatalogueFile } from "../../src/serve/ui/state.ts";
import { readManifest } from "../../src/store/index.ts";
import { FIXTURES, R, RUNAWAY, column, fixtureStore, query } from "./helpers.ts";

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const server of servers.splice(0)) await server.close();
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function serve(storeDir: string, options: { loadDelayMs?: number; timeoutSeconds?: number } = {}): Promise<RunningServer> {
  if (options.loadDelayMs) vi.stubEnv("NEWSGRAPH_TEST_LOAD_DELAY_MS", String(options.loadDelayMs));
  const server = await startServer({ storeDir, host: "127.0.0.1", port: 0, threads: 1, queriesDir: join(FIXTURES, "queries"), log: () => undefined, timeoutSeconds: options.timeoutSeconds ?? 60 });
  servers.push(server);
  return server;
}

const state = async (server: RunningServer) => ((await (await fetch(server.url + "health")).json()) as { state: string }).state;
const search = async (server: RunningServer, q: string) =>
  ((await (await fetch(`${server.url}api/search?q=${encodeURIComponent(q)}`)).json()) as { results: { iri: string; label: string }[] }).results;

describe("while the store loads", { timeout: 120_000 }, () => {
  it("answers the query page, the exploration page and searches (from the catalogue saved for this revision) before the store is loaded", async () => {
    const storeDir = await fixtureStore();
    dirs.push(storeDir);
    // A first start saves the catalogue once it has queried the loaded store.
    const first = await serve(storeDir);
    await first.ready;
    await first.indexed;
    const saved = JSON.parse(await readFile(savedCatalogueFile(storeDir), "utf8")) as { key: string; entities: { iri: string }[] };
    expect(saved.key).toBe(catalogueKey((await readManifest(storeDir))!.revision));
    expect(saved.entities.map((e) => e.iri)).toContain(`${R}person/sergey-lavrov`);
    await first.close();

    const server = await serve(storeDir, { loadDelayMs: 8000 });
    let loaded = false;
    server.ready.then(() => (loaded = true), () => undefined);
    expect((await fetch(server.url)).status).toBe(200);
    expect((await fetch(server.url + "explore")).status).toBe(200);
    expect((await search(server, "lavrov"))[0]?.iri).toBe(`${R}person/sergey-lavrov`);
    expect(await state(server)).toBe("loading");
    expect(loaded).toBe(false);
  });

  it("makes a SPARQL query sent during the load wait, then answers it from the loaded store", async () => {
    const storeDir = await fixtureStore();
    dirs.push(storeDir);
    const server = await serve(storeDir, { loadDelayMs: 2000 });
    expect(await state(server)).toBe("loading");
    const sent = performance.now();
    const res = await query(server.url, `SELECT ?label WHERE { <${R}person/sergey-lavrov> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`);
    expect(res.status).toBe(200);
    expect(await column(res, "label")).toEqual(["Sergey Lavrov"]);
    // It was answered only after the load (the hook's delay), not refused.
    expect(performance.now() - sent).toBeGreaterThan(1000);
    expect(await state(server)).toBe("ready");
  });

  it("answers 503 with Retry-After when the load takes longer than the query time limit", async () => {
    const storeDir = await fixtureStore();
    dirs.push(storeDir);
    const server = await serve(storeDir, { loadDelayMs: 6000, timeoutSeconds: 1 });
    const res = await query(server.url, "ASK { ?s ?p ?o }");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await res.text()).toMatch(/still loading/);
    await server.ready;
    expect((await query(server.url, "ASK { ?s ?p ?o }")).status).toBe(200);
  });

  it("does not use a catalogue saved for another revision of the store, and replaces it", async () => {
    const storeDir = await fixtureStore();
    dirs.push(storeDir);
    const file = savedCatalogueFile(storeDir);
    await mkdir(dirname(file), { recursive: true });
    const stale = { iri: `${R}person/zorbel-quaxton`, label: "Zorbel Quaxton", type: "person", names: [], articles: 1 };
    await writeFile(file, JSON.stringify({ key: catalogueKey("0123456789abcdef"), entities: [stale] }));
    const server = await serve(storeDir);
    await server.ready;
    await server.indexed;
    expect(await search(server, "zorbel")).toEqual([]);
    expect((await search(server, "lavrov"))[0]?.iri).toBe(`${R}person/sergey-lavrov`);
    const saved = JSON.parse(await readFile(file, "utf8")) as { key: string; entities: { iri: string }[] };
    expect(saved.key).toBe(catalogueKey((await readManifest(storeDir))!.revision));
    expect(saved.entities.map((e) => e.iri)).not.toContain(stale.iri);
  });

  it("does not use a damaged saved catalogue", async () => {
    const storeDir = await fixtureStore();
    dirs.push(storeDir);
    const file = savedCatalogueFile(storeDir);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `{"key": "${catalogueKey((await readManifest(storeDir))!.revision)}", "entities": [`);
    const server = await serve(storeDir);
    await server.ready;
    await server.indexed;
    expect((await search(server, "lavrov"))[0]?.iri).toBe(`${R}person/sergey-lavrov`);
  });
});

describe("a runaway query's replacement copy", { timeout: 180_000 }, () => {
  it("is loaded before the runaway is ended, so the queries after it are answered, not refused", async () => {
    // Loads take 13.5 s (the hook) and the time limit is 12 s: a replacement started only when the
    // runaway is ended would make a query sent then wait past its own limit (503); one started
    // half-way through the runaway's time is ready ~4.5 s before that query's limit.
    const storeDir = await fixtureStore();
    dirs.push(storeDir);
    const server = await serve(storeDir, { loadDelayMs: 13_500, timeoutSeconds: 12 });
    await server.ready;
    const runaway = await query(server.url, RUNAWAY);
    expect(runaway.status).toBe(503);
    expect(await runaway.text()).toMatch(/did not finish within this server's time limit/);
    const after = await query(server.url, `SELECT ?label WHERE { <${R}country/china> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`);
    expect(after.status, await after.clone().text()).toBe(200);
    expect(await column(after, "label")).toEqual(["China"]);
  });
});
