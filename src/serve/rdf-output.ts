// Serializes quads in a negotiated RDF format. Oxigraph writes every format but puts no
// prefixes in Turtle/TriG, so those two go through n3's Writer with the project's prefixes.
import oxigraph from "oxigraph";
import { Writer } from "n3";
import type { Quad } from "@rdfjs/types";
import { PREFIXES } from "../graph/vocab.ts";
import type { Format } from "./formats.ts";

const key = (q: Quad, withGraph: boolean) =>
  `${withGraph ? q.graph.value : ""}\u0000${q.subject.value}\u0000${q.predicate.value}\u0000${q.object.termType}${q.object.value}`;

/** Sorted by graph, subject, predicate so the writer can group them; duplicates dropped. */
function ordered(quads: Iterable<Quad>, withGraph: boolean): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) {
    const k = key(q, withGraph);
    if (!seen.has(k)) seen.set(k, q);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, q]) => q);
}

function writePretty(quads: Quad[], format: Format): string {
  const writer = new Writer({ prefixes: PREFIXES, format: format.quads ? "application/trig" : "text/turtle" });
  const defaultGraph = oxigraph.defaultGraph();
  for (const q of quads) {
    writer.addQuad(q.subject as never, q.predicate as never, q.object as never, (format.quads ? q.graph : defaultGraph) as never);
  }
  let out = "";
  writer.end((error, result: string) => {
    if (error) throw error;
    out = result;
  });
  return out;
}

/** Quads → text in `format`. Triple formats get the triples of every graph, merged. */
export function serializeQuads(quads: Iterable<Quad>, format: Format): string {
  const list = ordered(quads, Boolean(format.quads));
  if (format.pretty) return writePretty(list, format);
  const defaultGraph = oxigraph.defaultGraph();
  const store = new oxigraph.Store(
    (format.quads ? list : list.map((q) => oxigraph.quad(q.subject as never, q.predicate as never, q.object as never, defaultGraph))) as never,
  );
  return format.quads ? store.dump({ format: format.mediaType }) : store.dump({ format: format.mediaType, from_graph_name: defaultGraph });
}
