// Real third-party SPARQL clients query the endpoint: Comunica (JavaScript) and SPARQLWrapper
// (Python, Debian's python3-sparqlwrapper, run by Debian's own /usr/bin/python3).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryEngine } from "@comunica/query-sparql";
import { NG, R, startTestServer, type TestServer } from "./helpers.ts";

const run = promisify(execFile);

let server: TestServer;
let endpoint: string;

beforeAll(async () => {
  server = await startTestServer();
  endpoint = `${server.url}sparql`;
});
afterAll(() => server?.stop());

const POSTS = `PREFIX ng: <${NG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?post ?of WHERE {
  ?role a ng:RoleAssignment ; ng:holder ?p ; ng:roleTitle ?post ; ng:organisation ?o .
  ?p rdfs:label ?name . ?o rdfs:label ?of .
} ORDER BY ?name`;

describe("Comunica", { timeout: 120_000 }, () => {
  it("gets the expected rows with the endpoint as a sparql source", async () => {
    const engine = new QueryEngine();
    const bindings = await (await engine.queryBindings(POSTS, { sources: [{ type: "sparql", value: endpoint }] })).toArray();
    const rows = bindings.map((b) => [b.get("name")?.value, b.get("post")?.value, b.get("of")?.value]);
    expect(rows).toEqual([
      ["Sergey Lavrov", "Foreign Minister", "Russia"],
      ["Wang Yi", "Foreign Minister", "China"],
    ]);
    const yes = await engine.queryBoolean(`ASK { <${R}person/wang-yi> a <${NG}Person> }`, { sources: [{ type: "sparql", value: endpoint }] });
    expect(yes).toBe(true);
  });
});

const PYTHON = `
import json, sys
from SPARQLWrapper import SPARQLWrapper, JSON, POST
endpoint, query = sys.argv[1], sys.argv[2]
client = SPARQLWrapper(endpoint)
client.setQuery(query)
client.setReturnFormat(JSON)
rows_get = client.query().convert()["results"]["bindings"]
client.setMethod(POST)
rows_post = client.query().convert()["results"]["bindings"]
print(json.dumps([[[r[v]["value"] for v in ("name", "post", "of")] for r in rows] for rows in (rows_get, rows_post)]))
`;

describe("SPARQLWrapper", { timeout: 120_000 }, () => {
  it("gets the expected rows by GET and by POST", async () => {
    const { stdout } = await run("/usr/bin/python3", ["-c", PYTHON, endpoint, POSTS], { timeout: 60_000 });
    const expected = [
      ["Sergey Lavrov", "Foreign Minister", "Russia"],
      ["Wang Yi", "Foreign Minister", "China"],
    ];
    expect(JSON.parse(stdout)).toEqual([expected, expected]);
  });
});
