// A store worker: one thread holding one copy of the store, evaluating one task at a time for
// the pool (pool.ts). Oxigraph blocks the thread while a query runs, which is why this runs in
// a worker thread: the pool ends the thread when a query runs past its time limit.
//
// The copy is loaded once, when the thread starts, and changes only by writes this worker
// performs itself; a pool whose store changed otherwise starts fresh workers instead.
//
// An engine that failed in a way that is not an ordinary query error (a WebAssembly trap such
// as a stack overflow, an out-of-memory, an exception from the bindings) is left unusable —
// every later call would fail the same way — so the reply says `discard` and the pool ends
// this thread before it serves again.
import { parentPort, workerData } from "node:worker_threads";
import oxigraph from "oxigraph";
import { loadStore, saveStore, type StoreManifest } from "../store/index.ts";
import { EngineRuinedError, restoreSnapshot, saveSnapshot } from "../store/engine-snapshot.ts";
import { RESOURCE } from "../graph/vocab.ts";
import { serializeQuads, serializeStore } from "./rdf-output.ts";
import type { Format } from "./formats.ts";
import { HttpError } from "./http-error.ts";
import { isAbsoluteIri } from "./iri.ts";
import { gatherResourcePage, type Row } from "./resource-data.ts";
import type { Dataset, FromWorker, GraphTarget, Reply, Task, ToWorker, WriteTask } from "./tasks.ts";

export interface WorkerOptions {
  storeDir: string;
  maxResultBytes: number;
}

const options = workerData as WorkerOptions;
const port = parentPort!;

let store: oxigraph.Store;
let manifest: StoreManifest;

/** Test hook: a store that takes this much longer to load, to see what is answered meanwhile. */
const loadDelayMs = Number(process.env.NEWSGRAPH_TEST_LOAD_DELAY_MS ?? 0);

/** Bytes of memory outside the JS heap: the engine's WebAssembly memory, which never shrinks. */
const engineMemory = () => process.memoryUsage().external;

function post(message: FromWorker): void {
  const body = message.type === "reply" && message.reply.ok ? message.reply.body : undefined;
  // A body is moved to the main thread, not copied.
  port.postMessage(message, body ? [body.buffer as ArrayBuffer] : []);
}

// A fresh worker is a spare: ready to load the store (modules loaded, engine compiled) but
// holding nothing until the pool asks it to load.
port.on("message", async (message: ToWorker) => {
  if (message.type === "load") {
    let note = "";
    let restored: number | undefined;
    let wroteSnapshot = false;
    try {
      if (loadDelayMs) await new Promise((resolve) => setTimeout(resolve, loadDelayMs));
      // The snapshot is tried before anything else uses this thread's engine.
      const restore = (m: StoreManifest) => {
        if (!message.snapshot) return undefined;
        const outcome = restoreSnapshot(options.storeDir, m, oxigraph);
        note = outcome.note ?? "restored from the engine snapshot";
        restored = outcome.size;
        return outcome.store;
      };
      ({ store, manifest } = await loadStore(options.storeDir, { restore }));
      // Right after a normal load, nothing else having run: the engine's memory is the store's.
      if (restored === undefined && message.snapshot) {
        const saved = await saveSnapshot(options.storeDir, manifest, store);
        wroteSnapshot = /^engine snapshot written/.test(saved);
        note = [note, saved].filter(Boolean).join("; ");
      }
    } catch (e) {
      return post({ type: "load-failed", message: (e as Error).message, retry: e instanceof EngineRuinedError });
    }
    // A restored store was counted by its checks (counting 1 M quads takes ~0.3 s).
    return post({ type: "ready", revision: manifest.revision, size: restored ?? store.size, memory: engineMemory(), note, wroteSnapshot });
  }
  post({ type: "reply", id: message.id, reply: await answer(message.task), memory: engineMemory() });
});
post({ type: "booted" });

async function answer(task: Task): Promise<Reply> {
  try {
    return await handle(task);
  } catch (e) {
    if (e instanceof HttpError) return { ok: false, revision: manifest.revision, status: e.status, message: e.message, discard: e.status >= 500 };
    const failure = engineFailure(e);
    if (failure) return { ok: false, revision: manifest.revision, ...failure, discard: true };
    return { ok: false, revision: manifest.revision, status: 400, message: (e as Error).message };
  }
}

/**
 * Oxigraph reports query and update errors (syntax, unknown graph, unsupported format...) as
 * plain Errors. Anything else means the engine itself failed; then the status and message a
 * client gets.
 */
export function engineFailure(e: unknown): { status: number; message: string } | undefined {
  const message = e instanceof Error ? e.message : String(e);
  const plain = e instanceof Error && e.constructor === Error;
  // wasm-bindgen reports a broken object graph with plain Errors too.
  if (plain && !/null pointer passed to rust|recursive use of an object|already (mutably )?borrowed/i.test(message)) return undefined;
  if (/memory access out of bounds|call stack size exceeded/i.test(message)) {
    return { status: 400, message: "The query engine ran out of stack on this request: it is nested too deeply or chains too many operators. Simplify it." };
  }
  if (/invalid string length|array buffer allocation failed|out of memory/i.test(message)) {
    return { status: 503, message: `The query engine ran out of memory on this request (${message}); it was restarted. Narrow the request (add a LIMIT, more specific patterns).` };
  }
  // "unreachable" is how a Rust panic or a failed allocation ends in WebAssembly.
  return { status: 503, message: `The query engine failed on this request (${message}); it was restarted. If this request keeps failing, narrow it.` };
}

