// One SPARQL query over our store AND remote SPARQL endpoints (default: Wikidata's query
// service), with Comunica. Every triple pattern is answered from the union of the sources, so
// `?person owl:sameAs ?item` (ours) joins `?item wdt:P569 ?born` (Wikidata's) in one query;
// SERVICE clauses work too. Our named graphs are read as one default graph (union).
import { Readable } from "node:stream";
import { QueryEngine } from "@comunica/query-sparql";
import type * as RDF from "@rdfjs/types";
import type oxigraph from "oxigraph";
import { type QueryFormat, formatTable } from "../store/query.ts";
import { USER_AGENT } from "./wikidata-client.ts";

export const WIKIDATA_SPARQL = "https://query.wikidata.org/sparql";

/**
 * What `federatedQuery` answers, by query form:
 * - SELECT: `{ type: "bindings", variables, rows }`, one Record per solution from variable name
 *   (without "?") to RDF/JS term; an unbound variable is absent from its row;
 * - ASK: `{ type: "boolean", value }`;
 * - CONSTRUCT / DESCRIBE: `{ type: "quads", quads }`.
 */
export type FederatedResult =
  | { type: "bindings"; variables: string[]; rows: Array<Record<string, RDF.Term>> }
  | { type: "boolean"; value: boolean }
  | { type: "quads"; quads: RDF.Quad[] };

export interface FederatedQueryOptions {
  /** Our store (the embedded Oxigraph store, e.g. `loadStore(dir).store`). */
  store: oxigraph.Store;
  query: string;
  /** Remote SPARQL endpoints; default Wikidata's query service. */
  endpoints?: string[];
  /** Give up on a slow endpoint after this long (ms). */
  timeoutMs?: number;
  /** Answer as text for `newsgraph query` instead: table, SPARQL JSON, CSV or TSV (graphs: Turtle, JSON-LD, N-Triples). */
  format?: QueryFormat;
}

let engine: QueryEngine | undefined;

/** Runs `query` over the store and the endpoints (see FederatedResult; with `format`, the answer as text). */
export async function federatedQuery(options: FederatedQueryOptions & { format: QueryFormat }): Promise<string>;
export async function federatedQuery(options: FederatedQueryOptions & { format?: undefined }): Promise<FederatedResult>;
export async function federatedQuery(options: FederatedQueryOptions): Promise<FederatedResult | string> {
  const endpoints = options.endpoints?.length ? options.endpoints : [WIKIDATA_SPARQL];
  engine ??= new QueryEngine();
  const result = await engine.query(options.query, {
    sources: [storeSource(options.store), ...endpoints.map((value) => ({ type: "sparql" as const, value }))],
    unionDefaultGraph: true,
    fetch: politeFetch(options.timeoutMs ?? 60_000),
  });
  return options.format ? asText(engine, result, options.format) : structured(result);
}

type ComunicaResult = Awaited<ReturnType<QueryEngine["query"]>>;

async function structured(result: ComunicaResult): Promise<FederatedResult> {
  switch (result.resultType) {
    case "bindings": {
      const stream = await result.execute();
      // Comunica 4 gives { variable, canBeUndef } where the RDF/JS typings say Variable.
      const variables = (await result.metadata()).variables.map((v: RDF.Variable | { variable: RDF.Variable }) => ("variable" in v ? v.variable : v).value);
      const rows: Array<Record<string, RDF.Term>> = [];
      for await (const bindings of stream) {
        const row: Record<string, RDF.Term> = {};
        for (const [variable, term] of bindings) row[variable.value] = term;
        rows.push(row);
      }
      return { type: "bindings", variables, rows };
    }
    case "boolean":
      return { type: "boolean", value: await result.execute() };
    case "quads": {
      const quads: RDF.Quad[] = [];
      for await (const q of await result.execute()) quads.push(q);
      return { type: "quads", quads };
    }
    default:
      throw new Error("federated queries must be SELECT, ASK, CONSTRUCT or DESCRIBE");
  }
}

/** The same media types as `newsgraph query` on the store alone. */
const SELECT_MEDIA: Record<QueryFormat, string> = {
  table: "application/sparql-results+json", json: "application/sparql-results+json", csv: "text/csv", tsv: "text/tab-separated-values",
};
const GRAPH_MEDIA: Record<QueryFormat, string> = { table: "text/turtle", json: "application/ld+json", csv: "application/n-triples", tsv: "application/n-triples" };

async function asText(engine: QueryEngine, result: ComunicaResult, format: QueryFormat): Promise<string> {
  const graph = result.resultType === "quads";
  const { data } = await engine.resultToString(result, graph ? GRAPH_MEDIA[format] : SELECT_MEDIA[format]);
  let text = "";
  for await (const chunk of data) text += String(chunk);
  if (format === "table" && !graph) return formatTable(JSON.parse(text));
  return text.endsWith("\n") || text === "" ? text : text + "\n";
}

/** The Oxigraph store as an RDF/JS Source (match → stream), with counts for the join planner. */
function storeSource(store: oxigraph.Store): RDF.Source & { countQuads: (...terms: Array<RDF.Term | null>) => number } {
  type T = oxigraph.Term | null;
  return {
    match: (s, p, o, g) => Readable.from(store.match(s as T, p as T, o as T, g as T)) as unknown as RDF.Stream<RDF.Quad>,
    countQuads: (s, p, o, g) => store.match(s as T, p as T, o as T, g as T).length,
  };
}

/** Wikidata's query service asks every client to name itself; slow endpoints time out. */
function politeFetch(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("User-Agent", USER_AGENT);
    return fetch(input, { ...init, headers, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
  };
}
