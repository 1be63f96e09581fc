// The timeline: statements and sanctions actions by date (a fact's own ng:date when it has one,
// else its article's publication date), newest first, with the network view's filters, and
// the number of items per month for the overview strip.
import { factDateAndFilters, typeFilter, type NetworkFilters, type ShownQuery } from "../../store/network.ts";
import { PROLOGUE, sparqlIri, type Select } from "../../store/select.ts";

export type TimelineKind = "statement" | "sanction";

export interface TimelineItem {
  fact: string;
  kind: TimelineKind;
  date?: string;
  /** "fact" when the fact carries its own date, "article" when it is the article's. */
  dateOf?: "fact" | "article";
  article: string;
  articleTitle?: string;
  publisher?: string;
  /** Speakers or imposers. */
  actors: string[];
  targets: string[];
  quote?: string;
  targetText?: string;
  reason?: string;
  sentence: string;
}

export interface Timeline {
  items: TimelineItem[];
  months: { month: string; statement: number; sanction: number }[];
  undated: number;
  total: number;
  queries: ShownQuery[];
}

/** The facts of the chosen kinds, with their date (?date) and the filters. */
function body(filters: NetworkFilters, kinds: TimelineKind[]): string {
  const branches: string[] = [];
  if (kinds.includes("statement")) branches.push(`{ ?fact a ng:Statement . BIND("statement" AS ?kind) }`);
  if (kinds.includes("sanction")) branches.push(`{ ?fact a ng:Sanction . BIND("sanction" AS ?kind) }`);
  const actor = filters.types?.length ? `  ?fact ng:speaker|ng:imposedBy ?actor .\n${typeFilter("actor", filters.types)}` : "";
  return `  ${branches.join(" UNION ")}
  ?fact prov:wasDerivedFrom ?article .
${factDateAndFilters("fact", filters)}${actor}`;
}

/** One page of facts in date order, then what each says (two queries: grouping every fact first is slow on large graphs). */
export function timelineQueries(filters: NetworkFilters, kinds: TimelineKind[], page: { offset: number; limit: number }): { page: ShownQuery; months: ShownQuery } {
  const where = body(filters, kinds);
  return {
    page: {
      title: "Statements and sanctions by date, newest first (one page)",
      query: `${PROLOGUE}
SELECT DISTINCT ?fact ?kind ?date WHERE {
${where}}
ORDER BY DESC(?date) ?fact
LIMIT ${page.limit} OFFSET ${page.offset}`,
    },
    months: {
      title: "How many per month (the overview strip)",
      query: `${PROLOGUE}
SELECT ?month ?kind (COUNT(DISTINCT ?fact) AS ?n) WHERE {
${where}  BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
}
GROUP BY ?month ?kind ORDER BY ?month`,
    },
  };
}

export function detailsQuery(facts: string[]): ShownQuery {
  return {
    title: "What each fact of the page says, and where",
    query: `${PROLOGUE}
SELECT ?fact ?article ?articleTitle ?articlePublisher ?quote ?targetText ?reason ?sentence ?actor ?target ?ownDate WHERE {
  VALUES ?fact { ${facts.map(sparqlIri).join(" ")} }
  ?fact prov:wasDerivedFrom ?article ; ng:evidenceText ?sentence ; ng:speaker|ng:imposedBy ?actor .
  OPTIONAL { ?fact ng:quote ?quote } OPTIONAL { ?fact ng:targetDescription ?targetText } OPTIONAL { ?fact ng:reason ?reason }
  OPTIONAL { ?fact ng:target ?target } OPTIONAL { ?fact ng:date ?ownDate }
  OPTIONAL { ?article ng:title ?articleTitle } OPTIONAL { ?article ng:publisher ?articlePublisher }
}`,
  };
}

export async function buildTimeline(select: Select, filters: NetworkFilters, kinds: TimelineKind[], page: { offset: number; limit: number }): Promise<Timeline> {
  if (kinds.length === 0) return { items: [], months: [], undated: 0, total: 0, queries: [] };
  const queries = timelineQueries(filters, kinds, page);
  const [rows, monthRows] = await Promise.all([select(queries.page.query), select(queries.months.query)]);
  const byMonth = new Map<string, { month: string; statement: number; sanction: number }>();
  let undated = 0;
  let total = 0;
  for (const r of monthRows) {
    const n = Number(r.n!.value);
    total += n;
    const month = r.month?.value;
    if (!month) {
      undated += n;
      continue;
    }
    let m = byMonth.get(month);
    if (!m) byMonth.set(month, (m = { month, statement: 0, sanction: 0 }));
    m[r.kind!.value as TimelineKind] += n;
  }
  const details = detailsQuery(rows.map((r) => r.fact!.value));
  const detailRows = rows.length ? await select(details.query) : [];
  const items = new Map<string, TimelineItem>();
  for (const r of rows) {
    const fact = r.fact!.value;
    if (!items.has(fact)) items.set(fact, { fact, kind: r.kind!.value as TimelineKind, date: r.date?.value, article: "", actors: [], targets: [], sentence: "" });
  }
  for (const r of detailRows) {
    const item = items.get(r.fact!.value);
    if (!item) continue;
    item.article = r.article!.value;
    item.articleTitle ??= r.articleTitle?.value;
    item.publisher ??= r.articlePublisher?.value;
    item.sentence = r.sentence!.value;
    item.quote ??= r.quote?.value;
    item.targetText ??= r.targetText?.value;
    item.reason ??= r.reason?.value;
    if (item.date) item.dateOf = r.ownDate ? "fact" : (item.dateOf ?? "article");
    if (r.actor && !item.actors.includes(r.actor.value)) item.actors.push(r.actor.value);
    if (r.target && !item.targets.includes(r.target.value)) item.targets.push(r.target.value);
  }
  for (const item of items.values()) {
    item.actors.sort();
    item.targets.sort();
  }
  return { items: [...items.values()], months: [...byMonth.values()], undated, total, queries: [queries.page, details, queries.months] };
}
