import type { Command } from "commander";

export function register(program: Command): void {
  program.command("query").description("(not implemented yet)").action(() => {
    throw new Error("'query' is not implemented yet");
  });
}
