// The commands as a user runs them: real processes, real files, exit codes and messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CLI = new URL("../../bin/newsgraph.js", import.meta.url).pathname;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
// Each command is a fresh Node process (tsx transpiles on start): slow on a busy machine.
const SLOW = { timeout: 300_000 };
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

let root: string;
let storeDir: string;
let articles: string;
let firstBuild: ReturnType<typeof run>;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ng-cli-"));
  articles = join(root, "articles");
  mkdirSync(articles);
  writeFileSync(join(articles, "one.txt"), "Envoys meet\n\nGerman Foreign Minister Eva Roth met Polish diplomats in Berlin on Monday.\n\n\u201cWe talked about trade,\u201d Roth said.\n");
  writeFileSync(join(articles, "two.txt"), "Sanctions\n\nThe European Union imposed sanctions on four officials over repression.\n");
  writeFileSync(join(articles, "broken.txt"), Buffer.from([0xc3, 0x28, 0x41, 0x42]));
  storeDir = join(root, "store");
  firstBuild = run("build", articles, "--store", storeDir); // the store every test below reads
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("newsgraph build", () => {
  it("builds what it can, names each file that failed, and exits non-zero", SLOW, () => {
    const r = firstBuild;
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Built 2 article\(s\) into .*store \(2 extracted, 0 from cache\): \d+ quads, revision [0-9a-f]{16}/);
    expect(r.err).toContain(join(articles, "broken.txt"));
    expect(r.err).toMatch(/1 file\(s\) failed; the other articles were built/);
    noStackTrace(r.err);
  });

  it("exits 0 when every file builds, and names a path that does not exist", SLOW, () => {
    const r = run("build", join(articles, "one.txt"), join(articles, "two.txt"), "--store", join(root, "ok-store"));
    expect(r.code).toBe(0);
    expect(r.err).toBe(""); // quiet: no progress bar when not on a terminal
    const missing = run("build", join(root, "no-such-folder"), "--store", join(root, "x"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(join(root, "no-such-folder"));
    noStackTrace(missing.err);
  });
});

describe("newsgraph build --published", () => {
  it("dates every article it reads, over page and sidecar, and refuses a date that is not YYYY-MM-DD by name", SLOW, () => {
    const dir = join(root, "dated");
    mkdirSync(dir);
    writeFileSync(join(dir, "one.txt"), "Envoys meet\n\nMarch 1, 2024\n\nGerman Foreign Minister Eva Roth met Polish diplomats in Berlin on Monday.\n");
    writeFileSync(join(dir, "one.meta.json"), JSON.stringify({ date: "2024-03-02" }));
    const store = join(root, "dated-store");
    const built = run("build", dir, "--store", store, "--published", "2024-03-05");
    expect(built.code, built.err).toBe(0);
    const q = run("query", "--store", store, "--format", "csv", "--query", "SELECT ?d WHERE { ?a <https://w3id.org/newsgraph/ontology#datePublished> ?d }");
    expect(q.out.trim().split(/\r?\n/)).toEqual(["d", "2024-03-05"]);
    const sidecar = run("build", dir, "--store", store);
    expect(sidecar.code).toBe(0);
    expect(run("query", "--store", store, "--format", "csv", "--query", "SELECT ?d WHERE { ?a <https://w3id.org/newsgraph/ontology#datePublished> ?d }").out).toContain("2024-03-02");
    for (const bad of ["2024-02-30", "5 March 2024", "2024-3-5"]) {
      const r = run("build", dir, "--store", join(root, "never"), "--published", bad);
      expect(r.code).not.toBe(0);
      expect(r.err).toContain("--published");
      expect(r.err).toContain(`got "${bad}"`);
      noStackTrace(r.err);
    }
  });
});

describe("newsgraph export", () => {
  it("writes each format to --out and refuses an unknown graph or format by name", SLOW, () => {
    // (Every format is checked against independent parsers in test/store/export.test.ts.)
    for (const format of ["turtle", "jsonld"]) {
      const out = join(root, `g.${format}`);
      const r = run("export", "--store", storeDir, "--format", format, "--out", out);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(out, "utf8").length).toBeGreaterThan(100);
    }
    expect(readFileSync(join(root, "g.turtle"), "utf8")).toMatch(/^@prefix ng: /m);
    const toStdout = run("export", "--store", storeDir, "--format", "nquads");
    expect(toStdout.out).toMatch(/^<https:\/\/w3id\.org\/newsgraph\/[^\n]* \.\n/);
    expect(toStdout.out).toContain('"one.txt"');
    const badGraph = run("export", "--store", storeDir, "--graph", "https://example.org/nothing");
    expect(badGraph.code).toBe(1);
    expect(badGraph.err).toMatch(/--graph https:\/\/example\.org\/nothing: no such graph/);
    const badFormat = run("export", "--store", storeDir, "--format", "yaml");
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.err).toMatch(/--format.*yaml.*invalid/);
  });
});

