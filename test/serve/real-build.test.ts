// Smoke test on the real build of data/articles: every query in queries/ answers through the
// endpoint, and the most quoted person's page shows their statements.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/pipeline/index.ts";
import { listExamples } from "../../src/serve/examples.ts";
import { NG, column, query, startTestServer, type TestServer } from "./helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
let server: TestServer;

beforeAll(async () => {
  const storeDir = await mkdtemp(join(tmpdir(), "newsgraph-serve-real-"));
  await buildGraph({ inputs: [join(ROOT, "data/articles")], storeDir });
  server = await startTestServer({ storeDir, queriesDir: join(ROOT, "queries") });
}, 300_000);
afterAll(() => server?.stop());

describe("serving the real build of data/articles", { timeout: 120_000 }, () => {
  it("answers every query in queries/ and offers each on the query page", async () => {
    const examples = await listExamples(join(ROOT, "queries"));
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const page = await (await fetch(server.url)).text();
    for (const example of examples) {
      const res = await query(server.url, example.query, "application/sparql-results+json, text/turtle;q=0.9");
      expect(res.status, `${example.name}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
      expect(page).toContain(`data-example="${examples.indexOf(example)}"`);
    }
  });

  it("shows the most quoted person's statements with their sources", async () => {
    const top = await query(server.url, `SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s <${NG}speaker> ?p . ?p a <${NG}Person> } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1`);
    const [person] = await column(top, "p");
    expect(person).toMatch(/\/resource\/person\//);
    const res = await fetch(server.url + person.slice(person.indexOf("resource/")), { headers: { Accept: "text/html" } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<section id="statements">');
    expect(page).toMatch(/Source: <span class="source"><a href="\/resource\/article\//);
  });
});
