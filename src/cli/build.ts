// `newsgraph build [PATH ...] [--store DIR] [--online]`
import { type Command, InvalidArgumentError } from "commander";
import cliProgress from "cli-progress";
import { parseIsoDate } from "../ingest/sidecar.ts";
import type { BuildProgress } from "../pipeline/build.ts";
import { addStoreOptions, storeOf, type StoreFlags } from "./store-options.ts";

export const DEFAULT_ARTICLES_DIR = "data/articles";

export function register(program: Command): void {
  addStoreOptions(
    program
      .command("build")
      .description(`read article files or folders (default ${DEFAULT_ARTICLES_DIR}/), extract, validate and save the graph in the store`)
      .argument("[paths...]", "article files (*.txt) or folders of them"),
  )
    .option("--cache <dir>", "remote store: local folder for the build's caches (default data/cache/HOST-PORT-HASH)")
    .option("--shard <name>", "build these inputs as one shard of the corpus: articles of other shards in the store are kept (several machines may build shards into one remote store at once)")
    .option("--online", "let the Wikidata linker ask Wikidata's API (answers are cached for offline builds)", false)
    .option("--jobs <n>", "worker threads reading and extracting articles (default: the cores available)", positiveInt("--jobs"))
    .option("--article-timeout <seconds>", "time budget of one article; one past it is reported and left out", positiveNumber("--article-timeout"), 60)
    .option(
      "--article-memory <mb>",
      "memory cap of one article's worker, in MB (default 1024); one past it is reported and left out. Without it, a build of at most 8 articles to read reads them in its own thread (faster; time budget kept, no cap of their own)",
      positiveInt("--article-memory"),
    )
    .option("--published <YYYY-MM-DD>", "publication date of every article read, over their pages and NAME.meta.json sidecars", publishedDate)
    .action(async (paths: string[], opts: StoreFlags & { online: boolean; jobs?: number; articleTimeout: number; articleMemory?: number; published?: string; shard?: string }) => {
      const inputs = paths.length ? paths : [DEFAULT_ARTICLES_DIR];
      // Loaded here, not at the top: the other commands need not load the extractor.
      const { buildGraph } = await import("../pipeline/build.ts");
      const progress = progressReporter();
      const started = performance.now();
      const store = storeOf(opts);
      let result;
      try {
        result = await buildGraph({
          inputs, storeDir: store.cacheDir, store, shard: opts.shard, online: opts.online, onProgress: progress.update,
          jobs: opts.jobs, published: opts.published, articleTimeout: opts.articleTimeout, articleMemory: opts.articleMemory,
        });
      } finally {
        progress.stop();
      }
      for (const f of result.failed) console.error(`newsgraph: ${f.message}`);
      const seconds = (performance.now() - started) / 1000;
      const removed = result.removed.length ? `, ${result.removed.length} removed` : "";
      const unchanged = result.unchanged ? `, ${result.unchanged} unchanged` : "";
      console.log(
        `Built ${result.articles} article(s) into ${store.location} (${result.extracted} extracted, ${result.cached} from cache${unchanged}${removed}): ` +
          `${result.quads} quads, revision ${result.manifest.revision}, ${seconds.toFixed(1)} s; ${result.written.articles} article graph(s) written`,
      );
      if (result.failed.length) {
        console.error(`newsgraph: ${result.failed.length} file(s) failed; the other articles were built`);
        process.exitCode = 1;
      }
    });
}

function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number`);
    return n;
  };
}

function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number`);
    return n;
  };
}

/** --published: a real calendar day written YYYY-MM-DD. */
function publishedDate(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parseIsoDate(value) : undefined;
  if (!day) throw new InvalidArgumentError(`must be a date YYYY-MM-DD (e.g. 2024-03-05), got "${value}"`);
  return day;
}

/** A progress bar on a terminal (articles done/total, rate); nothing when stderr is not a TTY. */
function progressReporter(): { update: (p: BuildProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: "{phase} |{bar}| {value}/{total} articles | {rate} articles/s", stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let total = 0;
  let done = 0;
  let rate = "0.0";
  let active = false;
  return {
    update(p) {
      if (!active) {
        bar.start(Math.max(p.total, 1), 0, { phase: "extract", rate: "0.0" });
        active = true;
      }
      if (p.phase === "extract") {
        total = p.total;
        done = p.done;
        // The rate of reading and extracting articles; the later phases keep the last one.
        rate = (done / Math.max((performance.now() - started) / 1000, 0.001)).toFixed(1);
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { phase: p.phase.padEnd(8), rate });
    },
    stop() {
      if (active) bar.stop();
    },
  };
}
