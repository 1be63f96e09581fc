// SPARQL SELECT answers as plain rows (the SPARQL 1.1 JSON results shape), from wherever the
// store lives: the embedded store in this process (CLI) or the server's worker pool. Code that
// builds views and exports from queries takes a `Select` and so does not care which.
import type oxigraph from "oxigraph";
import { PREFIXES } from "../graph/vocab.ts";

export interface Binding {
  type: "uri" | "literal" | "bnode" | "triple";
  value: string;
  datatype?: string;
  "xml:lang"?: string;
}
export type Row = Record<string, Binding | undefined>;
export type Select = (query: string) => Promise<Row[]>;

/** Every project prefix, for queries written by the views (and shown to users as they ran). */
export const PROLOGUE = Object.entries(PREFIXES)
  .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
  .join("\n");

export const JSON_RESULTS = "application/sparql-results+json";

export function rowsOfJson(text: string): Row[] {
  const parsed = JSON.parse(text) as { results?: { bindings: Row[] } };
  if (!parsed.results) throw new Error("expected SELECT results");
  return parsed.results.bindings;
}

/** Queries on an embedded store; the default graph is the union of all graphs, as on the endpoint. */
export function storeSelect(store: oxigraph.Store): Select {
  return async (query) => rowsOfJson(store.query(query, { use_default_graph_as_union: true, results_format: JSON_RESULTS }) as string);
}

/** A string as a SPARQL literal (quotes, backslashes and line breaks escaped). */
export const sparqlString = (value: string): string =>
  `"${value.replace(/[\\"\n\r\t]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!)}"`;

/** An IRI for query text; refuses anything that could break out of <…>. */
export function sparqlIri(iri: string): string {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20]*$/.test(iri)) throw new Error(`not an absolute IRI: ${iri}`);
  return `<${iri}>`;
}
