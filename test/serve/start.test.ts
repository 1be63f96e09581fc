// `newsgraph start` (npm start): builds the articles when the store is missing or older than
// them, then serves; starts straight away when the store is up to date.
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staleReason } from "../../src/cli/start.ts";
import { query, waitFor } from "./helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "bin/newsgraph.js");
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Runs `newsgraph start` until it serves, asks one question, then stops it with SIGTERM. */
async function startOnce(articles: string, store: string): Promise<{ output: string; persons: number }> {
  const child = spawn(process.execPath, [BIN, "start", "--articles", articles, "--store", store, "--port", "0", "--queries", join(ROOT, "queries")]);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    let url = "";
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`start exited: ${output}`);
      url = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1] ?? "";
      return url !== "" && /store loaded: \d+ quads/.test(output);
    }, "the server to start and load the store", 150_000);
    const res = await query(url, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/newsgraph/ontology#Person> }");
    const persons = Number(((await res.json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0].n.value);
    return { output, persons };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

describe("newsgraph start", { timeout: 300_000 }, () => {
  it("builds when the store is missing, serves, and skips the build when it is up to date", async () => {
    const work = await mkdtemp(join(tmpdir(), "newsgraph-start-"));
    dirs.push(work);
    const articles = join(work, "articles");
    const store = join(work, "store");
    await mkdir(articles);
    const first = (await readdir(join(ROOT, "data/articles"))).filter((f) => f.endsWith(".txt")).sort()[0];
    await copyFile(join(ROOT, "data/articles", first), join(articles, first));

    expect(await staleReason(articles, store)).toMatch(/no store/);
    const built = await startOnce(articles, store);
    expect(built.output).toMatch(/building .* \(no store in .* yet\)/);
    expect(built.persons).toBeGreaterThan(0);

    expect(await staleReason(articles, store)).toBeUndefined();
    const again = await startOnce(articles, store);
    expect(again.output).toMatch(/is up to date with/);
    expect(again.output).not.toMatch(/building/);
    expect(again.persons).toBe(built.persons);

    const later = new Date(Date.now() + 60_000);
    await utimes(join(articles, first), later, later);
    expect(await staleReason(articles, store)).toMatch(/changed since the store was built/);
  });
});
