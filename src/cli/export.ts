import type { Command } from "commander";

export function register(program: Command): void {
  program.command("export").description("(not implemented yet)").action(() => {
    throw new Error("'export' is not implemented yet");
  });
}
