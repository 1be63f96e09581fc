// `newsgraph eval [PATH ...] [--gold DIR] [--json] [--min-f1 X]`: the quality gate.
// Builds the articles into a temporary store, exports N-Quads and scores them with the shared
// scorer (../shared/eval/score.mjs, where it is: a copy drifts) against the gold annotations.
// Without paths it scores every standard set: the samples, the invented dev and held-out sets, and
// the real-text corpus in ../shared/corpus.
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { buildGraph } from "../pipeline/index.ts";
import { loadStore } from "../store/index.ts";
import { exportStore } from "../store/export.ts";
import { DEFAULT_ARTICLES_DIR } from "./build.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEFAULT_GOLD_DIR = "test/fixtures/gold";
/** The team's scorer, beside the project (in CI too). */
export const SCORER = join(ROOT, "..", "shared", "eval", "score.mjs");
/** The sets `newsgraph eval` scores when given no paths: articles and their gold, from the project root. */
export const STANDARD_SETS: ReadonlyArray<{ name: string; inputs: string; gold: string }> = [
  { name: "samples", inputs: "data/articles", gold: DEFAULT_GOLD_DIR },
  { name: "heldout (dev)", inputs: "test/fixtures/heldout", gold: "test/fixtures/heldout" },
  { name: "heldout-d (dev, written 2026-12-06)", inputs: "test/fixtures/heldout-d", gold: "test/fixtures/heldout-d" },
  { name: "heldout-b (measuring only)", inputs: "test/fixtures/heldout-b", gold: "test/fixtures/heldout-b" },
  { name: "heldout-c (untouched: never read while tuning)", inputs: "test/fixtures/heldout-c", gold: "test/fixtures/heldout-c" },
  { name: "corpus (../shared/corpus, real pages)", inputs: "../shared/corpus", gold: "../shared/corpus" },
];
export const CATEGORIES = ["persons", "organisations", "places", "roles", "statements", "sanctions"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryScore {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalResult {
  /** The scorer's table, as it prints it. */
  table: string;
  /** The scorer's JSON report (summary per category, per article, Wikidata links). */
  report: { summary: Record<Category, CategoryScore>; missingArticles: string[]; [k: string]: unknown };
}

export interface EvalOptions {
  inputs?: string[];
  goldDir?: string;
}

/** Runs the scorer with its output going to a file (a pipe could cut a long report at exit). */
async function runScorer(args: string[], out: string): Promise<string> {
  if (!existsSync(SCORER)) throw new Error(`the scorer is missing: ${SCORER} (the team's shared folder, beside the project)`);
  const fd = await open(out, "w");
  try {
    await new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [SCORER, ...args], { stdio: ["ignore", fd.fd, "pipe"] });
      let stderr = "";
      child.stderr?.on("data", (d) => (stderr += d));
      child.on("error", fail);
      // exit status 1 only says a threshold was missed: the report is still complete
      child.on("close", (c) => (c === 0 || c === 1 ? done() : fail(new Error(`scorer failed: ${stderr.trim() || `exit ${c}`}`))));
    });
  } finally {
    await fd.close();
  }
  return readFile(out, "utf8");
}

/** Builds, exports and scores; the temporary store is removed afterwards. */
export async function evaluate(options: EvalOptions = {}): Promise<EvalResult> {
  const inputs = (options.inputs?.length ? options.inputs : [DEFAULT_ARTICLES_DIR]).map((p) => resolve(p));
  const goldDir = resolve(options.goldDir ?? join(ROOT, DEFAULT_GOLD_DIR));
  const work = await mkdtemp(join(tmpdir(), "newsgraph-eval-"));
  try {
    const storeDir = join(work, "store");
    const built = await buildGraph({ inputs, storeDir });
    if (built.failed.length) throw new Error(`could not build: ${built.failed.map((f) => `${f.file} (${f.message})`).join("; ")}`);
    const { store } = await loadStore(storeDir);
    const graph = join(work, "graph.nq");
    await writeFile(graph, await exportStore(store, { format: "nquads" }));
    const table = await runScorer(["--graph", graph, "--gold", goldDir], join(work, "table.txt"));
    const json = await runScorer(["--graph", graph, "--gold", goldDir, "--json"], join(work, "report.json"));
    return { table: table.trimEnd(), report: JSON.parse(json) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function register(program: Command): void {
  program
    .command("eval")
    .description("build the articles into a temporary store and score the graph against gold annotations")
    .argument("[paths...]", "article files or folders (default: every standard set: samples, heldout, heldout-b, heldout-c, ../shared/corpus)", [])
    .option("--gold <dir>", "folder of *.gold.json files (with paths; default test/fixtures/gold)")
    .option("--json", "print the scorer's JSON report instead of the table")
    .option("--min-f1 <x>", "exit with status 1 when a category's F1 is below this", parseFloat)
    .action(async (paths: string[], opts: { gold?: string; json?: boolean; minF1?: number }) => {
      const sets = paths.length
        ? [{ name: "", inputs: paths, gold: opts.gold ?? DEFAULT_GOLD_DIR }]
        : STANDARD_SETS.filter((s) => existsSync(join(ROOT, s.inputs))).map((s) => ({ name: s.name, inputs: [join(ROOT, s.inputs)], gold: join(ROOT, s.gold) }));
      const reports: Record<string, EvalResult["report"]> = {};
      for (const set of sets) {
        const { table, report } = await evaluate({ inputs: set.inputs, goldDir: set.gold });
        reports[set.name] = report;
        if (!opts.json) console.log(set.name ? `\n## ${set.name}\n${table}` : table);
        const worst = Math.min(...CATEGORIES.map((c) => report.summary[c].f1));
        if (report.missingArticles.length || (opts.minF1 !== undefined && worst < opts.minF1)) process.exitCode = 1;
      }
      if (opts.json) console.log(JSON.stringify(paths.length ? reports[""] : reports, null, 2));
    });
}
