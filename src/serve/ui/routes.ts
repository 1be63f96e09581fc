// The exploration interface's routes: search (page and JSON), the network and timeline page
// with its JSON API and downloads, and its scripts. Every store access goes through the
// worker pool as SPARQL (see state.ts); the server keeps only per-revision caches.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { HttpError, cacheHeaders, etagFor, isFresh, methodNotAllowed, send } from "../http.ts";
import type { ServerContext } from "../server.ts";
import { EDGE_KINDS, ENTITY_TYPES, buildNetwork, checkFilters, type EdgeKind, type EntityInfo, type EntityType, type Network, type NetworkFilters } from "../../store/network.ts";
import { networkToCsv, networkToGexf, networkToGraphml } from "../../store/network-export.ts";
import { PROLOGUE } from "../../store/select.ts";
import { hrefOf } from "./article.ts";
import { buildPanel } from "./panel.ts";
import { catalogue, poolSelect, useSavedCatalogue } from "./state.ts";
import { buildTimeline, type TimelineKind } from "./timeline.ts";
import { explorePage, searchPage } from "./views.ts";

const HTML_TYPE = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** What the network view draws (and its downloads hold) at most; `newsgraph export` has no such limit. */
export const VIEW_LIMITS = { maxNodes: 5000, maxCoMentions: 8000 };

const ROUTES = new Set(["/search", "/explore", "/timeline", "/api/search", "/api/facets", "/api/network", "/api/timeline", "/api/entity", "/api/export"]);
/**
 * Builds the search index: from the catalogue saved for this revision at once, else by queries
 * once the store has loaded (a failure is retried, and reported, by the first search).
 */
export async function warmUp(ctx: ServerContext, loaded: Promise<unknown>): Promise<void> {
  if (await useSavedCatalogue(ctx).catch(() => false)) return;
  await loaded;
  await catalogue(ctx).catch(() => undefined);
}

export const isUiPath = (path: string): boolean => ROUTES.has(path) || path.startsWith("/assets/ui/");

export async function handleUi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ServerContext): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") throw methodNotAllowed(["GET"]);
  const path = url.pathname;
  const params = url.searchParams;
  if (path.startsWith("/assets/ui/")) return asset(req, res, path.slice("/assets/ui/".length));
  switch (path) {
    case "/explore":
      return send(res, 200, explorePage(params.get("view") === "timeline" ? "timeline" : "network"), { "Content-Type": HTML_TYPE, "Cache-Control": "no-cache" });
    case "/timeline": {
      const next = new URLSearchParams(params);
      next.set("view", "timeline");
      return send(res, 302, "", { Location: `/explore?${next}` });
    }
    case "/search": {
      const q = (params.get("q") ?? "").slice(0, 200);
      const { index } = await catalogue(ctx);
      return send(res, 200, searchPage(q, index.search(q, { limit: 50, types: typesOf(params) }), index.size), { "Content-Type": HTML_TYPE, "Cache-Control": "no-cache" });
    }
    case "/api/search": {
      const q = (params.get("q") ?? "").slice(0, 200);
      const limit = intParam(params, "limit", 10, 1, 100);
      const started = performance.now();
      const { index } = await catalogue(ctx);
      const results = index.search(q, { limit, types: typesOf(params) }).map((hit) => ({ ...hit, href: hrefOf(hit.iri) }));
      return json(req, res, ctx, { query: q, results, indexed: index.size, ms: Math.round((performance.now() - started) * 10) / 10 }, false);
    }
    case "/api/facets":
      return json(req, res, ctx, await facets(ctx));
    case "/api/network": {
      const filters = filtersOf(params);
      const edges = edgeOptions(params);
      // Large networks: serialised and compressed once per revision and parameters.
      const key = JSON.stringify([ctx.pool.revision, filters, edges]);
      let body = networkBodies.get(key);
      if (!body) {
        const text = Buffer.from(JSON.stringify(await cachedNetwork(ctx, filters, edges, VIEW_LIMITS)));
        body = { text, gzip: gzipSync(text) };
        networkBodies.set(key, body);
        while (networkBodies.size > CACHE_SIZE) networkBodies.delete(networkBodies.keys().next().value!);
      }
      return sendJsonBody(req, res, ctx, body);
    }
    case "/api/timeline": {
      const kinds = (params.getAll("kind").flatMap((k) => k.split(",")).filter(Boolean) as TimelineKind[]) ?? [];
      for (const k of kinds) if (k !== "statement" && k !== "sanction") throw new HttpError(400, `kind: expected statement or sanction, got "${k}"`);
      const timeline = await buildTimeline(poolSelect(ctx), filtersOf(params), kinds.length ? kinds : ["statement", "sanction"], {
        offset: intParam(params, "offset", 0, 0, 1_000_000),
        limit: intParam(params, "limit", 200, 1, 1000),
      });
      const { entities } = await catalogue(ctx);
      return json(req, res, ctx, { ...timeline, names: namesOf(entities, timeline.items.flatMap((i) => [...i.actors, ...i.targets])) });
    }
    case "/api/entity": {
      const iri = params.get("iri") ?? "";
      const { entities } = await catalogue(ctx);
      const entity = entities.get(iri);
      if (!entity) throw new HttpError(404, `No person, organisation, state or place <${iri}> in the graph.`);
      const panel = await buildPanel(poolSelect(ctx), entity);
      return json(req, res, ctx, { ...panel, names: namesOf(entities, panel.facts.flatMap((f) => f.others)) });
    }
    case "/api/export":
      return exportNetwork(req, res, ctx, params);
  }
  throw new HttpError(404, `Nothing at ${path}`);
}

