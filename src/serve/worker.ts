// A store worker: holds its own copy of the store and evaluates what the HTTP layer asks.
// Oxigraph blocks the thread while a query runs, which is why this runs in a worker thread
// (the pool terminates the thread when a query runs past its time limit).
//
// Keeping copies in step: every task carries the server's current store revision and a
// generation number that grows with every write. A worker whose revision differs reloads the
// store from disk before answering, unless the task is older than what it already holds.
import { workerData } from "node:worker_threads";
import oxigraph from "oxigraph";
import { move, transferableSymbol, valueSymbol } from "piscina";
import type { Term } from "@rdfjs/types";
import { loadStore, saveStore, type StoreManifest } from "../store/index.ts";
import { NG, PREFIXES, RESOURCE } from "../graph/vocab.ts";
import { serializeQuads, serializeStore } from "./rdf-output.ts";
import type { Format } from "./formats.ts";
import { HttpError } from "./http-error.ts";
import { isAbsoluteIri } from "./iri.ts";
import type { ArticleRef, Dataset, Envelope, FactView, GraphTarget, PropertyRow, Reply, ResourcePageData } from "./tasks.ts";

export interface WorkerOptions {
  storeDir: string;
  maxResultBytes: number;
}

const options = workerData as WorkerOptions;

let store: oxigraph.Store;
let manifest: StoreManifest;
let generation = -1;
let loading: Promise<void> = reload();

/** Starts loading the store from disk; a failure is reported by the next task that waits for it. */
function reload(): Promise<void> {
  const loaded = loadStore(options.storeDir).then((l) => {
    ({ store, manifest } = l);
  });
  loaded.catch(() => undefined); // not an unhandled rejection: tasks await it and report it
  return loaded;
}

async function ensureCurrent(task: Envelope): Promise<void> {
  await loading;
  if (task.kind === "status" && task.reload) loading = reload();
  else if (manifest.revision !== task.revision && task.generation >= generation) loading = reload();
  await loading;
  generation = Math.max(generation, task.generation);
}

export default async function run(task: Envelope): Promise<Reply> {
  const reply = await answer(task);
  // A body is moved to the main thread, not copied (piscina's transferable protocol).
  if (reply.ok && reply.body) return move({ [transferableSymbol]: reply.body.buffer, [valueSymbol]: reply } as never) as unknown as Reply;
  return reply;
}

async function answer(task: Envelope): Promise<Reply> {
  try {
    await ensureCurrent(task);
  } catch (e) {
    loading = reload(); // try again on the next task
    return { ok: false, revision: "", status: 500, message: `Cannot load the store: ${(e as Error).message}` };
  }
  try {
    return await handle(task);
  } catch (e) {
    const status = e instanceof HttpError ? e.status : 400;
    return { ok: false, revision: manifest.revision, status, message: (e as Error).message };
  }
}

async function handle(task: Envelope): Promise<Reply> {
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
      return { ok: true, revision: manifest.revision, data: resourcePage(task.iri) };
    case "update":
    case "write-graph":
      return await write(task);
  }
}

/** A text body, bounded in size, moved (not copied) to the main thread. */
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

// ---------- resource pages ----------

const RDF_TYPE = PREFIXES.rdf + "type";
const ALT_LABEL = PREFIXES.skos + "altLabel";
const SAME_AS = PREFIXES.owl + "sameAs";
const DERIVED_FROM = PREFIXES.prov + "wasDerivedFrom";
/** How a fact points at a resource: an entity in it, or the article it comes from. */
const FACT_LINKS = [...["holder", "organisation", "speaker", "imposedBy", "target"].map((p) => `ng:${p}`), "prov:wasDerivedFrom"].join("|");
const PROLOGUE = Object.entries(PREFIXES).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n") + "\n";

type Row = Record<string, Term>;

function select(query: string): Row[] {
  const rows = store.query(PROLOGUE + query, { use_default_graph_as_union: true }) as Map<string, Term>[];
  return rows.map((m) => Object.fromEntries(m) as Row);
}

