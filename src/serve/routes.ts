// Which handler answers which path. To add pages or APIs, add a line to ROUTES: an exact path,
// or a prefix ending in "/" (the longest matching prefix wins; exact paths win over prefixes).
// A handler gets the request, the response, the parsed URL and the server context (options,
// `ctx.pool` — the store, see backend.ts — and the base URL); it throws HttpError for errors
// (answered as one plain-text line) and checks the method itself (methodNotAllowed).
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAsset } from "./assets.ts";
import { listExamples } from "./examples.ts";
import { handleGraphStore } from "./graph-store.ts";
import { HttpError, methodNotAllowed, send } from "./http.ts";
import { queryPage } from "./pages.ts";
import { RESOURCE_PATH, handleResource } from "./resources.ts";
import type { ServerContext } from "./server.ts";
import { handleSparql, handleUpdate } from "./sparql.ts";
import { handleUi, isUiPath } from "./ui/routes.ts";

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, ctx: ServerContext) => Promise<void> | void;

export interface Route {
  /** An exact path ("/sparql"), or a prefix when it ends with "/" and `prefix` is set ("/resource/"). */
  path?: string;
  prefix?: boolean;
  /** Or any path this says yes to (checked after exact paths, before prefixes). */
  match?: (path: string) => boolean;
  handle: Handler;
}

async function handleQueryPage(req: IncomingMessage, res: ServerResponse, _url: URL, ctx: ServerContext): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") throw methodNotAllowed(["GET"]);
  const page = queryPage(await listExamples(ctx.options.queriesDir));
  send(res, 200, page, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" });
}

/** For operators and load balancers: 200 once the store answers, 503 while it loads or when it failed. */
function handleHealth(req: IncomingMessage, res: ServerResponse, _url: URL, ctx: ServerContext): void {
  if (req.method !== "GET" && req.method !== "HEAD") throw methodNotAllowed(["GET"]);
  const status = ctx.pool.status();
  send(res, status.state === "ready" ? 200 : 503, JSON.stringify(status) + "\n", { "Content-Type": "application/json", "Cache-Control": "no-store" });
}

export const ROUTES: Route[] = [
  { path: "/", handle: handleQueryPage },
  { path: "/index.html", handle: handleQueryPage },
  { path: "/sparql", handle: handleSparql },
  { path: "/update", handle: handleUpdate },
  { path: "/store", handle: handleGraphStore },
  { path: "/health", handle: handleHealth },
  { path: RESOURCE_PATH, prefix: true, handle: handleResource },
  { path: "/assets/", prefix: true, handle: (req, res, url) => handleAsset(req, res, url.pathname) },
  // The exploration interface: search, network, timeline, their APIs and scripts.
  { match: isUiPath, handle: handleUi },
];

/** The handler for a path, or undefined (404). */
export function findRoute(path: string, routes: Route[] = ROUTES): Route | undefined {
  const exact = routes.find((r) => !r.prefix && r.path === path);
  if (exact) return exact;
  const matched = routes.find((r) => r.match?.(path));
  if (matched) return matched;
  return routes.filter((r) => r.prefix && r.path && path.startsWith(r.path)).sort((a, b) => b.path!.length - a.path!.length)[0];
}

export function notFound(path: string): HttpError {
  return new HttpError(404, `Nothing at ${path}. Try / (query page), /sparql, /store or /resource/…`);
}
