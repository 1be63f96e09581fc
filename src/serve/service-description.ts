// GET /sparql without a query: the SPARQL 1.1 Service Description of this endpoint.
import type { IncomingMessage, ServerResponse } from "node:http";
import oxigraph from "oxigraph";
import { RDF_FORMATS, negotiate } from "./formats.ts";
import { cacheHeaders, etagFor, isFresh, send } from "./http.ts";
import { serializeQuads } from "./rdf-output.ts";
import type { ServerContext } from "./server.ts";

/** W3C format IRIs (http://www.w3.org/ns/formats/) of what the endpoint writes. */
const RESULT_FORMAT_NAMES = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"];
const INPUT_FORMAT_NAMES = ["Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"];

function describe(endpoint: string, updates: boolean): string {
  const list = (names: string[]) => names.map((n) => `formats:${n}`).join(", ");
  return `@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<${endpoint}> a sd:Service ;
  rdfs:label "newsgraph SPARQL endpoint" ;
  rdfs:comment "A knowledge graph of persons, posts, quotations, sanctions, organisations, states and places read from news articles. Each article's facts are in a named graph of their own; entity descriptions are in <https://w3id.org/newsgraph/resource/graph/entities>." ;
  sd:endpoint <${endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query${updates ? ", sd:SPARQL11Update" : ""} ;
  sd:resultFormat ${list(RESULT_FORMAT_NAMES)} ;${updates ? `\n  sd:inputFormat ${list(INPUT_FORMAT_NAMES)} ;` : ""}
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultDataset [
    a sd:Dataset ;
    rdfs:comment "Unless a query names its dataset (FROM / FROM NAMED, or the default-graph-uri / named-graph-uri parameters), its default graph is the union of all graphs in the store, and GRAPH ?g reaches each named graph." ;
    sd:defaultGraph [ a sd:Graph ; rdfs:comment "The union of all named graphs." ]
  ] .
`;
}

export async function serviceDescription(req: IncomingMessage, res: ServerResponse, ctx: ServerContext): Promise<void> {
  const endpoint = endpointUrl(req, ctx);
  const updates = Boolean(ctx.options.updateToken);
  // Turtle unless the client asks for another RDF format; a client that accepts none still gets Turtle.
  const chosen = negotiate(req.headers.accept, RDF_FORMATS);
  const format = chosen && typeof chosen !== "string" ? chosen : RDF_FORMATS[0];
  const etag = etagFor("service-description", endpoint, String(updates), format.mediaType);
  if (isFresh(req, etag)) return send(res, 304, "", cacheHeaders(etag));
  const turtle = describe(endpoint, updates);
  const body = format.mediaType === "text/turtle" ? turtle : await serializeQuads(oxigraph.parse(turtle, { format: "text/turtle" }) as oxigraph.Quad[], format);
  send(res, 200, body, { "Content-Type": `${format.mediaType}; charset=utf-8`, ...cacheHeaders(etag) });
}

/** This endpoint's URL as the client reached it (Host header), or as configured. */
function endpointUrl(req: IncomingMessage, ctx: ServerContext): string {
  try {
    return new URL("/sparql", `http://${req.headers.host}`).href;
  } catch {
    return new URL("/sparql", ctx.baseUrl).href;
  }
}
