import type { Command } from "commander";

export function register(program: Command): void {
  program.command("build").description("(not implemented yet)").action(() => {
    throw new Error("'build' is not implemented yet");
  });
}
