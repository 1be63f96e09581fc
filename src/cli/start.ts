import type { Command } from "commander";

export function register(program: Command): void {
  program.command("start").description("(not implemented yet)").action(() => {
    throw new Error("'start' is not implemented yet");
  });
}
