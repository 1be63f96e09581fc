// The network and timeline page. Bundled by the server with esbuild (src/serve/ui/routes.ts)
// from node_modules: graphology holds the graph, sigma draws it (WebGL), ForceAtlas2 lays it
// out in a web worker so the page stays responsive on thousands of nodes.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeRectangleProgram } from "sigma/rendering";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";

const NODE_COLOURS = { person: "#2b6cb0", organisation: "#6b46c1", country: "#c05621", place: "#2c7a7b" };
const EDGE_COLOURS = { post: "#2f855a", sanction: "#c53030", statement: "#b7791f", "co-mention": "#cbd5e0" };
const TYPE_NAMES = { person: "Person", organisation: "Organisation", country: "State", place: "Place" };
const RESOURCE = "https://w3id.org/newsgraph/resource/";

const $ = (selector, root = document) => root.querySelector(selector);
const form = $("#filters");
const root = $(".explore");
const state = { view: root.dataset.view, graph: null, renderer: null, layout: null, layoutTimer: 0, hovered: null, selected: null, facets: null, timelineOffset: 0, loadedFor: {} };
// For tests and the curious: the graph model and renderer of what is on screen.
window.newsgraph = state;

const href = (iri) => (iri.startsWith(RESOURCE) ? "/resource/" + iri.slice(RESOURCE.length) : iri);
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};
const link = (iri, label, type) => el("a", { href: href(iri), class: type ? `entity entity-${type}` : undefined, text: label });
const plural = (n, word) => `${n.toLocaleString("en")} ${n === 1 ? word : word.endsWith("y") ? word.slice(0, -1) + "ies" : word + "s"}`;

// ---------- filters <-> URL ----------

function paramsFromForm() {
  const data = new FormData(form);
  const params = new URLSearchParams();
  const all = (name, total) => {
    const values = data.getAll(name);
    if (values.length && values.length < total) for (const v of values) params.append(name, v);
  };
  all("type", 4);
  for (const k of ["from", "to", "publisher"]) if (data.get(k)) params.set(k, data.get(k));
  const article = String(data.get("article") ?? "").trim();
  if (article) params.set("article", articleIri(article));
  return params;
}

function viewParams(params) {
  const data = new FormData(form);
  const out = new URLSearchParams(params);
  const edges = data.getAll("edge");
  if (edges.length < 4) for (const e of edges.length ? edges : ["none"]) out.append("edge", e);
  const min = Number(data.get("minShared") || 1);
  out.set("minShared", String(min));
  const kinds = data.getAll("kind");
  if (kinds.length === 1) out.set("kind", kinds[0]);
  return out;
}

function formFromUrl() {
  const params = new URLSearchParams(location.search);
  const types = params.getAll("type").flatMap((t) => t.split(","));
  if (types.length) for (const box of form.querySelectorAll('input[name="type"]')) box.checked = types.includes(box.value);
  const edges = params.getAll("edge").flatMap((t) => t.split(","));
  if (edges.length) for (const box of form.querySelectorAll('input[name="edge"]')) box.checked = edges.includes(box.value);
  const kind = params.get("kind");
  if (kind) for (const box of form.querySelectorAll('input[name="kind"]')) box.checked = box.value === kind;
  for (const k of ["from", "to", "minShared"]) if (params.get(k)) form.elements[k].value = params.get(k);
  state.pendingPublisher = params.get("publisher") || "";
  state.pendingArticle = params.get("article") || "";
}

// The article box shows titles; the API wants IRIs.
const articleByLabel = new Map();
const labelOfArticle = new Map();
const articleIri = (text) => articleByLabel.get(text) ?? text;

async function loadFacets() {
  const facets = await getJson("/api/facets");
  state.facets = facets;
  const select = form.elements.publisher;
  for (const p of facets.publishers) select.append(el("option", { value: p.name, text: `${p.name} (${p.articles})` }));
  select.value = state.pendingPublisher;
  const list = $("#article-list");
  for (const a of facets.articles) {
    let label = `${a.title ?? a.iri.replace(/^.*\//, "")}${a.date ? ` · ${a.date}` : ""}`;
    if (articleByLabel.has(label)) label += ` · ${a.iri.replace(/^.*\//, "")}`;
    articleByLabel.set(label, a.iri);
    labelOfArticle.set(a.iri, label);
    list.append(el("option", { value: label }));
  }
  if (state.pendingArticle) form.elements.article.value = labelOfArticle.get(state.pendingArticle) ?? state.pendingArticle;
  if (facets.dates.min) for (const k of ["from", "to"]) {
    form.elements[k].min = facets.dates.min;
    form.elements[k].max = facets.dates.max;
  }
}

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error((await res.text()).trim() || `${res.status} ${res.statusText}`);
  return res.json();
}

