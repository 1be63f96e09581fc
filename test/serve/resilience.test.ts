// It keeps serving: a runaway query is cut at the time limit while other queries are
// answered; the queue is bounded; shutdown lets running requests finish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { R, RUNAWAY, column, query, startTestServer, waitFor, type TestServer } from "./helpers.ts";

const SIMPLE = `SELECT ?label WHERE { <${R}country/china> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`;

describe("a runaway query", { timeout: 120_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ timeoutSeconds: 5, threads: 2 });
  });
  afterAll(() => server?.stop());

  it("is stopped at the limit with 503 while a simple query sent during it is answered", async () => {
    let runawayDone = false;
    const runaway = query(server.url, RUNAWAY).then(async (res) => {
      runawayDone = true;
      return { status: res.status, text: await res.text(), retryAfter: res.headers.get("retry-after") };
    });
    const simple = await query(server.url, SIMPLE);
    expect(simple.status).toBe(200);
    expect(await column(simple, "label")).toEqual(["China"]);
    expect(runawayDone).toBe(false); // answered while the runaway was still running

    const cut = await runaway;
    expect(cut.status).toBe(503);
    expect(cut.text).toMatch(/did not finish within this server's time limit of 5 s/);
    expect(cut.retryAfter).toBe("1");
  });

  it("leaves the server healthy: every worker (including the replacement) answers", async () => {
    // As many queries at once as there are workers, twice over: each lands on a worker.
    const answers = await Promise.all(Array.from({ length: 4 }, () => query(server.url, SIMPLE).then((r) => column(r, "label"))));
    expect(answers).toEqual(Array.from({ length: 4 }, () => ["China"]));
  });
});

describe("the queue", { timeout: 120_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    // A limit long enough that all four requests arrive while the first still runs, even on a busy machine.
    server = await startTestServer({ timeoutSeconds: 8, threads: 1, maxQueue: 1 });
  });
  afterAll(() => server?.stop());

  it("is bounded: with one worker and room for one waiting query, more get 429", async () => {
    const completed: number[] = [];
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        query(server.url, RUNAWAY).then((r) => {
          completed.push(r.status);
          return r;
        }),
      ),
    );
    expect(completed).toEqual([429, 429, 503, 503]); // refused at once; the other two cut at the limit
    const refused = responses.find((r) => r.status === 429)!;
    expect(await refused.text()).toMatch(/Too many queries at once/);
    expect(refused.headers.get("retry-after")).toBe("1");
    // and the server answers again once the copy that ran it is replaced (a generous bound: a loaded machine)
    await waitFor(async () => (await query(server.url, SIMPLE)).status === 200, "the server to answer again", 90_000);
    expect(await column(await query(server.url, SIMPLE), "label")).toEqual(["China"]);
  });
});

describe("shutting down", { timeout: 120_000 }, () => {
  it("lets a running request finish, then refuses new connections", async () => {
    const server = await startTestServer({ timeoutSeconds: 2 });
    const running = query(server.url, RUNAWAY);
    await waitFor(() => server.activeRequests === 1, "the query to reach the server");
    const closed = server.stop();
    const res = await running;
    expect(res.status).toBe(503); // its own answer (time limit), not a dropped connection
    await closed;
    await expect(fetch(server.url + "sparql")).rejects.toThrow();
  });
});
