// Namespaces and IRI patterns shared by every stage that writes or reads the graph.
export const NG = "https://w3id.org/newsgraph/ontology#";
/** Base of every resource IRI the project mints (entities, articles, facts, graphs). */
export const RESOURCE = "https://w3id.org/newsgraph/resource/";
export const WD = "http://www.wikidata.org/entity/";

export const PREFIXES: Record<string, string> = {
  ng: NG,
  ngr: RESOURCE,
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  owl: "http://www.w3.org/2002/07/owl#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  prov: "http://www.w3.org/ns/prov#",
  schema: "https://schema.org/",
  org: "http://www.w3.org/ns/org#",
  foaf: "http://xmlns.com/foaf/0.1/",
  geo: "http://www.w3.org/2003/01/geo/wgs84_pos#",
  wd: WD,
};

/** `person/sergey-lavrov` → full IRI. */
export const entityIri = (entityId: string): string => RESOURCE + entityId;
export const articleIri = (docId: string): string => `${RESOURCE}article/${docId}`;
/** The named graph holding one article's facts and mentions. */
export const articleGraphIri = (docId: string): string => `${RESOURCE}graph/article/${docId}`;
/** The named graph holding entity descriptions (labels, sameAs), rebuilt from all articles. */
export const ENTITIES_GRAPH = `${RESOURCE}graph/entities`;
/** The named graph holding the ontology itself, so labels of classes can be queried. */
export const ONTOLOGY_GRAPH = `${RESOURCE}graph/ontology`;

// ---- Added by the graph builder (additive; nothing above renamed) ----

/** FollowTheMoney's RDF namespace (the Sanction model the ontology aligns to). */
export const FTM = "https://w3id.org/ftm#";
export const RDF = PREFIXES.rdf;
export const RDFS = PREFIXES.rdfs;
export const XSD = PREFIXES.xsd;
export const OWL = PREFIXES.owl;
export const SKOS = PREFIXES.skos;
/** W3C Basic Geo (WGS84) vocabulary: geo:lat / geo:long of linked places. */
export const GEO = PREFIXES.geo;
export const PROV = PREFIXES.prov;
export const SCHEMA = PREFIXES.schema;

/** Kinds of fact node; each gets IRIs under RESOURCE + kind + "/". */
export type FactKind = "role" | "statement" | "sanction";
export const factIri = (kind: FactKind, hash: string): string => `${RESOURCE}${kind}/${hash}`;
/** A Wikidata candidate kept for review on an entity: `<entity>/candidate/Q123`. */
export const candidateIri = (entityId: string, qid: string): string => `${entityIri(entityId)}/candidate/${qid}`;

/**
 * `https://w3id.org/newsgraph/ontology#holder` → `ng:holder` (longest matching namespace), else `<iri>`.
 * `forDisplay` also shortens IRIs whose rest is not a valid prefixed name (`ngr:person/jane-doe`).
 */
export function compactIri(value: string, forDisplay = false): string {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (value.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
  }
  const local = best ? value.slice(best[1].length) : "";
  // Only where the result is a valid prefixed name; otherwise the full IRI.
  const valid = forDisplay ? local.length > 0 : /^[A-Za-z0-9_]([\w.-]*[\w-])?$/.test(local);
  return best && valid ? `${best[0]}:${local}` : `<${value}>`;
}
