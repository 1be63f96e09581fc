// The timeline: statements and sanctions actions by date (a fact's own ng:date when it has one,
// else its article's publication date), newest first, with the network view's filters, and
// the number of items per month for the overview strip.
import { factDateAndFilters, typeFilter, type NetworkFilters, type ShownQuery } from "../../store/network.ts";
import { PROLOGUE, type Select } from "../../store/select.ts";

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

function body(filters: NetworkFilters, kinds: TimelineKind[]): string {
  const branches: string[] = [];
  if (kinds.includes("statement")) branches.push(`{ ?fact a ng:Statement ; ng:speaker ?actor ; ng:quote ?quote . BIND("statement" AS ?kind) }`);
  if (kinds.includes("sanction")) {
    branches.push(`{ ?fact a ng:Sanction ; ng:imposedBy ?actor ; ng:targetDescription ?targetText .
    OPTIONAL { ?fact ng:target ?target } OPTIONAL { ?fact ng:reason ?reason } BIND("sanction" AS ?kind) }`);
  }
  return `  ${branches.join("\n  UNION\n  ")}
  ?fact prov:wasDerivedFrom ?article ; ng:evidenceText ?sentence .
${factDateAndFilters("fact", filters)}${typeFilter("actor", filters.types)}`;
}

export function timelineQueries(filters: NetworkFilters, kinds: TimelineKind[], page: { offset: number; limit: number }): { items: ShownQuery; months: ShownQuery } {
  const where = body(filters, kinds);
  return {
    items: {
      title: "Statements and sanctions by date, newest first",
      query: `${PROLOGUE}
SELECT ?fact ?kind ?date ?dateOf ?article ?articleTitle ?articlePublisher ?quote ?targetText ?reason ?sentence
       (GROUP_CONCAT(DISTINCT STR(?actor); separator=" ") AS ?actors) (GROUP_CONCAT(DISTINCT STR(?target); separator=" ") AS ?targets)
WHERE {
${where}  OPTIONAL { ?fact ng:date ?ownDate } BIND(IF(BOUND(?ownDate), "fact", "article") AS ?dateOf)
  OPTIONAL { ?article ng:title ?articleTitle } OPTIONAL { ?article ng:publisher ?articlePublisher }
}
GROUP BY ?fact ?kind ?date ?dateOf ?article ?articleTitle ?articlePublisher ?quote ?targetText ?reason ?sentence
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

export async function buildTimeline(select: Select, filters: NetworkFilters, kinds: TimelineKind[], page: { offset: number; limit: number }): Promise<Timeline> {
  if (kinds.length === 0) return { items: [], months: [], undated: 0, total: 0, queries: [] };
  const queries = timelineQueries(filters, kinds, page);
  const [rows, monthRows] = await Promise.all([select(queries.items.query), select(queries.months.query)]);
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
  const split = (value?: string) => (value ? value.split(" ").filter(Boolean) : []);
  const items = rows.map((r): TimelineItem => ({
    fact: r.fact!.value,
    kind: r.kind!.value as TimelineKind,
    date: r.date?.value,
    dateOf: r.date ? (r.dateOf?.value as TimelineItem["dateOf"]) : undefined,
    article: r.article!.value,
    articleTitle: r.articleTitle?.value,
    publisher: r.articlePublisher?.value,
    actors: split(r.actors?.value),
    targets: split(r.targets?.value),
    quote: r.quote?.value,
    targetText: r.targetText?.value,
    reason: r.reason?.value,
    sentence: r.sentence!.value,
  }));
  return { items, months: [...byMonth.values()], undated, total, queries: Object.values(queries) };
}
