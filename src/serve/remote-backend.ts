// The endpoint in front of a remote SPARQL store: `newsgraph serve --store http://…/sparql`.
// Every read the HTTP layer asks for (queries, graph reads, descriptions, resource pages and the
// UI's queries) becomes requests to the remote store, under the same limits as the embedded
// store: at most `concurrency` at once, `maxQueue` waiting (429 beyond), the time limit (503
// past it; the remote store may go on working on it), answers up to `maxResultBytes` (422).
// Answers are written as for the embedded store: SPARQL JSON as the standard says it, RDF
// through the project's writers.
//
// The revision (ETags, the UI's caches) is the remote manifest's, checked every few seconds.
// Writes (with the update token) are sent on to the store and mark its manifest as written from
// outside, so the next build checks every article against its record.
import oxigraph from "oxigraph";
import { DataFactory } from "n3";
import type { Term } from "@rdfjs/types";
import type { QueryBackend, BackendStatus } from "./backend.ts";
import type { ReadTask, ReplyOk, WriteTask, Dataset, GraphTarget } from "./tasks.ts";
import type { Format } from "./formats.ts";
import { HttpError } from "./http-error.ts";
import { isAbsoluteIri } from "./iri.ts";
import { gatherResourcePage, type Row } from "./resource-data.ts";
import { serializeQuads, serializeStore } from "./rdf-output.ts";
import { RemoteStoreError, insertTriples, normaliseBinding } from "../store/remote-endpoint.ts";
import type { RemoteStore } from "../store/remote.ts";
import { RESOURCE } from "../graph/vocab.ts";

export interface RemoteBackendOptions {
  store: RemoteStore;
  /** Requests to the remote store at once. */
  concurrency: number;
  maxQueue: number;
  timeoutMs: number;
  maxResultBytes: number;
  onEvent?: (line: string) => void;
  /** How often the remote manifest is checked for a new revision. */
  pollMs?: number;
}

const JSON_RESULTS = "application/sparql-results+json";

