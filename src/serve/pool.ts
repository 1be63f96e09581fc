// The pool of store workers (piscina). It bounds how many tasks run at once and how many
// wait, stops a task that runs past the time limit by terminating its worker (piscina then
// starts a fresh one), and keeps every worker's copy of the store in step with writes.
import { watchFile, unwatchFile } from "node:fs";
import { Piscina } from "piscina";
import { readManifest, storeFile } from "../store/index.ts";
import { HttpError } from "./http-error.ts";
import type { Envelope, Reply, Task } from "./tasks.ts";
import type { WorkerOptions } from "./worker.ts";

/** Loading a large store may take longer than a query may. */
const LOAD_TIMEOUT_MS = 10 * 60_000;

export interface PoolOptions {
  storeDir: string;
  /** Worker threads, each with its own copy of the store: the number of tasks running at once. */
  threads: number;
  /** Tasks that may wait for a free worker; one more is refused (429). */
  maxQueue: number;
  /** Time limit of a task, from the moment it is submitted. */
  timeoutMs: number;
  maxResultBytes: number;
}


export class StorePool {
  /** The store revision every worker is brought to before it answers. */
  revision = "";
  private generation = 0;
  private readonly piscina: Piscina;
  private writes: Promise<unknown> = Promise.resolve();
  private watching = false;
  /** Tasks submitted and not settled: running plus waiting. (piscina's own maxQueue does not count tasks that carry an AbortSignal.) */
  private pending = 0;

  constructor(private readonly options: PoolOptions) {
    const workerData: WorkerOptions = { storeDir: options.storeDir, maxResultBytes: options.maxResultBytes };
    this.piscina = new Piscina({
      filename: new URL("./worker-entry.mjs", import.meta.url).href,
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: 2 ** 31 - 1, // workers hold the store: keep them
      workerData,
    });
  }

  /** Loads the store in a worker; fails with the store's own error message. */
  async start(): Promise<{ size: number }> {
    const reply = await this.submit({ kind: "status", reload: false }, undefined, LOAD_TIMEOUT_MS);
    this.revision = reply.revision;
    this.watchForRebuilds();
    return { size: reply.size ?? 0 };
  }

  /** Runs a read task; rejects with HttpError for a time-out, a full queue or a failed task. */
  async run(task: Task): Promise<Reply & { ok: true }> {
    return this.submit(task);
  }

  /** Runs writes one at a time; afterwards every worker reloads before its next task. */
  write(task: Task & { kind: "update" | "write-graph" }): Promise<Reply & { ok: true }> {
    const result = this.writes.then(async () => {
      try {
        const reply = await this.submit(task, this.generation + 1);
        this.revision = reply.revision;
        this.generation += 1;
        return reply;
      } catch (e) {
        // A write stopped half-way may or may not have reached the disk: ask the disk.
        if (!(e instanceof HttpError) || e.status >= 500) await this.resync().catch(() => undefined);
        throw e;
      }
    });
    this.writes = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (this.watching) unwatchFile(storeFile(this.options.storeDir));
    await this.piscina.destroy();
  }

  /** Re-reads the store from disk (after an outside rebuild or an interrupted write). */
  private async resync(): Promise<void> {
    const reply = await this.submit({ kind: "status", reload: true }, undefined, LOAD_TIMEOUT_MS);
    this.generation += 1;
    this.revision = reply.revision;
  }

  /** A `newsgraph build` into the served store is picked up without a restart. */
  private watchForRebuilds(): void {
    this.watching = true;
    watchFile(storeFile(this.options.storeDir), { interval: 2000, persistent: false }, (now, before) => {
      if (now.mtimeMs === before.mtimeMs) return;
      // Our own writes change the file too; only a revision we do not know means a rebuild.
      this.writes = this.writes
        .then(async () => {
          if ((await readManifest(this.options.storeDir))?.revision !== this.revision) await this.resync();
        })
        .catch(() => undefined);
    });
  }

  private async submit(task: Task, nextGeneration?: number, timeoutMs = this.options.timeoutMs): Promise<Reply & { ok: true }> {
    if (this.pending >= this.options.threads + this.options.maxQueue) throw this.queueFull();
    const envelope: Envelope = { ...task, revision: this.revision, generation: this.generation, nextGeneration };
    this.pending += 1;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let reply: Reply;
    try {
      reply = await this.piscina.run(envelope, { signal: controller.signal });
    } catch (e) {
      throw this.explain(e, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
      this.pending -= 1;
    }
    if (!reply.ok) throw new HttpError(reply.status, reply.message);
    return reply;
  }

  private explain(e: unknown, timedOut: boolean): HttpError {
    const seconds = this.options.timeoutMs / 1000;
    if (timedOut) {
      return new HttpError(503, `Query stopped: it did not finish within this server's time limit of ${seconds} s. Narrow it (more specific patterns, a LIMIT) and try again.`, { "Retry-After": "1" });
    }
    return new HttpError(500, `The store worker failed: ${e instanceof Error ? e.message : String(e)}`);
  }

  private queueFull(): HttpError {
    return new HttpError(429, `Too many queries at once: ${this.options.threads} running and ${this.options.maxQueue} waiting. Try again shortly.`, { "Retry-After": "1" });
  }
}
