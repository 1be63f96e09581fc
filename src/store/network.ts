// The network of the graph, as analysts draw it: persons, organisations, states and places as
// nodes (with the number of articles that mention them), and edges for posts (holder →
// organisation), sanctions (imposer → target), statements (speaker → entities named in the quote
// or its sentence) and co-mentions (entities named in the same articles). Built from SPARQL
// SELECTs that are kept with the result, so a user can see and rerun what produced a view.
import { PROLOGUE, sparqlIri, sparqlString, type Row, type Select } from "./select.ts";

export const ENTITY_TYPES = ["person", "organisation", "country", "place"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const EDGE_KINDS = ["post", "sanction", "statement", "co-mention"] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface NetworkFilters {
  /** Entity types shown; all when absent or empty. */
  types?: EntityType[];
  /** Inclusive ISO dates: an article's publication date, or a fact's own ng:date when it has one. */
  from?: string;
  to?: string;
  publishers?: string[];
  /** Article IRIs. */
  articles?: string[];
}

export interface EntityInfo {
  iri: string;
  label: string;
  type: EntityType;
  /** Other names (skos:altLabel). */
  names: string[];
  /** Wikidata item IRI. */
  wikidata?: string;
  /** Articles that mention it, in the whole graph. */
  articles: number;
}

export interface NetworkNode {
  id: string;
  label: string;
  type: EntityType;
  /** Articles (within the filters) that mention it. */
  articles: number;
  wikidata?: string;
}

export interface NetworkEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  /** Facts (posts, sanctions, statements) or shared articles (co-mentions). */
  weight: number;
  /** Distinct post titles, sanction reasons or quotations, at most five. */
  details: string[];
  firstDate?: string;
  lastDate?: string;
}

export interface ShownQuery {
  title: string;
  query: string;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Before the size limits: how many nodes and edges the filters matched. */
  matched: { nodes: number; edges: number };
  truncated: boolean;
  queries: ShownQuery[];
}

export interface NetworkLimits {
  /** The most-mentioned entities kept (all when absent). */
  maxNodes?: number;
  /** The strongest co-mention edges kept among the kept nodes (all when absent). */
  maxCoMentions?: number;
}

const CLASS_OF: Record<EntityType, string> = { person: "ng:Person", organisation: "ng:Organisation", country: "ng:Country", place: "ng:Place" };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WIKIDATA = "http://www.wikidata.org/entity/";

// ---------- the entities ----------

export const ENTITIES_QUERY = `${PROLOGUE}
# Every person, organisation, state and place: name, type, Wikidata item, number of articles
SELECT ?entity ?class ?label ?wikidata (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  VALUES ?class { ng:Person ng:Organisation ng:Country ng:Place }
  ?entity a ?class ; rdfs:label ?label .
  OPTIONAL { ?entity ng:mentionedIn ?article }
  OPTIONAL { ?entity owl:sameAs ?wikidata FILTER(STRSTARTS(STR(?wikidata), "${WIKIDATA}")) }
}
GROUP BY ?entity ?class ?label ?wikidata`;

export const NAMES_QUERY = `${PROLOGUE}
# Every other name of an entity (the surface forms articles use)
SELECT ?entity ?name WHERE {
  VALUES ?class { ng:Person ng:Organisation ng:Place }
  ?entity a ?class ; skos:altLabel ?name .
}`;

