// The links a person should look at: entities linked with a score below REVIEW_BELOW, and
// entities left unlinked that have candidates. Read from the store, so it works on any build.
import type oxigraph from "oxigraph";
import { ENTITIES_GRAPH, NG } from "../graph/vocab.ts";

/** Links scored below this are listed for review (the link threshold is 0.7). */
export const REVIEW_BELOW = 0.85;

export interface ReviewItem {
  entity: string;
  label: string;
  item?: string;
  method?: string;
  score?: number;
  candidates: Array<{ item: string; label: string; score: number }>;
}

const QUERY = `
PREFIX ng: <${NG}>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity ?label ?item ?method ?score ?candidate ?candidateLabel ?candidateScore WHERE {
  GRAPH <${ENTITIES_GRAPH}> {
    ?entity rdfs:label ?label .
    { ?entity owl:sameAs ?item ; ng:linkScore ?score . OPTIONAL { ?entity ng:linkMethod ?method } }
    UNION
    { ?entity ng:linkCandidate ?c . ?c ng:candidateItem ?candidate ; ng:linkScore ?candidateScore . OPTIONAL { ?c rdfs:label ?candidateLabel } }
  }
}`;

export function reviewLinks(store: oxigraph.Store, below = REVIEW_BELOW): ReviewItem[] {
  const byEntity = new Map<string, ReviewItem>();
  for (const row of store.query(QUERY) as Array<Map<string, oxigraph.Term>>) {
    const entity = row.get("entity")!.value;
    const it = byEntity.get(entity) ?? { entity, label: row.get("label")!.value, candidates: [] };
    byEntity.set(entity, it);
    if (row.has("item")) {
      it.item = row.get("item")!.value;
      it.score = Number(row.get("score")!.value);
      it.method = row.get("method")?.value;
    }
    if (row.has("candidate")) {
      it.candidates.push({ item: row.get("candidate")!.value, label: row.get("candidateLabel")?.value ?? "", score: Number(row.get("candidateScore")!.value) });
    }
  }
  return [...byEntity.values()]
    .filter((it) => (it.item ? (it.score ?? 0) < below : it.candidates.length > 0))
    .map((it) => ({ ...it, candidates: it.candidates.sort((a, b) => b.score - a.score) }))
    .sort((a, b) => a.entity.localeCompare(b.entity));
}

/** Plain text for a terminal: one block per entity. */
export function formatReview(items: ReviewItem[]): string {
  if (!items.length) return "Nothing to review: every link scores at least " + REVIEW_BELOW + " and no unlinked entity has candidates.\n";
  const wd = (iri: string) => iri.replace("http://www.wikidata.org/entity/", "wd:");
  const lines: string[] = [];
  for (const it of items) {
    const head = it.item ? `linked to ${wd(it.item)} (${it.method ?? "?"}, score ${it.score})` : "not linked";
    lines.push(`${it.label}  <${it.entity}>  ${head}`);
    for (const c of it.candidates) lines.push(`    candidate ${wd(c.item).padEnd(12)} ${c.score.toFixed(3)}  ${c.label}`);
  }
  lines.push(`(${items.length} entit${items.length === 1 ? "y" : "ies"} to review; pin or forbid links in data/wikidata/overrides.json)`);
  return lines.join("\n") + "\n";
}
