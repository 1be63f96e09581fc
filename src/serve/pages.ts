// HTML pages for people: the query page (YASGUI) and resource pages. Every value from the
// graph or the request is escaped; links to the project's own resources stay on this server.
import { NG, PREFIXES, RESOURCE, WD } from "../graph/vocab.ts";
import type { Example } from "./examples.ts";
import type { ArticleRef, FactView, PropertyRow, Ref, ResourcePageData } from "./tasks.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Tagged template: interpolated strings are escaped, nested `Html` is kept as it is. */
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}
export type Part = Html | string | number | undefined | null | false | Part[];
const render = (part: Part): string =>
  part instanceof Html ? part.text : Array.isArray(part) ? part.map(render).join("") : part === undefined || part === null || part === false ? "" : escapeHtml(String(part));
export const html = (strings: TemplateStringsArray, ...parts: Part[]): Html =>
  new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i]) : ""), ""));

export interface LayoutOptions {
  wide?: boolean;
  head?: Html;
  /** Scripts of this page, after the one every page has (the search box, "show the query"). */
  scripts?: string[];
  /** Which navigation link is this page's. */
  current?: "query" | "explore" | "timeline" | "search";
  /** The search box's text (on the search page). */
  search?: string;
  /** A page that fills the window (the network view) instead of scrolling. */
  full?: boolean;
}

export function layout(title: string, body: Html, options: LayoutOptions = {}): string {
  const nav = (key: LayoutOptions["current"], href: string, label: string, tip: string) =>
    html`<a href="${href}" title="${tip}"${options.current === key ? new Html(' aria-current="page"') : ""}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · newsgraph</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/newsgraph.css">
${options.head}
</head>
<body${options.full ? new Html(' class="full"') : ""}>
<header class="bar">
  <a class="brand" href="/">newsgraph</a>
  <form class="search" action="/search" method="get" role="search" autocomplete="off">
    <input type="search" name="q" value="${options.search ?? ""}" placeholder="Find a person, organisation, state or place…" aria-label="Search the graph" aria-autocomplete="list" aria-controls="search-suggestions" spellcheck="false">
    <ul id="search-suggestions" class="suggestions" role="listbox" hidden></ul>
  </form>
  <nav>
    ${nav("explore", "/explore", "Network", "Who is connected to whom: posts, sanctions, statements, co-mentions")}
    ${nav("timeline", "/explore?view=timeline", "Timeline", "Statements and sanctions by date")}
    ${nav("query", "/", "SPARQL", "Query the graph with SPARQL")}
    <a href="/store?default" title="The whole graph as Turtle">Download</a>
  </nav>
</header>
<main class="${options.full ? "full" : options.wide ? "wide" : "narrow"}">
${body}
</main>
<script src="/assets/ui/ui.js"></script>
${(options.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body>
</html>
`.text;
}

/** A "Show the query" toggle: the SPARQL a view ran against /sparql, each with a button that opens it in the editor. */
export function queryToggle(queries: { title: string; query: string }[], label = "Show the query"): Html {
  return html`<details class="show-query">
  <summary>${label}${queries.length > 1 ? ` (${queries.length})` : ""}</summary>
  ${queries.map((q) => html`<figure class="sparql">
    <figcaption><span>${q.title}</span> <a class="open-in-editor" href="/?query=${encodeURIComponent(q.query)}">Open in the editor</a></figcaption>
    <pre><code>${q.query}</code></pre>
  </figure>`)}
</details>`;
}

// ---------- the query page ----------

