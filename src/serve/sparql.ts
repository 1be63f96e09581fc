// SPARQL 1.1 Protocol: queries at /sparql (GET, POST form, POST sparql-query) and updates at
// /update (POST form or sparql-update; also accepted at /sparql, where YASGUI sends them).
import type { IncomingMessage, ServerResponse } from "node:http";
import { RDF_FORMATS, RESULT_FORMATS, negotiateFormat } from "./formats.ts";
import { HttpError, authorizeWrite, cacheHeaders, contentTypeOf, etagFor, isFresh, methodNotAllowed, readBody, send } from "./http.ts";
import { isAbsoluteIri } from "./iri.ts";
import { checkEngineLimits, inspectQuery } from "./query-text.ts";
import { serviceDescription } from "./service-description.ts";
import type { ServerContext } from "./server.ts";
import type { Dataset } from "./tasks.ts";

const FORM = "application/x-www-form-urlencoded";

export async function handleSparql(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ServerContext): Promise<void> {
  if (req.method === "GET" || req.method === "HEAD") {
    const params = url.searchParams;
    if (params.has("update")) throw new HttpError(400, "Updates must be sent with POST (to /update).");
    if (!params.has("query")) return serviceDescription(req, res, ctx);
    return answerQuery(req, res, ctx, single(params, "query"), datasetOf(params), true);
  }
  if (req.method !== "POST") throw methodNotAllowed(["GET", "POST"]);
  const type = contentTypeOf(req);
  if (type === FORM) {
    const body = await readBody(req, ctx.options.maxQueryBytes);
    const params = mergeParams(url.searchParams, new URLSearchParams(body));
    if (params.has("update")) return runUpdate(req, res, ctx, single(params, "update"), params);
    if (!params.has("query")) throw new HttpError(400, "The form has no 'query' parameter.");
    return answerQuery(req, res, ctx, single(params, "query"), datasetOf(params), false);
  }
  if (type === "application/sparql-query") {
    return answerQuery(req, res, ctx, await readBody(req, ctx.options.maxQueryBytes), datasetOf(url.searchParams), false);
  }
  if (type === "application/sparql-update") {
    authorizeWrite(req, ctx.options.updateToken);
    return runUpdate(req, res, ctx, await readBody(req, ctx.options.maxUploadBytes), url.searchParams);
  }
  throw unsupportedBody(type);
}

export async function handleUpdate(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ServerContext): Promise<void> {
  if (req.method !== "POST") throw methodNotAllowed(["POST"]);
  authorizeWrite(req, ctx.options.updateToken);
  const type = contentTypeOf(req);
  if (type === FORM) {
    const params = mergeParams(url.searchParams, new URLSearchParams(await readBody(req, ctx.options.maxUploadBytes)));
    if (!params.has("update")) throw new HttpError(400, "The form has no 'update' parameter.");
    return runUpdate(req, res, ctx, single(params, "update"), params);
  }
  if (type === "application/sparql-update") return runUpdate(req, res, ctx, await readBody(req, ctx.options.maxUploadBytes), url.searchParams);
  throw unsupportedBody(type, ["application/sparql-update", FORM]);
}

async function answerQuery(req: IncomingMessage, res: ServerResponse, ctx: ServerContext, query: string, protocolDataset: Dataset | undefined, cacheable: boolean) {
  if (!query.trim()) throw new HttpError(400, "The query is empty.");
  checkEngineLimits(query, "query");
  const shape = inspectQuery(query);
  const graphResult = shape.form === "CONSTRUCT" || shape.form === "DESCRIBE";
  const format = negotiateFormat(req.headers.accept, graphResult ? RDF_FORMATS : RESULT_FORMATS);
  // Facts live in named graphs, so the default graph is their union unless the request
  // (protocol parameters) or the query (FROM / FROM NAMED) says otherwise.
  const dataset: Dataset = protocolDataset ?? (shape.hasDataset ? { kind: "query" } : { kind: "union" });
  const etag = etagFor(ctx.pool.revision, "query", format.mediaType, JSON.stringify(dataset), query);
  if (cacheable && isFresh(req, etag)) return send(res, 304, "", cacheHeaders(etag));
  const reply = await ctx.pool.run({ kind: "query", query, format, dataset });
  const headers = cacheable ? cacheHeaders(etagFor(reply.revision, "query", format.mediaType, JSON.stringify(dataset), query)) : { "Cache-Control": "no-store" };
  send(res, 200, reply.body!, { "Content-Type": `${format.mediaType}; charset=utf-8`, ...headers });
}

async function runUpdate(req: IncomingMessage, res: ServerResponse, ctx: ServerContext, update: string, params: URLSearchParams) {
  authorizeWrite(req, ctx.options.updateToken);
  if (params.has("using-graph-uri") || params.has("using-named-graph-uri")) {
    throw new HttpError(400, "using-graph-uri / using-named-graph-uri are not supported; put USING / WITH clauses in the update itself.");
  }
  if (!update.trim()) throw new HttpError(400, "The update is empty.");
  checkEngineLimits(update, "update");
  await ctx.pool.write({ kind: "update", update });
  send(res, 204, "");
}

/** default-graph-uri / named-graph-uri, when the request gives any. */
function datasetOf(params: URLSearchParams): Dataset | undefined {
  const defaultGraphs = params.getAll("default-graph-uri");
  const namedGraphs = params.getAll("named-graph-uri");
  if (defaultGraphs.length === 0 && namedGraphs.length === 0) return undefined;
  for (const iri of [...defaultGraphs, ...namedGraphs]) {
    if (!isAbsoluteIri(iri)) throw new HttpError(400, `Not an absolute IRI in default-graph-uri / named-graph-uri: ${iri}`);
  }
  return { kind: "explicit", defaultGraphs, namedGraphs };
}

function single(params: URLSearchParams, name: string): string {
  const values = params.getAll(name);
  if (values.length !== 1) throw new HttpError(400, `Give exactly one '${name}' parameter (got ${values.length}).`);
  return values[0];
}

function mergeParams(...all: URLSearchParams[]): URLSearchParams {
  const merged = new URLSearchParams();
  for (const params of all) for (const [k, v] of params) merged.append(k, v);
  return merged;
}

function unsupportedBody(type: string, expected = [FORM, "application/sparql-query", "application/sparql-update"]): HttpError {
  return new HttpError(415, `Unsupported request body type '${type || "(none)"}'; send ${expected.join(", ")}.`);
}