/** A VALUES list of IRIs (each checked: they are written into query text). */
const valuesOf = (list: Iterable<string>) => [...new Set(list)].filter(isAbsoluteIri).map((i) => `<${i}>`).join(" ");
const iris = (terms: Term[]) => terms.filter((t) => t.termType === "NamedNode").map((t) => t.value);

function valueOf(term: Term, labels: Map<string, string>): PropertyRow["value"] {
  if (term.termType === "Literal") {
    const datatype = term.datatype.value;
    return { literal: term.value, language: term.language || undefined, datatype: datatype === PREFIXES.xsd + "string" ? undefined : datatype };
  }
  return { iri: term.termType === "BlankNode" ? `_:${term.value}` : term.value, label: labels.get(term.value) };
}

/** Labels (rdfs:label, or an article's title) of the given IRIs. */
function labelsOf(iris: Iterable<string>): Map<string, string> {
  const values = valuesOf(iris);
  const labels = new Map<string, string>();
  if (!values) return labels;
  for (const row of select(`SELECT ?x ?label WHERE { VALUES ?x { ${values} } ?x rdfs:label|ng:title ?label } ORDER BY ?x ?label`)) {
    if (!labels.has(row.x.value)) labels.set(row.x.value, row.label.value);
  }
  return labels;
}

function articles(iris: Iterable<string>): ArticleRef[] {
  const values = valuesOf(iris);
  if (!values) return [];
  const byIri = new Map<string, ArticleRef>();
  const rows = select(`SELECT ?a ?p ?v WHERE { VALUES ?a { ${values} } VALUES ?p { ng:title ng:fileName ng:publisher ng:datePublished } ?a ?p ?v }`);
  for (const iri of new Set(iris)) byIri.set(iri, { iri });
  for (const { a, p, v } of rows) {
    const ref = byIri.get(a.value)!;
    const field = p.value.slice(NG.length);
    if (field === "title") ref.label ??= v.value;
    else if (field === "fileName") ref.fileName ??= v.value;
    else if (field === "publisher") ref.publisher ??= v.value;
    else ref.datePublished ??= v.value;
  }
  return [...byIri.values()].sort((x, y) => (y.datePublished ?? "").localeCompare(x.datePublished ?? "") || x.iri.localeCompare(y.iri));
}

function facts(iri: string): FactView[] {
  const factIris = select(`SELECT DISTINCT ?f WHERE { ?f ${FACT_LINKS} <${iri}> } LIMIT 1000`).map((r) => r.f.value);
  if (factIris.length === 0) return [];
  const rows = select(`SELECT ?f ?p ?o WHERE { VALUES ?f { ${valuesOf(factIris)} } ?f ?p ?o }`);
  const labels = labelsOf(iris(rows.map((r) => r.o)));
  const articleRefs = new Map(articles(rows.filter((r) => r.p.value === DERIVED_FROM).map((r) => r.o.value)).map((a) => [a.iri, a]));
  const views = new Map<string, FactView>(factIris.map((f) => [f, { iri: f, types: [], articles: [], evidence: [], values: {} }]));
  for (const { f, p, o } of rows) {
    const view = views.get(f.value)!;
    if (p.value === RDF_TYPE) view.types.push(o.value);
    else if (p.value === DERIVED_FROM) view.articles.push(articleRefs.get(o.value) ?? { iri: o.value });
    else if (p.value === NG + "evidenceText") view.evidence.push(o.value);
    else if (p.value === NG + "confidence") view.confidence = o.value;
    else (view.values[p.value] ??= []).push(valueOf(o, labels));
  }
  for (const view of views.values()) view.evidence = [...new Set(view.evidence)];
  // Newest reporting first, then a stable order.
  const dated = (f: FactView) => f.articles.map((a) => a.datePublished ?? "").sort().at(-1) ?? "";
  return [...views.values()].sort((a, b) => dated(b).localeCompare(dated(a)) || a.iri.localeCompare(b.iri));
}