export function queryPage(examples: Example[]): string {
  // JSON inside <script>: "<" escaped so no string can close the element.
  const data = JSON.stringify(examples.map(({ title, query }) => ({ title, query }))).replace(/</g, "\\u003c");
  const body = html`
<section class="intro">
  <h1>Ask the news graph</h1>
  <p>Persons, the posts they hold, what they said, sanctions, organisations, states and places, read from news articles.
  Every fact links to the article and the sentence it comes from (<code>prov:wasDerivedFrom</code>, <code>ng:evidenceText</code>).
  Queries run on the union of all graphs; use <code>GRAPH ?g { … }</code> to see which article a fact comes from.
  The endpoint for any SPARQL client is <code>/sparql</code>; entity IRIs such as <code>${RESOURCE}person/…</code> open as pages under <code>/resource/…</code>.</p>
</section>
<section class="examples" aria-label="Example queries">
  <h2>Examples</h2>
  ${examples.length === 0 ? html`<p class="muted">No example queries found.</p>` : ""}
  <ul>
    ${examples.map((e, i) => html`<li><button type="button" class="example" data-example="${i}" title="${e.description}">${e.title}</button></li>`)}
  </ul>
</section>
<div id="yasgui" data-resource-base="${RESOURCE}"></div>
<script type="application/json" id="examples">${new Html(data)}</script>
<script src="/assets/yasgui/yasgui.min.js"></script>
<script src="/assets/query-page.js"></script>`;
  return layout("Query", body, { wide: true, current: "query", head: html`<link rel="stylesheet" href="/assets/yasgui/yasgui.min.css">` });
}

// ---------- resource pages ----------

const ENTITY_TYPES = ["Person", "Country", "Organisation", "Place"].map((t) => NG + t);