// ---------- "show the query" ----------

function showQueries(queries) {
  const box = $("#queries");
  box.replaceChildren();
  if (!queries?.length) return;
  box.append(
    el("details", { class: "show-query" },
      el("summary", { text: `Show the query${queries.length > 1 ? ` (${queries.length})` : ""}` }),
      queries.map((q) => el("figure", { class: "sparql" },
        el("figcaption", {}, el("span", { text: q.title }), " ", el("a", { class: "open-in-editor", href: "/?query=" + encodeURIComponent(q.query), text: "Open in the editor" })),
        el("pre", {}, el("code", { text: q.query })),
      )),
    ),
  );
}

// ---------- the network ----------

function nodeSize(articles, max) {
  return 3 + 12 * Math.sqrt(articles / Math.max(1, max));
}

/** A position that stays put for a node across reloads: from its IRI, on a disc. */
function seededPosition(id) {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const a = ((h >>> 0) % 3600) / 3600 * 2 * Math.PI;
  const r = Math.sqrt(((h >>> 12) % 1000) / 1000);
  return { x: Math.cos(a) * r * 100, y: Math.sin(a) * r * 100 };
}

function buildGraph(network) {
  const previous = state.graph;
  const graph = new MultiDirectedGraph({ allowSelfLoops: false });
  const max = network.nodes.reduce((m, n) => Math.max(m, n.articles), 1);
  for (const n of network.nodes) {
    const old = previous?.hasNode(n.id) ? previous.getNodeAttributes(n.id) : seededPosition(n.id);
    graph.addNode(n.id, {
      label: n.label,
      x: old.x,
      y: old.y,
      size: nodeSize(n.articles, max),
      color: NODE_COLOURS[n.type],
      nodeType: n.type,
      articles: n.articles,
      wikidata: n.wikidata,
    });
  }
  const maxShared = network.edges.reduce((m, e) => (e.kind === "co-mention" ? Math.max(m, e.weight) : m), 1);
  network.edges.forEach((e, i) => {
    const co = e.kind === "co-mention";
    graph.addDirectedEdgeWithKey(`e${i}`, e.source, e.target, {
      kind: e.kind,
      weight: e.weight,
      details: e.details,
      firstDate: e.firstDate,
      lastDate: e.lastDate,
      color: EDGE_COLOURS[e.kind],
      size: co ? 0.5 + 2 * (e.weight / maxShared) : 1 + Math.min(4, Math.log2(1 + e.weight)),
      type: co ? "line" : "arrow",
      // ForceAtlas2 pulls harder along facts than along mere co-mentions.
      layoutWeight: co ? e.weight / maxShared : 2,
      zIndex: co ? 0 : 1,
    });
  });
  return graph;
}

/**
 * ForceAtlas2 runs in a web worker on a copy of the graph (nodes and weighted edges only); the
 * drawn graph gets the positions a few times a second, so redrawing thousands of edges never
 * keeps the page from answering.
 */
function startLayout(graph, fresh) {
  stopLayout();
  if (graph.order < 2) return;
  const copy = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.forEachNode((node, a) => copy.addNode(node, { x: a.x, y: a.y, size: a.size }));
  graph.forEachEdge((edge, a, source, target) => copy.addDirectedEdgeWithKey(edge, source, target, { layoutWeight: a.layoutWeight }));
  const settings = {
    ...forceAtlas2.inferSettings(copy),
    barnesHutOptimize: copy.order > 300,
    // Small graphs spread wider, so the labels of a dense core can be read.
    scalingRatio: copy.order < 500 ? 30 : 10,
    // Strong gravity keeps unconnected entities near the rest instead of far at the edges.
    strongGravityMode: true,
    gravity: 1,
    adjustSizes: false,
    edgeWeightInfluence: 1,
  };
  state.layout = new FA2Layout(copy, { settings, getEdgeWeight: "layoutWeight" });
  state.layout.start();
  const sync = () => {
    graph.updateEachNodeAttributes((node, a) => {
      const p = copy.getNodeAttributes(node);
      a.x = p.x;
      a.y = p.y;
      return a;
    }, { attributes: ["x", "y"] });
  };
  // Small graphs move smoothly; large ones are redrawn less often.
  const every = graph.size > 5000 ? 1000 : graph.size > 1000 ? 250 : 60;
  state.layoutSync = setInterval(sync, every);
  // Long enough to settle; a graph moved from an earlier view needs less.
  const ms = Math.min(15000, (fresh ? 2500 : 1200) + graph.order * 3);
  state.layoutTimer = setTimeout(() => {
    stopLayout();
    sync();
    const status = $("#layout-status");
    if (status) status.textContent = "layout done";
    $("#network-status").dataset.layout = "done";
  }, ms);
}

