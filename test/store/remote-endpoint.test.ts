// How newsgraph talks to a remote store, against a loopback server that records each request:
// which URL gets queries, updates and graph store requests, how credentials from the
// environment are sent (Basic, Digest, bearer), and that no secret appears in an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RemoteEndpoint, insertTriples, checkEndpointUrl } from "../../src/store/remote-endpoint.ts";
import { openStore, StoreError } from "../../src/store/index.ts";

interface Seen {
  method: string;
  path: string;
  query: string;
  body: string;
  authorization?: string;
  contentType?: string;
}

let server: Server;
let base: string;
/** A loopback port nothing listens on. */
let closedPort: number;
const seen: Seen[] = [];
/** path → what the fake store does for it. */
let mode: "open" | "basic" | "digest" | "bearer" = "open";
const USER = "reader";
const SECRET = "s3cret-Pa55";

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

function authorized(req: IncomingMessage): boolean {
  const auth = req.headers.authorization ?? "";
  if (mode === "open") return true;
  if (mode === "bearer") return auth === `Bearer ${SECRET}`;
  if (mode === "basic") return auth === `Basic ${Buffer.from(`${USER}:${SECRET}`).toString("base64")}`;
  // Digest (RFC 2617, qop=auth): check the response the client computed.
  const f = Object.fromEntries([...auth.matchAll(/(\w+)="?([^",]+)"?/g)].map((m) => [m[1], m[2]]));
  if (!auth.startsWith("Digest ") || f.username !== USER) return false;
  const ha1 = md5(`${USER}:test:${SECRET}`);
  const ha2 = md5(`${req.method}:${f.uri}`);
  return f.response === md5(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:${f.qop}:${ha2}`);
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url!, "http://x");
    seen.push({ method: req.method!, path: url.pathname, query: url.search, body: Buffer.concat(chunks).toString(), authorization: req.headers.authorization, contentType: req.headers["content-type"] });
    if (!authorized(req)) {
      res.writeHead(401, { "WWW-Authenticate": mode === "digest" ? 'Digest realm="test", nonce="abc123", qop="auth"' : 'Basic realm="test"' });
      return res.end("denied");
    }
    if (url.pathname === "/broken") {
      res.writeHead(500, { "Content-Type": "text/html" });
      return res.end("<html><body><h1>Error</h1> SR171: Transaction timed out</body></html>");
    }
    // A deadlock the store reports once per key (in headers of a 200 answer, or as a 500), then not.
    const deadlock = url.pathname.match(/^\/deadlock-(header|500|always)-(\w+)$/);
    if (deadlock && (deadlock[1] === "always" || !deadlocked.has(deadlock[2]))) {
      deadlocked.add(deadlock[2]);
      if (deadlock[1] === "500") {
        res.writeHead(500, { "Content-Type": "text/plain" });
        return res.end("Virtuoso 40001 Error SR172: Transaction deadlocked");
      }
      res.writeHead(200, { "Content-Type": "application/sparql-results+json", "X-SQL-State": "00000", "X-SQL-Message": "SR172: Transaction deadlocked" });
      return res.end(JSON.stringify({ head: { vars: [] }, results: { bindings: [] } }));
    }
    if (url.pathname === "/gsp" && req.method === "DELETE") {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "Content-Type": "application/sparql-results+json" });
    res.end(JSON.stringify({ head: { vars: ["o"] }, results: { bindings: [{ o: { type: "typed-literal", datatype: "http://www.w3.org/2001/XMLSchema#integer", value: "7" } }, { o: { type: "literal", datatype: "http://www.w3.org/2001/XMLSchema#string", value: "x" } }] } }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const last = () => seen[seen.length - 1];
const deadlocked = new Set<string>();

describe("remote store endpoints", () => {
  it("sends queries to the query URL, updates to the update URL, graphs to the Graph Store Protocol URL", async () => {
    mode = "open";
    const e = new RemoteEndpoint({ queryUrl: `${base}/q`, updateUrl: `${base}/u`, graphStoreUrl: `${base}/gsp` }, {});
    const rows = await e.select("SELECT ?o WHERE { ?s ?p ?o }");
    expect(last()).toMatchObject({ method: "POST", path: "/q", contentType: "application/x-www-form-urlencoded" });
    expect(new URLSearchParams(last().body).get("query")).toBe("SELECT ?o WHERE { ?s ?p ?o }");
    // Virtuoso's legacy "typed-literal" reads as a literal; xsd:string as a plain literal.
    expect(rows).toEqual([{ o: { type: "literal", value: "7", datatype: "http://www.w3.org/2001/XMLSchema#integer" } }, { o: { type: "literal", value: "x" } }]);
    await e.update("INSERT DATA { <a:s> <a:p> 1 }");
    expect(last()).toMatchObject({ method: "POST", path: "/u" });
    expect(new URLSearchParams(last().body).get("update")).toBe("INSERT DATA { <a:s> <a:p> 1 }");
    await e.putGraph("https://example.org/g", "<a:s> <a:p> <a:o> .\n");
    expect(last()).toMatchObject({ method: "PUT", path: "/gsp", query: `?graph=${encodeURIComponent("https://example.org/g")}`, body: "<a:s> <a:p> <a:o> .\n" });
    expect(last().contentType).toMatch(/^application\/n-triples/);
    await e.deleteGraph("https://example.org/g"); // 404: already gone is fine
    expect(last()).toMatchObject({ method: "DELETE", path: "/gsp" });
  });

  it("writes graphs with SPARQL Update when there is no Graph Store Protocol URL, and updates go to the query URL", async () => {
    mode = "open";
    const e = new RemoteEndpoint({ queryUrl: `${base}/q` }, {});
    await e.putGraph("https://example.org/g", "<a:s> <a:p> <a:o> .\n");
    expect(last()).toMatchObject({ method: "POST", path: "/q" });
    expect(new URLSearchParams(last().body).get("update")).toBe("DROP SILENT GRAPH <https://example.org/g> ;\nINSERT DATA { GRAPH <https://example.org/g> {\n<a:s> <a:p> <a:o> .\n} }");
    await e.deleteGraph("https://example.org/g");
    expect(new URLSearchParams(last().body).get("update")).toBe("DROP SILENT GRAPH <https://example.org/g>");
  });

  it("binds integral decimals with STRDT so that no store reads them as integers", () => {
    const text = insertTriples("https://g", '<a:s> <a:p> "1"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n<a:s> <a:q> "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n<a:s> <a:r> "1"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n');
    expect(text).toBe(
      'INSERT { GRAPH <https://g> {\n<a:s> <a:p> ?decimal0 .\n<a:s> <a:q> "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n<a:s> <a:r> ?decimal0 .\n} } WHERE { BIND(STRDT("1", <http://www.w3.org/2001/XMLSchema#decimal>) AS ?decimal0) }',
    );
  });

  it("answers a Basic challenge with the credentials from the environment", async () => {
    mode = "basic";
    const e = new RemoteEndpoint({ queryUrl: `${base}/q` }, { NEWSGRAPH_STORE_USER: USER, NEWSGRAPH_STORE_PASSWORD: SECRET });
    await expect(e.select("SELECT * {}")).resolves.toHaveLength(2);
  });

  it("answers a Digest challenge (as Virtuoso's /sparql-auth asks), and keeps answering it", async () => {
    mode = "digest";
    const e = new RemoteEndpoint({ queryUrl: `${base}/q` }, { NEWSGRAPH_STORE_USER: USER, NEWSGRAPH_STORE_PASSWORD: SECRET });
    await expect(e.select("SELECT * {}")).resolves.toHaveLength(2);
    const before = seen.length;
    await e.update("INSERT DATA { <a:s> <a:p> 2 }");
    // Answered at once from the remembered challenge: one request, no second 401.
    expect(seen.length - before).toBe(1);
    expect(last().authorization).toMatch(/^Digest /);
  });

  it("sends a bearer token from the environment", async () => {
    mode = "bearer";
    const e = new RemoteEndpoint({ queryUrl: `${base}/q` }, { NEWSGRAPH_STORE_TOKEN: SECRET });
    await expect(e.select("SELECT * {}")).resolves.toHaveLength(2);
    expect(last().authorization).toBe(`Bearer ${SECRET}`);
  });

  it("refuses wrong credentials with a clear message that never holds the secret", async () => {
    mode = "basic";
    const e = new RemoteEndpoint({ queryUrl: `${base}/q?key=${SECRET}` }, { NEWSGRAPH_STORE_USER: USER, NEWSGRAPH_STORE_PASSWORD: "wrong-" + SECRET });
    const error = await e.select("SELECT * {}").catch((x: Error) => x);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(new RegExp(`^${base}/q: query failed: HTTP 401: denied \\(set NEWSGRAPH_STORE_USER/NEWSGRAPH_STORE_PASSWORD`));
    expect((error as Error).message).not.toContain(SECRET);
  });

  it("says what the store answered to a failed request, without markup", async () => {
    mode = "open";
    const e = new RemoteEndpoint({ queryUrl: `${base}/broken` }, {});
    await expect(e.select("SELECT * {}")).rejects.toThrow(`${base}/broken: query failed: HTTP 500: Error SR171: Transaction timed out`);
  });

  it("tries a request again when the store rolled it back on a deadlock, reported in headers or as an error", async () => {
    mode = "open";
    for (const how of ["header", "500"]) {
      const e = new RemoteEndpoint({ queryUrl: `${base}/deadlock-${how}-k${how}` }, {});
      const before = seen.length;
      await e.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }");
      expect(seen.length - before, how).toBe(2);
      expect((await e.select("SELECT * {}")).length, how).toBe(2);
    }
  });

  it("gives up on a deadlock that never clears, naming the store and what it said", { timeout: 60_000 }, async () => {
    mode = "open";
    const always = new RemoteEndpoint({ queryUrl: `${base}/deadlock-always-x` }, {});
    await expect(always.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).rejects.toThrow(`${base}/deadlock-always-x: update failed: the store aborted it on a deadlock 9 times (00000: SR172: Transaction deadlocked)`);
  });

  it("says so when the store cannot be reached", async () => {
    const e = new RemoteEndpoint({ queryUrl: `http://127.0.0.1:${closedPort}/sparql` }, {});
    await expect(e.ask("ASK {}")).rejects.toThrow(`http://127.0.0.1:${closedPort}/sparql: query failed: cannot reach it (ECONNREFUSED)`);
  });

  it("refuses a URL that carries credentials without repeating them, and other bad URLs by option name", () => {
    expect(() => checkEndpointUrl(`http://admin:${SECRET}@127.0.0.1/sparql`, "--store")).toThrow(/^--store: the URL carries a user name or password; .*NEWSGRAPH_STORE_USER/);
    try {
      checkEndpointUrl(`http://admin:${SECRET}@127.0.0.1/sparql`, "--store");
    } catch (e) {
      expect((e as Error).message).not.toContain(SECRET);
    }
    expect(() => checkEndpointUrl("http://", "--update-url")).toThrow("--update-url http://: not a valid URL");
    expect(() => openStore("data/store", { updateUrl: `${base}/u` })).toThrow(/--update-url and --graph-store-url are for a remote store/);
  });
});

describe("--store URL on the command line", () => {
  const CLI = new URL("../../bin/newsgraph.js", import.meta.url).pathname;
  it("never creates a local folder named after the URL, and reports an unreachable store clearly", { timeout: 120_000 }, () => {
    const cwd = mkdtempSync(join(tmpdir(), "ng-remote-cli-"));
    try {
      const r = spawnSync(process.execPath, [CLI, "query", "posts", "--store", `http://127.0.0.1:${closedPort}/sparql`], { cwd, encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`newsgraph: http://127.0.0.1:${closedPort}/sparql: query failed: cannot reach it (ECONNREFUSED)`);
      expect(existsSync(join(cwd, "http:"))).toBe(false);
      const v = spawnSync(process.execPath, [CLI, "validate", "--store", `http://u:${SECRET}@127.0.0.1:${closedPort}/sparql`], { cwd, encoding: "utf8" });
      expect(v.status).toBe(1);
      expect(v.stderr).toMatch(/--store: the URL carries a user name or password/);
      expect(v.stderr + v.stdout).not.toContain(SECRET);
      expect(existsSync(join(cwd, "http:"))).toBe(false);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