/** A link that stays on this server for the project's resources. */
function hrefOf(iri: string): string | undefined {
  if (iri.startsWith(RESOURCE)) return "/resource/" + iri.slice(RESOURCE.length);
  if (/^https?:\/\//.test(iri)) return iri;
  return undefined;
}

export function compactIri(iri: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
}

const localName = (iri: string) => iri.replace(/^.*[#/]/, "");

function link(ref: Ref, text?: string): Html {
  const href = hrefOf(ref.iri);
  const label = text ?? ref.label ?? compactIri(ref.iri);
  return href ? html`<a href="${href}">${label}</a>` : html`<span>${label}</span>`;
}

function typeBadges(types: string[]): Html {
  return html`${types.map((t) => html`<span class="badge badge-${localName(t).toLowerCase()}">${localName(t)}</span>`)}`;
}

function value(v: PropertyRow["value"]): Html {
  if ("literal" in v) {
    const note = v.language ? `@${v.language}` : v.datatype ? compactIri(v.datatype) : undefined;
    return html`${v.literal}${note ? html` <span class="datatype">${note}</span>` : ""}`;
  }
  return link(v);
}

function source(article: ArticleRef): Html {
  const meta = [article.publisher, article.datePublished].filter(Boolean).join(", ");
  return html`<span class="source">${link(article, article.label ?? article.fileName)}${meta ? html` <span class="muted">(${meta})</span>` : ""}</span>`;
}

const refs = (fact: FactView, property: string): PropertyRow["value"][] => fact.values[NG + property] ?? [];
const list = (values: PropertyRow["value"][]) => html`${values.map((v, i) => html`${i > 0 ? ", " : ""}${value(v)}`)}`;
const first = (fact: FactView, property: string) => {
  const v = refs(fact, property)[0];
  return v && "literal" in v ? v.literal : undefined;
};

function provenance(fact: FactView, pageIri: string): Html {
  return html`<div class="provenance">
    ${fact.articles.filter((a) => a.iri !== pageIri).map((a) => html`<div>Source: ${source(a)}</div>`)}
    ${fact.evidence.map((e) => html`<div class="evidence">${e}</div>`)}
    <div class="muted small">${link({ iri: fact.iri }, "fact details")}${fact.confidence ? ` · confidence ${fact.confidence}` : ""}</div>
  </div>`;
}

function postsSection(facts: FactView[], pageIri: string): Html | "" {
  if (facts.length === 0) return "";
  // On a person's own page the holder column would only repeat the person.
  const showHolder = facts.some((f) => refs(f, "holder").some((h) => !("iri" in h) || h.iri !== pageIri));
  return html`<section id="posts"><h2>Posts</h2>
  <table><thead><tr>${showHolder ? html`<th>Holder</th>` : ""}<th>Post</th><th>Of</th><th>Source and evidence</th></tr></thead><tbody>
  ${facts.map((f) => html`<tr>${showHolder ? html`<td>${list(refs(f, "holder"))}</td>` : ""}<td>${first(f, "roleTitle")}</td><td>${list(refs(f, "organisation"))}</td><td>${provenance(f, pageIri)}</td></tr>`)}
  </tbody></table></section>`;
}

function statementsSection(facts: FactView[], pageIri: string): Html | "" {
  if (facts.length === 0) return "";
  return html`<section id="statements"><h2>Statements</h2>
  ${facts.map((f) => html`<figure class="statement">
    <blockquote>${first(f, "quote")}</blockquote>
    <figcaption>— ${list(refs(f, "speaker"))}</figcaption>
    ${provenance(f, pageIri)}
  </figure>`)}</section>`;
}

function sanctionsSection(facts: FactView[], pageIri: string): Html | "" {
  if (facts.length === 0) return "";
  return html`<section id="sanctions"><h2>Sanctions</h2>
  ${facts.map((f) => {
    const reason = first(f, "reason");
    const date = first(f, "date");
    return html`<div class="card">
      <dl>
        <dt>Imposed by</dt><dd>${list(refs(f, "imposedBy"))}</dd>
        <dt>On</dt><dd>${first(f, "targetDescription")}${refs(f, "target").length ? html` <span class="muted">(${list(refs(f, "target"))})</span>` : ""}</dd>
        ${reason ? html`<dt>Reason</dt><dd>${reason}</dd>` : ""}
        ${date ? html`<dt>Date</dt><dd>${date}</dd>` : ""}
      </dl>
      ${provenance(f, pageIri)}
    </div>`;
  })}</section>`;
}

function articlesSection(articles: ArticleRef[]): Html | "" {
  if (articles.length === 0) return "";
  return html`<section id="mentioned-in"><h2>Mentioned in</h2><ul class="plain">${articles.map((a) => html`<li>${source(a)}</li>`)}</ul></section>`;
}

function coMentionedSection(others: ResourcePageData["coMentioned"]): Html | "" {
  if (others.length === 0) return "";
  return html`<section id="co-mentioned"><h2>Mentioned together with</h2><ul class="chips">
  ${others.map((o) => html`<li>${link(o)} ${typeBadges(ENTITY_TYPES.filter((t) => o.types?.includes(t)).slice(0, 1))}<span class="count" title="articles in common">${o.shared}</span></li>`)}
  </ul></section>`;
}

function mentionsSection(mentions: Ref[]): Html | "" {
  if (mentions.length === 0) return "";
  return html`<section id="mentions"><h2>Entities mentioned</h2><ul class="chips">
  ${mentions.map((m) => html`<li>${link(m)} ${typeBadges(ENTITY_TYPES.filter((t) => m.types?.includes(t)).slice(0, 1))}</li>`)}
  </ul></section>`;
}

function propertiesSection(data: ResourcePageData): Html {
  const outgoing = data.outgoing;
  return html`<section><details ${data.facts.length === 0 && data.mentionedIn.length === 0 && data.mentions.length === 0 ? "open" : ""}>
  <summary>All statements about this resource (${outgoing.length + data.incoming.length})</summary>
  <table class="properties"><thead><tr><th>Property</th><th>Value</th><th>Graph</th></tr></thead><tbody>
  ${outgoing.map((r) => html`<tr><td>${link({ iri: r.predicate }, compactIri(r.predicate))}</td><td>${value(r.value)}</td><td class="small">${r.graph ? link({ iri: r.graph }, compactIri(r.graph)) : ""}</td></tr>`)}
  ${data.incoming.map((r) => html`<tr><td>is ${link({ iri: r.predicate }, compactIri(r.predicate))} of</td><td>${link(r.subject)}</td><td class="small">${r.graph ? link({ iri: r.graph }, compactIri(r.graph)) : ""}</td></tr>`)}
  </tbody></table></details></section>`;
}

/** For an article: publisher, date and source file, from its own statements. */
function articleLine(data: ResourcePageData): Html | "" {
  if (!data.types.includes(NG + "Article")) return "";
  const literal = (local: string) => {
    const row = data.outgoing.find((r) => r.predicate === NG + local && "literal" in r.value);
    return row && "literal" in row.value ? row.value.literal : undefined;
  };
  const parts = [literal("publisher"), literal("datePublished"), literal("fileName")].filter(Boolean);
  return parts.length ? html`<p class="aka">${parts.join(" · ")}</p>` : "";
}

export function resourcePage(data: ResourcePageData): string {
  const title = data.label ?? compactIri(data.iri);
  const byType = (type: string) => data.facts.filter((f) => f.types.includes(NG + type));
  const wikidata = data.sameAs.filter((s) => s.startsWith(WD));
  const otherSameAs = data.sameAs.filter((s) => !s.startsWith(WD));
  const shownTypes = data.types.some((t) => ENTITY_TYPES.includes(t)) ? data.types.filter((t) => t !== NG + "Organisation" || !data.types.includes(NG + "Country")) : data.types;
  const rdfHref = `${hrefOf(data.iri) ?? ""}`;
  const sections: [string, string, number][] = [
    ["posts", "post", byType("RoleAssignment").length],
    ["statements", "statement", byType("Statement").length],
    ["sanctions", "sanction", byType("Sanction").length],
    ["mentioned-in", "article", data.mentionedIn.length],
    ["co-mentioned", "co-mentioned entit", data.coMentioned.length],
    ["mentions", "entit", data.mentions.length],
  ];
  const plural = (word: string, n: number) => (word.endsWith("entit") ? word + (n === 1 ? "y" : "ies") : n === 1 ? word : word + "s");
  const summary = sections.filter(([, , n]) => n > 0);
  const body = html`
<article class="resource">
  <header class="resource-head">
    <h1>${title} ${typeBadges(shownTypes)}</h1>
    <p class="iri"><code>${data.iri}</code></p>
    ${wikidata.map((s) => html`<p class="wikidata">Wikidata: <a href="https://www.wikidata.org/wiki/${localName(s)}" rel="external">${localName(s)}</a></p>`)}
    ${otherSameAs.map((s) => html`<p>Same as ${link({ iri: s })}</p>`)}
    ${articleLine(data)}
    ${data.altLabels.length ? html`<p class="aka">Also called: ${data.altLabels.join(" · ")}</p>` : ""}
    ${data.graphSize > 0 ? html`<p>This IRI names a graph of ${data.graphSize} statements: <a href="/store?graph=${encodeURIComponent(data.iri)}">download it (Turtle)</a>.</p>` : ""}
    ${summary.length ? html`<p class="summary">${summary.map(([id, name, n], i) => html`${i > 0 ? " · " : ""}<a href="#${id}">${n} ${plural(name, n)}</a>`)}</p>` : ""}
    ${data.queries.length ? queryToggle(data.queries) : ""}
    ${rdfHref ? html`<p class="muted small">As RDF: request this page with <code>Accept: text/turtle</code> (or N-Triples, N-Quads, TriG, JSON-LD).</p>` : ""}
  </header>
  ${postsSection(byType("RoleAssignment"), data.iri)}
  ${statementsSection(byType("Statement"), data.iri)}
  ${sanctionsSection(byType("Sanction"), data.iri)}
  ${articlesSection(data.mentionedIn)}
  ${coMentionedSection(data.coMentioned)}
  ${mentionsSection(data.mentions)}
  ${propertiesSection(data)}
</article>`;
  return layout(title, body);
}

export function messagePage(title: string, message: string): string {
  return layout(title, html`<section class="message"><h1>${title}</h1><p>${message}</p><p><a href="/">Back to the query page</a></p></section>`);
}
