// `newsgraph export [--store DIR] [--format turtle|trig|nquads|ntriples|jsonld|rdfxml] [--graph IRI] [--out FILE]`
import { replaceFile } from "../replace-file.ts";
import { type Command, Option } from "commander";
import { loadStore } from "../store/index.ts";
import { addStoreOptions, isRemote, storeOf, type StoreFlags } from "./store-options.ts";
import { EXPORT_FORMATS, exportStore, type ExportFormat } from "../store/export.ts";
import { NETWORK_FORMATS, type NetworkFormat } from "../store/network-export.ts";
import { exportNetwork } from "./export-network.ts";

export function register(program: Command): void {
  addStoreOptions(
    program
      .command("export")
      .description("write the graph (or one named graph) in a standard RDF format, or its network of entities (graphml, gexf, csv)"),
  )
    .addOption(new Option("--format <format>", "RDF format (turtle and ntriples merge the named graphs), or a network format (csv needs --out DIR)").choices([...EXPORT_FORMATS, ...NETWORK_FORMATS]).default("nquads"))
    .option("--graph <iri>", "only this named graph, e.g. https://w3id.org/newsgraph/resource/graph/entities")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--from <date>", "network formats: facts and articles from this date (YYYY-MM-DD)")
    .option("--to <date>", "network formats: facts and articles up to this date (YYYY-MM-DD)")
    .option("--types <list>", "network formats: entity types, e.g. person,organisation,country,place")
    .option("--publisher <name...>", "network formats: only articles of these publishers")
    .action(async (opts: StoreFlags & { format: ExportFormat | NetworkFormat; graph?: string; out?: string; from?: string; to?: string; types?: string; publisher?: string[] }) => {
      if ((NETWORK_FORMATS as readonly string[]).includes(opts.format)) return exportNetwork({ ...opts, format: opts.format as NetworkFormat });
      // A remote store: every graph the manifest names, fetched into memory and written as for the embedded store.
      const { store } = isRemote(opts) ? await storeOf(opts).load() : await loadStore(opts.store);
      const text = await exportStore(store, { format: opts.format as ExportFormat, graph: opts.graph });
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      await replaceFile(opts.out, text).catch((e: NodeJS.ErrnoException) => {
        throw new Error(`--out ${opts.out}: cannot write (${e.code ?? e.message})`);
      });
    });
}
