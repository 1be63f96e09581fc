// `newsgraph start` (npm start): build the articles into the store when the store is missing
// or older than the articles, then serve it.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { storeFile } from "../store/index.ts";
import { addServeOptions, serveUntilStopped } from "./serve.ts";
import { isRemote, storeOf } from "./store-options.ts";

const DEFAULT_ARTICLES_DIR = "data/articles";

/** Newest modification time in the folder: its files, and the folder itself (files added or removed). */
async function newestChange(dir: string): Promise<number> {
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") throw new Error(`no articles folder at ${dir}`);
    throw e;
  });
  const times = await Promise.all([dir, ...entries.map((e) => join(dir, e))].map(async (p) => (await stat(p)).mtimeMs));
  return Math.max(...times);
}

/** Why the store needs building, or undefined when it is up to date. */
export async function staleReason(articlesDir: string, storeDir: string): Promise<string | undefined> {
  const built = await stat(storeFile(storeDir)).catch(() => undefined);
  if (!built) return `no store in ${storeDir} yet`;
  if ((await newestChange(articlesDir)) > built.mtimeMs) return `${articlesDir} changed since the store was built`;
  return undefined;
}

export function register(program: Command): void {
  addServeOptions(program.command("start").description("Build the articles into the store if needed, then serve it (npm start)"))
    .option("--articles <dir>", "article folder to build from", DEFAULT_ARTICLES_DIR)
    .action(async (flags: Parameters<typeof serveUntilStopped>[0] & { articles: string }) => {
      // A remote store: always built (a build with nothing changed writes nothing).
      const reason = isRemote(flags) ? "a remote store" : await staleReason(flags.articles, flags.store);
      if (reason) {
        console.log(`newsgraph: building ${flags.articles} into ${flags.store} (${reason})`);
        const { buildGraph } = await import("../pipeline/index.ts");
        const store = storeOf(flags);
        const result = await buildGraph({ inputs: [flags.articles], storeDir: store.cacheDir, store });
        for (const failed of result.failed) console.error(`newsgraph: ${failed.message}`);
        console.log(`newsgraph: built ${result.articles} article(s): ${result.quads} quads`);
      } else {
        console.log(`newsgraph: ${flags.store} is up to date with ${flags.articles}`);
      }
      await serveUntilStopped(flags);
    });
}
