// Updates (SPARQL Update at /update, Graph Store PUT/POST/DELETE): off by default, on with a
// token, refused without it, applied to every worker and persisted in the store file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import oxigraph from "oxigraph";
import { loadStore, saveStore } from "../../src/store/index.ts";
import { R, column, query, startTestServer, waitFor, type TestServer } from "./helpers.ts";

const TOKEN = "s3cret-token";
const EX = "http://example.org/";
const INSERT = `INSERT DATA { GRAPH <${EX}notes> { <${EX}note1> <http://www.w3.org/2000/01/rdf-schema#label> "checked by an analyst" } }`;
const ASK_NOTE = `ASK { <${EX}note1> ?p "checked by an analyst" }`;

const update = (base: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}update`, { method: "POST", headers: { "Content-Type": "application/sparql-update", ...headers }, body });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const asked = async (res: Response) => ((await res.json()) as { boolean: boolean }).boolean;

describe("without an update token", { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it("refuses updates and graph store writes with 403, even with some token", async () => {
    for (const res of [
      await update(server.url, INSERT),
      await update(server.url, INSERT, bearer(TOKEN)),
      await fetch(`${server.url}store?graph=${encodeURIComponent(EX + "g")}`, { method: "PUT", headers: { "Content-Type": "text/turtle" }, body: "<a:b> <a:c> <a:d> ." }),
      await fetch(`${server.url}store?default`, { method: "DELETE" }),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/Updates are turned off/);
    }
    expect(await asked(await query(server.url, ASK_NOTE))).toBe(false);
  });
});

describe("with an update token", { timeout: 120_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ updateToken: TOKEN, threads: 2 });
  });
  afterAll(() => server?.stop());

  it("answers 401 without credentials and 403 with a wrong token", async () => {
    const none = await update(server.url, INSERT);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await update(server.url, INSERT, bearer("not-the-token"));
    expect(wrong.status).toBe(403);
    const basic = await update(server.url, INSERT, { Authorization: "Basic dXNlcjpwYXNz" });
    expect(basic.status).toBe(401);
    expect(await asked(await query(server.url, ASK_NOTE))).toBe(false);
  });

  it("applies an update, visible to every worker and saved to the store file", async () => {
    const before = (await fetch(`${server.url}sparql?query=${encodeURIComponent(ASK_NOTE)}`)).headers.get("etag");
    const res = await update(server.url, INSERT, bearer(TOKEN));
    expect(res.status).toBe(204);
    // Several queries at once, so each worker answers some.
    const answers = await Promise.all(Array.from({ length: 6 }, () => query(server.url, ASK_NOTE).then(asked)));
    expect(answers).toEqual(Array.from({ length: 6 }, () => true));
    const after = (await fetch(`${server.url}sparql?query=${encodeURIComponent(ASK_NOTE)}`)).headers.get("etag");
    expect(after).not.toBe(before); // the store revision changed
    const { store } = await loadStore(server.storeDir);
    expect(store.query(ASK_NOTE, { use_default_graph_as_union: true })).toBe(true);
  });

  it("takes updates as a form at /update and at /sparql (where YASGUI sends them)", async () => {
    const form = await fetch(`${server.url}update`, {
      method: "POST",
      headers: bearer(TOKEN),
      body: new URLSearchParams({ update: `INSERT DATA { <${EX}note2> <${EX}p> "form" }` }),
    });
    expect(form.status).toBe(204);
    const atSparql = await fetch(`${server.url}sparql`, {
      method: "POST",
      headers: bearer(TOKEN),
      body: new URLSearchParams({ update: `INSERT DATA { <${EX}note3> <${EX}p> "at sparql" }` }),
    });
    expect(atSparql.status).toBe(204);
    const noToken = await fetch(`${server.url}sparql`, { method: "POST", body: new URLSearchParams({ update: "CLEAR ALL" }) });
    expect(noToken.status).toBe(401);
    expect(await column(await query(server.url, `SELECT ?o WHERE { ?s <${EX}p> ?o } ORDER BY ?o`), "o")).toEqual(["at sparql", "form"]);
  });

  it("answers 400 with the parser's message for a bad update, changing nothing", async () => {
    const res = await update(server.url, "INSERT DAT { }", bearer(TOKEN));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/error at 1:\d+/);
  });

  it("Graph Store PUT creates (201) and replaces (204), POST adds, DELETE removes", async () => {
    const graph = `${server.url}store?graph=${encodeURIComponent(EX + "uploaded")}`;
    const put = (body: string) => fetch(graph, { method: "PUT", headers: { "Content-Type": "text/turtle", ...bearer(TOKEN) }, body });
    const labels = async () =>
      column(await query(server.url, `SELECT ?l WHERE { GRAPH <${EX}uploaded> { ?s <${EX}label> ?l } } ORDER BY ?l`), "l");

    expect((await put(`<${EX}a> <${EX}label> "first" .`)).status).toBe(201);
    expect(await labels()).toEqual(["first"]);
    expect((await put(`<${EX}a> <${EX}label> "second" .`)).status).toBe(204);
    expect(await labels()).toEqual(["second"]);
    const post = await fetch(graph, { method: "POST", headers: { "Content-Type": "application/n-triples", ...bearer(TOKEN) }, body: `<${EX}b> <${EX}label> "added" .\n` });
    expect(post.status).toBe(204);
    expect(await labels()).toEqual(["added", "second"]);

    const broken = await fetch(graph, { method: "PUT", headers: { "Content-Type": "text/turtle", ...bearer(TOKEN) }, body: "<a> <b> ." });
    expect(broken.status).toBe(400);
    expect(await labels()).toEqual(["added", "second"]); // a bad body leaves the graph as it was
    const wrongType = await fetch(graph, { method: "PUT", headers: { "Content-Type": "text/html", ...bearer(TOKEN) }, body: "<p>" });
    expect(wrongType.status).toBe(415);

    const get = await fetch(graph, { headers: { Accept: "application/n-triples" } });
    expect(await get.text()).toContain('"added"');

    expect((await fetch(graph, { method: "DELETE", headers: bearer(TOKEN) })).status).toBe(204);
    expect(await labels()).toEqual([]);
    expect((await fetch(graph, { method: "DELETE", headers: bearer(TOKEN) })).status).toBe(404);

    const { store } = await loadStore(server.storeDir);
    expect(store.query(`ASK { GRAPH <${EX}uploaded> { ?s ?p ?o } }`)).toBe(false);
    expect(store.query(`ASK { GRAPH <${EX}notes> { ?s ?p ?o } }`)).toBe(true);
  });

  it("lists SPARQL Update in the service description", async () => {
    expect(await (await fetch(`${server.url}sparql`)).text()).toMatch(/sd:SPARQL11Update/);
  });

  it("picks up a store rebuilt on disk while serving", async () => {
    const { store, manifest } = await loadStore(server.storeDir);
    store.add(oxigraph.quad(oxigraph.namedNode(`${R}person/new-minister`), oxigraph.namedNode("http://www.w3.org/2000/01/rdf-schema#label"), oxigraph.literal("New Minister"), oxigraph.namedNode(`${R}graph/entities`)));
    await saveStore(server.storeDir, store, manifest);
    const ask = `ASK { <${R}person/new-minister> ?p ?o }`;
    await waitFor(async () => asked(await query(server.url, ask)), "the server to see the rebuilt store");
    const answers = await Promise.all(Array.from({ length: 4 }, () => query(server.url, ask).then(asked)));
    expect(answers).toEqual([true, true, true, true]);
  });
});