export class RemoteBackend implements QueryBackend {
  private state: BackendStatus["state"] = "loading";
  private current = "none";
  private quads = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private poller: NodeJS.Timeout | undefined;
  private readyPromise: Promise<{ size: number }> | undefined;
  private writes = 0;
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: RemoteBackendOptions) {}

  get revision(): string {
    return this.current;
  }

  private get endpoint() {
    return this.options.store.endpoint;
  }

  async start(): Promise<void> {
    // A clear error now when the URL is no SPARQL endpoint or the store is unreachable.
    await this.endpoint.ask("ASK {}", { timeoutMs: 30_000 });
    this.readyPromise = this.refresh().then(
      () => {
        this.state = "ready";
        return { size: this.quads };
      },
      (e: unknown) => {
        this.state = "failed";
        throw e;
      },
    );
    this.readyPromise.catch(() => undefined);
    this.poller = setInterval(() => void this.refresh().catch(() => undefined), this.options.pollMs ?? 5000);
    this.poller.unref();
  }

  ready(): Promise<{ size: number }> {
    return this.readyPromise ?? Promise.reject(new Error("not started"));
  }

  /** The remote manifest's revision (plus this server's own writes). */
  private async refresh(): Promise<void> {
    const manifest = await this.options.store.readManifest();
    const base = manifest ? manifest.revision : "none";
    const next = this.writes ? `${base}+${this.writes}` : base;
    if (next !== this.current) {
      if (this.current !== "none") this.options.onEvent?.(`remote store: revision ${next}`);
      this.current = next;
      this.quads = manifest
        ? Object.values(manifest.articles).reduce((n, a) => n + (a.quads ?? 0), 0) + Object.values(manifest.entities ?? {}).reduce((n, b) => n + (b.quads ?? 0), 0)
        : 0;
    }
  }

  status(): BackendStatus {
    return { state: this.state, revision: this.current, quads: this.quads, store: this.options.store.location, running: this.running, queued: this.waiting.length };
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    for (const c of this.inFlight) c.abort();
  }

  // ---------- reads ----------

  async run(task: ReadTask): Promise<ReplyOk> {
    return this.limited(async (signal) => {
      for (const iri of [(task as { iri?: string }).iri, (task as { target?: { iri?: string } }).target?.iri]) {
        if (iri !== undefined && !isAbsoluteIri(iri)) throw new HttpError(400, `Not an absolute IRI: ${iri}`);
      }
      switch (task.kind) {
        case "status":
          return { ok: true, revision: this.current, size: this.quads };
        case "query":
          return this.text(await this.query(task.query, task.format, task.dataset, signal));
        case "read-graph":
          return this.text(await this.readGraph(task.target, task.format, signal));
        case "describe":
          return this.text(await this.describe(task.iri, task.format, signal));
        case "resource-page":
          return { ok: true, revision: this.current, data: await gatherResourcePage(task.iri, (q) => this.select(q, signal)) };
      }
    });
  }

  /** Runs `work` when a slot is free (429 when too many wait), under the time limit (503 past it). */
  private async limited<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const started = Date.now();
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.maxQueue) throw new HttpError(429, "Too many queries are waiting; try again shortly.", { "Retry-After": "1" });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const left = Math.max(1, this.options.timeoutMs - (Date.now() - started));
    const timer = setTimeout(() => controller.abort(new HttpError(503, `Query stopped: it ran past this server's time limit of ${this.options.timeoutMs / 1000} s. Narrow it (add a LIMIT, more specific patterns).`)), left);
    try {
      return await work(controller.signal);
    } catch (e) {
      if (controller.signal.aborted && controller.signal.reason instanceof HttpError) throw controller.signal.reason;
      throw this.asHttpError(e);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** A remote failure as the status a client should see: its own fault (4xx) passes through as 400, the store's as 502. */
  private asHttpError(e: unknown): HttpError {
    if (e instanceof HttpError) return e;
    if (e instanceof RemoteStoreError) {
      const status = e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 403 ? 400 : 502;
      return new HttpError(status, status === 400 ? `The store refused the request: ${e.message}` : `The remote store failed: ${e.message}`);
    }
    return new HttpError(502, `The remote store failed: ${(e as Error).message}`);
  }

  private text(body: string): ReplyOk {
    const bytes = new TextEncoder().encode(body);
    if (bytes.byteLength > this.options.maxResultBytes) {
      throw new HttpError(422, `The result is ${bytes.byteLength} bytes, over this server's limit of ${this.options.maxResultBytes} bytes; add a LIMIT or narrow the query.`);
    }
    return { ok: true, revision: this.current, body: bytes };
  }

  /** The answer's text, refused once it passes the size limit (the transfer is cut there). */
  private async bounded(res: Response): Promise<string> {
    const reader = res.body?.getReader();
    if (!reader) return "";
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.options.maxResultBytes) {
        await reader.cancel();
        throw new HttpError(422, `The result is over this server's limit of ${this.options.maxResultBytes} bytes; add a LIMIT or narrow the query.`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  private async query(query: string, format: Format, dataset: Dataset, signal: AbortSignal): Promise<string> {
    const params = new URLSearchParams();
    if (dataset.kind === "explicit") {
      for (const g of dataset.defaultGraphs) params.append("default-graph-uri", g);
      for (const g of dataset.namedGraphs) params.append("named-graph-uri", g);
    }
    const graphResult = isRdfFormat(format);
    // RDF answers come as N-Triples and are written by the project's writers; results as asked.
    const accept = graphResult ? "application/n-triples" : format.mediaType;
    const res = await this.endpoint.query(query, accept, { signal, timeoutMs: this.options.timeoutMs }, params);
    const text = await this.bounded(res);
    if (graphResult) return serializeQuads(parseTriples(text), format);
    if (format.mediaType === JSON_RESULTS) return normaliseJsonResults(text);
    return text;
  }

  private async select(query: string, signal: AbortSignal): Promise<Row[]> {
    const res = await this.endpoint.query(query, JSON_RESULTS, { signal, timeoutMs: this.options.timeoutMs });
    const parsed = JSON.parse(await this.bounded(res)) as { results: { bindings: Record<string, Parameters<typeof normaliseBinding>[0]>[] } };
    return parsed.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, toTerm(normaliseBinding(v))])) as Row);
  }

  private async readGraph(target: GraphTarget, format: Format, signal: AbortSignal): Promise<string> {
    switch (target.kind) {
      case "default":
        return this.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", format, { kind: "union" }, signal);
      case "graph": {
        if (!(await this.endpoint.ask(`ASK { GRAPH <${target.iri}> { ?s ?p ?o } }`, { signal }))) throw new HttpError(404, `No graph named <${target.iri}> in the store.`);
        const store = new oxigraph.Store();
        store.load(await this.endpoint.getGraph(target.iri, { signal, timeoutMs: this.options.timeoutMs }), { format: "application/n-triples", to_graph_name: oxigraph.namedNode(target.iri) });
        return serializeStore(store, format, target.iri);
      }
      case "dataset": {
        const manifest = await this.options.store.readManifest();
        const names = manifest ? this.options.store.graphNames(manifest) : [];
        const store = new oxigraph.Store();
        let bytes = 0;
        for (const iri of names) {
          const text = await this.endpoint.getGraph(iri, { signal, timeoutMs: this.options.timeoutMs });
          bytes += text.length;
          if (bytes > this.options.maxResultBytes) throw new HttpError(422, `The dataset is over this server's limit of ${this.options.maxResultBytes} bytes; ask for one graph (?graph=IRI).`);
          store.load(text, { format: "application/n-triples", to_graph_name: oxigraph.namedNode(iri) });
        }
        return serializeStore(store, format);
      }
    }
  }

  /** Every quad in which the resource is subject or object. */
  private async describe(iri: string, format: Format, signal: AbortSignal): Promise<string> {
    const rows = await this.select(`SELECT ?s ?p ?o ?g WHERE { { GRAPH ?g { <${iri}> ?p ?o } BIND(<${iri}> AS ?s) } UNION { GRAPH ?g { ?s ?p <${iri}> } BIND(<${iri}> AS ?o) } }`, signal);
    if (!rows.length) throw new HttpError(404, `Nothing is known about <${iri}>.`);
    const quads = rows.map((r) => oxigraph.quad(toOx(r.s) as oxigraph.NamedNode, toOx(r.p) as oxigraph.NamedNode, toOx(r.o), toOx(r.g) as oxigraph.NamedNode));
    return serializeQuads(quads, format);
  }

  // ---------- writes ----------

  async write(task: WriteTask): Promise<ReplyOk> {
    const reply = await this.limited(async (signal) => {
      let created: boolean | undefined;
      if (task.kind === "update") await this.endpoint.update(task.update, { signal });
      else created = await this.writeGraph(task, signal);
      return { ok: true as const, revision: this.current, created };
    });
    // Written from outside the builder: the next build checks every article against its record.
    await this.options.store.markWrittenFromOutside().catch((e: Error) => this.options.onEvent?.(`remote store: could not mark the write for the next build: ${e.message}`));
    this.writes++;
    await this.refresh().catch(() => undefined);
    return { ...reply, revision: this.current };
  }

  private async writeGraph(task: Extract<WriteTask, { kind: "write-graph" }>, signal: AbortSignal): Promise<boolean> {
    if (task.target.kind === "default") throw new HttpError(400, "The default graph of this store is the union of its named graphs; write a named graph (?graph=IRI).");
    const iri = task.target.iri;
    const existed = await this.endpoint.ask(`ASK { GRAPH <${iri}> { ?s ?p ?o } }`, { signal });
    if (task.method === "DELETE") {
      if (!existed) throw new HttpError(404, `No graph named <${iri}> in the store.`);
      await this.endpoint.deleteGraph(iri, { signal });
      return false;
    }
    let quads: oxigraph.Quad[];
    try {
      quads = oxigraph.parse(task.body ?? "", { format: task.format!.mediaType, base_iri: RESOURCE, to_graph_name: oxigraph.namedNode(iri) }) as oxigraph.Quad[];
    } catch (e) {
      throw new HttpError(400, `The request body is not valid ${task.format!.mediaType}: ${(e as Error).message}`);
    }
    const store = new oxigraph.Store(quads.map((q) => oxigraph.quad(q.subject, q.predicate, q.object, oxigraph.namedNode(iri))));
    const ntriples = store.dump({ format: "application/n-triples", from_graph_name: oxigraph.namedNode(iri) });
    if (task.method === "PUT") await this.endpoint.putGraph(iri, ntriples, { signal });
    else await this.endpoint.update(insertTriples(iri, ntriples), { signal });
    return !existed;
  }
}

