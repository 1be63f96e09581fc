// SPARQL 1.1 Protocol and Graph Store Protocol (read) against a real server on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import oxigraph from "oxigraph";
import { NG, R, column, query, startTestServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer({ maxQueryBytes: 64 * 1024, maxResultBytes: 200_000 });
  base = server.url;
}, 120_000);
afterAll(() => server?.stop());

const LABELS = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { <${R}person/sergey-lavrov> rdfs:label ?label }`;

describe("queries at /sparql", { timeout: 60_000 }, () => {
  it("answers GET ?query= with SPARQL JSON by default", async () => {
    const res = await fetch(`${base}sparql?query=${encodeURIComponent(LABELS)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/sparql-results\+json/);
    expect(await column(res, "label")).toEqual(["Sergey Lavrov"]);
  });

  it("answers POST application/x-www-form-urlencoded", async () => {
    const res = await fetch(`${base}sparql`, { method: "POST", body: new URLSearchParams({ query: LABELS }) });
    expect(res.status).toBe(200);
    expect(await column(res, "label")).toEqual(["Sergey Lavrov"]);
  });

  it("answers POST application/sparql-query", async () => {
    const res = await query(base, LABELS);
    expect(res.status).toBe(200);
    expect(await column(res, "label")).toEqual(["Sergey Lavrov"]);
  });

  it("serves SELECT as XML, CSV and TSV by content negotiation", async () => {
    const xml = await query(base, LABELS, "application/sparql-results+xml");
    expect(xml.headers.get("content-type")).toMatch(/^application\/sparql-results\+xml/);
    expect(await xml.text()).toContain("<literal>Sergey Lavrov</literal>");
    const csv = await query(base, LABELS, "text/csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe("label\r\nSergey Lavrov\r\n");
    const tsv = await query(base, LABELS, "text/tab-separated-values");
    expect(tsv.headers.get("content-type")).toMatch(/^text\/tab-separated-values/);
    expect(await tsv.text()).toBe('?label\n"Sergey Lavrov"\n');
    // q-values decide between acceptable types
    const preferCsv = await query(base, LABELS, "application/sparql-results+json;q=0.5, text/csv");
    expect(preferCsv.headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it("serves ASK in JSON and XML", async () => {
    const ask = `ASK { <${R}person/wang-yi> a <${NG}Person> }`;
    expect(await (await query(base, ask)).json()).toEqual({ head: {}, boolean: true });
    expect(await (await query(base, ask, "application/sparql-results+xml")).text()).toContain("<boolean>true</boolean>");
  });

  it("serves CONSTRUCT and DESCRIBE as Turtle, N-Triples, N-Quads, TriG and JSON-LD", async () => {
    const construct = `CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?s a <${NG}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }`;
    const formats: [string, string][] = [
      ["text/turtle", "text/turtle"],
      ["application/n-triples", "application/n-triples"],
      ["application/n-quads", "application/n-quads"],
      ["application/trig", "application/trig"],
      ["application/ld+json", "application/ld+json"],
    ];
    for (const [accept, oxigraphFormat] of formats) {
      const res = await query(base, construct, accept);
      expect(res.status, accept).toBe(200);
      expect(res.headers.get("content-type")).toMatch(new RegExp("^" + accept.replace("+", "\\+")));
      const quads = oxigraph.parse(await res.text(), { format: oxigraphFormat, base_iri: base });
      expect(quads.map((q) => q.object.value).sort(), accept).toEqual(["Sergey Lavrov", "Wang Yi"]);
    }
    const turtle = await (await query(base, construct, "text/turtle")).text();
    expect(turtle).toContain("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#>");
    // With no Accept header a graph result is Turtle.
    const plain = await fetch(`${base}sparql?query=${encodeURIComponent(`DESCRIBE <${R}person/wang-yi>`)}`);
    expect(plain.headers.get("content-type")).toMatch(/^text\/turtle/);
    expect(await plain.text()).toContain("Wang Yi");
  });

  it("answers 406 for a type it cannot serve, naming the ones it can", async () => {
    const res = await query(base, LABELS, "image/png");
    expect(res.status).toBe(406);
    expect(await res.text()).toMatch(/application\/sparql-results\+json/);
    const graph = await query(base, "CONSTRUCT WHERE { ?s ?p ?o }", "text/csv");
    expect(graph.status).toBe(406);
  });

  it("answers 400 with the parser's message for a syntax error, as plain text", async () => {
    const res = await query(base, "SELECT * WHERE { ?s ?p ?o");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/error at 1:\d+/);
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("answers 400 for a missing, repeated or empty query parameter", async () => {
    const two = await fetch(`${base}sparql?query=${encodeURIComponent(LABELS)}&query=${encodeURIComponent(LABELS)}`);
    expect(two.status).toBe(400);
    const none = await fetch(`${base}sparql`, { method: "POST", body: new URLSearchParams({ q: "x" }) });
    expect(none.status).toBe(400);
    expect(await none.text()).toMatch(/no 'query' parameter/);
    expect((await query(base, "  ")).status).toBe(400);
  });

  it("answers 405 for a wrong method, with Allow", async () => {
    const res = await fetch(`${base}sparql`, { method: "PUT", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    const update = await fetch(`${base}update`);
    expect(update.status).toBe(405);
  });

  it("answers 415 for a body type it does not read", async () => {
    const res = await fetch(`${base}sparql`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(res.status).toBe(415);
  });

  it("answers 413 for an oversized body", async () => {
    const big = `SELECT * WHERE { ?s ?p ?o } # ${"x".repeat(70 * 1024)}`;
    const res = await query(base, big);
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/larger than this server accepts/);
  });

  it("bounds the size of a result", async () => {
    const res = await query(base, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 5000");
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/over this server's limit of 200000 bytes; add a LIMIT/);
  });
});

describe("the dataset of a query", { timeout: 60_000 }, () => {
  const graphOfRole = `PREFIX ng: <${NG}> SELECT ?g WHERE { GRAPH ?g { ?role ng:roleTitle "Foreign Minister" ; ng:holder <${R}person/sergey-lavrov> } }`;
  const joined = `PREFIX ng: <${NG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?name WHERE { ?role ng:holder ?p . ?p rdfs:label ?name } ORDER BY ?name`;

  it("is the union of all graphs by default, so facts join entity labels across graphs", async () => {
    expect(await column(await query(base, joined), "name")).toEqual(["Sergey Lavrov", "Wang Yi"]);
  });

  it("keeps GRAPH ?g working", async () => {
    expect(await column(await query(base, graphOfRole), "g")).toEqual([`${R}graph/article/a1`]);
  });

  it("honours default-graph-uri and named-graph-uri", async () => {
    const url = `${base}sparql?default-graph-uri=${encodeURIComponent(`${R}graph/entities`)}`;
    const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: joined });
    expect(await column(res, "name")).toEqual([]); // roles are not in the entities graph
    const countLabels = `SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }`;
    const labels = await fetch(`${url}&query=${encodeURIComponent(countLabels)}`);
    expect(await column(labels, "n")).toEqual(["7"]);
    const named = await fetch(`${base}sparql`, {
      method: "POST",
      body: new URLSearchParams([["query", graphOfRole], ["named-graph-uri", `${R}graph/article/a2`]]),
    });
    expect(await column(named, "g")).toEqual([]); // the role is in a1, not among the named graphs given
    const bad = await fetch(`${base}sparql?default-graph-uri=not%20an%20iri&query=${encodeURIComponent(countLabels)}`);
    expect(bad.status).toBe(400);
  });

  it("honours the query's own FROM clause", async () => {
    const fromEntities = `SELECT (COUNT(*) AS ?n) FROM <${R}graph/entities> WHERE { ?s <${NG}holder> ?o }`;
    expect(await column(await query(base, fromEntities), "n")).toEqual(["0"]);
    const fromArticle = `SELECT (COUNT(*) AS ?n) FROM <${R}graph/article/a1> WHERE { ?s <${NG}holder> ?o }`;
    expect(await column(await query(base, fromArticle), "n")).toEqual(["2"]);
  });
});

describe("service description", { timeout: 60_000 }, () => {
  it("GET /sparql without a query describes the service in Turtle", async () => {
    const res = await fetch(`${base}sparql`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/turtle/);
    const store = new oxigraph.Store();
    store.load(await res.text(), { format: "text/turtle" });
    const sd = "http://www.w3.org/ns/sparql-service-description#";
    const ask = (q: string) => store.query(`PREFIX sd: <${sd}> PREFIX formats: <http://www.w3.org/ns/formats/> ASK { ${q} }`);
    expect(ask(`<${base}sparql> a sd:Service ; sd:endpoint <${base}sparql> ; sd:supportedLanguage sd:SPARQL11Query`)).toBe(true);
    expect(ask(`?s sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_CSV, formats:Turtle, formats:JSON-LD`)).toBe(true);
    expect(ask(`?s sd:feature sd:UnionDefaultGraph`)).toBe(true);
    expect(ask(`?s sd:supportedLanguage sd:SPARQL11Update`)).toBe(false); // updates are off
  });
});

describe("graph store protocol (read)", { timeout: 60_000 }, () => {
  it("GET /store?graph=IRI returns that graph in the negotiated format", async () => {
    const res = await fetch(`${base}store?graph=${encodeURIComponent(`${R}graph/article/a2`)}`, { headers: { Accept: "application/n-triples" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/n-triples/);
    const quads = oxigraph.parse(await res.text(), { format: "application/n-triples" });
    expect(quads.some((q) => q.object.value === "Washington widens sanctions on Russia")).toBe(true);
    expect(quads.some((q) => q.object.value === "Lavrov meets Wang Yi in Moscow")).toBe(false);
  });

  it("GET /store?default returns the union of all graphs as Turtle", async () => {
    const res = await fetch(`${base}store?default`);
    expect(res.headers.get("content-type")).toMatch(/^text\/turtle/);
    const quads = oxigraph.parse(await res.text(), { format: "text/turtle" });
    const labels = quads.filter((q) => q.predicate.value.endsWith("#label")).length;
    expect(labels).toBe(7);
    expect(quads.some((q) => q.predicate.value === `${NG}holder`)).toBe(true);
  });

  it("GET /store returns the whole dataset with its graph names", async () => {
    const res = await fetch(`${base}store`, { headers: { Accept: "application/n-quads" } });
    const quads = oxigraph.parse(await res.text(), { format: "application/n-quads" });
    expect(new Set(quads.map((q) => q.graph.value))).toEqual(new Set([`${R}graph/entities`, `${R}graph/article/a1`, `${R}graph/article/a2`]));
    const trig = await fetch(`${base}store`);
    expect(trig.headers.get("content-type")).toMatch(/^application\/trig/);
  });

  it("answers 404 for an unknown graph and 400 for a bad IRI", async () => {
    expect((await fetch(`${base}store?graph=${encodeURIComponent("http://example.org/none")}`)).status).toBe(404);
    expect((await fetch(`${base}store?graph=${encodeURIComponent("a b>")}`)).status).toBe(400);
    expect((await fetch(`${base}store?default&graph=${encodeURIComponent("http://example.org/g")}`)).status).toBe(400);
  });
});

describe("HTTP behaviour", { timeout: 60_000 }, () => {
  it("sends CORS headers and answers preflight requests", async () => {
    const res = await query(base, LABELS, undefined, { headers: { "Content-Type": "application/sparql-query", Origin: "http://elsewhere.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await fetch(`${base}sparql`, {
      method: "OPTIONS",
      headers: { Origin: "http://elsewhere.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  });

  it("sends an ETag from the store revision and answers 304 when it still matches", async () => {
    const url = `${base}sparql?query=${encodeURIComponent(LABELS)}`;
    const first = await fetch(url);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await fetch(url, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    const otherFormat = await fetch(url, { headers: { Accept: "text/csv" } });
    expect(otherFormat.headers.get("etag")).not.toBe(etag);
    const graph = await fetch(`${base}store?default`);
    expect((await fetch(`${base}store?default`, { headers: { "If-None-Match": graph.headers.get("etag")! } })).status).toBe(304);
  });

  it("logs one line per request: method, path, status, ms", async () => {
    await fetch(`${base}sparql?query=${encodeURIComponent(LABELS)}`);
    expect(server.logs.some((l) => /^GET \/sparql 200 \d+ms$/.test(l))).toBe(true);
    expect(server.logs.some((l) => /^POST \/sparql 400 \d+ms$/.test(l))).toBe(true);
  });

  it("answers HEAD like GET, without a body", async () => {
    const res = await fetch(`${base}sparql?query=${encodeURIComponent(LABELS)}`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/sparql-results\+json/);
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await res.text()).toBe("");
  });

  it("answers 404 in plain text for an unknown path", async () => {
    const res = await fetch(`${base}nowhere`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  });
});
