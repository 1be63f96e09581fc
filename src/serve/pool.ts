// The store workers ("copies"): each is a worker thread holding one copy of the store in an
// Oxigraph engine (worker.ts), evaluating one task at a time. This pool
//
// - bounds the work: at most `threads` copies evaluate at once, at most `maxQueue` tasks wait
//   (one more is refused with 429), and every task has a time limit from its arrival; a task
//   still running at its limit has its copy's thread ended (Oxigraph cannot be interrupted any
//   other way) and gets 503;
// - keeps memory flat: the copies never hold more than `memoryBudgetMb` together (at least
//   one copy, at most `threads`). A small store (a copy under 64 MB) gets all its copies at
//   start. A large one starts with one copy and adds another only when a task has waited for
//   a free copy for `growAfterMs`, so a quiet server holds one copy whatever `threads` says;
//   extra copies stop after `idleMs` without work, and a copy whose engine memory has
//   grown far past its size after loading (WebAssembly memory never shrinks) is replaced.
//   One spare thread waits with its modules loaded and its engine compiled (tens of MB, no
//   store), so a new or replacement copy costs only the load;
// - never lets a failed engine serve again: a copy whose engine trapped, ran out of memory
//   or whose thread died is ended and replaced, and its task gets a clear 4xx/503;
// - keeps copies in step with writes: writes run one at a time on one copy, which saves the
//   store; the other copies are then ended and fresh ones load the saved store when needed.
//   A store rebuilt on disk by `newsgraph build` is loaded by a fresh copy while the old ones
//   keep answering, then replaces them.
import { unwatchFile, watchFile } from "node:fs";
import { Worker } from "node:worker_threads";
import { readManifest, storeFile } from "../store/index.ts";
import { HttpError } from "./http-error.ts";
import type { BackendStatus, QueryBackend } from "./backend.ts";
import type { FromWorker, ReadTask, ReplyOk, Task, ToWorker, WriteTask } from "./tasks.ts";
import type { WorkerOptions } from "./worker.ts";

export interface PoolOptions {
  storeDir: string;
  /** Most copies of the store at once: the most tasks evaluated at once. */
  threads: number;
  /** Tasks that may wait for a free copy; one more is refused (429). */
  maxQueue: number;
  /** Time limit of a task, from its arrival. */
  timeoutMs: number;
  maxResultBytes: number;
  /** What all copies together may hold (engine memory); default 1024. */
  memoryBudgetMb?: number;
  /** Another copy is started once a task has waited this long with every copy busy. */
  growAfterMs?: number;
  /** Copies beyond the first are stopped after this long without work. */
  idleMs?: number;
  /** A copy is replaced when its engine memory exceeds its size after loading times this (plus 256 MB). */
  recycleFactor?: number;
  /** JavaScript heap limit of one worker, so a worker that exhausts it ends alone, not the process. */
  workerHeapMb?: number;
  /** One line per event worth an operator's attention (copies started, stopped, replaced). */
  onEvent?: (line: string) => void;
}

export interface PoolStatus extends BackendStatus {
  /** Copies of the store: loaded and loading. */
  copies: number;
  /** The most copies: `threads`, fewer when they would not fit the memory budget. */
  maxCopies: number;
  loading: number;
  busy: number;
  queued: number;
  /** Engine memory of the copies, bytes. */
  engineMemory: number;
}

type Settle = (result: ReplyOk | HttpError) => void;

interface Job {
  id: number;
  task: Task;
  write: boolean;
  /** Same text, same dataset: used to refuse repeats of a query that just ran past the limit. */
  fingerprint?: string;
  enqueued: number;
  timer: NodeJS.Timeout;
  /** Half-way to the time limit while running: prepares a replacement copy (see prepareReplacement). */
  halfway?: NodeJS.Timeout;
  engine?: Engine;
  settle: Settle;
}

let nextEngineId = 1;

