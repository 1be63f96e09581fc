// Serialises the store (or one graph of it) in the standard RDF formats.
// N-Quads and N-Triples are canonical (sorted, deduplicated): equal graphs give equal bytes.
// Turtle and TriG are pretty: prefixes from src/graph/vocab.ts, subjects grouped, written by n3.
import oxigraph from "oxigraph";
import { DataFactory, Writer } from "n3";
import type * as RDF from "@rdfjs/types";
import { PREFIXES, RDF as RDF_NS } from "../graph/vocab.ts";
import { canonicalizeNQuads, sortNQuadLines } from "../graph/nquads.ts";
import { StoreError } from "./index.ts";

export const EXPORT_FORMATS = ["turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Media type and usual file extension of each format. */
export const FORMAT_INFO: Record<ExportFormat, { mediaType: string; extension: string; quads: boolean }> = {
  turtle: { mediaType: "text/turtle", extension: "ttl", quads: false },
  trig: { mediaType: "application/trig", extension: "trig", quads: true },
  nquads: { mediaType: "application/n-quads", extension: "nq", quads: true },
  ntriples: { mediaType: "application/n-triples", extension: "nt", quads: false },
  jsonld: { mediaType: "application/ld+json", extension: "jsonld", quads: true },
  rdfxml: { mediaType: "application/rdf+xml", extension: "rdf", quads: false },
};

export interface ExportOptions {
  format: ExportFormat;
  /** Only this named graph (its IRI); default: every graph (triple formats merge them). */
  graph?: string;
}

/** The store (or one graph) as text in the format asked for. Throws StoreError for an unknown graph. */
export async function exportStore(store: oxigraph.Store, options: ExportOptions): Promise<string> {
  const { format, graph } = options;
  const graphNode = graph === undefined ? undefined : checkedGraph(store, graph);
  switch (format) {
    case "nquads":
      if (!graphNode) return canonicalizeNQuads(store.dump({ format: "application/n-quads" }));
      return sortNQuadLines(ntriplesLines(store, graphNode).map((l) => l.replace(/ \.$/, ` <${graphNode.value}> .`)));
    case "ntriples":
      return sortNQuadLines(graphNode ? ntriplesLines(store, graphNode) : graphsOf(store).flatMap((g) => ntriplesLines(store, g)));
    case "turtle":
    case "trig":
      return pretty(store, format, graphNode);
    case "jsonld":
      return store.dump(graphNode ? { format: FORMAT_INFO.jsonld.mediaType, from_graph_name: graphNode } : { format: FORMAT_INFO.jsonld.mediaType });
    case "rdfxml": {
      if (graphNode) return store.dump({ format: FORMAT_INFO.rdfxml.mediaType, from_graph_name: graphNode });
      const union = new oxigraph.Store();
      union.load(sortNQuadLines(graphsOf(store).flatMap((g) => ntriplesLines(store, g))), { format: "application/n-triples" });
      return union.dump({ format: FORMAT_INFO.rdfxml.mediaType, from_graph_name: oxigraph.defaultGraph() });
    }
  }
}

function checkedGraph(store: oxigraph.Store, graph: string): oxigraph.NamedNode {
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(graph)) throw new StoreError(`--graph ${graph}: not an absolute IRI`);
  const node = oxigraph.namedNode(graph);
  if (!store.query(`ASK { GRAPH <${graph}> { ?s ?p ?o } }`)) {
    throw new StoreError(`--graph ${graph}: no such graph in the store`);
  }
  return node;
}

/** The default graph and every named graph holding quads. */
function graphsOf(store: oxigraph.Store): (oxigraph.NamedNode | oxigraph.DefaultGraph | oxigraph.BlankNode)[] {
  const rows = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") as Map<string, oxigraph.Term>[];
  const named = rows.map((r) => r.get("g") as oxigraph.NamedNode).sort((a, b) => (a.value < b.value ? -1 : 1));
  return [oxigraph.defaultGraph(), ...named];
}

const ntriplesLines = (store: oxigraph.Store, graph: oxigraph.NamedNode | oxigraph.DefaultGraph | oxigraph.BlankNode): string[] =>
  store.dump({ format: "application/n-triples", from_graph_name: graph }).split("\n");

const TYPE = RDF_NS + "type";

/** Pretty Turtle (graphs merged) or TriG via n3's Writer, quads sorted so subjects group. */
function pretty(store: oxigraph.Store, format: "turtle" | "trig", graph?: oxigraph.NamedNode): Promise<string> {
  const keep = format === "trig";
  const byKey = new Map<string, RDF.Quad>();
  for (const q of graph ? store.match(null, null, null, graph) : store.match()) {
    const nq = DataFactory.quad(
      toN3(q.subject) as RDF.Quad_Subject,
      toN3(q.predicate) as RDF.Quad_Predicate,
      toN3(q.object) as RDF.Quad_Object,
      keep ? (toN3(q.graph) as RDF.Quad_Graph) : DataFactory.defaultGraph(),
    );
    // rdf:type first within a subject, as people write Turtle.
    const key = [keep ? termKey(nq.graph) : "", termKey(nq.subject), nq.predicate.value === TYPE ? "" : nq.predicate.value, termKey(nq.object)].join("\u0000");
    byKey.set(key, nq);
  }
  const sorted = [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, q]) => q);
  const writer = new Writer({ format: format === "trig" ? "application/trig" : "text/turtle", prefixes: PREFIXES });
  writer.addQuads(sorted);
  return new Promise((resolve, reject) => writer.end((err, result: string) => (err ? reject(err) : resolve(result))));
}

function termKey(t: RDF.Term): string {
  if (t.termType === "Literal") return `"${t.value}"@${t.language}^^${t.datatype.value}`;
  return `${t.termType === "BlankNode" ? "_:" : ""}${t.value}`;
}

function toN3(t: oxigraph.Term): RDF.Term {
  switch (t.termType) {
    case "NamedNode":
      return DataFactory.namedNode(t.value);
    case "BlankNode":
      return DataFactory.blankNode(t.value);
    case "Literal":
      return t.language ? DataFactory.literal(t.value, t.language) : DataFactory.literal(t.value, DataFactory.namedNode(t.datatype.value));
    case "DefaultGraph":
      return DataFactory.defaultGraph();
    default:
      throw new StoreError(`cannot write a ${t.termType} term in Turtle/TriG`);
  }
}
