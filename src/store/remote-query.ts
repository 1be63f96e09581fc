// `newsgraph query` and the network export on a remote store: the query goes to its endpoint,
// the answer is formatted as for the embedded store. The remote store's default graph must be
// the union of its named graphs (Virtuoso's is; Fuseki needs unionDefaultGraph, GraphDB and
// Oxigraph server have an option for it), as ours is.
import oxigraph from "oxigraph";
import { checkEngineLimits, inspectQuery } from "../serve/query-text.ts";
import { exportStore } from "./export.ts";
import { formatTable, QueryError, type QueryFormat } from "./query.ts";
import { normaliseBinding, type RemoteEndpoint } from "./remote-endpoint.ts";
import type { Select } from "./select.ts";

const SELECT_MEDIA: Record<"csv" | "tsv", string> = { csv: "text/csv", tsv: "text/tab-separated-values" };

/** Runs `query` on the remote endpoint; the answer as `newsgraph query` prints it for the embedded store. */
export async function runRemoteQuery(endpoint: RemoteEndpoint, query: string, format: QueryFormat): Promise<string> {
  let shape;
  try {
    checkEngineLimits(query, "query");
    shape = inspectQuery(query);
  } catch (e) {
    throw new QueryError((e as Error).message);
  }
  if (shape.form === "CONSTRUCT" || shape.form === "DESCRIBE") {
    // N-Triples from the store, written as for the embedded store (Turtle with our prefixes, JSON-LD, N-Triples).
    const text = await endpoint.queryText(query, "application/n-triples", {});
    const store = new oxigraph.Store();
    store.load(text, { format: "application/n-triples" });
    const out = await exportStore(store, { format: format === "table" ? "turtle" : format === "json" ? "jsonld" : "ntriples" });
    return out.endsWith("\n") || out === "" ? out : out + "\n";
  }
  if (format === "csv" || format === "tsv") {
    const text = await endpoint.queryText(query, SELECT_MEDIA[format], {});
    return text.endsWith("\n") || text === "" ? text : text + "\n";
  }
  const text = await endpoint.queryText(query, "application/sparql-results+json", {});
  const results = normalisedResults(text, endpoint.location);
  return format === "table" ? formatTable(results as Parameters<typeof formatTable>[0]) : JSON.stringify(results) + "\n";
}

interface Results {
  head: { vars?: string[] };
  results?: { bindings: Record<string, unknown>[] };
  boolean?: boolean;
}

/** SPARQL JSON results as the standard says them (no "typed-literal", no empty "link"). */
function normalisedResults(text: string, location: string): Results {
  let parsed: Results;
  try {
    parsed = JSON.parse(text) as Results;
  } catch {
    throw new QueryError(`${location}: the answer is not SPARQL JSON results`);
  }
  if (parsed.boolean !== undefined) return { head: {}, boolean: parsed.boolean };
  // Terms as the embedded store writes them (same keys, same order), so both answers read alike.
  const bindings = (parsed.results?.bindings ?? []).map((b) =>
    Object.fromEntries(Object.entries(b as Record<string, Parameters<typeof normaliseBinding>[0]>).map(([k, v]) => [k, normaliseBinding(v)])),
  );
  return { head: { vars: parsed.head.vars ?? [] }, results: { bindings } };
}

/** SELECTs on the remote store, for code that takes a Select (network export). */
export const remoteSelect =
  (endpoint: RemoteEndpoint): Select =>
  (query) =>
    endpoint.select(query);
