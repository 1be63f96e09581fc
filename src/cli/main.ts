// Entry point of the `newsgraph` command: one file per command, each exporting `register`.
import { Command } from "commander";
import { register as build } from "./build.ts";
import { register as exportCmd } from "./export.ts";
import { register as query } from "./query.ts";
import { register as validate } from "./validate.ts";
import { register as serve } from "./serve.ts";
import { register as start } from "./start.ts";
import { register as link } from "./link.ts";
import { register as evalCmd } from "./eval.ts";

export async function main(argv: string[]): Promise<void> {
  const program = new Command("newsgraph")
    .description("Build, query and serve a knowledge graph of news articles")
    .showHelpAfterError();
  for (const add of [build, exportCmd, query, validate, serve, start, link, evalCmd]) add(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    // Commands throw UsageError/Error with a message naming the file or parameter: no stack traces.
    console.error(`newsgraph: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = process.exitCode || 1;
  }
}
