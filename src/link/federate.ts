// Federated queries over the embedded store and remote SPARQL endpoints (owner: "link").
// Stub created by the graph builder so `newsgraph query --federate` has its interface; replace it.
import type oxigraph from "oxigraph";

export interface FederatedQueryOptions {
  store: oxigraph.Store;
  query: string;
  /** Remote SPARQL endpoint URLs queried together with the store. */
  endpoints: string[];
  /** How `newsgraph query` wants the answer written (table|json|csv|tsv). */
  format?: "table" | "json" | "csv" | "tsv";
}

/** Runs `query` over the store and the endpoints; resolves to the answer as text in `format`. */
export async function federatedQuery(_options: FederatedQueryOptions): Promise<string> {
  throw new Error("--federate: federated queries are not implemented yet");
}
