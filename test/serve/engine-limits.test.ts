// A request that would break the query engine: deep nesting is refused up front with a clear
// 400, and an engine that fails anyway (a WebAssembly trap) is discarded and replaced before it
// serves again, so the next queries are answered on every copy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE_LIMITS, measureQuery } from "../../src/serve/query-text.ts";
import { StorePool } from "../../src/serve/pool.ts";
import { RESULT_FORMATS } from "../../src/serve/formats.ts";
import { R, column, fixtureStore, query, startTestServer, type TestServer } from "./helpers.ts";

const SIMPLE = `SELECT ?label WHERE { <${R}country/china> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`;
const nestedGroups = (n: number) => "SELECT * WHERE " + "{".repeat(n) + " ?s ?p ?o " + "}".repeat(n);
const asked = async (res: Response) => ((await res.json()) as { boolean: boolean }).boolean;

describe("measureQuery", () => {
  it("counts the deepest nesting and the operators, not what strings, IRIs and comments hold", () => {
    expect(measureQuery("SELECT ?s WHERE { ?s ?p ?o FILTER((?o + 1) * 2 > 3 && !BOUND(?x)) }")).toEqual({ depth: 3, operators: 6 });
    expect(measureQuery(`SELECT ?s WHERE { ?s <http://x/a/b/c> "{{{((( + - * / ||" . # }}}} UNION UNION\n }`)).toEqual({ depth: 1, operators: 0 });
    expect(measureQuery("SELECT ?s { {?a ?b ?c} UNION {?a ?b ?c} OPTIONAL {?a ?b ?c} MINUS {?a ?b ?c} BIND(1 AS ?x) }")).toEqual({ depth: 2, operators: 4 });
    expect(measureQuery('SELECT ?s { ?s ?p "1"^^<http://www.w3.org/2001/XMLSchema#integer> ; ex:a-b ?o }').operators).toBe(0);
  });
});

describe("a request that would break the engine", { timeout: 180_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ threads: 2 });
  });
  afterAll(() => server?.stop());

  it("5,000 nested groups: refused with 400 before any worker sees it, and the next queries are answered on every copy", async () => {
    const res = await query(server.url, nestedGroups(5000));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/nested 5000 levels deep .* at most 64/);
    // as many queries at once as there are copies, twice over
    const answers = await Promise.all(Array.from({ length: 4 }, () => query(server.url, SIMPLE).then((r) => column(r, "label"))));
    expect(answers).toEqual(Array.from({ length: 4 }, () => ["China"]));
    expect(await asked(await query(server.url, "ASK {}"))).toBe(true);
  });

  it("refuses over-long operator chains (a + b + … , UNION runs) with 400, and updates as well", async () => {
    const chain = await query(server.url, `SELECT (${Array(1000).fill("1").join(" + ")} AS ?x) WHERE {}`);
    expect(chain.status).toBe(400);
    expect(await chain.text()).toMatch(/999 operators .* at most 400/);
    const update = await fetch(`${server.url}update`, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-update" },
      body: "INSERT { <http://e/a> <http://e/b> 1 } WHERE " + "{".repeat(3000) + "}".repeat(3000),
    });
    expect(update.status).toBe(403); // updates are off here: refused before anything else
  });

  it("answers the most complex queries within the limits (nesting and operators at their worst together)", async () => {
    const depth = ENGINE_LIMITS.nesting - 2;
    /** Fills what is left of the operator budget with `unit`s. */
    const fill = (shape: (filler: string) => string, unit: string, join: string) => {
      const left = ENGINE_LIMITS.operators - measureQuery(shape("")).operators;
      const per = measureQuery(unit + join + unit).operators - 2 * measureQuery(unit).operators;
      const units = Math.floor((left + per) / (measureQuery(unit).operators + per));
      return shape(Array(units).fill(unit).join(join));
    };
    const worst = [
      // nested FILTER EXISTS is the costliest nesting, a run of OPTIONALs the costliest chain
      fill((f) => "SELECT ?s WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o ".repeat(depth / 2) + f + " }".repeat(depth / 2) + " }", "OPTIONAL { ?s ?p ?o }", " "),
      // nested function calls, then a chain of additions
      fill((f) => "SELECT (" + "CONCAT(".repeat(depth) + (f || "1") + ")".repeat(depth) + " AS ?x) WHERE {}", "1", " + "),
      // nested groups, then a run of BINDs
      fill((f) => "SELECT ?s WHERE " + "{ ".repeat(depth) + f + " }".repeat(depth), "BIND(1 AS ?x)", " "),
    ];
    for (const text of worst) {
      const m = measureQuery(text);
      expect(m.depth).toBeGreaterThan(ENGINE_LIMITS.nesting / 2);
      expect(m.depth).toBeLessThanOrEqual(ENGINE_LIMITS.nesting);
      expect(m.operators).toBeGreaterThan(ENGINE_LIMITS.operators - 5);
      expect(m.operators).toBeLessThanOrEqual(ENGINE_LIMITS.operators);
      const res = await query(server.url, text);
      const body = await res.text();
      expect(body).not.toMatch(/engine/);
      expect([200, 400]).toContain(res.status);
    }
    expect(server.logs.filter((l) => /engine failed/.test(l))).toEqual([]);
  });

  it("a query that trips the engine anyway (a 20,000-item IN list overflows its stack) gets 400, and its copy is replaced", async () => {
    const res = await query(server.url, `SELECT * WHERE { ?s ?p ?o FILTER(?o IN (${Array(20000).fill("1").join(",")})) }`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/ran out of stack/);
    expect(server.logs.some((l) => /copy \d+ stopped: its engine failed/.test(l))).toBe(true);
    const answers = await Promise.all(Array.from({ length: 4 }, () => query(server.url, SIMPLE).then((r) => column(r, "label"))));
    expect(answers).toEqual(Array.from({ length: 4 }, () => ["China"]));
  });
});

describe("the pool itself, given a query that traps the engine", { timeout: 180_000 }, () => {
  let pool: StorePool;
  let dir: string;
  const events: string[] = [];
  beforeAll(async () => {
    dir = await fixtureStore();
    pool = new StorePool({ storeDir: dir, threads: 2, maxQueue: 8, timeoutMs: 60_000, maxResultBytes: 1 << 20, onEvent: (l) => events.push(l) });
    await pool.start();
    await pool.ready();
  });
  afterAll(() => pool?.close());

  const ask = () => pool.run({ kind: "query", query: "ASK {}", format: RESULT_FORMATS[0], dataset: { kind: "union" } });

  it("discards the copy whose engine trapped ('memory access out of bounds') and answers the next queries", async () => {
    // Bypasses the HTTP layer's nesting check: this is the engine's own failure.
    const trapped = pool.run({ kind: "query", query: nestedGroups(5000), format: RESULT_FORMATS[0], dataset: { kind: "union" } });
    await expect(trapped).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/ran out of stack/) });
    expect(events.some((e) => /stopped: its engine failed/.test(e))).toBe(true);
    for (let i = 0; i < 6; i++) {
      const reply = await ask();
      expect(JSON.parse(new TextDecoder().decode(reply.body))).toMatchObject({ boolean: true });
    }
  });
});
