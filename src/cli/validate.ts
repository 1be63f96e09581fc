// `newsgraph validate [--store DIR]`: the SHACL report of the stored graph; exit 1 on violations.
import type { Command } from "commander";
import { formatReport } from "../graph/index.ts";
import { validateStore } from "../pipeline/validate.ts";
import { addStoreOptions, isRemote, remoteStoreOf, type StoreFlags } from "./store-options.ts";

export function register(program: Command): void {
  addStoreOptions(program.command("validate").description("check the stored graph against the SHACL shapes (ontology/shapes.ttl)"))
    .action(async (opts: StoreFlags) => {
      const report = isRemote(opts)
        ? await (await import("../store/remote-validate.ts")).validateRemoteStore(remoteStoreOf(opts))
        : await validateStore(opts.store);
      if (report.conforms) {
        console.log(formatReport(report));
      } else {
        console.error(formatReport(report));
        process.exitCode = 1;
      }
    });
}
