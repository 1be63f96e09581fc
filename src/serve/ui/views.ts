// HTML of the exploration views: the article view, search results and the network/timeline
// page (whose graph and lists are drawn in the browser from the JSON API).
import type { EntityInfo, EntityType } from "../../store/network.ts";
import { Html, html, layout, queryToggle } from "../pages.ts";
import { factId, hrefOf, markedText, type ArticleData, type ArticleFact } from "./article.ts";
import type { SearchHit } from "./search.ts";

const TYPE_NAMES: Record<EntityType, string> = { person: "Person", organisation: "Organisation", country: "State", place: "Place" };
const typeBadge = (type: EntityType) => html`<span class="badge badge-${type === "country" ? "country" : type}">${TYPE_NAMES[type]}</span>`;
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${n === 1 ? word : word.endsWith("y") ? word.slice(0, -1) + "ies" : word + "s"}`;

// ---------- article view ----------

const KIND_LABEL = { statement: "Statement", post: "Post", sanction: "Sanction" } as const;

export function articlePage(data: ArticleData): string {
  const byIri = new Map(data.entities.map((e) => [e.iri, e]));
  const name = (iri: string) => byIri.get(iri)?.label ?? iri.replace(/^.*\//, "");
  const entityLink = (iri: string) => {
    const e = byIri.get(iri);
    return html`<a class="entity${e ? ` entity-${e.type}` : ""}" href="${hrefOf(iri)}">${name(iri)}</a>`;
  };
  const links = (iris: string[]) => html`${iris.map((iri, i) => html`${i > 0 ? ", " : ""}${entityLink(iri)}`)}`;
  const describe = (f: ArticleFact): string => {
    const who = f.actors.map(name).join(", ");
    if (f.kind === "statement") return `Statement by ${who}`;
    if (f.kind === "post") return `Post: ${who}, ${f.title ?? ""}${f.objects.length ? ` (${f.objects.map(name).join(", ")})` : ""}`;
    return `Sanction by ${who} on ${f.targetText ?? ""}${f.reason ? ` over ${f.reason}` : ""}`;
  };
  const counts = (["statement", "post", "sanction"] as const).map((k) => [k, data.facts.filter((f) => f.kind === k).length] as const);
  const factItem = (f: ArticleFact) => html`<li class="fact-item fact-${f.kind}" data-fact="${factId(f.iri)}" data-evidence-start="${f.start}" data-evidence-end="${f.end}" tabindex="0">
      <div class="fact-kind">${KIND_LABEL[f.kind]}${f.date ? html` <span class="muted">· ${f.date}</span>` : ""}${f.confidence ? html` <span class="confidence" title="confidence">${Number(f.confidence).toFixed(2)}</span>` : ""}</div>
      ${
        f.kind === "statement"
          ? html`<div>${links(f.actors)}: <q>${f.quote}</q></div>`
          : f.kind === "post"
            ? html`<div>${links(f.actors)} — <strong>${f.title}</strong>${f.objects.length ? html`, ${links(f.objects)}` : ""}</div>`
            : html`<div>${links(f.actors)} → <strong>${f.targetText}</strong>${f.objects.length ? html` (${links(f.objects)})` : ""}</div>
               ${f.reason ? html`<div class="small">Reason: ${f.reason}</div>` : ""}`
      }
      <div class="small"><a href="${hrefOf(f.iri)}" class="muted">fact ${f.iri.replace(/^.*\//, "").slice(0, 8)}</a> · offsets ${f.start}–${f.end}</div>
    </li>`;
  const meta = [data.publisher, data.datePublished, data.fileName].filter(Boolean).join(" · ");
  const textBlock = data.text
    ? html`<div class="article-text" id="article-text">${new Html(markedText(data, describe))}</div>`
    : html`<div class="notice">This store does not hold the article's text (it was built before texts were kept): rebuild it to see the facts in place. The evidence sentences are listed beside.</div>`;
  const body = html`
<article class="article-view">
  <header class="resource-head">
    <h1>${data.title ?? data.fileName ?? data.iri} <span class="badge">Article</span></h1>
    ${meta ? html`<p class="aka">${meta}</p>` : ""}
    ${data.url ? html`<p class="small"><a href="${data.url}" rel="external nofollow">${data.url}</a></p>` : ""}
    <p class="summary">${counts.filter(([, n]) => n > 0).map(([k, n], i) => html`${i > 0 ? " · " : ""}<span class="key key-${k}">${plural(n, k === "post" ? "post" : k)}</span>`)}${counts.every(([, n]) => n === 0) ? "No facts were extracted from this article." : ""}
      · <a href="/explore?article=${encodeURIComponent(data.iri)}">its network</a></p>
    <p class="legend small" aria-label="Colour key">
      <mark class="fact fact-statement">quotation</mark> <mark class="fact fact-post">post</mark>
      <mark class="fact fact-sanction part-target">sanction target</mark> <mark class="fact fact-sanction part-reason">sanction reason</mark>
      <span class="entity entity-person">person</span> <span class="entity entity-organisation">organisation</span>
      <span class="entity entity-country">state</span> <span class="entity entity-place">place</span>
      <span class="muted">· hover a fact to see its sentence</span>
    </p>
    ${queryToggle(data.queries)}
  </header>
  <div class="article-columns">
    ${textBlock}
    <aside class="fact-list" aria-label="Facts from this article">
      <h2>Facts</h2>
      <ol>${data.facts.map(factItem)}</ol>
      ${data.text ? "" : html`<div class="evidence-list">${data.facts.map((f) => html`<p class="evidence" data-fact="${factId(f.iri)}">${f.sentence}</p>`)}</div>`}
      <h2>Entities</h2>
      <ul class="chips">${[...data.entities].sort((a, b) => a.label.localeCompare(b.label)).map((e) => html`<li><a class="entity entity-${e.type}" href="${hrefOf(e.iri)}">${e.label}</a></li>`)}</ul>
      <p class="small muted"><a href="${hrefOf(data.iri)}?as=rdf" class="muted" data-rdf>As RDF</a>: request this address with <code>Accept: text/turtle</code>.</p>
    </aside>
  </div>
</article>`;
  return layout(data.title ?? "Article", body, { wide: true, scripts: ["/assets/ui/article.js"] });
}

// ---------- search results ----------

export function searchPage(query: string, hits: SearchHit[], indexed: number): string {
  const body = html`
<section class="search-results">
  <h1>${query ? html`Names matching “${query}”` : "Search"}</h1>
  <p class="muted">${query ? `${plural(hits.length, "result")} among ${plural(indexed, "entity")}` : `Type a name above: ${plural(indexed, "entity")} are indexed by every name the articles use.`}
  (case, accents and small typos do not matter; JSON for scripts: <a href="/api/search?q=${encodeURIComponent(query)}"><code>/api/search?q=${query}</code></a>)</p>
  ${hits.length ? html`<ol class="hits">${hits.map((h) => html`<li>
      <a href="${hrefOf(h.iri)}" class="hit-label">${h.label}</a> ${typeBadge(h.type)}
      <span class="count" title="articles that mention it">${plural(h.articles, "article")}</span>
      ${h.matched ? html`<span class="muted small">matched “${h.matched}”</span>` : ""}
      ${h.names.length ? html`<div class="small muted">Also: ${h.names.slice(0, 8).join(" · ")}</div>` : ""}
    </li>`)}</ol>` : query ? html`<p>Nothing found. Try fewer letters, or another spelling.</p>` : ""}
</section>`;
  return layout(query ? `Search: ${query}` : "Search", body, { current: "search", search: query });
}

// ---------- network and timeline ----------

export function explorePage(view: "network" | "timeline"): string {
  const types = (["person", "organisation", "country", "place"] as const).map((t) => html`<label class="check type-${t}"><input type="checkbox" name="type" value="${t}" checked> ${TYPE_NAMES[t]}s</label>`);
  const edges = [
    ["post", "Posts"],
    ["sanction", "Sanctions"],
    ["statement", "Statements"],
    ["co-mention", "Co-mentions"],
  ].map(([k, label]) => html`<label class="check edge-${k}"><input type="checkbox" name="edge" value="${k}" checked> ${label}</label>`);
  const body = html`
<div class="explore" data-view="${view}">
  <form class="filters" id="filters" aria-label="Filters">
    <div class="tabs" role="tablist">
      <button type="button" role="tab" data-view="network" aria-selected="${String(view === "network")}">Network</button>
      <button type="button" role="tab" data-view="timeline" aria-selected="${String(view === "timeline")}">Timeline</button>
    </div>
    <fieldset><legend>Entities</legend>${types}</fieldset>
    <fieldset class="for-network"><legend>Links</legend>${edges}
      <label class="range">Co-mentions in at least <input type="number" name="minShared" min="1" value="2" size="3"> articles</label></fieldset>
    <fieldset class="for-timeline"><legend>Items</legend>
      <label class="check"><input type="checkbox" name="kind" value="statement" checked> Statements</label>
      <label class="check"><input type="checkbox" name="kind" value="sanction" checked> Sanctions</label></fieldset>
    <fieldset><legend>Dates</legend>
      <label>From <input type="date" name="from"></label> <label>to <input type="date" name="to"></label></fieldset>
    <fieldset><legend>Sources</legend>
      <label>Publisher <select name="publisher"><option value="">all</option></select></label>
      <label>Article <input type="search" name="article" list="article-list" placeholder="any article"></label>
      <datalist id="article-list"></datalist></fieldset>
    <div class="actions"><button type="submit" class="primary">Apply</button> <button type="reset">Reset</button></div>
    <div class="downloads for-network"><span class="muted small">Download this view:</span>
      <a data-format="graphml" href="#">GraphML</a> <a data-format="gexf" href="#">GEXF</a> <a data-format="nodes.csv" href="#">nodes.csv</a> <a data-format="edges.csv" href="#">edges.csv</a></div>
  </form>
  <section class="pane network-pane" id="network-pane" aria-label="Network">
    <div class="status" id="network-status" role="status">Loading the network…</div>
    <div id="graph" class="graph"></div>
    <div class="graph-legend small">
      <span class="dot dot-person"></span>person <span class="dot dot-organisation"></span>organisation <span class="dot dot-country"></span>state <span class="dot dot-place"></span>place
      · <span class="line line-post"></span>post <span class="line line-sanction"></span>sanction <span class="line line-statement"></span>statement <span class="line line-co-mention"></span>co-mention
      · size: articles
    </div>
    <aside class="panel" id="panel" hidden aria-live="polite"></aside>
  </section>
  <section class="pane timeline-pane" id="timeline-pane" aria-label="Timeline">
    <div class="status" id="timeline-status" role="status"></div>
    <div class="months" id="months"></div>
    <ol class="timeline" id="timeline"></ol>
    <button type="button" id="timeline-more" hidden>Older items</button>
  </section>
  <div class="queries" id="queries"></div>
</div>`;
  return layout(view === "timeline" ? "Timeline" : "Network", body, { full: true, current: view === "timeline" ? "timeline" : "explore", scripts: ["/assets/ui/explore.js"] });
}

export const entityTypeName = (e: EntityInfo): string => TYPE_NAMES[e.type];
