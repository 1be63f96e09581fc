// Linked data: GET /resource/{path} stands for the IRI RESOURCE + {path}. A browser gets a
// readable page; an RDF Accept gets every statement in which the resource is subject or object.
import type { IncomingMessage, ServerResponse } from "node:http";
import { RESOURCE } from "../graph/vocab.ts";
import { HTML, RDF_FORMATS, negotiate, notAcceptable } from "./formats.ts";
import { HttpError, cacheHeaders, etagFor, isFresh, methodNotAllowed, send } from "./http.ts";
import { isAbsoluteIri } from "./iri.ts";
import { messagePage, resourcePage } from "./pages.ts";
import type { ServerContext } from "./server.ts";
import type { ResourcePageData } from "./tasks.ts";
import { isArticleIri, loadArticle } from "./ui/article.ts";
import { catalogue, poolSelect } from "./ui/state.ts";
import { articlePage } from "./ui/views.ts";

export const RESOURCE_PATH = "/resource/";

export async function handleResource(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ServerContext): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") throw methodNotAllowed(["GET"]);
  const iri = RESOURCE + decodePath(url.pathname.slice(RESOURCE_PATH.length));
  if (!isAbsoluteIri(iri) || iri === RESOURCE) throw new HttpError(404, `No resource at ${url.pathname}`);
  const alsoOffered = [HTML, "application/xhtml+xml"];
  const chosen = negotiate(req.headers.accept, RDF_FORMATS, alsoOffered);
  if (chosen === undefined) throw notAcceptable(RDF_FORMATS, [HTML]);
  const mediaType = typeof chosen === "string" ? HTML : chosen.mediaType;
  const etag = etagFor(ctx.pool.revision, "resource", mediaType, iri);
  if (isFresh(req, etag)) return send(res, 304, "", cacheHeaders(etag));

  if (typeof chosen !== "string") {
    const reply = await ctx.pool.run({ kind: "describe", iri, format: chosen });
    return send(res, 200, reply.body!, { "Content-Type": `${mediaType}; charset=utf-8`, ...cacheHeaders(etagFor(reply.revision, "resource", mediaType, iri)) });
  }
  if (isArticleIri(iri)) {
    // The article view: its text with every fact marked at its evidence offsets.
    const { entities } = await catalogue(ctx);
    const article = await loadArticle(poolSelect(ctx), iri, entities);
    if (article) return send(res, 200, articlePage(article), { "Content-Type": "text/html; charset=utf-8", ...cacheHeaders(etag) });
  }
  const reply = await ctx.pool.run({ kind: "resource-page", iri });
  const data = reply.data as ResourcePageData;
  const headers = { "Content-Type": "text/html; charset=utf-8" };
  if (isEmpty(data)) {
    return send(res, 404, messagePage("Not found", `Nothing is known about ${iri}.`), { ...headers, "Cache-Control": "no-cache" });
  }
  send(res, 200, resourcePage(data), { ...headers, ...cacheHeaders(etagFor(reply.revision, "resource", mediaType, iri)) });
}

/** IRIs may hold non-ASCII characters, which browsers send percent-encoded. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const isEmpty = (d: ResourcePageData) => d.outgoing.length === 0 && d.incoming.length === 0 && d.facts.length === 0 && d.graphSize === 0;
