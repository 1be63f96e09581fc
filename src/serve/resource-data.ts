// What a resource page shows, gathered with a handful of SELECT queries. It needs only a way
// to run a SELECT over the union of all graphs, so any query backend (the embedded store in a
// worker, or a remote SPARQL endpoint) can gather it.
import type { Term } from "@rdfjs/types";
import { NG, PREFIXES } from "../graph/vocab.ts";
import { isAbsoluteIri } from "./iri.ts";
import type { ArticleRef, FactView, PropertyRow, ResourcePageData } from "./tasks.ts";

/** One solution of a SELECT: variable → term. */
export type Row = Record<string, Term>;
/** Runs a SELECT (prefixes from PREFIXES declared) with the default graph as the union of all graphs. */
export type Select = (query: string) => Row[] | Promise<Row[]>;

const RDF_TYPE = PREFIXES.rdf + "type";
const ALT_LABEL = PREFIXES.skos + "altLabel";
const SAME_AS = PREFIXES.owl + "sameAs";
const DERIVED_FROM = PREFIXES.prov + "wasDerivedFrom";
/** How a fact points at a resource: an entity in it, or the article it comes from. */
const FACT_LINKS = [...["holder", "organisation", "speaker", "imposedBy", "target"].map((p) => `ng:${p}`), "prov:wasDerivedFrom"].join("|");
export const PROLOGUE = Object.entries(PREFIXES).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n") + "\n";

/** A VALUES list of IRIs (each checked: they are written into query text). */
const valuesOf = (list: Iterable<string>) => [...new Set(list)].filter(isAbsoluteIri).map((i) => `<${i}>`).join(" ");
const iris = (terms: Term[]) => terms.filter((t) => t.termType === "NamedNode").map((t) => t.value);

function valueOf(term: Term, labels: Map<string, string>): PropertyRow["value"] {
  if (term.termType === "Literal") {
    const datatype = term.datatype.value;
    return { literal: term.value, language: term.language || undefined, datatype: datatype === PREFIXES.xsd + "string" ? undefined : datatype };
  }
  return { iri: term.termType === "BlankNode" ? `_:${term.value}` : term.value, label: labels.get(term.value) };
}