const isRdfFormat = (format: Format) => !format.mediaType.startsWith("application/sparql-results") && format.mediaType !== "text/csv" && format.mediaType !== "text/tab-separated-values";

function parseTriples(text: string): oxigraph.Quad[] {
  try {
    return oxigraph.parse(text, { format: "application/n-triples" }) as oxigraph.Quad[];
  } catch (e) {
    throw new HttpError(502, `The remote store's answer is not valid N-Triples: ${(e as Error).message}`);
  }
}

/** SPARQL JSON results as the standard says them ("literal", never the old "typed-literal"). */
function normaliseJsonResults(text: string): string {
  let parsed: { head: { vars?: string[]; link?: string[] }; boolean?: boolean; results?: { bindings: Record<string, Parameters<typeof normaliseBinding>[0]>[] } };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(502, "The remote store's answer is not SPARQL JSON results.");
  }
  if (parsed.boolean !== undefined) return JSON.stringify({ head: {}, boolean: parsed.boolean });
  const bindings = (parsed.results?.bindings ?? []).map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, normaliseBinding(v)])));
  return JSON.stringify({ head: { vars: parsed.head.vars ?? [] }, results: { bindings } });
}

function toTerm(b: ReturnType<typeof normaliseBinding>): Term {
  const { namedNode, blankNode, literal } = DataFactory;
  if (b.type === "uri") return namedNode(b.value);
  if (b.type === "bnode") return blankNode(b.value);
  return literal(b.value, b["xml:lang"] || (b.datatype ? namedNode(b.datatype) : undefined));
}

function toOx(t: Term): oxigraph.NamedNode | oxigraph.BlankNode | oxigraph.Literal {
  if (t.termType === "NamedNode") return oxigraph.namedNode(t.value);
  if (t.termType === "BlankNode") return oxigraph.blankNode(t.value);
  const l = t as { value: string; language: string; datatype: { value: string } };
  return l.language ? oxigraph.literal(l.value, l.language) : oxigraph.literal(l.value, oxigraph.namedNode(l.datatype.value));
}
