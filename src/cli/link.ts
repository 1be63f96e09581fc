// `newsgraph link [--store DIR] [--online] [--wikidata-url URL] [--review]`
// Re-links the stored corpus (a rebuild from the manifest's input files, with linking), or with
// --review lists the uncertain links and the candidates kept for review. Modules load lazily:
// the gazetteer is read only when this command runs.
import type { Command } from "commander";
import type { Store } from "oxigraph";
import { DEFAULT_STORE_DIR } from "../store/index.ts";

export function register(program: Command): void {
  program
    .command("link")
    .description("link the stored entities to Wikidata again (offline gazetteer; --online asks Wikidata's API), or --review the uncertain links")
    .option("--store <dir>", "store directory", DEFAULT_STORE_DIR)
    .option("--online", "ask Wikidata's API for entities the gazetteer does not link (answers are cached in the store)", false)
    .option("--wikidata-url <url>", "base URL of the Wikidata API host (default $NEWSGRAPH_WIKIDATA_URL or https://www.wikidata.org)")
    .option("--review", "list links scored below the review mark and unlinked entities with candidates; changes nothing", false)
    .action(async (opts: { store: string; online: boolean; wikidataUrl?: string; review: boolean }) => {
      const { loadStore } = await import("../store/index.ts");
      const { store, manifest } = await loadStore(opts.store);
      if (opts.review) {
        const { formatReview, reviewLinks } = await import("../link/review.ts");
        process.stdout.write(formatReview(reviewLinks(store)));
        return;
      }
      const inputs = Object.values(manifest.articles).map((a) => a.path);
      if (!inputs.length) throw new Error(`${opts.store}: no articles in the store; run \`newsgraph build\` first`);
      // The build passes no base URL to the linker; the client reads it from the environment.
      if (opts.wikidataUrl) process.env.NEWSGRAPH_WIKIDATA_URL = opts.wikidataUrl;
      const { buildGraph } = await import("../pipeline/index.ts");
      const result = await buildGraph({ inputs, storeDir: opts.store, online: opts.online });
      for (const f of result.failed) console.error(`newsgraph: ${f.message}`);
      const { reviewLinks } = await import("../link/review.ts");
      const rebuilt = (await loadStore(opts.store)).store;
      const linked = countLinks(rebuilt);
      const uncertain = reviewLinks(rebuilt).length;
      console.log(`Re-linked ${result.articles} article(s) in ${opts.store}: ${linked} entities linked to Wikidata; ${uncertain} to review (newsgraph link --review)`);
      if (result.failed.length) process.exitCode = 1;
    });
}

function countLinks(store: Store): number {
  const rows = store.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e <http://www.w3.org/2002/07/owl#sameAs> ?i } }") as Array<Map<string, { value: string }>>;
  return Number(rows[0]?.get("n")?.value ?? 0);
}
