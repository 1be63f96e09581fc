// `newsgraph validate [--store DIR]`: the SHACL report of the stored graph; exit 1 on violations.
import type { Command } from "commander";
import { formatReport } from "../graph/index.ts";
import { validateStore } from "../pipeline/validate.ts";
import { DEFAULT_STORE_DIR } from "../store/index.ts";

export function register(program: Command): void {
  program
    .command("validate")
    .description("check the stored graph against the SHACL shapes (ontology/shapes.ttl)")
    .option("--store <dir>", "store directory", DEFAULT_STORE_DIR)
    .action(async (opts: { store: string }) => {
      const report = await validateStore(opts.store);
      if (report.conforms) {
        console.log(formatReport(report));
      } else {
        console.error(formatReport(report));
        process.exitCode = 1;
      }
    });
}
