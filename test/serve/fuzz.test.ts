// The endpoint survives anything a client sends: a seeded, bounded fuzz suite (fast-check).
// Generated SPARQL (a grammar covering patterns, paths, every function, VALUES, subqueries,
// modifiers and all four forms) and mutations of it (cut, spliced, wrapped thousands deep,
// invalid UTF-8 and percent-encoding), sent every way the protocol allows and many ways it
// does not; updates and graph store writes with and without the token; malformed forms,
// content types and headers; path traversal on static files and /resource/. Every answer
// must be 2xx/3xx/4xx/503 with a clear plain message (never a 500, a stack trace or the
// token), and afterwards every copy of the store still answers ASK {} and a named query.
//
// Bounded for CI; NEWSGRAPH_FUZZ_RUNS=N (per property) and NEWSGRAPH_FUZZ_SEED=S for longer
// or other runs. The figures of a run are printed (and quoted in README's "Operating").
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { R, column, query, startTestServer, type TestServer } from "./helpers.ts";
import { rawRequest, type RawResponse } from "./raw-http.ts";

const SEED = Number(process.env.NEWSGRAPH_FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.NEWSGRAPH_FUZZ_RUNS ?? 400);
/** Wall-clock bound per property, so a slow machine shortens the run instead of failing it. */
const TIME_LIMIT_MS = Number(process.env.NEWSGRAPH_FUZZ_SECONDS ?? 90) * 1000;
const TOKEN = "fuzz-Token-7b1e0c9a";
const SIMPLE = `SELECT ?label WHERE { <${R}country/china> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`;

// ---------- a SPARQL grammar ----------

const NG = "https://w3id.org/newsgraph/ontology#";
const iri = fc.constantFrom(
  `<${R}country/china>`, `<${R}person/sergey-lavrov>`, `<${NG}speaker>`, `<${NG}Person>`, "<http://www.w3.org/2000/01/rdf-schema#label>",
  "rdfs:label", "ng:holder", "ng:quote", "<http://example.org/x>", "<>", "<#frag>", "<relative/iri>", "<http://ex/é%20ü>", "a",
);
const variable = fc.constantFrom("?s", "?p", "?o", "?x", "?y", "?g", "$z", "?label", "?n");
const hugeString = fc.integer({ min: 1000, max: 200_000 }).map((n) => `"${"x".repeat(n)}"`);
const literal = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }).map((s) => `"${s.replace(/["\\\n\r]/g, "")}"`) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map((d) => `"${d}"^^xsd:double`) },
  { weight: 1, arbitrary: fc.constantFrom('"2024-01-01"^^xsd:date', '"x"@en', '"y"@zz-Latn-XX', "true", "1e308", "-0.0", '"""long\n"""', "'''q'''") },
  { weight: 1, arbitrary: hugeString },
);
const term = fc.oneof({ weight: 3, arbitrary: variable }, { weight: 2, arbitrary: iri }, { weight: 2, arbitrary: literal }, { weight: 1, arbitrary: fc.constant("[]") });
const FUNCTIONS: [string, number][] = [
  ["STR", 1], ["LANG", 1], ["LANGMATCHES", 2], ["DATATYPE", 1], ["BOUND", 1], ["IRI", 1], ["URI", 1], ["BNODE", 0], ["RAND", 0], ["ABS", 1],
  ["CEIL", 1], ["FLOOR", 1], ["ROUND", 1], ["CONCAT", 3], ["STRLEN", 1], ["UCASE", 1], ["LCASE", 1], ["ENCODE_FOR_URI", 1], ["CONTAINS", 2],
  ["STRSTARTS", 2], ["STRENDS", 2], ["STRBEFORE", 2], ["STRAFTER", 2], ["YEAR", 1], ["MONTH", 1], ["DAY", 1], ["HOURS", 1], ["MINUTES", 1],
  ["SECONDS", 1], ["TIMEZONE", 1], ["TZ", 1], ["NOW", 0], ["UUID", 0], ["STRUUID", 0], ["MD5", 1], ["SHA1", 1], ["SHA256", 1], ["SHA384", 1],
  ["SHA512", 1], ["COALESCE", 2], ["IF", 3], ["STRLANG", 2], ["STRDT", 2], ["sameTerm", 2], ["isIRI", 1], ["isURI", 1], ["isBLANK", 1],
  ["isLITERAL", 1], ["isNUMERIC", 1], ["REGEX", 2], ["SUBSTR", 3], ["REPLACE", 3], ["xsd:integer", 1], ["xsd:dateTime", 1], ["xsd:string", 1],
  ["xsd:boolean", 1], ["xsd:decimal", 1], ["xsd:float", 1], ["xsd:double", 1],
];
const REGEXES = fc.constantFrom('"(a+)+$"', '"^(a|a)*$"', '"x{1000}"', '"["', '"\\\\p{L}"', '".*"', '"(?i)lavrov"', '"(a*)*b"');

