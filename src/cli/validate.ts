import type { Command } from "commander";

export function register(program: Command): void {
  program.command("validate").description("(not implemented yet)").action(() => {
    throw new Error("'validate' is not implemented yet");
  });
}