/** Every entity by IRI. A state (ng:Country, also an ng:Organisation) is of type "country". */
export async function loadEntities(select: Select): Promise<Map<string, EntityInfo>> {
  const [rows, names] = await Promise.all([select(ENTITIES_QUERY), select(NAMES_QUERY)]);
  const entities = new Map<string, EntityInfo>();
  const rank: EntityType[] = ["country", "person", "place", "organisation"]; // most specific first
  for (const r of rows) {
    const iri = r.entity!.value;
    const type = r.class!.value.replace(/^.*#/, "").toLowerCase() as EntityType;
    const known = entities.get(iri);
    if (!known) {
      entities.set(iri, { iri, label: r.label!.value, type, names: [], wikidata: r.wikidata?.value, articles: Number(r.articles?.value ?? 0) });
    } else {
      if (rank.indexOf(type) < rank.indexOf(known.type)) known.type = type;
      known.wikidata ??= r.wikidata?.value;
    }
  }
  for (const r of names) {
    const e = entities.get(r.entity!.value);
    if (e && r.name!.value !== e.label && !e.names.includes(r.name!.value)) e.names.push(r.name!.value);
  }
  for (const e of entities.values()) e.names.sort();
  return entities;
}

// ---------- filters as SPARQL ----------

export function checkFilters(filters: NetworkFilters): NetworkFilters {
  for (const key of ["from", "to"] as const) {
    const v = filters[key];
    if (v !== undefined && (!ISO_DATE.test(v) || Number.isNaN(Date.parse(v)))) throw new Error(`${key}: expected a date as YYYY-MM-DD, got "${v}"`);
  }
  for (const t of filters.types ?? []) if (!ENTITY_TYPES.includes(t)) throw new Error(`type: expected one of ${ENTITY_TYPES.join(", ")}, got "${t}"`);
  for (const a of filters.articles ?? []) sparqlIri(a);
  return filters;
}

/** Is `variable` an entity of one of the chosen types? ("" when every type is chosen.) */
export function typeFilter(variable: string, types: EntityType[] | undefined): string {
  const chosen = new Set(types?.length ? types : ENTITY_TYPES);
  if (chosen.size === ENTITY_TYPES.length) return "";
  const v = `?${variable}`;
  const tests = [...chosen].map((t) =>
    // A state is an organisation too; "organisation" means the ones that are not states.
    t === "organisation" ? `(EXISTS { ${v} a ng:Organisation } && NOT EXISTS { ${v} a ng:Country })` : `EXISTS { ${v} a ${CLASS_OF[t]} }`,
  );
  return `  FILTER(${tests.join(" || ")})\n`;
}

/**
 * Patterns restricting ?article (publisher, chosen articles) and the date: `dated` is true for
 * facts that may carry their own ng:date (statements, sanctions), which wins over the article's.
 */
export function articleFilter(filters: NetworkFilters, options: { fact?: string; dated?: boolean } = {}): string {
  let out = "";
  if (filters.articles?.length) out += `  VALUES ?article { ${filters.articles.map(sparqlIri).join(" ")} }\n`;
  if (filters.publishers?.length) out += `  ?article ng:publisher ?publisher . FILTER(?publisher IN (${filters.publishers.map(sparqlString).join(", ")}))\n`;
  if (filters.from || filters.to) {
    if (options.dated && options.fact) {
      out += `  OPTIONAL { ?${options.fact} ng:date ?factDate }\n  OPTIONAL { ?article ng:datePublished ?published }\n  BIND(COALESCE(?factDate, ?published) AS ?date)\n`;
    } else out += `  ?article ng:datePublished ?date .\n`;
    const tests = [filters.from && `?date >= ${sparqlString(filters.from)}^^xsd:date`, filters.to && `?date <= ${sparqlString(filters.to)}^^xsd:date`].filter(Boolean);
    out += `  FILTER(${tests.join(" && ")})\n`;
  }
  return out;
}

/** The date a fact is placed at (?date: its own ng:date, else its article's), and the article filters. */
export const factDateAndFilters = (fact: string, filters: NetworkFilters): string =>
  (filters.from || filters.to ? "" : `  OPTIONAL { ?${fact} ng:date ?factDate }\n  OPTIONAL { ?article ng:datePublished ?published }\n  BIND(COALESCE(?factDate, ?published) AS ?date)\n`) +
  articleFilter(filters, { fact, dated: true });

export function networkQueries(filters: NetworkFilters): Record<"mentions" | "posts" | "sanctions" | "statements", ShownQuery> {
  const types = filters.types;
  return {
    mentions: {
      title: "Entities and the articles that mention them (node sizes; co-mentions are counted from these rows)",
      query: `${PROLOGUE}
SELECT ?entity ?article WHERE {
  ?entity ng:mentionedIn ?article .
${articleFilter(filters)}${typeFilter("entity", types)}}`,
    },
    posts: {
      title: "Posts: holder → organisation or state",
      query: `${PROLOGUE}
SELECT ?fact ?source ?target ?title ?date WHERE {
  ?fact a ng:RoleAssignment ; ng:holder ?source ; ng:organisation ?target ; ng:roleTitle ?title ; prov:wasDerivedFrom ?article .
${filters.from || filters.to ? "" : "  OPTIONAL { ?article ng:datePublished ?date }\n"}${articleFilter(filters)}${typeFilter("source", types)}${typeFilter("target", types)}}`,
    },
    sanctions: {
      title: "Sanctions: imposer → target",
      query: `${PROLOGUE}
SELECT ?fact ?source ?target ?reason ?date WHERE {
  ?fact a ng:Sanction ; ng:imposedBy ?source ; ng:target ?target ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?fact ng:reason ?reason }
${factDateAndFilters("fact", filters)}${typeFilter("source", types)}${typeFilter("target", types)}}`,
    },
    statements: {
      title: "Statements: speaker, quotation and sentence (whom they name is matched against the names of the entities the article mentions)",
      query: `${PROLOGUE}
SELECT ?fact ?source ?article ?quote ?sentence ?date WHERE {
  ?fact a ng:Statement ; ng:speaker ?source ; ng:quote ?quote ; ng:evidenceText ?sentence ; prov:wasDerivedFrom ?article .
${factDateAndFilters("fact", filters)}${typeFilter("source", types)}}`,
    },
  };
}

// ---------- assembling the network ----------

/** Does `text` name `name` as a whole word (not inside a longer word)? */
export function namesIn(text: string, name: string): boolean {
  if (name.length < 2) return false;
  const word = /[\p{L}\p{N}]/u;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1];
    const after = text[i + name.length];
    if ((before === undefined || !word.test(before)) && (after === undefined || !word.test(after))) return true;
  }
  return false;
}

