// `newsgraph serve`: the SPARQL endpoint, query page and linked-data pages over a store.
import { InvalidArgumentError, type Command } from "commander";
import { addStoreOptions, isRemote, remoteStoreOf, type StoreFlags } from "./store-options.ts";
import { DEFAULTS, startServer, type ServeOptions } from "../serve/server.ts";

export const UPDATE_TOKEN_ENV = "NEWSGRAPH_UPDATE_TOKEN";

const positiveNumber = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${what} must be a positive number.`);
  return n;
};
const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("port must be an integer from 0 to 65535.");
  return n;
};
const count = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1.");
  return n;
};

/** The serve options every serving command takes (serve, start). */
export function addServeOptions(command: Command): Command {
  return addStoreOptions(command)
    .option("--host <host>", "address to listen on", DEFAULTS.host)
    .option("--port <port>", "port to listen on (0: any free port)", port, DEFAULTS.port)
    .option("--timeout <seconds>", "time limit of one query", positiveNumber("timeout"), DEFAULTS.timeoutSeconds)
    .option("--update-token <token>", `turn on updates for requests with 'Authorization: Bearer <token>' (or set ${UPDATE_TOKEN_ENV})`)
    .option("--threads <n>", `most queries evaluated at once: each needs a worker thread with its own copy of the store, started only when queries wait (a remote store: requests to it at once, default ${REMOTE_CONCURRENCY})`, count)
    .option("--max-queue <n>", "queries that may wait for a worker before 429", count, DEFAULTS.maxQueue)
    .option("--queries <dir>", "example queries for the query page", DEFAULTS.queriesDir);
}

/** Requests a proxy sends to a remote store at once, unless --threads says. */
const REMOTE_CONCURRENCY = 16;

interface ServeFlags extends StoreFlags {
  host: string;
  port: number;
  timeout: number;
  updateToken?: string;
  threads?: number;
  maxQueue: number;
  queries: string;
}

/** Serves until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serveUntilStopped(flags: ServeFlags): Promise<void> {
  const options: Partial<ServeOptions> & { storeDir: string } = {
    storeDir: isRemote(flags) ? remoteStoreOf(flags).location : flags.store,
    host: flags.host,
    port: flags.port,
    timeoutSeconds: flags.timeout,
    updateToken: flags.updateToken ?? (process.env[UPDATE_TOKEN_ENV] || undefined),
    threads: flags.threads ?? DEFAULTS.threads,
    maxQueue: flags.maxQueue,
    queriesDir: flags.queries,
  };
  if (isRemote(flags)) {
    // A proxy in front of the remote store: our pages, limits and time limits; the store evaluates.
    const { RemoteBackend } = await import("../serve/remote-backend.ts");
    options.backend = new RemoteBackend({
      store: remoteStoreOf(flags),
      concurrency: flags.threads ?? REMOTE_CONCURRENCY,
      maxQueue: flags.maxQueue,
      timeoutMs: flags.timeout * 1000,
      maxResultBytes: DEFAULTS.maxResultBytes,
      onEvent: (line) => console.log(`newsgraph: ${line}`),
    });
  }
  const started = performance.now();
  let stopping = false;
  const server = await startServer(options);
  console.log(`newsgraph: serving ${isRemote(flags) ? remoteStoreOf(flags).location : flags.store} at ${server.url} (SPARQL endpoint ${server.url}sparql; updates ${options.updateToken ? "on, with the token" : "off"})`);
  server.ready.then(
    ({ size }) => console.log(`newsgraph: store loaded: ${size} quads, ready ${((performance.now() - started) / 1000).toFixed(1)} s after start`),
    async (e: Error) => {
      if (stopping) return;
      console.error(`newsgraph: cannot serve ${options.storeDir}: ${e.message}`);
      await server.close();
      process.exit(1);
    },
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      stopping = true;
      console.log(`newsgraph: ${signal}: finishing running requests, then stopping`);
      server.close().then(resolve, resolve);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}

export function register(program: Command): void {
  addServeOptions(program.command("serve").description("Serve the store over SPARQL 1.1 with a query page and linked-data pages"))
    .action(async (flags: ServeFlags) => serveUntilStopped(flags));
}