class Engine {
  readonly id = nextEngineId++;
  /** spare: booted, holding no store yet; loading: reading the store; idle/busy: serving. */
  state: "spare" | "loading" | "idle" | "busy" | "gone" = "spare";
  revision = "";
  size = 0;
  loadedMemory = 0;
  memory = 0;
  job?: Job;
  idleSince = performance.now();
  started = performance.now();
  /** Holds an old state of the store: never given work again. */
  stale = false;
  /** Grew too large: replaced as soon as a fresh copy is ready. */
  recycle = false;
  /** Why a recycled copy is ended, when not for its grown memory. */
  replaceBecause?: string;
  /** Why its thread was ended, when the pool ended it. */
  endedBecause?: string;
  lastError?: Error;
  constructor(
    readonly worker: Worker,
    /** The pool generation (store state) this copy loads or holds. */
    public generation: number,
  ) {}
}

const MB = 2 ** 20;
/** How long a query that ran past the limit is refused at once when sent again. */
const RUNAWAY_MEMORY_MS = 30_000;
/** A copy smaller than this is cheap enough to keep loaded while idle. */
const SMALL_COPY = 64 * MB;
/** What a copy costs besides its engine memory: the thread, its JavaScript heap and modules. */
const THREAD_OVERHEAD = 32 * MB;
/** Pause before trying again to load a copy after a load failed. */
const LOAD_RETRY_MS = 5_000;

export class StorePool implements QueryBackend {
  /** The store revision reads are answered from. */
  revision = "";
  private quads = 0;
  /** Grows with every write and every store change found on disk; copies of older generations are stale. */
  private generation = 0;
  private engines: Engine[] = [];
  private queue: Job[] = [];
  private jobIds = 0;
  private writes: Promise<unknown> = Promise.resolve();
  private writeRunning = false;
  private state: PoolStatus["state"] = "loading";
  private failure?: string;
  private closed = false;
  private watching = false;
  private growTimer?: NodeJS.Timeout;
  private reaper?: NodeJS.Timeout;
  private readonly runaways = new Map<string, number>();
  private readonly startedAt = performance.now();
  /** Known once the first copy has loaded. */
  private maxCopies = 1;
  private smallCopies = false;
  /** After a copy failed to load, the next one starts no sooner than this. */
  private spawnNotBefore = 0;
  /** Copies may be restored from an engine snapshot; false after one failed its checks. */
  private snapshots = true;
  /** A copy that wrote the engine snapshot was replaced by a restored one (once per pool). */
  private replacedSnapshotWriter = false;
  /** After a replacement prepared for a long task was not needed, the next one is prepared no sooner than this. */
  private prepareNotBefore = 0;
  /** Set while the pool checks the disk after a write of unknown outcome; the next write waits for it. */
  private resyncing: Promise<void> = Promise.resolve();
  private readonly readyPromise: Promise<{ size: number }>;
  private resolveReady!: (v: { size: number }) => void;
  private rejectReady!: (e: Error) => void;
  private readonly growAfterMs: number;
  private readonly idleMs: number;
  private readonly recycleFactor: number;

  constructor(private readonly options: PoolOptions) {
    this.growAfterMs = options.growAfterMs ?? 250;
    this.idleMs = options.idleMs ?? 60_000;
    this.recycleFactor = options.recycleFactor ?? 3;
    this.readyPromise = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.readyPromise.catch(() => undefined); // reported through ready()
  }

  /**
   * Checks the store's manifest (fast: its first line) and starts loading the first copy.
   * Resolves when the load has started; `ready()` resolves once it is loaded. Throws the
   * store's own error for a directory that does not hold a readable store.
   */
  async start(): Promise<void> {
    // The first copy's thread boots (modules, engine) while the manifest is checked here.
    this.startCopy();
    this.revision = (await readManifest(this.options.storeDir))?.revision ?? "empty";
    this.reaper = setInterval(() => this.reapIdle(), Math.max(250, Math.min(this.idleMs / 4, 10_000)));
    this.reaper.unref();
    this.watchForRebuilds();
  }