/** Label and type of each entity a JSON answer refers to. */
function namesOf(entities: Map<string, EntityInfo>, iris: string[]): Record<string, { label: string; type: EntityType }> {
  const names: Record<string, { label: string; type: EntityType }> = {};
  for (const iri of iris) {
    const e = entities.get(iri);
    if (e) names[iri] = { label: e.label, type: e.type };
  }
  return names;
}

// ---------- parameters ----------

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

const listParam = (params: URLSearchParams, name: string) => params.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);

function typesOf(params: URLSearchParams): EntityType[] | undefined {
  const types = listParam(params, "type");
  for (const t of types) if (!ENTITY_TYPES.includes(t as EntityType)) throw new HttpError(400, `type: expected one of ${ENTITY_TYPES.join(", ")}, got "${t}"`);
  return types.length ? (types as EntityType[]) : undefined;
}

export function filtersOf(params: URLSearchParams): NetworkFilters {
  const filters: NetworkFilters = {
    types: typesOf(params),
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    publishers: params.getAll("publisher").filter(Boolean),
    articles: params.getAll("article").filter(Boolean),
  };
  try {
    return checkFilters(filters);
  } catch (e) {
    throw new HttpError(400, (e as Error).message);
  }
}

interface EdgeOptions {
  kinds: EdgeKind[];
  minShared: number;
}

function edgeOptions(params: URLSearchParams): EdgeOptions {
  const kinds = listParam(params, "edge");
  if (kinds.length === 1 && kinds[0] === "none") return { kinds: [], minShared: 1 };
  for (const k of kinds) if (!EDGE_KINDS.includes(k as EdgeKind)) throw new HttpError(400, `edge: expected one of ${EDGE_KINDS.join(", ")}, got "${k}"`);
  return { kinds: kinds.length ? (kinds as EdgeKind[]) : [...EDGE_KINDS], minShared: intParam(params, "minShared", 1, 1, 100_000) };
}

// ---------- the network, cached per revision and filters ----------

const networkCache = new WeakMap<ServerContext, Map<string, Promise<Network>>>();
const CACHE_SIZE = 16;

