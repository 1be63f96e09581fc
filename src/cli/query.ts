// `newsgraph query (NAME | FILE.rq | --query TEXT) [--store DIR] [--format table|json|csv|tsv] [--federate URL ...]`
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { type Command, Option } from "commander";
import { loadStore } from "../store/index.ts";
import { addStoreOptions, isRemote, remoteStoreOf, type StoreFlags } from "./store-options.ts";
import { QUERY_FORMATS, QueryError, runQuery, type QueryFormat } from "../store/query.ts";

/** The project's ready-made queries: queries/NAME.rq. */
export const QUERIES_DIR = fileURLToPath(new URL("../../queries/", import.meta.url));

export function register(program: Command): void {
  addStoreOptions(
    program
      .command("query")
      .description("run SPARQL on the store: a query NAME from queries/, a FILE.rq, or --query TEXT")
      .argument("[name-or-file]", "NAME (queries/NAME.rq) or a path to a .rq file")
      .option("--query <text>", "the SPARQL query text"),
  )
    .addOption(new Option("--format <format>", "output format").choices(QUERY_FORMATS).default("table"))
    .option("--federate [url...]", "query the store together with remote SPARQL endpoints (default: Wikidata's query service), with Comunica")
    .action(async (nameOrFile: string | undefined, opts: StoreFlags & { query?: string; format: QueryFormat; federate?: string[] | true }) => {
      const { text, source } = await queryText(nameOrFile, opts.query);
      if (isRemote(opts)) {
        if (opts.federate) throw new Error("--federate runs on the embedded store; on a remote store, put SERVICE clauses in the query (the store runs them)");
        const { runRemoteQuery } = await import("../store/remote-query.ts");
        try {
          process.stdout.write(await runRemoteQuery(remoteStoreOf(opts).endpoint, text, opts.format));
        } catch (e) {
          if (e instanceof QueryError) throw new Error(`${source}: ${e.message}`);
          throw e;
        }
        return;
      }
      const { store } = await loadStore(opts.store);
      if (opts.federate) {
        const { federatedQuery } = await import("../link/federate.ts");
        const endpoints = opts.federate === true ? [] : opts.federate; // none named: federate.ts's default
        const answer = await federatedQuery({ store, query: text, endpoints, format: opts.format });
        process.stdout.write(answer);
        return;
      }
      try {
        process.stdout.write(runQuery(store, text, opts.format));
      } catch (e) {
        if (e instanceof QueryError) throw new Error(`${source}: ${e.message}`);
        throw e;
      }
    });
}

async function queryText(nameOrFile: string | undefined, inline: string | undefined): Promise<{ text: string; source: string }> {
  if (inline !== undefined && nameOrFile !== undefined) throw new Error("give a query NAME/FILE or --query, not both");
  if (inline !== undefined) return { text: inline, source: "--query" };
  if (nameOrFile === undefined) throw new Error("no query: give a NAME from queries/, a FILE.rq, or --query TEXT");
  const named = join(QUERIES_DIR, `${nameOrFile}.rq`);
  const path = /[\\/]|\.rq$/.test(nameOrFile) || !existsSync(named) ? nameOrFile : named;
  const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw new Error(e.code === "ENOENT" ? `${nameOrFile}: no such query file (nor queries/${nameOrFile}.rq)` : `${path}: cannot read (${e.code})`);
  });
  return { text, source: path };
}
