// The `newsgraph serve` command as a user runs it: a real process, flags, the token from the
// environment, a clear error for bad input, graceful stop on SIGTERM/SIGINT.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RUNAWAY, fixtureStore, query, waitFor } from "./helpers.ts";

const BIN = new URL("../../bin/newsgraph.js", import.meta.url).pathname;
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function serve(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { env: { ...process.env, ...env } });
  children.push(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let url = "";
  await waitFor(() => {
    url = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1] ?? "";
    if (child.exitCode !== null) throw new Error(`serve exited: ${output}`);
    return url !== "" && /store loaded: \d+ quads/.test(output);
  }, "the server to start and load the store", 90_000);
  return { child, url, output: () => output, exited };
}

describe("newsgraph serve", { timeout: 180_000 }, () => {
  it("serves a store, takes the update token from NEWSGRAPH_UPDATE_TOKEN, logs requests, stops on SIGTERM", async () => {
    const store = await fixtureStore();
    dirs.push(store);
    const server = await serve(["--store", store, "--timeout", "2", "--threads", "2"], { NEWSGRAPH_UPDATE_TOKEN: "from-env" });
    expect(server.output()).toContain("updates on");
    const ok = await fetch(`${server.url}update`, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-update", Authorization: "Bearer from-env" },
      body: "INSERT DATA { <http://example.org/a> <http://example.org/b> 'c' }",
    });
    expect(ok.status).toBe(204);
    // a query still running when SIGTERM arrives gets its own answer before the process exits
    const running = query(server.url, RUNAWAY);
    await waitFor(() => /POST \/update 204 \d+ms/.test(server.output()), "the update's log line");
    await new Promise((r) => setTimeout(r, 1000)); // let the query reach the server (it runs 2 s)
    server.child.kill("SIGTERM");
    const res = await running;
    expect(res.status).toBe(503);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: finishing running requests, then stopping/);
    expect(server.output()).toMatch(/POST \/sparql 503 \d+ms/);
  });

  it("stops on SIGINT", async () => {
    const store = await fixtureStore();
    dirs.push(store);
    const server = await serve(["--store", store]);
    expect((await fetch(`${server.url}sparql`)).status).toBe(200);
    server.child.kill("SIGINT");
    expect(await server.exited).toBe(0);
  });

  it("says clearly what is wrong with bad options or a bad store, without a stack trace", async () => {
    const bad = spawn(process.execPath, [BIN, "serve", "--timeout", "-3"]);
    let err = "";
    bad.stderr.on("data", (d) => (err += d));
    const code = await new Promise((resolve) => bad.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(err).toMatch(/timeout must be a positive number/);

    const damaged = await mkdtemp(join(tmpdir(), "newsgraph-damaged-"));
    dirs.push(damaged);
    await writeFile(join(damaged, "store.nq"), "this is not a store\n");
    const refused = spawn(process.execPath, [BIN, "serve", "--store", damaged, "--port", "0"]);
    let out = "";
    refused.stdout.on("data", (d) => (out += d));
    refused.stderr.on("data", (d) => (out += d));
    expect(await new Promise((resolve) => refused.on("exit", resolve))).toBe(1);
    expect(out).toMatch(/cannot serve .*not a newsgraph store/);
    expect(out).not.toMatch(/\n\s+at /);
  });
});
