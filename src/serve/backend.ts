// What the HTTP layer needs from a store: the embedded one (StorePool: Oxigraph copies in
// worker threads) implements it, and so can a remote SPARQL store. Every handler reaches the
// store through this interface only (`ctx.pool`).
import type { ReadTask, ReplyOk, WriteTask } from "./tasks.ts";

export interface BackendStatus {
  /** "loading" until the store can answer; "failed" when it cannot be loaded. */
  state: "loading" | "ready" | "failed";
  /** Changes whenever the data changes (ETags derive from it). */
  revision: string;
  quads: number;
  /** Anything else worth showing an operator at /health (copies, queue, memory...). */
  [detail: string]: unknown;
}

export interface QueryBackend {
  /** The revision reads are answered from right now. */
  readonly revision: string;
  /** Checks the store is usable and starts loading it; throws a clear error when it is not a store. */
  start(): Promise<void>;
  /** Resolves once the store answers; rejects with the reason it cannot. */
  ready(): Promise<{ size: number }>;
  /**
   * Runs a read (query, graph read, resource description or page). Rejects with an HttpError
   * (4xx for the request's own fault, 429 when too busy, 503 past the time limit or when the
   * store failed), never with anything else.
   */
  run(task: ReadTask): Promise<ReplyOk>;
  /** Runs a write, one at a time, durable when it resolves. Rejects as run() does. */
  write(task: WriteTask): Promise<ReplyOk>;
  status(): BackendStatus;
  close(): Promise<void>;
}
