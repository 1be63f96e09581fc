// The remote store against a real Virtuoso (Debian's virtuoso-opensource 7, one server for this
// file, on loopback; test/setup/virtuoso.ts). The sample articles are built twice: into an
// embedded store (the reference) and, as two shards by two `newsgraph build --shard` processes
// running at the same time, into Virtuoso: one shard writes its article graphs with the Graph
// Store Protocol behind HTTP Digest (credentials from the environment), the other with SPARQL
// Update only. Then the stored graphs, every queries/*.rq and the served pages must agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasVirtuoso, startVirtuoso, type Virtuoso } from "../setup/virtuoso.ts";
import { buildGraph } from "../../src/pipeline/index.ts";
import { dumpCanonical, loadStore, openStore } from "../../src/store/index.ts";
import { runQuery } from "../../src/store/query.ts";
import { exportStore } from "../../src/store/export.ts";
import { runRemoteQuery } from "../../src/store/remote-query.ts";
import type { RemoteStore } from "../../src/store/remote.ts";
import { RemoteBackend } from "../../src/serve/remote-backend.ts";
import { startServer, type RunningServer } from "../../src/serve/server.ts";
import { ENTITIES_GRAPH, articleGraphIri } from "../../src/graph/vocab.ts";

const CLI = new URL("../../bin/newsgraph.js", import.meta.url).pathname;
const ARTICLES = new URL("../../data/articles/", import.meta.url).pathname;
const QUERIES = new URL("../../queries/", import.meta.url).pathname;
const files = readdirSync(ARTICLES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join(ARTICLES, f));
const SHARDS = { a: files.slice(0, Math.ceil(files.length / 2)), b: files.slice(Math.ceil(files.length / 2)) };

const available = hasVirtuoso();
if (!available) console.warn("remote-virtuoso.test.ts SKIPPED: virtuoso-t / isql-vt not installed (apt-get install -y virtuoso-opensource; the test global setup installs it as root)");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as its own process (as two machines would), without blocking the other one. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** The parts of a query's answer the query defines: ORDER BY variables, GROUP_CONCAT columns and their separators. */
function shapeOf(text: string): { order: string[]; concat: Map<string, string>; derived: Set<string> } {
  const orderClause = /ORDER\s+BY\s+([^\n]+)\s*(?:LIMIT[^\n]*)?$/i.exec(text.trim())?.[1] ?? "";
  const order = [...orderClause.matchAll(/\?(\w+)/g)].map((m) => m[1]);
  const concat = new Map<string, string>();
  for (const m of text.matchAll(/GROUP_CONCAT\((?:DISTINCT\s+)?\?\w+\s*;\s*separator\s*=\s*"([^"]*)"\)\s+AS\s+\?(\w+)/gi)) concat.set(m[2], m[1]);
  // A text built from a GROUP_CONCAT (BIND(CONCAT(?list, ...) AS ?x)) holds its values in the engine's order too.
  const derived = new Set<string>();
  for (const m of text.matchAll(/BIND\s*\(\s*CONCAT\(\s*\?(\w+)[^)]*\)\s+AS\s+\?(\w+)\s*\)/gi)) if (concat.has(m[1])) derived.add(m[2]);
  return { order, concat, derived };
}

type Bindings = Record<string, { type: string; value: string; datatype?: string; "xml:lang"?: string }>[];

/**
 * An answer as far as SPARQL defines it: GROUP_CONCAT values as sorted lists (the standard leaves
 * their order to the engine; an empty one counts as unbound), rows as a sorted list, and the sequence of ORDER BY keys (rows that
 * tie on every key may come in any order).
 */
function defined(text: string, answer: string): { rows: string[]; orderKeys: string[] } {
  const { order, concat, derived } = shapeOf(text);
  const bindings = (JSON.parse(answer) as { results: { bindings: Bindings } }).results.bindings;
  const norm = bindings.map((b) => {
    const row: Record<string, unknown> = {};
    for (const k of Object.keys(b).sort()) {
      const sep = concat.get(k);
      // GROUP_CONCAT of nothing: Virtuoso answers "", Oxigraph leaves the variable unbound.
      if (sep !== undefined && b[k].value === "") continue;
      if (sep !== undefined) row[k] = { ...b[k], value: b[k].value.split(sep).sort().join(sep) };
      else if (derived.has(k)) row[k] = { ...b[k], value: b[k].value.split(/[\s,]+/).sort().join(" ") }; // its words, in any order
      else row[k] = b[k];
    }
    return row;
  });
  return {
    rows: norm.map((r) => JSON.stringify(r)).sort(),
    orderKeys: norm.map((r) => JSON.stringify(order.map((k) => r[k] ?? null))),
  };
}