  /** Resolves when the first copy is loaded; rejects with the store's error when it cannot be. */
  ready(): Promise<{ size: number }> {
    return this.readyPromise;
  }

  /** Runs a read task; rejects with HttpError for a time-out, a full queue or a failed task. */
  run(task: ReadTask): Promise<ReplyOk> {
    return this.submit(task, false);
  }

  /** Runs writes one at a time; afterwards only the copy that wrote (and fresh loads) answer. */
  write(task: WriteTask): Promise<ReplyOk> {
    const result = this.writes.then(async () => {
      await this.resyncing;
      return this.submit(task, true);
    });
    this.writes = result.catch(() => undefined);
    return result;
  }

  status(): PoolStatus {
    const live = this.engines.filter((e) => e.state !== "gone" && e.state !== "spare");
    return {
      state: this.state,
      revision: this.revision,
      quads: this.quads,
      copies: live.length,
      maxCopies: this.maxCopies,
      loading: live.filter((e) => e.state === "loading").length,
      busy: live.filter((e) => e.state === "busy").length,
      queued: this.queue.length,
      engineMemory: live.reduce((sum, e) => sum + e.memory, 0),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watching) unwatchFile(storeFile(this.options.storeDir));
    clearInterval(this.reaper);
    clearTimeout(this.growTimer);
    for (const job of this.queue.splice(0)) this.finish(job, new HttpError(503, "The server is shutting down."));
    await Promise.all(this.engines.map((e) => this.end(e, "the server is shutting down")));
    this.rejectReady(new Error("the server was closed before the store was loaded"));
  }

  // ---------- tasks ----------

  private submit(task: Task, write: boolean): Promise<ReplyOk> {
    if (this.closed) return Promise.reject(new HttpError(503, "The server is shutting down."));
    if (this.state === "failed") return Promise.reject(new HttpError(503, `The store cannot be loaded: ${this.failure}`));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(this.queueFull());
    const fingerprint = task.kind === "query" ? JSON.stringify([task.query, task.dataset]) : undefined;
    if (fingerprint && (this.runaways.get(fingerprint) ?? 0) > performance.now()) return Promise.reject(this.recentRunaway());
    return new Promise<ReplyOk>((resolve, reject) => {
      const job: Job = {
        id: ++this.jobIds,
        task,
        write,
        fingerprint,
        enqueued: performance.now(),
        timer: setTimeout(() => this.timedOut(job), this.options.timeoutMs),
        settle: (result) => (result instanceof HttpError ? reject(result) : resolve(result)),
      };
      this.queue.push(job);
      this.schedule();
    });
  }

  private finish(job: Job, result: ReplyOk | HttpError): void {
    clearTimeout(job.timer);
    clearTimeout(job.halfway);
    job.settle(result);
  }