const { pattern, expr } = fc.letrec<{ pattern: string; expr: string; path: string }>((tie) => ({
  path: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    iri.filter((i) => i !== "a" && i !== "<>"),
    fc.tuple(tie("path"), tie("path")).map(([a, b]) => `${a}/${b}`),
    fc.tuple(tie("path"), tie("path")).map(([a, b]) => `(${a}|${b})`),
    fc.tuple(tie("path"), fc.constantFrom("*", "+", "?")).map(([a, m]) => `(${a})${m}`),
    tie("path").map((a) => `^${a}`),
    iri.filter((i) => i !== "<>").map((i) => `!(${i}|^${i})`),
  ),
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    term,
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "=", "!=", "<", ">", "<=", ">=", "&&", "||"), tie("expr")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("expr").map((a) => `!${a}`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie("expr"), { minLength: 3, maxLength: 3 })).map(([[name, arity], args]) => `${name}(${args.slice(0, arity).join(", ")})`),
    fc.tuple(variable, REGEXES).map(([v, re]) => `REGEX(STR(${v}), ${re})`),
    fc.tuple(tie("expr"), fc.array(term, { maxLength: 5 })).map(([a, list]) => `(${a} IN (${list.join(", ")}))`),
    tie("pattern").map((p) => `EXISTS { ${p} }`),
    tie("pattern").map((p) => `NOT EXISTS { ${p} }`),
  ),
  pattern: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(term, fc.oneof(iri, variable), term).map(([s, p, o]) => `${s} ${p} ${o} .`),
    fc.tuple(term, tie("path"), term).map(([s, p, o]) => `${s} ${p} ${o} .`),
    fc.tuple(tie("pattern"), tie("pattern")).map(([a, b]) => `${a} ${b}`),
    fc.tuple(tie("pattern"), tie("pattern")).map(([a, b]) => `{ ${a} } UNION { ${b} }`),
    tie("pattern").map((a) => `OPTIONAL { ${a} }`),
    tie("pattern").map((a) => `MINUS { ${a} }`),
    tie("pattern").map((a) => `{ ${a} }`),
    fc.tuple(fc.oneof(variable, iri), tie("pattern")).map(([g, a]) => `GRAPH ${g} { ${a} }`),
    tie("expr").map((e) => `FILTER(${e})`),
    fc.tuple(tie("expr"), variable).map(([e, v]) => `BIND(${e} AS ${v}x)`),
    fc.tuple(variable, fc.array(term, { maxLength: 8 })).map(([v, vals]) => `VALUES ${v} { ${vals.join(" ")} }`),
    fc.tuple(fc.array(variable, { minLength: 1, maxLength: 2 }), fc.array(fc.array(fc.oneof(term, fc.constant("UNDEF")), { minLength: 2, maxLength: 2 }), { maxLength: 4 })).map(
      ([vs, rows]) => `VALUES (${vs.join(" ")}) { ${rows.map((r) => `(${r.slice(0, vs.length).join(" ")})`).join(" ")} }`,
    ),
    tie("pattern").map((a) => `{ SELECT * WHERE { ${a} } LIMIT 5 }`),
    fc.constant("SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }"),
  ),
}));

