// The HTTP server: a thin layer that routes requests to the protocol handlers, which hand
// every store access to the worker pool. The main thread never evaluates a query.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { handleAsset, isAsset } from "./assets.ts";
import { listExamples } from "./examples.ts";
import { handleGraphStore } from "./graph-store.ts";
import { CORS_HEADERS, HttpError, methodNotAllowed, send, sendError } from "./http.ts";
import { queryPage } from "./pages.ts";
import { StorePool } from "./pool.ts";
import { RESOURCE_PATH, handleResource } from "./resources.ts";
import { handleSparql, handleUpdate } from "./sparql.ts";
import { handleUi, isUiPath, warmUp } from "./ui/routes.ts";

export interface ServeOptions {
  storeDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Time limit of one query (or other store task), in seconds. */
  timeoutSeconds: number;
  /** Turns on /update and graph store writes, for requests bearing it. */
  updateToken?: string;
  /** Folder of example queries (*.rq) for the query page. */
  queriesDir: string;
  threads: number;
  maxQueue: number;
  maxResultBytes: number;
  maxQueryBytes: number;
  maxUploadBytes: number;
  /** One line per request; console.log by default. */
  log: (line: string) => void;
}

export const DEFAULTS = {
  host: "127.0.0.1",
  port: 7878,
  timeoutSeconds: 10,
  queriesDir: "queries",
  // At least two, so one long query never holds up everyone; each holds a copy of the store.
  threads: Math.max(2, Math.min(4, availableParallelism())),
  maxQueue: 32,
  maxResultBytes: 64 * 1024 * 1024,
  maxQueryBytes: 1024 * 1024,
  maxUploadBytes: 64 * 1024 * 1024,
  log: (line: string) => console.log(line),
} satisfies Omit<ServeOptions, "storeDir">;

export interface ServerContext {
  options: ServeOptions;
  pool: StorePool;
  /** e.g. http://127.0.0.1:7878/ */
  baseUrl: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Requests being answered right now. */
  readonly activeRequests: number;
  /** Stops accepting requests, lets running ones finish (up to the query time limit), stops the workers. */
  close(): Promise<void>;
}

export async function startServer(partial: Partial<ServeOptions> & { storeDir: string }): Promise<RunningServer> {
  const options: ServeOptions = { ...DEFAULTS, ...partial };
  const pool = new StorePool({
    storeDir: options.storeDir,
    threads: options.threads,
    maxQueue: options.maxQueue,
    timeoutMs: options.timeoutSeconds * 1000,
    maxResultBytes: options.maxResultBytes,
  });
  try {
    await pool.start();
  } catch (e) {
    await pool.close();
    throw new Error(`cannot serve ${options.storeDir}: ${(e as Error).message}`);
  }

  const ctx: ServerContext = { options, pool, baseUrl: "" };
  await warmUp(ctx); // the search index of the store just loaded
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  const server = createServer((req, res) => {
    const started = performance.now();
    inFlight += 1;
    res.on("close", () => {
      const path = (req.url ?? "").split("?")[0];
      options.log(`${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (closing) {
      res.setHeader("Connection", "close");
      return sendError(res, new HttpError(503, "The server is shutting down."));
    }
    route(req, res, ctx).catch((error: unknown) => {
      if (!(error instanceof HttpError)) options.log(`error: ${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}`);
      sendError(res, error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === "EADDRINUSE" ? `port ${options.port} on ${options.host} is already in use` : e.message)),
    );
    server.listen(options.port, options.host, resolve);
  }).catch(async (e) => {
    await pool.close();
    throw e;
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  ctx.baseUrl = `http://${host}:${port}/`;

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      // Running requests get as long as a query may take, then their connections are cut.
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, options.timeoutSeconds * 1000 + 1000).unref();
      });
    }
    server.closeAllConnections();
    await stopped;
    await pool.close();
  }

  return {
    url: ctx.baseUrl,
    port,
    close,
    get activeRequests() {
      return inFlight;
    },
  };
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: ServerContext): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;
  if (req.method === "OPTIONS") return send(res, 204, ""); // CORS preflight: the headers say it all
  if (path === "/sparql") return handleSparql(req, res, url, ctx);
  if (path === "/update") return handleUpdate(req, res, url, ctx);
  if (path === "/store") return handleGraphStore(req, res, url, ctx);
  if (path.startsWith(RESOURCE_PATH)) return handleResource(req, res, url, ctx);
  if (isUiPath(path)) return handleUi(req, res, url, ctx);
  if (isAsset(path)) return handleAsset(req, res, path);
  if (path === "/" || path === "/index.html") {
    if (req.method !== "GET" && req.method !== "HEAD") throw methodNotAllowed(["GET"]);
    const page = queryPage(await listExamples(ctx.options.queriesDir));
    return send(res, 200, page, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" });
  }
  throw new HttpError(404, `Nothing at ${path}. Try / (query page), /sparql, /store or /resource/…`);
}