  /** Gives waiting tasks to free current copies, in arrival order; starts copies as needed. */
  private schedule(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      const job = this.queue[0];
      // A replacement prepared for a runaway waits, loaded, until the runaway's copy is ended.
      if (this.engines.filter((e) => e.state === "busy").length >= this.maxCopies) break;
      const engine = this.freeEngine();
      if (!engine) break;
      this.queue.shift();
      this.assign(engine, job);
    }
    this.grow();
  }

  private freeEngine(): Engine | undefined {
    const free = this.engines.filter((e) => e.state === "idle" && !e.stale && e.generation === this.generation);
    return free.find((e) => !e.recycle) ?? free[0];
  }

  private assign(engine: Engine, job: Job): void {
    engine.state = "busy";
    engine.job = job;
    job.engine = engine;
    if (job.write) this.writeRunning = true;
    engine.worker.postMessage({ type: "task", id: job.id, task: job.task } satisfies ToWorker);
    const halfway = job.enqueued + this.options.timeoutMs / 2 - performance.now();
    job.halfway = setTimeout(() => this.prepareReplacement(engine, job), Math.max(0, halfway));
    job.halfway.unref();
  }

  /**
   * A task has run on this copy for half its time limit: it may be a runaway, whose copy is
   * ended at the limit. When no other copy of the current state is free or loading, one starts
   * loading now — even one beyond the memory budget, as the runaway's copy is about to go — so
   * that the requests after it do not wait for a whole load (or fail) once it is ended. It takes
   * no task while the busy copies are already as many as allowed (schedule). Should the task
   * finish in time, the copies beyond the budget are ended as they fall idle (trimToBudget), and
   * no replacement is prepared again for `idleMs`: long queries that finish in time cost at most
   * one unneeded load per `idleMs`.
   */
  private prepareReplacement(engine: Engine, job: Job): void {
    if (this.closed || engine.job !== job || this.state !== "ready" || this.writeRunning) return;
    if (performance.now() < this.prepareNotBefore) return;
    const others = this.engines.filter((e) => e !== engine && !e.stale && !e.recycle && e.generation === this.generation && (e.state === "idle" || e.state === "loading"));
    if (others.length > 0) return;
    this.event(`copy ${engine.id} has run one task for ${Math.round((performance.now() - job.enqueued) / 1000)} s: loading a replacement in case it must be ended`);
    this.startCopy();
  }

  /**
   * Ends idle copies beyond the most the memory budget allows (a replacement prepared for a
   * runaway that finished in time), as long as another copy stays idle to answer at once.
   */
  private trimToBudget(): void {
    const live = () => this.engines.filter((e) => e.state !== "gone" && e.state !== "spare");
    const idle = () => live().filter((e) => e.state === "idle" && !e.stale && e.generation === this.generation);
    while (live().length > this.maxCopies && idle().length >= 2) {
      const candidates = idle();
      this.prepareNotBefore = performance.now() + this.idleMs;
      void this.end(candidates.find((e) => e.recycle) ?? candidates[candidates.length - 1], "more copies than the memory budget allows");
    }
  }

  private timedOut(job: Job): void {
    const seconds = this.options.timeoutMs / 1000;
    if (!job.engine) {
      this.queue.splice(this.queue.indexOf(job), 1);
      job.settle(
        this.state === "loading"
          ? new HttpError(503, `The store is still loading (for ${Math.round((performance.now() - this.startedAt) / 1000)} s now). Try again shortly.`, { "Retry-After": "5" })
          : new HttpError(503, `The server is busy: this request found no free store worker within this server's time limit of ${seconds} s. Try again shortly.`, { "Retry-After": "2" }),
      );
      return;
    }
    const engine = job.engine;
    engine.job = undefined;
    if (job.fingerprint) this.runaways.set(job.fingerprint, performance.now() + RUNAWAY_MEMORY_MS);
    void this.end(engine, "a request ran past the time limit");
    job.settle(new HttpError(503, `Query stopped: it did not finish within this server's time limit of ${seconds} s. Narrow it (more specific patterns, a LIMIT) and try again.`, { "Retry-After": "1" }));
    // The same query waiting behind it would only run into the limit again.
    for (const waiting of this.queue.filter((j) => j.fingerprint && j.fingerprint === job.fingerprint)) {
      this.queue.splice(this.queue.indexOf(waiting), 1);
      this.finish(waiting, this.recentRunaway());
    }
    if (job.write) this.afterUncertainWrite();
    this.schedule();
  }

  // ---------- copies ----------

  /** Starts loading a copy of the current store: on the spare thread when there is one. */
  private startCopy(): void {
    const engine = this.engines.find((e) => e.state === "spare") ?? this.spawn();
    engine.state = "loading";
    engine.generation = this.generation;
    engine.started = performance.now();
    engine.worker.postMessage({ type: "load", snapshot: this.snapshots } satisfies ToWorker);
    this.keepSpare();
  }

  /** One spare thread, so that a new or replacement copy costs only the load. */
  private keepSpare(): void {
    // Not before the first copy has loaded: the start should not share the CPU with it.
    if (this.closed || this.state !== "ready") return;
    if (!this.engines.some((e) => e.state === "spare")) this.spawn();
  }

  private spawn(): Engine {
    const workerData: WorkerOptions = { storeDir: this.options.storeDir, maxResultBytes: this.options.maxResultBytes };
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb ?? 4096 },
    });
    const engine = new Engine(worker, this.generation);
    this.engines.push(engine);
    worker.on("message", (message: FromWorker) => this.onMessage(engine, message));
    worker.on("error", (e) => (engine.lastError = e));
    worker.on("exit", (code) => this.onExit(engine, code));
    return engine;
  }

  private onMessage(engine: Engine, message: FromWorker): void {
    if (engine.state === "gone") return;
    switch (message.type) {
      case "booted":
        return;
      case "ready":
        return this.onLoaded(engine, message);
      case "load-failed":
        void this.end(engine, "it could not load the store");
        if (message.retry) {
          // The engine snapshot failed its checks after replacing the engine's memory (and was deleted): load normally.
          this.event(`copy ${engine.id}: ${message.message}; loading it again without the snapshot`);
          this.snapshots = false;
          if (!this.closed) this.startCopy();
          return;
        }
        return this.onLoadFailed(message.message);
      case "reply":
        return this.onReply(engine, message);
    }
  }

  private onLoaded(engine: Engine, loaded: Extract<FromWorker, { type: "ready" }>): void {
    Object.assign(engine, { state: "idle", revision: loaded.revision, size: loaded.size, loadedMemory: loaded.memory, memory: loaded.memory, idleSince: performance.now() });
    const seconds = ((performance.now() - engine.started) / 1000).toFixed(1);
    this.event(`copy ${engine.id} loaded ${loaded.size} quads in ${seconds} s (engine memory ${Math.round(loaded.memory / MB)} MB)${loaded.note ? `; ${loaded.note}` : ""}`);
    // A copy that loaded while a write ran may hold either state: it is not used.
    if (engine.generation !== this.generation || (this.writeRunning && engine.revision !== this.revision)) {
      void this.end(engine, "the store changed while it loaded");
      this.schedule();
      return;
    }
    if (engine.revision !== this.revision && this.state !== "loading") {
      // The store on disk changed (a rebuild): this copy holds the new state, the others are stale.
      this.event(`store changed on disk: revision ${this.revision} → ${engine.revision}`);
      this.generation += 1;
      engine.generation = this.generation;
      this.revision = engine.revision;
      this.quads = engine.size;
      for (const other of this.engines) if (other !== engine) this.retire(other);
    }
    if (this.state === "loading") {
      this.state = "ready";
      this.revision = engine.revision;
      this.quads = engine.size;
      const copyBytes = engine.loadedMemory + THREAD_OVERHEAD;
      this.smallCopies = copyBytes <= SMALL_COPY;
      this.maxCopies = Math.min(this.options.threads, Math.max(1, Math.floor(((this.options.memoryBudgetMb ?? 1024) * MB) / copyBytes)));
      this.event(`up to ${this.maxCopies} ${this.maxCopies === 1 ? "copy" : "copies"} of the store (${Math.round(copyBytes / MB)} MB each)${this.smallCopies ? ", all kept loaded" : ", more than one only while queries wait"}`);
      this.resolveReady({ size: engine.size });
    }
    if (loaded.wroteSnapshot && !this.replacedSnapshotWriter) {
      // Writing the snapshot read every page of its engine's memory, which made the never-used
      // ones resident too (~330 MB at 10,000 articles): a copy restored from it replaces it.
      this.replacedSnapshotWriter = true;
      engine.recycle = true;
      engine.replaceBecause = "it wrote the engine snapshot; a copy restored from it replaced it";
      this.event(`copy ${engine.id} wrote the engine snapshot; a copy restored from it replaces it (less resident memory)`);
    }
    if (!engine.recycle) for (const old of this.engines) if (old.recycle && old.state === "idle") void this.end(old, old.replaceBecause ?? "its engine memory had grown; a fresh copy replaced it");
    this.schedule();
    this.trimToBudget();
  }

  private onLoadFailed(message: string): void {
    this.event(`cannot load the store: ${message}`);
    this.spawnNotBefore = performance.now() + LOAD_RETRY_MS;
    if (this.state === "loading") {
      this.state = "failed";
      this.failure = message;
      for (const job of this.queue.splice(0)) this.finish(job, new HttpError(503, `The store cannot be loaded: ${message}`));
      this.rejectReady(new Error(message));
    }
    // Otherwise the copies already loaded keep answering; the next need for a copy tries again.
  }

  private onReply(engine: Engine, message: Extract<FromWorker, { type: "reply" }>): void {
    const job = engine.job;
    engine.job = undefined;
    engine.memory = message.memory;
    if (!job || job.id !== message.id) return;
    const reply = message.reply;
    if (job.write) this.writeRunning = false;
    if (reply.ok && job.write) {
      // This copy holds the new state, saved; every other copy is now stale.
      this.generation += 1;
      engine.generation = this.generation;
      this.revision = reply.revision;
      for (const other of this.engines) if (other !== engine) this.retire(other);
    }
    if (!reply.ok && reply.discard) {
      void this.end(engine, `its engine failed: ${reply.message}`);
      if (job.write) this.afterUncertainWrite();
    } else {
      engine.state = "idle";
      engine.idleSince = performance.now();
      if (engine.stale) void this.end(engine, "it held an old state of the store");
      else if (!engine.recycle && engine.memory > engine.loadedMemory * this.recycleFactor + 256 * MB) {
        engine.recycle = true;
        this.event(`copy ${engine.id}: engine memory grew from ${Math.round(engine.loadedMemory / MB)} to ${Math.round(engine.memory / MB)} MB; replacing it`);
      }
      if (engine.recycle && this.engines.some((e) => e !== engine && e.state === "idle" && !e.recycle && !e.stale && e.generation === this.generation)) {
        void this.end(engine, engine.replaceBecause ?? "its engine memory had grown; a fresh copy replaced it");
      }
    }
    this.finish(job, reply.ok ? reply : new HttpError(reply.status, reply.message));
    this.schedule();
    this.trimToBudget();
  }

  private onExit(engine: Engine, code: number): void {
    if (engine.state === "gone") return;
    const wasLoading = engine.state === "loading";
    const wasSpare = engine.state === "spare";
    engine.state = "gone";
    this.engines = this.engines.filter((e) => e !== engine);
    const why = engine.lastError?.message ?? `exit code ${code}`;
    if (wasSpare) {
      this.event(`spare store worker stopped unexpectedly (${why})`);
      this.spawnNotBefore = performance.now() + LOAD_RETRY_MS;
      return this.schedule();
    }
    this.event(`copy ${engine.id} stopped unexpectedly (${why}); replacing it`);
    const job = engine.job;
    if (job) {
      engine.job = undefined;
      if (job.write) {
        this.writeRunning = false;
        this.afterUncertainWrite();
      }
      const outOfMemory = /out of memory/i.test(why);
      this.finish(job, new HttpError(503, outOfMemory
        ? "The query engine ran out of memory on this request and was restarted. Narrow the request (add a LIMIT, more specific patterns)."
        : `The query engine stopped while answering this request (${why}) and was restarted. Try again.`));
    }
    if (wasLoading) this.onLoadFailed(`the store worker stopped while loading (${why})`);
    this.schedule();
  }

  /** Ends a copy's thread (at once, even mid-query) and forgets it. */
  private async end(engine: Engine, because: string): Promise<void> {
    if (engine.state === "gone") return;
    engine.state = "gone";
    engine.endedBecause = because;
    this.engines = this.engines.filter((e) => e !== engine);
    if (!this.closed && engine.revision) this.event(`copy ${engine.id} stopped: ${because}`);
    await engine.worker.terminate();
  }

  /** A copy holding an old state: ended now if idle, after its task otherwise. */
  private retire(engine: Engine): void {
    if (engine.state === "spare") return;
    engine.stale = true;
    if (engine.state === "idle" || engine.state === "loading") void this.end(engine, "it held an old state of the store");
  }

  /** Starts a copy when none holds the current state, or when a task has waited long enough. */
  private grow(): void {
    clearTimeout(this.growTimer);
    if (this.closed || this.writeRunning || this.state === "failed") return;
    const wait = this.spawnNotBefore - performance.now();
    if (wait > 0) {
      this.growTimer = setTimeout(() => this.schedule(), wait);
      this.growTimer.unref();
      return;
    }
    const live = this.engines.filter((e) => !e.stale && e.state !== "spare");
    const current = live.filter((e) => e.generation === this.generation && !e.recycle);
    if (current.length === 0) {
      this.startCopy();
      return;
    }
    if (this.smallCopies && live.length < this.maxCopies) {
      this.startCopy();
      return this.grow();
    }
    this.keepSpare();
    if (this.queue.length === 0 || live.length >= this.maxCopies || current.some((e) => e.state === "loading")) return;
    const waited = performance.now() - this.queue[0].enqueued;
    if (waited >= this.growAfterMs) this.startCopy();
    else {
      this.growTimer = setTimeout(() => this.schedule(), this.growAfterMs - waited);
      this.growTimer.unref();
    }
  }

  private reapIdle(): void {
    const now = performance.now();
    for (const [fingerprint, until] of this.runaways) if (until < now) this.runaways.delete(fingerprint);
    if (this.smallCopies) return;
    const current = this.engines.filter((e) => e.state === "idle" && !e.stale && e.generation === this.generation);
    // The longest-serving copy stays; the others go after idleMs without work.
    for (const engine of current.slice(1)) {
      if (now - engine.idleSince > this.idleMs) void this.end(engine, `idle for ${Math.round(this.idleMs / 1000)} s`);
    }
  }

  // ---------- the store on disk ----------

  /** A write stopped half-way may or may not have reached the disk: ask the disk. */
  private afterUncertainWrite(): void {
    this.resyncing = this.resyncing.then(() => this.resync(true)).catch(() => undefined);
  }

  /**
   * Compares the store on disk with what the copies hold. `hard`: the copies must not answer
   * from the old state any more (after a failed write); otherwise they answer until a fresh
   * copy has loaded the new state.
   */
  private async resync(hard: boolean): Promise<void> {
    const onDisk = (await readManifest(this.options.storeDir).catch(() => undefined))?.revision ?? "empty";
    if (onDisk === this.revision || this.closed) return;
    if (hard) {
      this.event(`store on disk is at revision ${onDisk}; reloading`);
      this.generation += 1;
      this.revision = onDisk;
      for (const engine of this.engines) this.retire(engine);
    } else if (!this.engines.some((e) => e.state === "loading")) {
      this.startCopy(); // becomes the current copy once loaded (onLoaded)
    }
    this.schedule();
  }

  /** A `newsgraph build` into the served store is picked up without a restart. */
  private watchForRebuilds(): void {
    this.watching = true;
    watchFile(storeFile(this.options.storeDir), { interval: 2000, persistent: false }, (now, before) => {
      if (now.mtimeMs === before.mtimeMs) return;
      // Our own writes change the file too; only a revision we do not hold means a rebuild.
      this.writes = this.writes.then(() => this.resync(false)).catch(() => undefined);
    });
  }

  private event(line: string): void {
    this.options.onEvent?.(`store: ${line}`);
  }

  private queueFull(): HttpError {
    return new HttpError(429, `Too many queries at once: ${this.options.maxQueue} already waiting for the ${this.options.threads} store workers. Try again shortly.`, { "Retry-After": "1" });
  }

  private recentRunaway(): HttpError {
    const seconds = this.options.timeoutMs / 1000;
    return new HttpError(503, `Query refused: the same query ran past this server's time limit of ${seconds} s moments ago. Narrow it (more specific patterns, a LIMIT) before sending it again.`, { "Retry-After": String(RUNAWAY_MEMORY_MS / 1000) });
  }
}