describe("newsgraph query", () => {
  it("runs a named query as an aligned table", SLOW, () => {
    const r = run("query", "articles", "--store", storeDir);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^article\s+\| fileName\s+\| title/);
    expect(lines[1]).toMatch(/^-+-\+-/);
    expect(lines.at(-1)).toBe("(2 rows)");
    const bars = (l: string) => [...l.matchAll(/ \| /g)].map((m) => m.index);
    expect(bars(lines[2])).toEqual(bars(lines[0])); // columns line up
  });

  it("writes SPARQL JSON, CSV and TSV, and reads --query text and .rq files", SLOW, () => {
    const query = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT ?f WHERE { GRAPH ?g { ?a ng:fileName ?f } } ORDER BY ?f";
    const json = JSON.parse(run("query", "--query", query, "--store", storeDir, "--format", "json").out);
    expect(json.head.vars).toEqual(["f"]);
    expect(json.results.bindings.map((b: { f: { value: string } }) => b.f.value)).toEqual(["one.txt", "two.txt"]);
    expect(run("query", "--query", query, "--store", storeDir, "--format", "csv").out.replace(/\r/g, "")).toBe("f\none.txt\ntwo.txt\n");
    expect(run("query", "--query", query, "--store", storeDir, "--format", "tsv").out).toMatch(/^\?f\n"one\.txt"\n"two\.txt"\n?$/);
    const file = join(root, "files.rq");
    writeFileSync(file, query);
    expect(run("query", file, "--store", storeDir).out).toMatch(/one\.txt[\s\S]*two\.txt[\s\S]*\(2 rows\)/);
    expect(run("query", "--query", "ASK { }", "--store", storeDir).out).toBe("true\n");
  });

  it("reads the union of all graphs as the default graph, as the server does, unless the query says FROM", SLOW, () => {
    const count = (q: string) => JSON.parse(run("query", "--query", q, "--store", storeDir, "--format", "json").out).results.bindings[0].n.value;
    const files = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT (COUNT(?f) AS ?n) %FROM% WHERE { ?a ng:fileName ?f }";
    expect(count(files.replace("%FROM%", ""))).toBe("2");
    // FROM an empty graph: the query's own dataset wins over the union.
    expect(count(files.replace("%FROM%", "FROM <https://example.org/no-such-graph>"))).toBe("0");
  });

  it("names the query and the problem on a syntax error or a missing query", SLOW, () => {
    const bad = run("query", "--query", "SELEKT ?x WHERE { }", "--store", storeDir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^newsgraph: --query: /);
    noStackTrace(bad.err);
    const missing = run("query", "no-such-query", "--store", storeDir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("no-such-query: no such query file (nor queries/no-such-query.rq)");
    expect(run("query", "--store", storeDir).err).toMatch(/no query: give a NAME/);
  });

  it("refuses a query nested deeper than the engine takes with a clear error, not a WebAssembly trap", SLOW, () => {
    const deep = `SELECT * WHERE { ${"{ ".repeat(1000)}?s ?p ?o ${"} ".repeat(1000)}}`;
    const r = run("query", "--query", deep, "--store", storeDir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^newsgraph: --query: the query is nested 1001 levels deep .*at most \d+/);
    noStackTrace(r.err);
  });
});

describe("newsgraph validate", () => {
  it("passes a built store and fails a broken one with a readable report", SLOW, () => {
    const ok = run("validate", "--store", storeDir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("conforms");
    // A broken store: the built graph plus a role without its holder, written as a store of format 1.
    const broken = join(root, "broken-store");
    mkdirSync(broken);
    writeFileSync(
      join(broken, "store.nq"),
      '# newsgraph-store {"format":"newsgraph-store","version":1,"revision":"x","articles":{},"extractorVersion":1}\n' +
        run("export", "--store", storeDir, "--format", "nquads").out +
        '<https://w3id.org/newsgraph/resource/role/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ontology#RoleAssignment> <https://w3id.org/newsgraph/resource/graph/article/one> .\n',
    );
    const bad = run("validate", "--store", broken);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/SHACL: \d+ violation\(s\)/);
    expect(bad.err).toContain("ngr:role/x ng:holder: a role needs exactly one ng:holder");
    const none = run("validate", "--store", join(root, "nothing"));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no store here.*run 'newsgraph build' first/);
  });

  it("a store from a newer newsgraph is refused with a clear reason by every command", SLOW, () => {
    const newer = join(root, "newer-store");
    mkdirSync(newer);
    writeFileSync(join(newer, "store.nq"), '# newsgraph-store {"format":"newsgraph-store","version":99,"revision":"x","articles":{},"extractorVersion":1}\n');
    for (const args of [["query", "articles"], ["export"], ["validate"]]) {
      const r = run(...args, "--store", newer);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/written by a newer newsgraph \(store format 99/);
    }
  });
});
