// `newsgraph export [--store DIR] [--format turtle|trig|nquads|ntriples|jsonld|rdfxml] [--graph IRI] [--out FILE]`
import { rename, writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import { DEFAULT_STORE_DIR, loadStore } from "../store/index.ts";
import { EXPORT_FORMATS, exportStore, type ExportFormat } from "../store/export.ts";

export function register(program: Command): void {
  program
    .command("export")
    .description("write the graph (or one named graph) in a standard RDF format")
    .option("--store <dir>", "store directory", DEFAULT_STORE_DIR)
    .addOption(new Option("--format <format>", "RDF format (turtle and ntriples merge the named graphs)").choices(EXPORT_FORMATS).default("nquads"))
    .option("--graph <iri>", "only this named graph, e.g. https://w3id.org/newsgraph/resource/graph/entities")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (opts: { store: string; format: ExportFormat; graph?: string; out?: string }) => {
      const { store } = await loadStore(opts.store);
      const text = await exportStore(store, { format: opts.format, graph: opts.graph });
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      const tmp = `${opts.out}.${process.pid}.tmp`;
      await writeFile(tmp, text).catch((e: NodeJS.ErrnoException) => {
        throw new Error(`--out ${opts.out}: cannot write (${e.code ?? e.message})`);
      });
      await rename(tmp, opts.out);
    });
}
