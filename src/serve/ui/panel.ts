// What the network view's side panel (and anyone with the API) learns about one entity: its
// names and Wikidata item, the posts it holds or that are held in it, what it said, and the
// sanctions it imposed and suffered, each with its sentence and article. One SPARQL query.
import type { EntityInfo, ShownQuery } from "../../store/network.ts";
import { PROLOGUE, sparqlIri, type Select } from "../../store/select.ts";

export type PanelRole = "post" | "holder" | "said" | "imposed" | "suffered";

export interface PanelFact {
  fact: string;
  role: PanelRole;
  /** Other entities of the fact: the organisation, holder, imposers or targets. */
  others: string[];
  title?: string;
  quote?: string;
  targetText?: string;
  reason?: string;
  sentence: string;
  date?: string;
  article: string;
  articleTitle?: string;
}

export interface Panel {
  entity: EntityInfo;
  facts: PanelFact[];
  queries: ShownQuery[];
}

const LIMIT = 400;

export function panelQuery(iri: string): ShownQuery {
  const e = sparqlIri(iri);
  return {
    title: "Posts, statements and sanctions of this entity, with sentence and article",
    query: `${PROLOGUE}
SELECT ?fact ?role ?title ?quote ?targetText ?reason ?sentence ?date ?article ?articleTitle
       (GROUP_CONCAT(DISTINCT STR(?other); separator=" ") AS ?others)
WHERE {
  { ?fact a ng:RoleAssignment ; ng:holder ${e} ; ng:roleTitle ?title . OPTIONAL { ?fact ng:organisation ?other } BIND("post" AS ?role) }
  UNION { ?fact a ng:RoleAssignment ; ng:organisation ${e} ; ng:holder ?other ; ng:roleTitle ?title . BIND("holder" AS ?role) }
  UNION { ?fact a ng:Statement ; ng:speaker ${e} ; ng:quote ?quote . BIND("said" AS ?role) }
  UNION { ?fact a ng:Sanction ; ng:imposedBy ${e} ; ng:targetDescription ?targetText . OPTIONAL { ?fact ng:target ?other } OPTIONAL { ?fact ng:reason ?reason } BIND("imposed" AS ?role) }
  UNION { ?fact a ng:Sanction ; ng:target ${e} ; ng:imposedBy ?other ; ng:targetDescription ?targetText . OPTIONAL { ?fact ng:reason ?reason } BIND("suffered" AS ?role) }
  ?fact ng:evidenceText ?sentence ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?fact ng:date ?factDate } OPTIONAL { ?article ng:datePublished ?published } BIND(COALESCE(?factDate, ?published) AS ?date)
  OPTIONAL { ?article ng:title ?articleTitle }
}
GROUP BY ?fact ?role ?title ?quote ?targetText ?reason ?sentence ?date ?article ?articleTitle
ORDER BY ?role DESC(?date) ?fact
LIMIT ${LIMIT}`,
  };
}

export async function buildPanel(select: Select, entity: EntityInfo): Promise<Panel> {
  const query = panelQuery(entity.iri);
  const rows = await select(query.query);
  const facts = rows.map((r): PanelFact => ({
    fact: r.fact!.value,
    role: r.role!.value as PanelRole,
    others: (r.others?.value ?? "").split(" ").filter(Boolean),
    title: r.title?.value,
    quote: r.quote?.value,
    targetText: r.targetText?.value,
    reason: r.reason?.value,
    sentence: r.sentence!.value,
    date: r.date?.value,
    article: r.article!.value,
    articleTitle: r.articleTitle?.value,
  }));
  return { entity, facts, queries: [query] };
}
