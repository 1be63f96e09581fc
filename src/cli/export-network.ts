// `newsgraph export --format graphml|gexf|csv`: the network of entities (see store/network.ts)
// for Gephi, Cytoscape desktop, yEd, networkx or a spreadsheet. CSV is two tables, so it needs
// --out DIR (nodes.csv and edges.csv are written there).
import { mkdir } from "node:fs/promises";
import { replaceFile } from "../replace-file.ts";
import { join } from "node:path";
import { loadStore } from "../store/index.ts";
import { buildNetwork, loadEntities, type EntityType, type NetworkFilters } from "../store/network.ts";
import { networkToCsv, networkToGexf, networkToGraphml, type NetworkFormat } from "../store/network-export.ts";
import { storeSelect } from "../store/select.ts";
import { remoteSelect } from "../store/remote-query.ts";
import { isRemote, remoteStoreOf, type StoreFlags } from "./store-options.ts";

export interface NetworkExportOptions extends StoreFlags {
  format: NetworkFormat;
  out?: string;
  from?: string;
  to?: string;
  types?: string;
  publisher?: string[];
}

export async function exportNetwork(opts: NetworkExportOptions): Promise<void> {
  if (opts.format === "csv" && !opts.out) throw new Error("--format csv writes two tables (nodes.csv, edges.csv): give --out DIR");
  const filters: NetworkFilters = {
    from: opts.from,
    to: opts.to,
    types: opts.types ? (opts.types.split(",").map((t) => t.trim()).filter(Boolean) as EntityType[]) : undefined,
    publishers: opts.publisher?.length ? opts.publisher : undefined,
  };
  const select = isRemote(opts) ? remoteSelect(remoteStoreOf(opts).endpoint) : storeSelect((await loadStore(opts.store)).store);
  let network;
  try {
    network = await buildNetwork(select, await loadEntities(select), filters);
  } catch (e) {
    throw new Error(`export: ${(e as Error).message}`);
  }
  if (opts.format === "csv") {
    const { nodes, edges } = networkToCsv(network);
    await mkdir(opts.out!, { recursive: true });
    await writeAtomically(join(opts.out!, "nodes.csv"), nodes);
    await writeAtomically(join(opts.out!, "edges.csv"), edges);
    return;
  }
  const text = opts.format === "graphml" ? networkToGraphml(network) : networkToGexf(network);
  if (opts.out) await writeAtomically(opts.out, text);
  else process.stdout.write(text);
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await replaceFile(file, text).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`--out ${file}: cannot write (${e.code ?? e.message})`);
  });
}