class EdgeBag {
  private readonly edges = new Map<string, NetworkEdge & { seen: Set<string> }>();
  add(kind: EdgeKind, source: string, target: string, fact: string, detail?: string, date?: string): void {
    if (source === target) return;
    const key = `${kind}\u0000${source}\u0000${target}`;
    let edge = this.edges.get(key);
    if (!edge) this.edges.set(key, (edge = { source, target, kind, weight: 0, details: [], seen: new Set() }));
    if (!edge.seen.has(fact)) {
      edge.seen.add(fact);
      edge.weight += 1;
    }
    if (detail && edge.details.length < 5 && !edge.details.includes(detail)) edge.details.push(detail);
    if (date) {
      if (!edge.firstDate || date < edge.firstDate) edge.firstDate = date;
      if (!edge.lastDate || date > edge.lastDate) edge.lastDate = date;
    }
  }
  list(): NetworkEdge[] {
    return [...this.edges.values()].map(({ seen: _seen, ...edge }) => edge);
  }
}

const short = (text: string, max = 160) => (text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text);
const v = (row: Row, name: string) => row[name]?.value;

export async function buildNetwork(select: Select, entities: Map<string, EntityInfo>, filters: NetworkFilters = {}, limits: NetworkLimits = {}): Promise<Network> {
  checkFilters(filters);
  const queries = networkQueries(filters);
  // One after another: on a server each then has the whole time limit, and other users keep a free worker.
  const mentions = await select(queries.mentions.query);
  const posts = await select(queries.posts.query);
  const sanctions = await select(queries.sanctions.query);
  const statements = await select(queries.statements.query);

  // Articles per entity, and entities per article (for co-mentions and whom statements name).
  const articlesOf = new Map<string, number>();
  const entitiesIn = new Map<string, string[]>();
  for (const r of mentions) {
    const e = v(r, "entity")!;
    const a = v(r, "article")!;
    if (!entities.has(e)) continue;
    articlesOf.set(e, (articlesOf.get(e) ?? 0) + 1);
    let list = entitiesIn.get(a);
    if (!list) entitiesIn.set(a, (list = []));
    list.push(e);
  }

  const bag = new EdgeBag();
  for (const r of posts) bag.add("post", v(r, "source")!, v(r, "target")!, v(r, "fact")!, v(r, "title"), v(r, "date"));
  for (const r of sanctions) bag.add("sanction", v(r, "source")!, v(r, "target")!, v(r, "fact")!, v(r, "reason"), v(r, "date"));
  for (const r of statements) {
    const speaker = v(r, "source")!;
    const text = `${v(r, "quote")}\n${v(r, "sentence")}`;
    for (const other of entitiesIn.get(v(r, "article")!) ?? []) {
      if (other === speaker) continue;
      const e = entities.get(other)!;
      if ([e.label, ...e.names].some((name) => namesIn(text, name))) bag.add("statement", speaker, other, v(r, "fact")!, short(v(r, "quote")!), v(r, "date"));
    }
  }

  // Nodes: the most-mentioned first; facts' entities are always mentioned by their article.
  const ranked = [...articlesOf.entries()].sort((a, b) => b[1] - a[1] || entities.get(a[0])!.label.localeCompare(entities.get(b[0])!.label));
  const kept = new Map(ranked.slice(0, limits.maxNodes ?? ranked.length).map(([iri, n], index) => [iri, { n, index }]));
  const nodes: NetworkNode[] = [...kept.entries()].map(([iri, { n }]) => {
    const e = entities.get(iri)!;
    return { id: iri, label: e.label, type: e.type, articles: n, ...(e.wikidata ? { wikidata: e.wikidata } : {}) };
  });

  // Co-mentions among kept nodes, counted per article with numeric pair keys (fast on large graphs).
  const size = kept.size;
  const shared = new Map<number, number>();
  let coMentionPairs = 0;
  for (const list of entitiesIn.values()) {
    const ids = [...new Set(list.map((e) => kept.get(e)?.index).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = ids[i] * size + ids[j];
        const before = shared.get(key);
        if (before === undefined) coMentionPairs += 1;
        shared.set(key, (before ?? 0) + 1);
      }
    }
  }
  const ordered = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const coMentions: NetworkEdge[] = ordered.slice(0, limits.maxCoMentions ?? ordered.length).map(([key, weight]) => ({
    source: nodes[Math.floor(key / size)].id,
    target: nodes[key % size].id,
    kind: "co-mention",
    weight,
    details: [],
  }));
  const factEdges = bag.list();
  const edges = [...factEdges.filter((e) => kept.has(e.source) && kept.has(e.target)), ...coMentions];
  const matchedEdges = factEdges.length + coMentionPairs;
  return {
    nodes,
    edges,
    matched: { nodes: articlesOf.size, edges: matchedEdges },
    truncated: nodes.length < articlesOf.size || edges.length < factEdges.filter((e) => kept.has(e.source) && kept.has(e.target)).length + coMentionPairs,
    queries: Object.values(queries),
  };
}
