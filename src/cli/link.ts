import type { Command } from "commander";

export function register(program: Command): void {
  program.command("link").description("(not implemented yet)").action(() => {
    throw new Error("'link' is not implemented yet");
  });
}
