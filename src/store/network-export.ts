// The network (see network.ts) in the formats analysts' tools read: GraphML (Gephi, Cytoscape
// desktop, yEd, networkx), GEXF (Gephi; written by graphology-gexf) and CSV node and edge tables
// (written by papaparse). Node ids are the entities' IRIs; the edge attribute `relation` says
// post, sanction, statement or co-mention (co-mentions have no direction: source < target).
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import Papa from "papaparse";
import XMLWriter from "xml-writer";
import type { Network } from "./network.ts";

export const NETWORK_FORMATS = ["graphml", "gexf", "csv"] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F). */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlText = (value: string) => value.replace(NOT_XML, "\uFFFD");

const nodeRecord = (n: Network["nodes"][number]) => ({ id: n.id, label: n.label, type: n.type, articles: n.articles, wikidata: n.wikidata ?? "" });
const edgeRecord = (e: Network["edges"][number]) => ({
  source: e.source,
  target: e.target,
  relation: e.kind,
  weight: e.weight,
  details: e.details.join(" | "),
  first_date: e.firstDate ?? "",
  last_date: e.lastDate ?? "",
});

export function networkToGraphml(network: Network): string {
  const w = new XMLWriter(true);
  w.startDocument("1.0", "UTF-8");
  w.startElement("graphml");
  w.writeAttribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  w.writeAttribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  w.writeAttribute("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  const keys: [string, "node" | "edge", string, "string" | "int"][] = [
    ["label", "node", "label", "string"],
    ["type", "node", "type", "string"],
    ["articles", "node", "articles", "int"],
    ["wikidata", "node", "wikidata", "string"],
    ["relation", "edge", "relation", "string"],
    ["weight", "edge", "weight", "int"],
    ["details", "edge", "details", "string"],
    ["first_date", "edge", "first_date", "string"],
    ["last_date", "edge", "last_date", "string"],
  ];
  for (const [id, target, name, type] of keys) {
    w.startElement("key").writeAttribute("id", id).writeAttribute("for", target).writeAttribute("attr.name", name).writeAttribute("attr.type", type).endElement();
  }
  w.startElement("graph").writeAttribute("id", "newsgraph").writeAttribute("edgedefault", "directed");
  const data = (key: string, value: string | number) => {
    if (value === "") return;
    w.startElement("data").writeAttribute("key", key).text(xmlText(String(value))).endElement();
  };
  for (const n of network.nodes) {
    w.startElement("node").writeAttribute("id", xmlText(n.id));
    for (const [key, value] of Object.entries(nodeRecord(n))) if (key !== "id") data(key, value);
    w.endElement();
  }
  network.edges.forEach((e, i) => {
    w.startElement("edge").writeAttribute("id", `e${i}`).writeAttribute("source", xmlText(e.source)).writeAttribute("target", xmlText(e.target));
    for (const [key, value] of Object.entries(edgeRecord(e))) if (key !== "source" && key !== "target") data(key, value);
    w.endElement();
  });
  w.endElement().endElement().endDocument();
  return w.toString() + "\n";
}

/** The network as a graphology graph (what the browser view draws, and the GEXF writer reads). */
export function networkToGraphology(network: Network): MultiDirectedGraph {
  const graph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const n of network.nodes) {
    const { id, ...attributes } = nodeRecord(n);
    graph.addNode(id, { ...attributes, label: xmlText(attributes.label), wikidata: attributes.wikidata || undefined });
  }
  network.edges.forEach((e, i) => {
    const { source, target, ...attributes } = edgeRecord(e);
    graph.addDirectedEdgeWithKey(`e${i}`, source, target, { ...attributes, details: xmlText(attributes.details) });
  });
  return graph;
}

// GEXF 1.2: what Gephi, Cytoscape and networkx (Debian 12 ships 2.8, which reads no 1.3) all read.
export function networkToGexf(network: Network): string {
  return writeGexf(networkToGraphology(network), { version: "1.2" }) + "\n";
}

/** Two tables: nodes (id, label, type, articles, wikidata) and edges (source, target, relation, …). */
export function networkToCsv(network: Network): { nodes: string; edges: string } {
  const nodeFields = ["id", "label", "type", "articles", "wikidata"];
  const edgeFields = ["source", "target", "relation", "weight", "details", "first_date", "last_date"];
  return {
    nodes: Papa.unparse({ fields: nodeFields, data: network.nodes.map(nodeRecord) }, { newline: "\n" }) + "\n",
    edges: Papa.unparse({ fields: edgeFields, data: network.edges.map(edgeRecord) }, { newline: "\n" }) + "\n",
  };
}
