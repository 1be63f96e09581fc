// `newsgraph validate` on a remote store: every graph the manifest names is fetched and checked
// against the shapes, as the embedded store's graph is.
import type { Quad } from "@rdfjs/types";
import { DataFactory } from "n3";
import { validateQuads, type ValidationReport } from "../graph/index.ts";
import { StoreError } from "./manifest.ts";
import type { RemoteStore } from "./remote.ts";

export async function validateRemoteStore(store: RemoteStore): Promise<ValidationReport> {
  const manifest = await store.readManifest();
  if (!manifest) throw new StoreError(`${store.location}: no newsgraph store there (no manifest in its bookkeeping graph); run 'newsgraph build --store ${store.location}' first`);
  const { store: loaded } = await store.load();
  const { namedNode, literal, blankNode, quad, defaultGraph } = DataFactory;
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }) =>
    t.termType === "NamedNode" ? namedNode(t.value) : t.termType === "BlankNode" ? blankNode(t.value) : t.termType === "DefaultGraph" ? defaultGraph() : literal(t.value, t.language || namedNode(t.datatype!.value));
  const quads: Quad[] = [];
  for (const q of loaded.match()) quads.push(quad(term(q.subject) as Quad["subject"], term(q.predicate) as Quad["predicate"], term(q.object) as Quad["object"], term(q.graph) as Quad["graph"]));
  return validateQuads(quads);
}