/** `newsgraph serve --store URL` in this process: the endpoint and pages over a RemoteBackend. */
async function serveRemote(v: Virtuoso): Promise<RunningServer> {
  const store = openStore(v.queryUrl) as unknown as RemoteStore;
  const server = await startServer({
    storeDir: v.queryUrl,
    host: "127.0.0.1",
    port: 0,
    timeoutSeconds: 5,
    queriesDir: QUERIES,
    log: () => undefined,
    backend: new RemoteBackend({ store, concurrency: 4, maxQueue: 8, timeoutMs: 5000, maxResultBytes: 64 << 20 }),
  });
  await server.ready;
  return server;
}

describe.skipIf(!available)("a remote store: real Virtuoso on loopback", () => {
  let v: Virtuoso;
  let tmp: string;
  let localDir: string;
  let remote: RemoteStore;
  let shardRuns: Run[];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "ng-remote-"));
    localDir = join(tmp, "local");
    // The server starts while the reference is built.
    const started = startVirtuoso();
    started.catch(() => undefined);
    const reference = buildGraph({ inputs: files, storeDir: localDir, jobs: 2 });
    v = await started;
    remote = openStore(v.queryUrl) as unknown as RemoteStore;
    // Two shards, two processes, at the same time, each with its own local cache (two machines).
    shardRuns = await Promise.all([
      cli(["build", ...SHARDS.a, "--store", v.queryUrl, "--graph-store-url", v.authGraphStoreUrl, "--shard", "a", "--cache", join(tmp, "cache-a"), "--jobs", "1"], {
        NEWSGRAPH_STORE_USER: "dba",
        NEWSGRAPH_STORE_PASSWORD: "dba",
      }),
      cli(["build", ...SHARDS.b, "--store", v.queryUrl, "--shard", "b", "--cache", join(tmp, "cache-b"), "--jobs", "1"]),
    ]);
    const result = await reference;
    expect(result.failed).toEqual([]);
  }, 900_000);

  afterAll(async () => {
    await v?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it("two `build --shard` processes writing disjoint halves at once store the same graph as one build of the whole", async () => {
    for (const run of shardRuns) expect(run.status, run.stderr).toBe(0);
    expect(shardRuns.map((r) => r.stdout).join("")).toMatch(/Built \d+ article\(s\) into http:\/\/127\.0\.0\.1:\d+\/sparql/);
    const manifest = await remote.readManifest();
    expect(Object.keys(manifest!.articles)).toHaveLength(files.length);
    expect(new Set(Object.values(manifest!.articles).map((a) => a.shard))).toEqual(new Set(["a", "b"]));
    const expected = dumpCanonical((await loadStore(localDir)).store);
    const stored = dumpCanonical((await remote.load()).store);
    expect(stored.split("\n").length).toBeGreaterThan(1000);
    expect(stored).toBe(expected);
  });

  it("`newsgraph export` of the remote store writes the same N-Quads as of the embedded store", async () => {
    const fromRemote = await cli(["export", "--store", v.queryUrl, "--format", "nquads"]);
    expect(fromRemote.status, fromRemote.stderr).toBe(0);
    const local = await exportStore((await loadStore(localDir)).store, { format: "nquads" });
    expect(fromRemote.stdout.split("\n").sort()).toEqual(local.split("\n").sort());
  });

  it("answers every queries/*.rq as the embedded store does", async () => {
    const { store } = await loadStore(localDir);
    const names = readdirSync(QUERIES).filter((f) => f.endsWith(".rq"));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const text = readFileSync(join(QUERIES, name), "utf8");
      const local = runQuery(store, text, "json");
      const fromRemote = await runRemoteQuery(remote.endpoint, text, "json");
      const a = defined(text, local);
      const b = defined(text, fromRemote);
      expect(b.rows, name).toEqual(a.rows);
      expect(b.orderKeys, name).toEqual(a.orderKeys);
    }
    // The samples make most queries answer something (an empty answer would prove little).
    const answered = names.filter((n) => JSON.parse(runQuery(store, readFileSync(join(QUERIES, n), "utf8"), "json")).results.bindings.length > 0);
    expect(answered.length).toBeGreaterThanOrEqual(names.length - 2);
  });

  it("`newsgraph query` prints the same table for the remote store, and `validate` passes through it", async () => {
    const [fromRemote, validate] = await Promise.all([cli(["query", "posts", "--store", v.queryUrl]), cli(["validate", "--store", v.queryUrl])]);
    expect(fromRemote.status, fromRemote.stderr).toBe(0);
    expect(fromRemote.stdout).toBe(runQuery((await loadStore(localDir)).store, readFileSync(join(QUERIES, "posts.rq"), "utf8"), "table"));
    expect(validate.status, validate.stderr + validate.stdout).toBe(0);
    expect(validate.stdout).toMatch(/conform/i);
  });

  describe("`serve --store URL`: our endpoint, pages and limits in front of the remote store", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await serveRemote(v);
    }, 120_000);
    afterAll(() => server?.close());

    it("answers SPARQL as the embedded store does", async () => {
      const text = readFileSync(join(QUERIES, "posts.rq"), "utf8");
      const res = await fetch(new URL("sparql", server.url), { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: text });
      expect(res.status).toBe(200);
      const { store } = await loadStore(localDir);
      expect(defined(text, await res.text())).toEqual(defined(text, runQuery(store, text, "json")));
      const health = (await (await fetch(new URL("health", server.url))).json()) as { state: string; revision: string };
      expect(health.state).toBe("ready");
      expect(health.revision).toBe((await remote.readManifest())!.revision);
    });

    it("serves an entity's page and its RDF description from the remote store", async () => {
      const { store } = await loadStore(localDir);
      const row = JSON.parse(runQuery(store, readFileSync(join(QUERIES, "posts.rq"), "utf8"), "json")).results.bindings[0] as Record<string, { value: string }>;
      const iri = Object.values(row).find((t) => t.value.startsWith("https://w3id.org/newsgraph/resource/person/"))!.value;
      const path = iri.replace("https://w3id.org/newsgraph/", "");
      const page = await fetch(new URL(path, server.url), { headers: { Accept: "text/html" } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(row.name?.value ?? "");
      const turtle = await fetch(new URL(path, server.url), { headers: { Accept: "text/turtle" } });
      expect(turtle.status).toBe(200);
      expect(await turtle.text()).toContain("ng:");
    });

  });

  // Last: it changes the store the tests above read.
  it("a shard built again with nothing changed writes nothing, and a shard's removed article leaves the store", async () => {
    const again = await cli(["build", ...SHARDS.b, "--store", v.queryUrl, "--shard", "b", "--cache", join(tmp, "cache-b")]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 article graph\(s\) written/);
    const gone = SHARDS.b[SHARDS.b.length - 1];
    const id = gone.split("/").pop()!.replace(/\.txt$/, "");
    const smaller = await cli(["build", ...SHARDS.b.slice(0, -1), "--store", v.queryUrl, "--shard", "b", "--cache", join(tmp, "cache-b")]);
    expect(smaller.status, smaller.stderr).toBe(0);
    expect(smaller.stdout).toMatch(/1 removed/);
    expect(await remote.endpoint.ask(`ASK { GRAPH <${articleGraphIri(id)}> { ?s ?p ?o } }`)).toBe(false);
    const manifest = await remote.readManifest();
    expect(Object.keys(manifest!.articles).sort()).toEqual(files.slice(0, -1).map((f) => f.split("/").pop()!.replace(/\.txt$/, "")).sort());
    // Shard a's articles are all still there, with their graphs.
    for (const f of SHARDS.a) expect(await remote.endpoint.ask(`ASK { GRAPH <${articleGraphIri(f.split("/").pop()!.replace(/\.txt$/, ""))}> { ?s ?p ?o } }`)).toBe(true);
    expect(await remote.endpoint.ask(`ASK { GRAPH <${ENTITIES_GRAPH}> { ?s ?p ?o } }`)).toBe(true);
  });

  it("stops a query past its time limit with 503, and goes on answering", async () => {
    // Last of all: Virtuoso goes on working on the abandoned query until it is stopped.
    const server = await serveRemote(v);
    try {
      const runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }";
      const res = await fetch(new URL(`sparql?query=${encodeURIComponent(runaway)}`, server.url), { headers: { Accept: "application/sparql-results+json" } });
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/time limit/);
      const ok = await fetch(new URL(`sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`, server.url), { headers: { Accept: "application/sparql-results+json" } });
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);
});