/** Gathers a resource page; `iri` must be an absolute IRI (it is written into query text). */
export async function gatherResourcePage(iri: string, run: Select): Promise<ResourcePageData> {
  if (!isAbsoluteIri(iri)) throw new Error(`Not an absolute IRI: ${iri}`);
  // The queries that gather the page's main parts, shown to the reader under "Show the query".
  const queries: { title: string; query: string }[] = [];
  const select = async (query: string, title?: string) => {
    if (title) queries.push({ title, query: PROLOGUE + query.replace(/^\n/, "").replace(/^ {4}/gm, "") });
    return run(PROLOGUE + query);
  };

  /** Labels (rdfs:label, or an article's title) of the given IRIs. */
  async function labelsOf(list: Iterable<string>): Promise<Map<string, string>> {
    const values = valuesOf(list);
    const labels = new Map<string, string>();
    if (!values) return labels;
    for (const row of await select(`SELECT ?x ?label WHERE { VALUES ?x { ${values} } ?x rdfs:label|ng:title ?label } ORDER BY ?x ?label`)) {
      if (!labels.has(row.x.value)) labels.set(row.x.value, row.label.value);
    }
    return labels;
  }

  async function articles(list: Iterable<string>): Promise<ArticleRef[]> {
    const values = valuesOf(list);
    if (!values) return [];
    const byIri = new Map<string, ArticleRef>();
    const rows = await select(`SELECT ?a ?p ?v WHERE { VALUES ?a { ${values} } VALUES ?p { ng:title ng:fileName ng:publisher ng:datePublished } ?a ?p ?v }`);
    for (const a of new Set(list)) byIri.set(a, { iri: a });
    for (const { a, p, v } of rows) {
      const ref = byIri.get(a.value)!;
      const field = p.value.slice(NG.length);
      if (field === "title") ref.label ??= v.value;
      else if (field === "fileName") ref.fileName ??= v.value;
      else if (field === "publisher") ref.publisher ??= v.value;
      else ref.datePublished ??= v.value;
    }
    return [...byIri.values()].sort((x, y) => (y.datePublished ?? "").localeCompare(x.datePublished ?? "") || x.iri.localeCompare(y.iri));
  }

  async function facts(): Promise<FactView[]> {
    const factIris = (await select(`SELECT DISTINCT ?f WHERE { ?f ${FACT_LINKS} <${iri}> } LIMIT 1000`, "Facts that name it (posts, statements, sanctions)")).map((r) => r.f.value);
    if (factIris.length === 0) return [];
    const rows = await select(`SELECT ?f ?p ?o WHERE { VALUES ?f { ${valuesOf(factIris)} } ?f ?p ?o }`);
    const labels = await labelsOf(iris(rows.map((r) => r.o)));
    const articleRefs = new Map((await articles(rows.filter((r) => r.p.value === DERIVED_FROM).map((r) => r.o.value))).map((a) => [a.iri, a]));
    const views = new Map<string, FactView>(factIris.map((f) => [f, { iri: f, types: [], articles: [], evidence: [], values: {} }]));
    for (const { f, p, o } of rows) {
      const view = views.get(f.value)!;
      if (p.value === RDF_TYPE) view.types.push(o.value);
      else if (p.value === DERIVED_FROM) view.articles.push(articleRefs.get(o.value) ?? { iri: o.value });
      else if (p.value === NG + "evidenceText") view.evidence.push(o.value);
      else if (p.value === NG + "confidence") view.confidence = o.value;
      else (view.values[p.value] ??= []).push(valueOf(o, labels));
    }
    for (const view of views.values()) view.evidence = [...new Set(view.evidence)];
    // Newest reporting first, then a stable order.
    const dated = (f: FactView) => f.articles.map((a) => a.datePublished ?? "").sort().at(-1) ?? "";
    return [...views.values()].sort((a, b) => dated(b).localeCompare(dated(a)) || a.iri.localeCompare(b.iri));
  }

  const node = `<${iri}>`;
  const outgoingRows = await select(`SELECT ?p ?o ?g WHERE { GRAPH ?g { ${node} ?p ?o } } ORDER BY ?p ?o LIMIT 2000`, "What the graph says about it");
  const incomingRows = await select(`SELECT ?s ?p ?g WHERE { GRAPH ?g { ?s ?p ${node} } FILTER(?p != prov:wasDerivedFrom && ?p != ng:mentionedIn) } ORDER BY ?p ?s LIMIT 500`, "What points at it");
  const labels = await labelsOf([iri, ...iris(outgoingRows.map((r) => r.o)), ...iris(incomingRows.map((r) => r.s))]);
  const outgoing = outgoingRows.map((r) => ({ predicate: r.p.value, value: valueOf(r.o, labels), graph: r.g.value }));
  const objectsOf = (predicate: string) => [...new Set(outgoingRows.filter((r) => r.p.value === predicate).map((r) => r.o.value))];
  const coMentioned = (
    await select(`
    SELECT ?other (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types) (COUNT(DISTINCT ?a) AS ?shared)
    WHERE { ${node} ng:mentionedIn ?a . ?other ng:mentionedIn ?a . FILTER(?other != ${node})
            OPTIONAL { ?other rdfs:label ?l } OPTIONAL { ?other a ?t } }
    GROUP BY ?other ORDER BY DESC(?shared) ?label LIMIT 200`, "Entities named in the same articles")
  ).map((r) => ({
    iri: r.other.value,
    label: r.label?.value,
    types: r.types ? r.types.value.split(" ").filter(Boolean) : [],
    shared: Number(r.shared.value),
  }));
  const mentions = (
    await select(`
    SELECT ?e (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
    WHERE { ?e ng:mentionedIn ${node} OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?e a ?t } }
    GROUP BY ?e ORDER BY ?label LIMIT 500`, "Entities this article names")
  ).map((r) => ({ iri: r.e.value, label: r.label?.value, types: r.types ? r.types.value.split(" ").filter(Boolean) : [] }));
  const graphSize = Number((await select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ${node} { ?s ?p ?o } }`))[0]?.n.value ?? 0);
  return {
    iri,
    label: labels.get(iri),
    types: objectsOf(RDF_TYPE),
    altLabels: objectsOf(ALT_LABEL).sort(),
    sameAs: objectsOf(SAME_AS),
    facts: await facts(),
    mentionedIn: await articles(objectsOf(NG + "mentionedIn")),
    mentions,
    coMentioned,
    outgoing,
    incoming: incomingRows.map((r) => ({ subject: { iri: r.s.value, label: labels.get(r.s.value) }, predicate: r.p.value, value: { iri }, graph: r.g.value })),
    graphSize,
    queries,
  };
}
