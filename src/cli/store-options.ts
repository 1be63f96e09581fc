// The options that say where the store is, for every command that reads or writes it:
//   --store DIR | URL          a folder (the embedded store), or the SPARQL 1.1 query endpoint of a remote store
//   --update-url URL           the remote store's update endpoint (default: the query endpoint)
//   --graph-store-url URL      its Graph Store Protocol endpoint (default: none; graphs are written with updates)
// Credentials for a remote store come from the environment only (see src/store/remote-endpoint.ts).
import type { Command } from "commander";
import { DEFAULT_STORE_DIR, openStore, type GraphStore } from "../store/index.ts";
import { isRemoteLocation, STORE_PASSWORD_ENV, STORE_TOKEN_ENV, STORE_USER_ENV } from "../store/remote-endpoint.ts";
import type { RemoteStore } from "../store/remote.ts";

export interface StoreFlags {
  store: string;
  updateUrl?: string;
  graphStoreUrl?: string;
  /** build: local folder for a remote store's caches. */
  cache?: string;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option("--store <dir|url>", `store directory, or the SPARQL 1.1 endpoint of a remote store (http:// or https://; credentials from ${STORE_USER_ENV}/${STORE_PASSWORD_ENV} or ${STORE_TOKEN_ENV})`, DEFAULT_STORE_DIR)
    .option("--update-url <url>", "remote store: its SPARQL 1.1 Update endpoint (default: the --store URL)")
    .option("--graph-store-url <url>", "remote store: its Graph Store Protocol endpoint, used to write article graphs (default: SPARQL Update)");
}

export const isRemote = (flags: StoreFlags): boolean => isRemoteLocation(flags.store);

export function storeOf(flags: StoreFlags): GraphStore {
  return openStore(flags.store, { updateUrl: flags.updateUrl, graphStoreUrl: flags.graphStoreUrl, cacheDir: flags.cache });
}

/** The remote store the flags name (call only when isRemote(flags)). */
export const remoteStoreOf = (flags: StoreFlags): RemoteStore => storeOf(flags) as unknown as RemoteStore;
