// Shared by the serve tests: a small store built from the hand-written fixture, and a real
// server on a free loopback port.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { emptyManifest, saveStore } from "../../src/store/index.ts";
import { startServer, type RunningServer, type ServeOptions } from "../../src/serve/server.ts";

export const FIXTURES = new URL("../fixtures/serve/", import.meta.url).pathname;
export const R = "https://w3id.org/newsgraph/resource/";
export const NG = "https://w3id.org/newsgraph/ontology#";

/** Any SPARQL query that runs far longer than a test's time limit (a cross product). */
export const RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }";

/** A temporary store directory holding the fixture graph. */
export async function fixtureStore(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "newsgraph-serve-"));
  const store = new oxigraph.Store();
  store.load(await readFile(join(FIXTURES, "graph.trig"), "utf8"), { format: "application/trig" });
  await saveStore(dir, store, emptyManifest());
  return dir;
}

export interface TestServer extends RunningServer {
  storeDir: string;
  logs: string[];
  /** Stops the server and removes its store. */
  stop(): Promise<void>;
}

export async function startTestServer(options: Partial<ServeOptions> = {}): Promise<TestServer> {
  const storeDir = options.storeDir ?? (await fixtureStore());
  const logs: string[] = [];
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    threads: 2,
    queriesDir: join(FIXTURES, "queries"),
    log: (line) => logs.push(line),
    ...options,
    storeDir,
  });
  await server.ready;
  // Small stores get every copy loaded at start: wait for them, so tests see a warm server.
  await waitFor(async () => {
    const health = (await (await fetch(new URL("health", server.url))).json()) as { copies: number; maxCopies: number; loading: number };
    return health.copies === health.maxCopies && health.loading === 0;
  }, "every copy of the store to load", 120_000);
  // The search index is built by queries through the same pool: tests that count queue places start after it.
  await server.indexed;
  return {
    url: server.url,
    port: server.port,
    ready: server.ready,
    indexed: server.indexed,
    close: server.close,
    get activeRequests() {
      return server.activeRequests;
    },
    storeDir,
    logs,
    async stop() {
      await server.close();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once `condition` holds (checked every 50 ms); fails after `limitMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** POSTs a query as application/sparql-query. */
export function query(base: string, text: string, accept = "application/sparql-results+json", extra: RequestInit = {}): Promise<Response> {
  return fetch(new URL("sparql", base), {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: accept },
    body: text,
    ...extra,
  });
}

interface Binding {
  type: string;
  value: string;
}

/** The values of `variable` in a SPARQL JSON results document. */
export async function column(res: Response, variable: string): Promise<string[]> {
  const json = (await res.json()) as { results: { bindings: Record<string, Binding>[] } };
  return json.results.bindings.map((b) => b[variable]?.value);
}