async function handle(task: Task): Promise<Reply> {
  // IRIs from requests go into SPARQL text below; the HTTP layer checks them too.
  for (const iri of [(task as { iri?: string }).iri, (task as { target?: { iri?: string } }).target?.iri]) {
    if (iri !== undefined && !isAbsoluteIri(iri)) throw new HttpError(400, `Not an absolute IRI: ${iri}`);
  }
  switch (task.kind) {
    case "status":
      return { ok: true, revision: manifest.revision, size: store.size };
    case "query":
      return text(await runQuery(task.query, task.format, task.dataset));
    case "read-graph":
      return text(await readGraph(task.target, task.format));
    case "describe":
      return text(await describe(task.iri, task.format));
    case "resource-page":
      return { ok: true, revision: manifest.revision, data: await gatherResourcePage(task.iri, select) };
    case "update":
    case "write-graph":
      return await write(task);
  }
}

/** A text body, bounded in size. */
function text(body: string): Reply {
  const bytes = new TextEncoder().encode(body);
  if (bytes.byteLength > options.maxResultBytes) {
    throw new HttpError(
      422,
      `The result is ${bytes.byteLength} bytes, over this server's limit of ${options.maxResultBytes} bytes; add a LIMIT or narrow the query.`,
    );
  }
  return { ok: true, revision: manifest.revision, body: bytes };
}

function datasetOptions(dataset: Dataset) {
  switch (dataset.kind) {
    case "union":
      return { use_default_graph_as_union: true };
    case "query":
      return {};
    case "explicit":
      return {
        default_graph: dataset.defaultGraphs.map((g) => oxigraph.namedNode(g)),
        named_graphs: dataset.namedGraphs.map((g) => oxigraph.namedNode(g)),
      };
  }
}

async function runQuery(query: string, format: Format, dataset: Dataset): Promise<string> {
  const queryOptions = datasetOptions(dataset);
  // Oxigraph serializes results itself, except Turtle/TriG, which it writes without prefixes.
  if (!format.pretty) return store.query(query, { ...queryOptions, results_format: format.mediaType }) as string;
  const result = store.query(query, queryOptions);
  if (!Array.isArray(result) || (result.length > 0 && !("subject" in result[0]))) {
    throw new HttpError(406, `${format.mediaType} is for CONSTRUCT and DESCRIBE results, not for this query's results.`);
  }
  return serializeQuads(result as oxigraph.Quad[], format);
}

function readGraph(target: GraphTarget, format: Format): Promise<string> {
  switch (target.kind) {
    case "default":
      // The endpoint's default graph: the union of all graphs, as triples.
      return runQuery("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", format, { kind: "union" });
    case "dataset":
      return serializeStore(store, format);
    case "graph":
      if (!graphExists(target.iri)) throw new HttpError(404, `No graph named <${target.iri}> in the store.`);
      return serializeStore(store, format, target.iri);
  }
}

const graphExists = (iri: string) => store.query(`ASK { GRAPH <${iri}> { ?s ?p ?o } }`) === true;

/** Every quad in which the resource is subject or object. */
function describe(iri: string, format: Format): Promise<string> {
  const node = oxigraph.namedNode(iri);
  const quads = [...store.match(node, null, null, null), ...store.match(null, null, node, null)];
  if (quads.length === 0) throw new HttpError(404, `Nothing is known about <${iri}>.`);
  return serializeQuads(quads, format);
}

function select(query: string): Row[] {
  const rows = store.query(query, { use_default_graph_as_union: true }) as Map<string, oxigraph.Term>[];
  return rows.map((m) => Object.fromEntries(m) as Row);
}

// ---------- writes ----------

async function write(task: WriteTask): Promise<Reply> {
  let created: boolean | undefined;
  if (task.kind === "update") store.update(task.update, { base_iri: RESOURCE });
  else created = writeGraph(task);
  try {
    // The saved manifest's revision is computed from the content.
    manifest = await saveStore(options.storeDir, store, manifest);
  } catch (e) {
    // This copy now holds a change the disk does not: the 500 makes the pool discard it.
    throw new HttpError(500, `The change could not be saved: ${(e as Error).message}`);
  }
  return { ok: true, revision: manifest.revision, created };
}

/** Graph Store Protocol writes; true when the graph did not exist before. */
function writeGraph(task: Extract<WriteTask, { kind: "write-graph" }>): boolean {
  const graph = task.target.kind === "default" ? oxigraph.defaultGraph() : oxigraph.namedNode(task.target.iri);
  const existed = task.target.kind === "default" || graphExists(task.target.iri);
  if (task.method === "DELETE") {
    if (!existed) throw new HttpError(404, `No graph named <${(task.target as { iri: string }).iri}> in the store.`);
    for (const q of store.match(null, null, null, graph)) store.delete(q);
    return false;
  }
  // Parse first, so a syntax error leaves the graph untouched.
  let quads: oxigraph.Quad[];
  try {
    quads = oxigraph.parse(task.body ?? "", { format: task.format!.mediaType, base_iri: RESOURCE, to_graph_name: graph }) as oxigraph.Quad[];
  } catch (e) {
    if (engineFailure(e)) throw e;
    throw new HttpError(400, `The request body is not valid ${task.format!.mediaType}: ${(e as Error).message}`);
  }
  if (task.method === "PUT") for (const q of store.match(null, null, null, graph)) store.delete(q);
  for (const q of quads) store.add(oxigraph.quad(q.subject, q.predicate, q.object, graph));
  return !existed;
}
