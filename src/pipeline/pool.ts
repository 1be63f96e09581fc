// The build's worker threads: each article is read and extracted (and later mapped and validated)
// in a worker, under a time budget and a memory cap. An article past either is stopped by
// terminating its worker (a fresh one takes its place) and reported; the others go on.
import type { Worker } from "node:worker_threads";
import { buildWorker, takeEarlyWorker } from "./build-worker.mjs";
import type { ExtractTask, Extracted, GraphResult, GraphTask } from "./article-task.ts";

export interface PoolOptions {
  /** Worker threads. */
  size: number;
  /** Time budget of one task, from the moment a worker starts it. */
  timeoutMs: number;
  /** Heap cap of a worker (V8 old generation), in MB. */
  memoryMb: number;
  /** Names the bundled task module the workers load (task-bundle.mjs taskBundleKey; see article-worker.mjs). */
  bundleKey: string;
}

/** Why an article was stopped: it ran past its budget or its memory cap, or its worker died. */
export class BudgetError extends Error {}

/** What a build hands its articles to: worker threads (ArticlePool) or its own thread (in-thread.ts). */
export interface ArticleRunner {
  extract(task: ExtractTask): Promise<Extracted>;
  graph(task: GraphTask): Promise<GraphResult>;
  close(): Promise<void>;
}

export const budgetMessage = (timeoutMs: number): string => `stopped after its budget of ${timeoutMs / 1000} s (--article-timeout)`;

type Kind = "extractArticle" | "graphArticle";
interface Job {
  kind: Kind;
  input: unknown;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job & { id: number; timer?: NodeJS.Timeout };
}

export class ArticlePool implements ArticleRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  extract(task: ExtractTask): Promise<Extracted> {
    return this.run("extractArticle", task) as Promise<Extracted>;
  }

  graph(task: GraphTask): Promise<GraphResult> {
    return this.run("graphArticle", task) as Promise<GraphResult>;
  }

  /**
   * Starts one worker before there is work (it loads the extractor meanwhile), so that a build
   * that will read an article finds a ready worker once it knows which.
   */
  prestart(): void {
    if (!this.closed && !this.slots.length) this.spawn();
  }

  private run(kind: Kind, input: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts workers up to the pool's size while there is work; gives queued work to ready idle workers. */
  private dispatch(): void {
    if (this.closed) return;
    while (this.slots.length < this.options.size && this.slots.length < this.queue.length + this.busy()) this.spawn();
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || !this.queue.length) continue;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      slot.job = { ...job, id };
      slot.job.timer = setTimeout(() => this.stop(slot, new BudgetError(budgetMessage(this.options.timeoutMs))), this.options.timeoutMs);
      slot.worker.postMessage({ id, kind: job.kind, input: job.input });
    }
  }

  private busy(): number {
    return this.slots.filter((s) => s.job).length;
  }

  private spawn(): void {
    const options = { bundleKey: this.options.bundleKey, memoryMb: this.options.memoryMb };
    // the first worker may be the one the CLI started at its start (build-worker.mjs), already loading or ready
    const early = this.slots.length ? undefined : takeEarlyWorker(options);
    const worker = early?.worker ?? buildWorker(options);
    const slot: Slot = { worker, ready: early?.ready ?? false };
    this.slots.push(slot);
    worker.on("message", (msg: { ready?: true; id?: number; ok?: boolean; value?: unknown; message?: string }) => {
      if (msg.ready) {
        slot.ready = true;
        return this.dispatch();
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      clearTimeout(job.timer);
      slot.job = undefined;
      if (msg.ok) job.resolve(msg.value);
      else job.reject(new Error(msg.message));
      this.dispatch();
    });
    worker.on("error", (e: Error & { code?: string }) => {
      const reason = e.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? `stopped: it needed more than the memory cap of ${this.options.memoryMb} MB (--article-memory)`
        : `its worker failed (${e.message})`;
      this.stop(slot, new BudgetError(reason));
    });
    worker.on("exit", () => {
      if (this.slots.includes(slot)) this.stop(slot, new BudgetError("its worker stopped unexpectedly"));
    });
  }

  /** Ends a slot's worker, fails its job, and lets a fresh worker take the queue. */
  private stop(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    // A worker that dies before it is ready would die again in its place (a memory cap too small
    // for the extractor's model and lexicons): fail the queued work instead of respawning forever.
    if (!slot.ready) return this.failStart(error);
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    void slot.worker.terminate();
    this.dispatch();
  }

  private failStart(cause: Error): void {
    const reason = cause.message.includes("--article-memory")
      ? `no build worker could start within the memory cap of ${this.options.memoryMb} MB (--article-memory): the extractor needs more`
      : `no build worker could start (${cause.message})`;
    for (const job of this.queue.splice(0)) job.reject(new BudgetError(reason));
    void this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the build stopped"));
    const slots = this.slots.splice(0);
    for (const s of slots) {
      if (s.job) clearTimeout(s.job.timer);
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