function stopLayout() {
  clearTimeout(state.layoutTimer);
  clearInterval(state.layoutSync);
  if (state.layout) {
    state.layout.kill();
    state.layout = null;
  }
}

function setupRenderer(graph) {
  if (state.renderer) {
    state.renderer.kill();
    state.renderer = null;
  }
  const container = $("#graph");
  const renderer = new Sigma(graph, container, {
    defaultEdgeType: "line",
    edgeProgramClasses: { line: EdgeRectangleProgram, arrow: EdgeArrowProgram },
    renderEdgeLabels: false,
    hideEdgesOnMove: graph.size > 5000,
    labelRenderedSizeThreshold: graph.order > 400 ? 9 : 4,
    labelFont: "system-ui, sans-serif",
    labelSize: 13,
    labelWeight: "500",
    zIndex: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    nodeReducer: (node, data) => {
      const focus = state.hovered ?? state.selected;
      if (!focus) return data;
      if (node === focus) return { ...data, highlighted: true, zIndex: 2 };
      if (graph.areNeighbors(node, focus)) return { ...data, zIndex: 1, forceLabel: true };
      return { ...data, color: "#d9dee5", label: "", zIndex: 0 };
    },
    edgeReducer: (edge, data) => {
      const focus = state.hovered ?? state.selected;
      if (!focus) return data;
      if (graph.hasExtremity(edge, focus)) return { ...data, size: data.size + 1, zIndex: 2 };
      return { ...data, hidden: true };
    },
  });
  renderer.on("enterNode", ({ node }) => {
    state.hovered = node;
    container.style.cursor = "pointer";
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("leaveNode", () => {
    state.hovered = null;
    container.style.cursor = "";
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("clickNode", ({ node }) => openPanel(node));
  renderer.on("clickStage", () => closePanel());
  state.renderer = renderer;
}

async function loadNetwork() {
  const status = $("#network-status");
  status.dataset.state = "loading";
  status.textContent = "Loading the network…";
  const params = viewParams(paramsFromForm());
  updateDownloads(params);
  try {
    const network = await getJson("/api/network?" + params);
    const fresh = !state.graph;
    const graph = buildGraph(network);
    state.graph = graph;
    state.network = network;
    setupRenderer(graph);
    startLayout(graph, fresh);
    const shown = `${plural(network.nodes.length, "entity")}, ${plural(network.edges.length, "link")}`;
    const more =
      network.nodes.length < network.matched.nodes
        ? ` — the ${network.nodes.length.toLocaleString("en")} most-mentioned of ${network.matched.nodes.toLocaleString("en")}; narrow the filters to see the rest`
        : network.truncated
          ? " — only the strongest co-mentions are drawn; raise “co-mentions in at least” or narrow the filters to see the others"
          : "";
    status.dataset.layout = graph.order > 1 ? "running" : "done";
    status.replaceChildren(`${shown}${more} · `, el("span", { id: "layout-status", text: graph.order > 1 ? "laying out…" : "" }));
    status.dataset.state = "ready";
    state.loadedFor.network = currentKey();
    showQueries(network.queries);
    if (state.selected && graph.hasNode(state.selected)) openPanel(state.selected);
    else closePanel();
  } catch (e) {
    status.dataset.state = "error";
    status.textContent = `Could not load the network: ${e.message}`;
  }
}

function updateDownloads(params) {
  for (const a of form.querySelectorAll(".downloads a")) {
    const p = new URLSearchParams(params);
    p.set("format", a.dataset.format);
    a.href = "/api/export?" + p;
    a.setAttribute("download", "");
  }
}

// ---------- the side panel ----------

function closePanel() {
  state.selected = null;
  $("#panel").hidden = true;
  state.renderer?.refresh({ skipIndexation: true });
}

async function openPanel(node) {
  state.selected = node;
  state.renderer?.refresh({ skipIndexation: true });
  const panel = $("#panel");
  const attrs = state.graph.getNodeAttributes(node);
  panel.hidden = false;
  panel.replaceChildren(el("p", { class: "muted", text: `Loading ${attrs.label}…` }));
  let data;
  try {
    data = await getJson("/api/entity?iri=" + encodeURIComponent(node));
  } catch (e) {
    panel.replaceChildren(el("p", { text: `Could not load ${attrs.label}: ${e.message}` }));
    return;
  }
  if (state.selected !== node) return;
  const e = data.entity;
  const name = (iri) => data.names[iri] ? link(iri, data.names[iri].label, data.names[iri].type) : link(iri, iri.replace(/^.*\//, ""));
  const names = (iris) => iris.flatMap((iri, i) => (i ? [", ", name(iri)] : [name(iri)]));
  const source = (f) => el("div", { class: "source small" },
    el("a", { href: href(f.article) + "#" + "fact-" + f.fact.replace(/^.*\//, ""), text: f.articleTitle ?? "the article" }),
    f.date ? ` · ${f.date}` : "");
  const sentence = (f) => el("div", { class: "evidence", text: f.sentence });
  const section = (title, role, render) => {
    const facts = data.facts.filter((f) => f.role === role);
    if (!facts.length) return null;
    return el("section", { class: `panel-${role}` }, el("h3", { text: `${title} (${facts.length})` }), el("ul", { class: "panel-facts" }, facts.map((f) => el("li", {}, render(f), sentence(f), source(f)))));
  };
  const qid = e.wikidata?.replace(/^.*\//, "");
  panel.replaceChildren(
    el("button", { type: "button", class: "close", "aria-label": "Close", text: "×", onclick: closePanel }),
    el("h2", {}, e.label, " ", el("span", { class: `badge badge-${e.type}`, text: TYPE_NAMES[e.type] })),
    e.names.length ? el("p", { class: "aka small", text: "Also: " + e.names.join(" · ") }) : null,
    el("p", { class: "small" },
      plural(e.articles, "article"),
      qid ? [" · Wikidata ", el("a", { href: `https://www.wikidata.org/wiki/${qid}`, rel: "external", class: "wikidata", text: qid })] : " · no Wikidata link",
      " · ", el("a", { href: href(e.iri), class: "page-link", text: "open its page" })),
    section("Posts", "post", (f) => el("div", {}, el("strong", { text: f.title }), f.others.length ? [", ", ...names(f.others)] : "")),
    section("Holding posts here", "holder", (f) => el("div", {}, ...names(f.others), " — ", el("strong", { text: f.title }))),
    section("Statements", "said", (f) => el("blockquote", { text: f.quote })),
    section("Sanctions imposed", "imposed", (f) => el("div", {}, "on ", el("strong", { text: f.targetText }), f.others.length ? [" (", ...names(f.others), ")"] : "", f.reason ? ` — ${f.reason}` : "")),
    section("Sanctions suffered", "suffered", (f) => el("div", {}, "by ", ...names(f.others), f.reason ? ` — ${f.reason}` : "")),
    data.facts.length === 0 ? el("p", { class: "muted", text: "No posts, statements or sanctions: only mentioned." }) : null,
    el("details", { class: "show-query" }, el("summary", { text: "Show the query" }),
      data.queries.map((q) => el("figure", { class: "sparql" },
        el("figcaption", {}, el("a", { class: "open-in-editor", href: "/?query=" + encodeURIComponent(q.query), text: "Open in the editor" })),
        el("pre", {}, el("code", { text: q.query }))))),
  );
}

// ---------- the timeline ----------

async function loadTimeline(append = false) {
  const status = $("#timeline-status");
  status.dataset.state = "loading";
  status.textContent = "Loading the timeline…";
  const params = viewParams(paramsFromForm());
  if (!append) state.timelineOffset = 0;
  params.set("offset", String(state.timelineOffset));
  params.set("limit", "200");
  try {
    const data = await getJson("/api/timeline?" + params);
    for (const [iri, n] of Object.entries(data.names)) labelCache.set(iri, n);
    const list = $("#timeline");
    if (!append) {
      list.replaceChildren();
      drawMonths(data);
    }
    let lastDate = list.dataset.lastDate ?? "";
    for (const item of data.items) {
      const day = item.date ?? "undated";
      if (day !== lastDate || !append && !list.children.length) {
        list.append(el("li", { class: "tl-day", text: item.date ?? "Undated" }));
        lastDate = day;
      }
      list.append(timelineItem(item));
    }
    list.dataset.lastDate = lastDate;
    state.timelineOffset += data.items.length;
    $("#timeline-more").hidden = state.timelineOffset >= data.total;
    status.textContent = `${plural(data.total, "item")}${data.undated ? `, ${data.undated} without a date` : ""} · newest first`;
    status.dataset.state = "ready";
    state.loadedFor.timeline = currentKey();
    showQueries(data.queries);
  } catch (e) {
    status.dataset.state = "error";
    status.textContent = `Could not load the timeline: ${e.message}`;
  }
}

function drawMonths(data) {
  const box = $("#months");
  box.replaceChildren();
  if (!data.months.length) return;
  const max = Math.max(...data.months.map((m) => m.statement + m.sanction));
  for (const m of data.months) {
    const bar = el("button", { type: "button", class: "month", title: `${m.month}: ${m.statement} statements, ${m.sanction} sanctions — click to show this month` },
      el("span", { class: "month-bar" },
        el("span", { class: "seg seg-sanction", style: `height:${(100 * m.sanction) / max}%` }),
        el("span", { class: "seg seg-statement", style: `height:${(100 * m.statement) / max}%` })),
      el("span", { class: "label", text: m.month }));
    bar.addEventListener("click", () => {
      const [y, mo] = m.month.split("-").map(Number);
      form.elements.from.value = `${m.month}-01`;
      form.elements.to.value = `${m.month}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, "0")}`;
      apply();
    });
    box.append(bar);
  }
}

function timelineItem(item) {
  const who = item.actors.map((iri) => entityLink(iri));
  const whoList = who.flatMap((a, i) => (i ? [", ", a] : [a]));
  const article = el("a", { href: href(item.article) + "#fact-" + item.fact.replace(/^.*\//, ""), text: item.articleTitle ?? "article" });
  const when = item.dateOf === "article" ? el("span", { class: "muted small", title: "the fact has no date of its own: its article's date", text: " (article date)" }) : null;
  const body =
    item.kind === "statement"
      ? el("div", {}, ...whoList, ": ", el("q", { text: item.quote }))
      : el("div", {}, ...whoList, " sanctioned ", el("strong", { text: item.targetText }),
          item.targets.length ? [" (", ...item.targets.flatMap((t, i) => (i ? [", ", entityLink(t)] : [entityLink(t)])), ")"] : "",
          item.reason ? ` over ${item.reason}` : "");
  return el("li", { class: `tl-item tl-${item.kind}`, "data-fact": item.fact },
    el("span", { class: `tl-kind`, text: item.kind === "statement" ? "Statement" : "Sanction" }),
    body,
    el("div", { class: "small muted" }, article, item.publisher ? ` · ${item.publisher}` : "", when));
}

/** Entity labels and types the timeline API sent along. */
const labelCache = new Map();
function entityLink(iri) {
  const known = labelCache.get(iri);
  return link(iri, known?.label ?? iri.replace(/^.*\//, ""), known?.type);
}

// ---------- wiring ----------

function showView(view) {
  state.view = view;
  root.dataset.view = view;
  for (const tab of form.querySelectorAll('[role="tab"]')) tab.setAttribute("aria-selected", String(tab.dataset.view === view));
  const params = new URLSearchParams(location.search);
  if (view === "timeline") params.set("view", "timeline");
  else params.delete("view");
  history.replaceState(null, "", "/explore" + (params.size ? "?" + params : ""));
  for (const a of document.querySelectorAll(".bar nav a")) {
    const mine = a.getAttribute("href") === (view === "timeline" ? "/explore?view=timeline" : "/explore");
    if (mine) a.setAttribute("aria-current", "page");
    else if (a.getAttribute("href").startsWith("/explore")) a.removeAttribute("aria-current");
  }
  if (state.loadedFor[view] !== currentKey()) load();
}

/** What the current filters ask for: a view is reloaded only when they changed. */
const currentKey = () => viewParams(paramsFromForm()).toString();

function load() {
  if (state.view === "timeline") return loadTimeline();
  return loadNetwork();
}

function apply() {
  const params = viewParams(paramsFromForm());
  if (state.view === "timeline") params.set("view", "timeline");
  history.replaceState(null, "", "/explore" + (params.size ? "?" + params : ""));
  state.loadedFor = {};
  return load();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  apply();
});
form.addEventListener("reset", () => setTimeout(apply, 0));
for (const tab of form.querySelectorAll('[role="tab"]')) tab.addEventListener("click", () => showView(tab.dataset.view));
$("#timeline-more").addEventListener("click", () => loadTimeline(true));
window.addEventListener("resize", () => state.renderer?.refresh());

formFromUrl();
loadFacets()
  .catch((e) => ($("#network-status").textContent = `Could not load the filters: ${e.message}`))
  .then(() => {
    state.loadedFor = {};
    load();
  });