async function cachedNetwork(ctx: ServerContext, filters: NetworkFilters, edges: EdgeOptions, limits: { maxNodes?: number; maxCoMentions?: number }): Promise<Network> {
  const { entities, revision } = await catalogue(ctx);
  const key = JSON.stringify([revision, filters, limits]);
  let cache = networkCache.get(ctx);
  if (!cache) networkCache.set(ctx, (cache = new Map()));
  let network = cache.get(key);
  if (!network) {
    network = buildNetwork(poolSelect(ctx), entities, filters, limits);
    cache.set(key, network);
    network.catch(() => cache.delete(key));
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  const full = await network;
  const kept = full.edges.filter((e) => edges.kinds.includes(e.kind) && (e.kind !== "co-mention" || e.weight >= edges.minShared));
  return kept.length === full.edges.length ? full : { ...full, edges: kept };
}

async function exportNetwork(req: IncomingMessage, res: ServerResponse, ctx: ServerContext, params: URLSearchParams): Promise<void> {
  const format = params.get("format") ?? "";
  const network = await cachedNetwork(ctx, filtersOf(params), edgeOptions(params), VIEW_LIMITS);
  const download = (body: string, type: string, name: string) =>
    send(res, 200, body, { "Content-Type": type, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-cache" });
  switch (format) {
    case "graphml":
      return download(networkToGraphml(network), "application/graphml+xml; charset=utf-8", "newsgraph.graphml");
    case "gexf":
      return download(networkToGexf(network), "application/gexf+xml; charset=utf-8", "newsgraph.gexf");
    case "nodes.csv":
      return download(networkToCsv(network).nodes, "text/csv; charset=utf-8", "newsgraph-nodes.csv");
    case "edges.csv":
      return download(networkToCsv(network).edges, "text/csv; charset=utf-8", "newsgraph-edges.csv");
  }
  throw new HttpError(400, `format: expected graphml, gexf, nodes.csv or edges.csv, got "${format}"`);
}

// ---------- facets: what the filters offer ----------

const FACETS_QUERY = `${PROLOGUE}
# The articles, with publisher and date (the filters' choices)
SELECT ?article ?title ?publisher ?date WHERE {
  ?article a ng:Article .
  OPTIONAL { ?article ng:title ?title }
  OPTIONAL { ?article ng:publisher ?publisher }
  OPTIONAL { ?article ng:datePublished ?date }
}
ORDER BY DESC(?date) ?article`;

const facetsCache = new WeakMap<ServerContext, { revision: string; facets: Promise<unknown> }>();

function facets(ctx: ServerContext): Promise<unknown> {
  const known = facetsCache.get(ctx);
  if (known && known.revision === ctx.pool.revision) return known.facets;
  const result = (async () => {
    const rows = await poolSelect(ctx)(FACETS_QUERY);
    const publishers = new Map<string, number>();
    let min: string | undefined;
    let max: string | undefined;
    for (const r of rows) {
      const p = r.publisher?.value;
      if (p) publishers.set(p, (publishers.get(p) ?? 0) + 1);
      const d = r.date?.value;
      if (d && (!min || d < min)) min = d;
      if (d && (!max || d > max)) max = d;
    }
    const { entities } = await catalogue(ctx);
    const types: Record<string, number> = {};
    for (const e of entities.values()) types[e.type] = (types[e.type] ?? 0) + 1;
    return {
      articles: rows.map((r) => ({ iri: r.article!.value, title: r.title?.value, publisher: r.publisher?.value, date: r.date?.value })),
      publishers: [...publishers.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([name, articles]) => ({ name, articles })),
      dates: { min, max },
      types,
      queries: [{ title: "The articles, with publisher and date", query: FACETS_QUERY }],
    };
  })();
  facetsCache.set(ctx, { revision: ctx.pool.revision, facets: result });
  result.catch(() => facetsCache.delete(ctx));
  return result;
}

// ---------- answers ----------

const networkBodies = new Map<string, { text: Buffer; gzip: Buffer }>();

function sendJsonBody(req: IncomingMessage, res: ServerResponse, ctx: ServerContext, body: { text: Buffer; gzip: Buffer }): void {
  const headers: Record<string, string> = { "Content-Type": JSON_TYPE, ...cacheHeaders(etagFor(ctx.pool.revision, "ui", req.url ?? "")), Vary: "Accept-Encoding" };
  if (isFresh(req, headers.ETag)) return send(res, 304, "", headers);
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  send(res, 200, gzip ? body.gzip : body.text, gzip ? { ...headers, "Content-Encoding": "gzip" } : headers);
}

function json(req: IncomingMessage, res: ServerResponse, ctx: ServerContext, value: unknown, cacheable = true): void {
  const body = Buffer.from(JSON.stringify(value));
  const gzip = body.length > 4096 && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const headers: Record<string, string> = { "Content-Type": JSON_TYPE, "Cache-Control": "no-cache", Vary: "Accept-Encoding" };
  if (cacheable) Object.assign(headers, cacheHeaders(etagFor(ctx.pool.revision, "ui", req.url ?? "")), { Vary: "Accept-Encoding" });
  if (cacheable && isFresh(req, headers.ETag)) return send(res, 304, "", headers);
  send(res, 200, gzip ? gzipSync(body) : body, gzip ? { ...headers, "Content-Encoding": "gzip" } : headers);
}

// ---------- scripts ----------

interface Built {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}
const built = new Map<string, Promise<Built>>();
const STATIC = new Set(["ui.js", "article.js"]);

/** The network page's script is bundled (sigma, graphology, ForceAtlas2) from node_modules by esbuild, once per process. */
async function bundle(name: string): Promise<Built> {
  let text: string;
  if (name === "explore.js") {
    const esbuild = await import("esbuild");
    const result = await esbuild.build({
      entryPoints: [join(ASSETS, "explore.js")],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2020",
      minify: true,
      write: false,
      legalComments: "none",
      logLevel: "silent",
    });
    text = result.outputFiles[0].text;
  } else text = await readFile(join(ASSETS, name), "utf8");
  const body = Buffer.from(text);
  return { body, gzip: gzipSync(body), etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` };
}

async function asset(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (!STATIC.has(name) && name !== "explore.js") throw new HttpError(404, `No such file: /assets/ui/${name}`);
  let ready = built.get(name);
  // Plain files are re-read when they change (development); the bundle is built once.
  if (!ready || STATIC.has(name)) {
    ready = bundle(name);
    built.set(name, ready);
    ready.catch(() => built.delete(name));
  }
  const file = await ready;
  const headers = { "Content-Type": "text/javascript; charset=utf-8", ETag: file.etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" };
  if (isFresh(req, file.etag)) return send(res, 304, "", headers);
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  send(res, 200, gzip ? file.gzip : file.body, gzip ? { ...headers, "Content-Encoding": "gzip" } : headers);
}
