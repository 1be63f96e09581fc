// The HTTP server: a thin layer that routes requests (routes.ts) to the protocol handlers,
// which hand every store access to the store backend (pool.ts). The main thread never
// evaluates a query.
//
// Slow or idle clients hold no store worker: a request reaches the store only once its body
// has fully arrived, a connection must send its first request's headers within
// `headersTimeoutMs` (and any later request's as well), the whole request
// within `requestTimeoutMs` (else 408), idle keep-alive connections close after 5 s, a
// connection with no traffic at all for longer than a query may take is closed, and at most
// `maxConnections` connections are open at once (more are closed as they arrive).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { availableParallelism } from "node:os";
import type { QueryBackend } from "./backend.ts";
import { CORS_HEADERS, HttpError, send, sendError } from "./http.ts";
import { StorePool } from "./pool.ts";
import { findRoute, notFound } from "./routes.ts";
import { warmUp } from "./ui/routes.ts";

export interface ServeOptions {
  storeDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Time limit of one query (or other store task), in seconds, from its arrival. */
  timeoutSeconds: number;
  /** Turns on /update and graph store writes, for requests bearing it. */
  updateToken?: string;
  /** Folder of example queries (*.rq) for the query page. */
  queriesDir: string;
  /** Most copies of the store at once (each a worker thread): the most queries evaluated at once. */
  threads: number;
  maxQueue: number;
  maxResultBytes: number;
  maxQueryBytes: number;
  maxUploadBytes: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
  /** A request's headers must arrive within this. */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** One line per request; console.log by default. */
  log: (line: string) => void;
  /** The store to serve instead of the embedded one (a remote SPARQL store). */
  backend?: QueryBackend;
}

export const DEFAULTS = {
  host: "127.0.0.1",
  port: 7878,
  timeoutSeconds: 10,
  queriesDir: "queries",
  // At least two, so one long query never holds up everyone. Copies beyond the first start only
  // when queries wait, and stop when idle (pool.ts).
  threads: Math.max(2, Math.min(4, availableParallelism())),
  maxQueue: 32,
  maxResultBytes: 64 * 1024 * 1024,
  maxQueryBytes: 1024 * 1024,
  maxUploadBytes: 64 * 1024 * 1024,
  maxConnections: 4096,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  log: (line: string) => console.log(line),
} satisfies Omit<ServeOptions, "storeDir">;

export interface ServerContext {
  options: ServeOptions;
  /** The store (see backend.ts). */
  pool: QueryBackend;
  /** e.g. http://127.0.0.1:7878/ */
  baseUrl: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Requests being answered right now. */
  readonly activeRequests: number;
  /** Resolves once the store is loaded and answers; rejects when it cannot be loaded. */
  ready: Promise<{ size: number }>;
  /**
   * Resolves once the search index is built: at once from the catalogue an earlier start saved for
   * this revision, else by queries once the store has loaded (they run through the pool, so they
   * hold a copy and queue places until then); never rejects.
   */
  indexed: Promise<void>;
  /** Stops accepting requests, lets running ones finish (up to the query time limit), stops the workers. */
  close(): Promise<void>;
}

/**
 * Starts serving as soon as the store's manifest has been checked: the query page and static
 * files answer at once, and store requests that arrive while the store loads wait for it
 * (within their time limit). Throws for a directory that holds no readable store.
 */
export async function startServer(partial: Partial<ServeOptions> & { storeDir: string }): Promise<RunningServer> {
  const options: ServeOptions = { ...DEFAULTS, ...partial };
  const pool =
    options.backend ??
    new StorePool({
      storeDir: options.storeDir,
      threads: options.threads,
      maxQueue: options.maxQueue,
      timeoutMs: options.timeoutSeconds * 1000,
      maxResultBytes: options.maxResultBytes,
      onEvent: options.log,
    });
  try {
    await pool.start();
  } catch (e) {
    await pool.close();
    throw new Error(`cannot serve ${options.storeDir}: ${(e as Error).message}`);
  }
  const ready = pool.ready();
  ready.catch(() => undefined); // the caller decides what a failed load means

  const ctx: ServerContext = { options, pool, baseUrl: "" };
  // The search index: at once from a catalogue saved by an earlier start, else once the store has loaded.
  const indexed = warmUp(ctx, ready).catch(() => undefined);
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  const server = createServer({ connectionsCheckingInterval: 1000, headersTimeout: options.headersTimeoutMs, requestTimeout: options.requestTimeoutMs }, (req, res) => {
    const started = performance.now();
    inFlight += 1;
    res.on("close", () => {
      // The path only: query strings may hold anything a client sent.
      const path = (req.url ?? "").split("?")[0].slice(0, 200);
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
      // Never the request's headers (the update token) nor its text: the error's own message.
      if (!(error instanceof HttpError)) options.log(`error: ${req.method} ${(req.url ?? "").split("?")[0].slice(0, 200)}: ${(error as Error)?.stack ?? String(error)}`);
      sendError(res, error);
    });
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket, options));
  // Node's header timeout starts with the first byte: a connection that never sends one is closed here.
  server.on("connection", (socket: Socket) => {
    const silent = setTimeout(() => socket.bytesRead === 0 && socket.destroy(), options.headersTimeoutMs);
    silent.unref();
    socket.once("close", () => clearTimeout(silent));
  });
  server.maxConnections = options.maxConnections;
  server.keepAliveTimeout = 5_000;
  // No traffic at all on a connection for longer than any request may take: close it.
  server.timeout = Math.max(options.timeoutSeconds * 1000, options.requestTimeoutMs) + 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === "EADDRINUSE" ? `port ${options.port} on ${options.host} is already in use` : e.message)),
    );
    // A deep accept queue: a burst of connections waits to be accepted instead of being dropped by the kernel.
    server.listen({ port: options.port, host: options.host, backlog: 4096 }, resolve);
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
    ready,
    indexed,
    close,
    get activeRequests() {
      return inFlight;
    },
  };
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: ServerContext): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    throw new HttpError(400, "The request target is not a valid URL.");
  }
  if (req.method === "OPTIONS") return send(res, 204, ""); // CORS preflight: the headers say it all
  const found = findRoute(url.pathname);
  if (!found) throw notFound(url.pathname);
  return found.handle(req, res, url, ctx);
}

/**
 * A request Node's HTTP parser refused or gave up on (malformed, headers too large, too slow):
 * answered with a status and one plain line, as every other error, then the connection closes.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket, options: ServeOptions): void {
  if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
  const [status, reason, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "The request's headers (or its URL) are larger than this server accepts. Send long queries with POST."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", `The request did not arrive in full within ${options.requestTimeoutMs / 1000} s (headers within ${options.headersTimeoutMs / 1000} s).`]
        : [400, "Bad Request", `Malformed HTTP request (${error.code ?? "parse error"}).`];
  const body = Buffer.from(message + "\n");
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
}
