// The article view: the article's text with every fact taken from it marked where its evidence
// is (quotations at their own offsets; a post's title, a sanction's target and reason inside
// the evidence sentence), every entity name linked to its page, and the facts listed beside it.
// Hovering a fact (in the text or the list) lights up its sentence, so a reader checks the
// machine's work in seconds.
import type { EntityInfo, ShownQuery } from "../../store/network.ts";
import { PROLOGUE, sparqlIri, type Select } from "../../store/select.ts";
import { NG, PREFIXES, RESOURCE } from "../../graph/vocab.ts";
import { annotate, findNames, findWithin, type Annotation } from "./annotate.ts";

export type FactKind = "statement" | "post" | "sanction";

export interface ArticleFact {
  iri: string;
  kind: FactKind;
  start: number;
  end: number;
  sentence: string;
  confidence?: string;
  /** Speakers, holder or imposers. */
  actors: string[];
  /** Organisation of a post, targets of a sanction. */
  objects: string[];
  quote?: string;
  quoteStart?: number;
  quoteEnd?: number;
  title?: string;
  targetText?: string;
  reason?: string;
  date?: string;
}

export interface ArticleData {
  iri: string;
  title?: string;
  fileName?: string;
  publisher?: string;
  datePublished?: string;
  url?: string;
  text?: string;
  facts: ArticleFact[];
  entities: EntityInfo[];
  queries: ShownQuery[];
}

export const isArticleIri = (iri: string): boolean => iri.startsWith(RESOURCE + "article/");

export function articleQueries(iri: string): { article: ShownQuery; facts: ShownQuery; mentions: ShownQuery } {
  const a = sparqlIri(iri);
  return {
    article: {
      title: "The article: metadata and text",
      query: `${PROLOGUE}
SELECT ?property ?value WHERE {
  VALUES ?property { ng:title ng:fileName ng:publisher ng:datePublished ng:text schema:url }
  ${a} ?property ?value .
}`,
    },
    facts: {
      title: "Every fact taken from it, with its evidence offsets",
      query: `${PROLOGUE}
SELECT ?fact ?class ?start ?end ?sentence ?confidence ?quote ?quoteStart ?quoteEnd ?title ?targetText ?reason ?date
       (GROUP_CONCAT(DISTINCT STR(?actor); separator=" ") AS ?actors) (GROUP_CONCAT(DISTINCT STR(?object); separator=" ") AS ?objects)
WHERE {
  VALUES ?class { ng:Statement ng:RoleAssignment ng:Sanction }
  ?fact prov:wasDerivedFrom ${a} ; a ?class ; ng:evidenceStart ?start ; ng:evidenceEnd ?end ; ng:evidenceText ?sentence .
  OPTIONAL { ?fact ng:confidence ?confidence }
  OPTIONAL { ?fact ng:quote ?quote }
  OPTIONAL { ?fact ng:quoteStart ?quoteStart ; ng:quoteEnd ?quoteEnd }
  OPTIONAL { ?fact ng:roleTitle ?title }
  OPTIONAL { ?fact ng:targetDescription ?targetText }
  OPTIONAL { ?fact ng:reason ?reason }
  OPTIONAL { ?fact ng:date ?date }
  OPTIONAL { ?fact ng:speaker|ng:holder|ng:imposedBy ?actor }
  OPTIONAL { ?fact ng:organisation|ng:target ?object }
}
GROUP BY ?fact ?class ?start ?end ?sentence ?confidence ?quote ?quoteStart ?quoteEnd ?title ?targetText ?reason ?date
ORDER BY ?start ?fact`,
    },
    mentions: {
      title: "The entities it mentions",
      query: `${PROLOGUE}
SELECT ?entity WHERE { ?entity ng:mentionedIn ${a} }`,
    },
  };
}

const KIND_OF_CLASS: Record<string, FactKind> = { [NG + "Statement"]: "statement", [NG + "RoleAssignment"]: "post", [NG + "Sanction"]: "sanction" };

