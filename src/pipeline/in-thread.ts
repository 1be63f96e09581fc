// A build with only a few articles to read extracts them in its own thread: starting a worker
// thread costs more CPU (its own copy of the packages, the tagger's model and the lexicons: ~1.5 s
// each) than extracting a few articles (~20 ms each). The time budget still holds: the task's
// synchronous work runs in a vm script with a timeout, which V8 interrupts when the budget is
// spent (the article is reported, the build goes on). What does not hold here is a memory cap of
// its own, so a build given --article-memory always uses workers (build.ts decides).
import { Script } from "node:vm";
import type { Budgeted, ExtractTask, Extracted, GraphResult, GraphTask } from "./article-task.ts";
import { type ArticleRunner, BudgetError, budgetMessage } from "./pool.ts";

/** The work the script runs, handed over through a global slot (a vm script sees only globals). */
const SLOT = Symbol.for("newsgraph.inThreadWork");
const RUN = new Script(`globalThis[Symbol.for("newsgraph.inThreadWork")]()`, { filename: "newsgraph-in-thread-budget" });

export class InThreadRunner implements ArticleRunner {
  private tasks?: Promise<typeof import("./article-task.ts")>;

  constructor(private readonly timeoutMs: number) {}

  extract(task: ExtractTask): Promise<Extracted> {
    return this.oneAtATime(async () => (await this.load()).extractArticle(task, this.budget()));
  }

  graph(task: GraphTask): Promise<GraphResult> {
    return this.oneAtATime(async () => (await this.load()).graphArticle(task, this.budget()));
  }

  /** Tasks run one after another, each budget counted from its own start (as in a worker). */
  private queue: Promise<unknown> = Promise.resolve();
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const done = this.queue.then(work);
    this.queue = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {}

  /** The task module, with what the passes load on first use loaded outside any article's budget (as a worker does). */
  private load() {
    return (this.tasks ??= import("./article-task.ts").then(async (tasks) => {
      await tasks.warmUp().catch(() => undefined);
      return tasks;
    }));
  }

  /** Runs a task's synchronous work within what is left of its budget (counted from now). */
  private budget(): Budgeted {
    const deadline = performance.now() + this.timeoutMs;
    return <T>(work: () => T): T => {
      const left = Math.floor(deadline - performance.now());
      if (left < 1) throw new BudgetError(budgetMessage(this.timeoutMs));
      const slots = globalThis as unknown as Record<symbol, (() => T) | undefined>;
      slots[SLOT] = work;
      try {
        return RUN.runInThisContext({ timeout: left }) as T;
      } catch (e) {
        if ((e as NodeJS.ErrnoException)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new BudgetError(budgetMessage(this.timeoutMs));
        throw e;
      } finally {
        slots[SLOT] = undefined;
      }
    };
  }
}
