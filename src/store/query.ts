// Runs SPARQL on the embedded store and formats the answer for a terminal or a file.
import oxigraph from "oxigraph";
import { compactIri } from "../graph/vocab.ts";
import { ENGINE_LIMITS, inspectQuery, measureQuery } from "../serve/query-text.ts";

export const QUERY_FORMATS = ["table", "json", "csv", "tsv"] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

/** A query Oxigraph refused (syntax, unknown prefix...); the message is Oxigraph's. */
export class QueryError extends Error {}

const SELECT_MEDIA: Record<Exclude<QueryFormat, "table">, string> = {
  json: "application/sparql-results+json",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
};
/** CONSTRUCT/DESCRIBE answers: a graph, written as Turtle (table), JSON-LD (json) or N-Triples. */
const GRAPH_MEDIA: Record<QueryFormat, string> = {
  table: "text/turtle",
  json: "application/ld+json",
  csv: "application/n-triples",
  tsv: "application/n-triples",
};

interface JsonTerm {
  type: "uri" | "literal" | "bnode" | "triple";
  value: string | unknown;
  "xml:lang"?: string;
  datatype?: string;
}
interface JsonResults {
  head: { vars?: string[] };
  results?: { bindings: Record<string, JsonTerm>[] };
  boolean?: boolean;
}

/**
 * Runs `query` and returns its answer as text in `format`. Throws QueryError.
 * As on the server, the default graph is the union of all graphs (facts live in named graphs)
 * unless the query names its own dataset with FROM / FROM NAMED.
 */
export function runQuery(store: oxigraph.Store, query: string, format: QueryFormat): string {
  checkEngineLimits(query);
  const { form, hasDataset } = inspectQuery(query);
  const graphResult = form === "CONSTRUCT" || form === "DESCRIBE";
  const media = graphResult ? GRAPH_MEDIA[format] : format === "table" ? SELECT_MEDIA.json : SELECT_MEDIA[format];
  let answer: string;
  try {
    answer = store.query(query, { results_format: media, use_default_graph_as_union: !hasDataset }) as string;
  } catch (e) {
    throw new QueryError(e instanceof Error ? e.message : String(e));
  }
  if (format !== "table" || graphResult) return answer.endsWith("\n") || answer === "" ? answer : answer + "\n";
  return formatTable(JSON.parse(answer) as JsonResults);
}

/**
 * The engine's limits, checked as the server checks them (serve/query-text.ts): a deeper query
 * would trap Oxigraph's WebAssembly (a stack overflow) instead of giving an answer or an error.
 */
function checkEngineLimits(query: string): void {
  const { depth, operators } = measureQuery(query);
  if (depth > ENGINE_LIMITS.nesting) {
    throw new QueryError(`the query is nested ${depth} levels deep (braces, parentheses, brackets); the engine takes at most ${ENGINE_LIMITS.nesting}. Flatten it.`);
  }
  if (operators > ENGINE_LIMITS.operators) {
    throw new QueryError(`the query has ${operators} operators and UNION/OPTIONAL/MINUS/BIND/FILTER clauses; the engine takes at most ${ENGINE_LIMITS.operators}. Split it, or use VALUES or IN for long lists.`);
  }
}

const MAX_CELL = 100;

/** SPARQL JSON results → an aligned plain-text table (IRIs shortened with the project's prefixes). */
export function formatTable(results: JsonResults): string {
  if (results.boolean !== undefined) return `${results.boolean}\n`;
  const vars = results.head.vars ?? [];
  const rows = (results.results?.bindings ?? []).map((b) => vars.map((v) => cell(b[v])));
  const widths = vars.map((v, i) => Math.max(v.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ").trimEnd();
  const out = [line(vars), widths.map((w) => "-".repeat(w)).join("-+-"), ...rows.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? "" : "s"})`);
  return out.join("\n") + "\n";
}

function cell(term: JsonTerm | undefined): string {
  if (!term) return "";
  let text: string;
  if (term.type === "uri") text = compactIri(String(term.value), true);
  else if (term.type === "bnode") text = `_:${term.value}`;
  else if (term.type === "literal") text = String(term.value) + (term["xml:lang"] ? `@${term["xml:lang"]}` : "");
  else text = JSON.stringify(term.value);
  text = text.replace(/\s+/g, " ");
  return text.length > MAX_CELL ? text.slice(0, MAX_CELL - 1) + "…" : text;
}