function resourcePage(iri: string): ResourcePageData {
  const node = `<${iri}>`;
  const outgoingRows = select(`SELECT ?p ?o ?g WHERE { GRAPH ?g { ${node} ?p ?o } } ORDER BY ?p ?o LIMIT 2000`);
  const incomingRows = select(`SELECT ?s ?p ?g WHERE { GRAPH ?g { ?s ?p ${node} } FILTER(?p != prov:wasDerivedFrom && ?p != ng:mentionedIn) } ORDER BY ?p ?s LIMIT 500`);
  const labels = labelsOf([iri, ...iris(outgoingRows.map((r) => r.o)), ...iris(incomingRows.map((r) => r.s))]);
  const outgoing = outgoingRows.map((r) => ({ predicate: r.p.value, value: valueOf(r.o, labels), graph: r.g.value }));
  const objectsOf = (predicate: string) => [...new Set(outgoingRows.filter((r) => r.p.value === predicate).map((r) => r.o.value))];
  const coMentioned = select(`
    SELECT ?other (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types) (COUNT(DISTINCT ?a) AS ?shared)
    WHERE { ${node} ng:mentionedIn ?a . ?other ng:mentionedIn ?a . FILTER(?other != ${node})
            OPTIONAL { ?other rdfs:label ?l } OPTIONAL { ?other a ?t } }
    GROUP BY ?other ORDER BY DESC(?shared) ?label LIMIT 200`).map((r) => ({
    iri: r.other.value,
    label: r.label?.value,
    types: r.types ? r.types.value.split(" ").filter(Boolean) : [],
    shared: Number(r.shared.value),
  }));
  const mentions = select(`
    SELECT ?e (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
    WHERE { ?e ng:mentionedIn ${node} OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?e a ?t } }
    GROUP BY ?e ORDER BY ?label LIMIT 500`).map((r) => ({ iri: r.e.value, label: r.label?.value, types: r.types ? r.types.value.split(" ").filter(Boolean) : [] }));
  const graphSize = Number(select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ${node} { ?s ?p ?o } }`)[0]?.n.value ?? 0);
  return {
    iri,
    label: labels.get(iri),
    types: objectsOf(RDF_TYPE),
    altLabels: objectsOf(ALT_LABEL).sort(),
    sameAs: objectsOf(SAME_AS),
    facts: facts(iri),
    mentionedIn: articles(objectsOf(NG + "mentionedIn")),
    mentions,
    coMentioned,
    outgoing,
    incoming: incomingRows.map((r) => ({ subject: { iri: r.s.value, label: labels.get(r.s.value) }, predicate: r.p.value, value: { iri }, graph: r.g.value })),
    graphSize,
  };
}

// ---------- writes ----------

async function write(task: Envelope & { kind: "update" | "write-graph" }): Promise<Reply> {
  let created: boolean | undefined;
  if (task.kind === "update") store.update(task.update, { base_iri: RESOURCE });
  else created = writeGraph(task);
  try {
    // The saved manifest's revision is computed from the content.
    manifest = await saveStore(options.storeDir, store, manifest);
  } catch (e) {
    loading = reload(); // the in-memory copy has changes the disk does not: drop them
    throw new HttpError(500, `The change could not be saved: ${(e as Error).message}`);
  }
  if (task.nextGeneration !== undefined) generation = task.nextGeneration;
  return { ok: true, revision: manifest.revision, created };
}

/** Graph Store Protocol writes; true when the graph did not exist before. */
function writeGraph(task: Envelope & { kind: "write-graph" }): boolean {
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
    throw new HttpError(400, `The request body is not valid ${task.format!.mediaType}: ${(e as Error).message}`);
  }
  if (task.method === "PUT") for (const q of store.match(null, null, null, graph)) store.delete(q);
  for (const q of quads) store.add(oxigraph.quad(q.subject, q.predicate, q.object, graph));
  return !existed;
}

