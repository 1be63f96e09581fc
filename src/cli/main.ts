// Entry point of the `newsgraph` command: one file per command, each exporting `register`.
import { Command } from "commander";

/** Each command's module, loaded only when that command runs (or for the full help). */
const COMMANDS: Record<string, () => Promise<{ register: (program: Command) => void }>> = {
  build: () => import("./build.ts"),
  export: () => import("./export.ts"),
  query: () => import("./query.ts"),
  validate: () => import("./validate.ts"),
  serve: () => import("./serve.ts"),
  start: () => import("./start.ts"),
  link: () => import("./link.ts"),
  eval: () => import("./eval.ts"),
};

export async function main(argv: string[]): Promise<void> {
  const program = new Command("newsgraph")
    .description("Build, query and serve a knowledge graph of news articles")
    .showHelpAfterError();
  // Loading every command's modules costs seconds (the store engine, the extractor, the SPARQL
  // engine): a known command loads its own; help and mistakes load all, so both list every command.
  const named = argv.slice(2).find((a) => !a.startsWith("-"));
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const m of await Promise.all(wanted.map((name) => COMMANDS[name]()))) m.register(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    // Commands throw UsageError/Error with a message naming the file or parameter: no stack traces.
    console.error(`newsgraph: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = process.exitCode || 1;
  }
}