const PROLOGUE = `PREFIX ng: <${NG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n`;
const modifiers = fc.tuple(
  fc.option(fc.constantFrom("GROUP BY ?s", "GROUP BY ?s HAVING(COUNT(*) > 1)", "ORDER BY ?s", "ORDER BY DESC(?o) ?s", "ORDER BY RAND()"), { nil: "" }),
  fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 2 ** 31, 2 ** 53, 10 ** 30)).map((n) => `LIMIT ${n}`), { nil: "" }),
  fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(2 ** 31, 2 ** 53, 10 ** 30)).map((n) => `OFFSET ${n}`), { nil: "" }),
).map((parts) => parts.join(" "));
const projection = fc.constantFrom("*", "?s", "?s ?o", "DISTINCT ?s", "REDUCED *", "(COUNT(*) AS ?n)", "(SAMPLE(?o) AS ?x) (GROUP_CONCAT(STR(?s)) AS ?y)", "(SUM(?o) AS ?t) (AVG(?o) AS ?a) (MIN(?o) AS ?m) (MAX(?o) AS ?M)");
const generatedQuery = fc.tuple(fc.constantFrom("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"), projection, pattern, modifiers, fc.boolean()).map(([form, proj, where, mods, from]) => {
  const dataset = from ? `FROM <${R}graph/entities> FROM NAMED <${R}graph/entities> ` : "";
  if (form === "SELECT") return `${PROLOGUE}SELECT ${proj} ${dataset}WHERE { ${where} } ${mods}`;
  if (form === "ASK") return `${PROLOGUE}ASK ${dataset}{ ${where} }`;
  if (form === "CONSTRUCT") return `${PROLOGUE}CONSTRUCT { ?s ?p ?o } ${dataset}WHERE { ${where} } ${mods}`;
  return `${PROLOGUE}DESCRIBE ?s ${dataset}WHERE { ${where} } LIMIT 3`;
});

/** Damage done to a query: cuts, splices of random text, thousands-deep wrapping, control characters. */
const mutated = fc.tuple(generatedQuery, fc.nat(), fc.nat(), fc.string({ unit: "binary", maxLength: 8 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 5000 })).map(
  ([q, a, b, junk, kind, n]) => {
    const i = a % (q.length + 1);
    const j = b % (q.length + 1);
    switch (kind) {
      case 0:
        return q.slice(0, Math.min(i, j)) + q.slice(Math.max(i, j)); // cut
      case 1:
        return q.slice(0, i) + junk + q.slice(i); // splice
      case 2:
        return q.replace("WHERE {", "WHERE " + "{".repeat(n)) + "}".repeat(n); // nesting
      case 3:
        return q.replace(/\{/, "{".repeat(n)); // unbalanced
      case 4:
        return q.slice(0, i) + "\u0000\u0007\ud800\u202e\ufeff" + q.slice(i); // control, lone surrogate, bidi, BOM
      case 5:
        return `${PROLOGUE}SELECT * WHERE { ?s ${Array(n % 600 + 1).fill("ng:holder").join("/")} ?o }`; // long paths
      default:
        return `${PROLOGUE}SELECT (${Array(n).fill("1").join("+")} AS ?x) WHERE {}`; // long chains
    }
  },
);

// ---------- ways to send ----------

const ACCEPTS = fc.constantFrom(
  undefined, "*/*", "application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/turtle",
  "application/ld+json", "application/n-quads", "application/rdf+xml", "text/html", "image/png", "application/json;q=0.1, text/csv;q=0.9",
  "text/*;q=bogus", ";;;", "application/sparql-results+json; charset=ebcdic", "\u00ff\u00fe",
);
const CONTENT_TYPES = fc.constantFrom(
  "application/sparql-query", "application/x-www-form-urlencoded", "application/sparql-update", "application/x-www-form-urlencoded; charset=latin1",
  "text/plain", "multipart/form-data; boundary=x", "application/json", "", "application/sparql-query; charset=utf-16", "x/y; a=\"unterminated",
);

interface Sent {
  what: string;
  response: RawResponse;
}

const encodeLoose = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "?"));