export async function loadArticle(select: Select, iri: string, entities: Map<string, EntityInfo>): Promise<ArticleData | undefined> {
  const queries = articleQueries(iri);
  const [props, factRows, mentionRows] = await Promise.all([select(queries.article.query), select(queries.facts.query), select(queries.mentions.query)]);
  if (props.length === 0 && factRows.length === 0) return undefined;
  const prop = (local: string) => props.find((r) => r.property!.value === (local === "url" ? PREFIXES.schema + "url" : NG + local))?.value?.value;
  const split = (v?: string) => (v ? v.split(" ").filter(Boolean) : []);
  const num = (v?: string) => (v === undefined ? undefined : Number(v));
  const facts = factRows.map((r): ArticleFact => ({
    iri: r.fact!.value,
    kind: KIND_OF_CLASS[r.class!.value],
    start: Number(r.start!.value),
    end: Number(r.end!.value),
    sentence: r.sentence!.value,
    confidence: r.confidence?.value,
    actors: split(r.actors?.value),
    objects: split(r.objects?.value),
    quote: r.quote?.value,
    quoteStart: num(r.quoteStart?.value),
    quoteEnd: num(r.quoteEnd?.value),
    title: r.title?.value,
    targetText: r.targetText?.value,
    reason: r.reason?.value,
    date: r.date?.value,
  }));
  return {
    iri,
    title: prop("title"),
    fileName: prop("fileName"),
    publisher: prop("publisher"),
    datePublished: prop("datePublished"),
    url: prop("url"),
    text: prop("text"),
    facts,
    entities: mentionRows.map((r) => entities.get(r.entity!.value)).filter((e): e is EntityInfo => e !== undefined),
    queries: Object.values(queries),
  };
}

// ---------- the marked-up text ----------

/** A stable element id for a fact: its IRI's last segment. */
export const factId = (iri: string): string => "fact-" + iri.replace(/^.*\//, "").replace(/[^\w-]/g, "_");
export const hrefOf = (iri: string): string => (iri.startsWith(RESOURCE) ? "/resource/" + iri.slice(RESOURCE.length) : iri);
const attr = (value: string | number) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where each part of a fact is marked: the quotation, the post's title, the sanction's target and reason. */
export function factMarks(text: string, fact: ArticleFact): { start: number; end: number; part: string }[] {
  const inSentence = (needle?: string) => (needle ? findWithin(text, needle, fact.start, fact.end) : undefined);
  const marks: { start: number; end: number; part: string }[] = [];
  if (fact.kind === "statement") {
    const { quoteStart: s, quoteEnd: e } = fact;
    if (s !== undefined && e !== undefined && s >= 0 && e <= text.length && s < e) marks.push({ start: s, end: e, part: "quote" });
    else {
      const found = inSentence(fact.quote);
      if (found) marks.push({ ...found, part: "quote" });
    }
  } else if (fact.kind === "post") {
    const found = inSentence(fact.title);
    if (found) marks.push({ ...found, part: "title" });
  } else {
    const target = inSentence(fact.targetText);
    if (target) marks.push({ ...target, part: "target" });
    const reason = inSentence(fact.reason);
    if (reason && (!target || reason.end <= target.start || reason.start >= target.end)) marks.push({ ...reason, part: "reason" });
  }
  // Nothing specific found in the text: the whole evidence is the mark.
  if (marks.length === 0 && fact.start >= 0 && fact.end <= text.length && fact.start < fact.end) marks.push({ start: fact.start, end: fact.end, part: "evidence" });
  return marks;
}

export function markedText(data: ArticleData, describe: (fact: ArticleFact) => string): string {
  const text = data.text ?? "";
  const annotations: Annotation[] = [];
  for (const fact of data.facts) {
    const id = factId(fact.iri);
    factMarks(text, fact).forEach((m, i) => {
      annotations.push({
        start: m.start,
        end: m.end,
        layer: 0,
        open:
          `<mark class="fact fact-${fact.kind} part-${m.part}" data-fact="${attr(id)}" data-kind="${fact.kind}" data-part="${m.part}"` +
          ` data-start="${m.start}" data-end="${m.end}" data-evidence-start="${fact.start}" data-evidence-end="${fact.end}"` +
          `${i === 0 ? ` id="${attr(id)}"` : ""} title="${attr(describe(fact))}">`,
        close: "</mark>",
      });
    });
  }
  const byIri = new Map(data.entities.map((e) => [e.iri, e]));
  for (const n of findNames(text, data.entities.map((e) => ({ iri: e.iri, names: [e.label, ...e.names] })))) {
    const e = byIri.get(n.iri)!;
    annotations.push({
      start: n.start,
      end: n.end,
      layer: 1,
      open: `<a class="entity entity-${e.type}" href="${attr(hrefOf(e.iri))}" data-entity="${attr(e.iri)}" title="${attr(`${e.label} (${e.type})`)}">`,
      close: "</a>",
    });
  }
  return annotate(text, annotations);
}
