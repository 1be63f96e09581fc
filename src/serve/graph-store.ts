// SPARQL 1.1 Graph Store HTTP Protocol at /store.
//   GET /store?default       the default graph: as for queries, the union of all graphs
//   GET /store?graph=IRI     one named graph
//   GET /store               the whole dataset (TriG / N-Quads keep the graph names)
//   PUT | POST | DELETE      replace | add to | remove a graph (?default: the store's own
//                            default graph); only with the update token
import type { IncomingMessage, ServerResponse } from "node:http";
import { DATASET_FORMATS, RDF_FORMATS, negotiateFormat, rdfFormatOfContentType } from "./formats.ts";
import { HttpError, authorizeWrite, cacheHeaders, contentTypeOf, etagFor, isFresh, methodNotAllowed, readBody, send } from "./http.ts";
import { isAbsoluteIri } from "./iri.ts";
import type { ServerContext } from "./server.ts";
import type { GraphTarget } from "./tasks.ts";

export async function handleGraphStore(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ServerContext): Promise<void> {
  const target = targetOf(url.searchParams);
  switch (req.method) {
    case "GET":
    case "HEAD": {
      const format = negotiateFormat(req.headers.accept, target.kind === "dataset" ? DATASET_FORMATS : RDF_FORMATS);
      const etag = etagFor(ctx.pool.revision, "store", format.mediaType, JSON.stringify(target));
      if (isFresh(req, etag)) return send(res, 304, "", cacheHeaders(etag));
      const reply = await ctx.pool.run({ kind: "read-graph", target, format });
      const headers = cacheHeaders(etagFor(reply.revision, "store", format.mediaType, JSON.stringify(target)));
      return send(res, 200, reply.body!, { "Content-Type": `${format.mediaType}; charset=utf-8`, ...headers });
    }
    case "PUT":
    case "POST":
    case "DELETE": {
      authorizeWrite(req, ctx.options.updateToken);
      if (target.kind === "dataset") throw new HttpError(400, "Name the graph to change: ?default or ?graph=IRI.");
      if (req.method === "DELETE") {
        await ctx.pool.write({ kind: "write-graph", method: "DELETE", target });
        return send(res, 204, "");
      }
      const format = rdfFormatOfContentType(req.headers["content-type"]);
      if (!format) {
        throw new HttpError(415, `Unsupported RDF media type '${contentTypeOf(req) || "(none)"}'; send one of ${RDF_FORMATS.map((f) => f.mediaType).join(", ")}.`);
      }
      const body = await readBody(req, ctx.options.maxUploadBytes);
      const reply = await ctx.pool.write({ kind: "write-graph", method: req.method, target, body, format });
      return send(res, reply.created ? 201 : 204, "");
    }
    default:
      throw methodNotAllowed(["GET", "PUT", "POST", "DELETE"]);
  }
}

function targetOf(params: URLSearchParams): GraphTarget {
  const graphs = params.getAll("graph");
  if (params.has("default") && graphs.length > 0) throw new HttpError(400, "Give either ?default or ?graph=IRI, not both.");
  if (params.has("default")) return { kind: "default" };
  if (graphs.length > 1) throw new HttpError(400, "Give one ?graph=IRI.");
  if (graphs.length === 0) return { kind: "dataset" };
  if (!isAbsoluteIri(graphs[0])) throw new HttpError(400, `Not an absolute IRI: ${graphs[0]}`);
  return { kind: "graph", iri: graphs[0] };
}