/** A request message (bytes) from generated parts. */
function httpMessage(method: string, target: string, headers: Record<string, string | undefined>, body?: Buffer | string): Buffer {
  const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const lines = [`${method} ${target} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close"];
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) lines.push(`${k}: ${v.replace(/[\r\n]/g, " ")}`);
  if (bytes) lines.push(`Content-Length: ${bytes.length}`);
  return Buffer.concat([Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1"), bytes ?? Buffer.alloc(0)]);
}

const queryRequest = fc.tuple(fc.oneof({ weight: 3, arbitrary: generatedQuery }, { weight: 2, arbitrary: mutated }), fc.integer({ min: 0, max: 5 }), ACCEPTS, CONTENT_TYPES, fc.uint8Array({ maxLength: 6 })).map(
  ([text, how, accept, contentType, bytes]) => {
    const headers = { Accept: accept };
    switch (how) {
      case 0:
        return { what: `GET query`, message: httpMessage("GET", `/sparql?query=${encodeLoose(text)}`, headers) };
      case 1:
        return { what: "POST sparql-query", message: httpMessage("POST", "/sparql", { ...headers, "Content-Type": "application/sparql-query" }, text) };
      case 2:
        return { what: "POST form", message: httpMessage("POST", "/sparql", { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, `query=${encodeLoose(text)}`) };
      case 3: // invalid UTF-8 and percent-encoding
        return { what: "GET bad encoding", message: httpMessage("GET", `/sparql?query=${encodeLoose(text.slice(0, 50))}%${Buffer.from(bytes).toString("hex")}%ZZ%C3%28%E2%82`, headers) };
      case 4:
        return { what: "POST raw bytes", message: httpMessage("POST", "/sparql", { ...headers, "Content-Type": contentType }, Buffer.concat([Buffer.from(text.slice(0, 200)), Buffer.from(bytes), Buffer.from([0xc3, 0x28, 0xff])])) };
      default:
        return { what: "POST any content type", message: httpMessage("POST", "/sparql", { ...headers, "Content-Type": contentType }, text) };
    }
  },
);

const UPDATES = fc.constantFrom(
  `INSERT DATA { GRAPH <http://fuzz.example/g> { <http://fuzz.example/s> <http://fuzz.example/p> "v" } }`,
  `DELETE DATA { GRAPH <http://fuzz.example/g> { <http://fuzz.example/s> <http://fuzz.example/p> "v" } }`,
  `DELETE WHERE { GRAPH <http://fuzz.example/g> { ?s ?p ?o } }`,
  `INSERT { GRAPH <http://fuzz.example/g> { ?s <http://fuzz.example/seen> true } } WHERE { GRAPH <http://fuzz.example/g> { ?s ?p ?o } }`,
  `CLEAR SILENT GRAPH <http://fuzz.example/g>`,
  `CREATE GRAPH <${R}graph/entities>`,
  `LOAD <http://127.0.0.1:9/nothing>`,
  `INSERT DAT { }`,
  `DROP ALL`, // only ever sent without the right token (see updateRequest)
);
const updateRequest = fc.tuple(UPDATES, fc.constantFrom("right", "none", "wrong", "basic", "lowercase", "long"), fc.boolean(), fc.integer({ min: 0, max: 2 })).map(([update, auth, form, where]) => {
  const destructive = /DROP ALL/.test(update);
  const tokens: Record<string, string | undefined> = {
    right: destructive ? `Bearer ${TOKEN}x` : `Bearer ${TOKEN}`,
    none: undefined,
    wrong: `Bearer ${TOKEN.slice(0, -1)}`,
    basic: `Basic ${Buffer.from(`user:${TOKEN}`).toString("base64")}`,
    lowercase: `bearer ${TOKEN.toLowerCase()}`,
    long: `Bearer ${"x".repeat(10_000)}`,
  };
  const path = where === 0 ? "/update" : "/sparql";
  const headers = { Authorization: tokens[auth], "Content-Type": form ? "application/x-www-form-urlencoded" : "application/sparql-update" };
  return { what: `update (${auth})`, message: httpMessage("POST", path, headers, form ? `update=${encodeURIComponent(update)}` : update) };
});

const graphStoreRequest = fc.tuple(
  fc.constantFrom("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"),
  fc.constantFrom("", "?default", `?graph=${encodeURIComponent(R + "graph/entities")}`, "?graph=http://fuzz.example/g2", "?graph=not%20an%20iri", "?graph=", "?default&graph=x", "?graph=a&graph=b", "?graph=%ZZ"),
  fc.constantFrom("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml", "text/html", ""),
  fc.constantFrom("<http://fuzz.example/a> <http://fuzz.example/b> <http://fuzz.example/c> .", "<a> <b> .", "{ not json", "@prefix : <x> .", "\u0000\u00ff"),
  fc.boolean(),
  ACCEPTS,
).map(([method, target, type, body, withToken, accept]) => {
  const safe = method === "GET" || method === "HEAD" || method === "OPTIONS" || target.includes("fuzz.example");
  const auth = withToken && safe ? `Bearer ${TOKEN}` : withToken ? "Bearer nope" : undefined;
  return { what: `graph store ${method}`, message: httpMessage(method, `/store${target}`, { Authorization: auth, "Content-Type": type || undefined, Accept: accept }, method === "GET" || method === "HEAD" ? undefined : body) };
});

const TRAVERSALS = [
  "/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/....//....//etc/passwd",
  "/assets/%252e%252e/etc/passwd", "/assets/..\\..\\..\\etc\\passwd", "/assets/yasgui/../../package.json", "/assets/%00", "/assets/newsgraph.css%00.txt",
  "/resource/../../etc/passwd", "/resource/%2e%2e/%2e%2e/etc/passwd", "/resource/person/%00", "/resource/%ZZ", "/resource/%C3%28", "/resource/>",
  "/resource/a%20b", "/resource/%3E%20%3Chttp://evil%3E", "/resource/x%22%7D%20UNION%20%7B", "//etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
  "/../../../etc/passwd", "/.env", "/package.json", "/src/serve/server.ts", "/node_modules/oxigraph/package.json", "/queries/posts.rq", "/data/store/store.nq",
];
const pathRequest = fc.tuple(fc.constantFrom(...TRAVERSALS), fc.string({ unit: "binary-ascii", maxLength: 30 }), fc.constantFrom("GET", "HEAD", "POST"), ACCEPTS, fc.boolean()).map(
  ([path, extra, method, accept, append]) => {
    const target = append ? path + encodeLoose(extra) : path;
    return { what: `path ${method}`, message: httpMessage(method, target, { Accept: accept }) };
  },
);

const oddRequest = fc.constantFrom(
  { what: "no Host, HTTP/1.0", message: Buffer.from("GET /sparql HTTP/1.0\r\n\r\n") },
  { what: "absolute-form target", message: Buffer.from("GET http://evil.example/sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") },
  { what: "bad method", message: Buffer.from("BREW /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") },
  { what: "duplicate content-length", message: Buffer.from("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 5\r\nContent-Length: 9\r\nConnection: close\r\n\r\nASK {}") },
  { what: "chunked body", message: Buffer.from("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n") },
  { what: "bad chunk", message: Buffer.from("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\nASK {}\r\n0\r\n\r\n") },
  { what: "short body", message: Buffer.from("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\nConnection: close\r\n\r\nASK {}") },
  { what: "two query parameters", message: Buffer.from("GET /sparql?query=ASK%7B%7D&query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") },
  { what: "empty query", message: Buffer.from("GET /sparql?query= HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") },
  { what: "default-graph-uri not an IRI", message: Buffer.from("GET /sparql?query=ASK%7B%7D&default-graph-uri=%20x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") },
  { what: "huge header", message: Buffer.from(`GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(100_000)}\r\nConnection: close\r\n\r\n`) },
  { what: "update via GET", message: Buffer.from("GET /sparql?update=DROP%20ALL HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") },
  { what: "form without query", message: Buffer.from("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\nConnection: close\r\n\r\nfoo=bar") },
  { what: "OPTIONS preflight", message: Buffer.from("OPTIONS /update HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n") },
);

// ---------- the run ----------

describe("fuzzing the endpoint", { timeout: 900_000 }, () => {
  let server: TestServer;
  const statuses = new Map<number, number>();
  let sent = 0;
  beforeAll(async () => {
    server = await startTestServer({ threads: 2, timeoutSeconds: 3, maxQueue: 64, updateToken: TOKEN, requestTimeoutMs: 5000, headersTimeoutMs: 5000 });
  });
  afterAll(async () => {
    const histogram = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(" ");
    console.log(`fuzz: seed ${SEED}, ${sent} requests, statuses ${histogram}`);
    await server?.stop();
  });

  /** Sends a request and checks its answer is one a client can act on. */
  async function check(request: { what: string; message: Buffer }): Promise<Sent> {
    const response = await rawRequest(server.port, request.message, 60_000);
    sent += 1;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const text = response.body.toString("utf8");
    const context = `${request.what}: ${request.message.subarray(0, 300).toString("latin1")}\n→ ${response.status} ${text.slice(0, 300)}`;
    expect(response.status, context).toBeGreaterThanOrEqual(200);
    expect(response.status, context).not.toBe(500);
    expect([2, 3, 4].includes(Math.floor(response.status / 100)) || response.status === 503, context).toBe(true);
    if (response.status >= 400) {
      if (request.message.subarray(0, 5).toString() !== "HEAD ") expect(text.trim().length, context).toBeGreaterThan(0);
      expect(text, context).not.toMatch(/\n\s+at \S+ \(|node:internal|\.ts:\d+/); // no stack trace
    }
    expect(text, context).not.toContain(TOKEN);
    return { what: request.what, response };
  }

  /** Runs `count` requests from `arbitrary`, two at a time (so both copies and the queue are in play). */
  async function fuzz(arbitrary: fc.Arbitrary<{ what: string; message: Buffer }>, runs = RUNS) {
    await fc.assert(
      fc.asyncProperty(fc.tuple(arbitrary, arbitrary), async ([a, b]) => {
        await Promise.all([check(a), check(b)]);
      }),
      {
        seed: SEED,
        numRuns: Math.ceil(runs / 2),
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        markInterruptAsFailure: false,
        endOnFailure: true,
        // The failing request is in the assertion's message; the generated values can be megabytes.
        reporter: (details) => {
          if (details.failed) throw new Error(`seed ${SEED}, run ${details.numRuns}: ${String((details.errorInstance as Error)?.message ?? details.errorInstance).slice(0, 3000)}`);
        },
      },
    );
  }

  it("generated and mutated queries, sent every way", () => fuzz(queryRequest, RUNS * 3));
  it("updates with and without the token", () => fuzz(updateRequest));
  it("graph store requests", () => fuzz(graphStoreRequest));
  it("path traversal on static files and /resource/", () => fuzz(pathRequest));
  it("malformed requests", () => fuzz(oddRequest, 60));

  it("afterwards, every copy answers ASK {} and a named query, nothing leaked into the logs", async () => {
    const asks = await Promise.all(Array.from({ length: 6 }, () => query(server.url, "ASK {}").then((r) => r.json() as Promise<{ boolean: boolean }>)));
    expect(asks.map((a) => a.boolean)).toEqual(Array(6).fill(true));
    const labels = await Promise.all(Array.from({ length: 6 }, () => query(server.url, SIMPLE).then((r) => column(r, "label"))));
    expect(labels).toEqual(Array(6).fill(["China"]));
    // the fixture itself was never changed by the fuzzing (only the fuzz graph may have been)
    const entities = await column(await query(server.url, `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${R}graph/entities> { ?s ?p ?o } }`), "n");
    expect(Number(entities[0])).toBeGreaterThan(10);
    expect(server.logs.filter((l) => l.startsWith("error:"))).toEqual([]);
    expect(server.logs.join("\n")).not.toContain(TOKEN);
    expect(sent).toBeGreaterThan(100);
  });
});
