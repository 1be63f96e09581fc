// What the exploration views keep per server: the entities and their search index, rebuilt
// (from SPARQL run by the worker pool, never on this thread) whenever the store's revision
// changes. Everything else the views show is queried per request, through the pool too.
//
// An embedded store's entities are also saved in its folder (cache/serve/), keyed by the store's
// revision and by the text of the queries that produced them, so that the next start answers
// searches at once instead of after the store has loaded and been queried.
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { replaceFile } from "../../replace-file.ts";
import { RESULT_FORMATS } from "../formats.ts";
import type { ServerContext } from "../server.ts";
import { ENTITIES_QUERY, NAMES_QUERY, loadEntities, type EntityInfo } from "../../store/network.ts";
import { JSON_RESULTS, rowsOfJson, type Select } from "../../store/select.ts";
import { SearchIndex } from "./search.ts";

const JSON_FORMAT = RESULT_FORMATS.find((f) => f.mediaType === JSON_RESULTS)!;

/** SELECT queries through the worker pool, on the union default graph (as /sparql runs them). */
export function poolSelect(ctx: ServerContext): Select {
  return async (query) => {
    const reply = await ctx.pool.run({ kind: "query", query, format: JSON_FORMAT, dataset: { kind: "union" } });
    return rowsOfJson(new TextDecoder().decode(reply.body));
  };
}

export interface Catalogue {
  revision: string;
  entities: Map<string, EntityInfo>;
  index: SearchIndex;
  /** Milliseconds it took to query and index. */
  buildMs: number;
}

const catalogues = new WeakMap<ServerContext, { revision: string; ready: Promise<Catalogue> }>();

/** The entities and search index of the store the server holds now (built once per revision). */
export function catalogue(ctx: ServerContext): Promise<Catalogue> {
  const revision = ctx.pool.revision;
  const known = catalogues.get(ctx);
  if (known && known.revision === revision) return known.ready;
  const ready = (async () => {
    const started = performance.now();
    const file = savedFileOf(ctx);
    const key = catalogueKey(revision);
    let entities = file ? await readSavedCatalogue(file, key) : undefined;
    if (!entities) {
      entities = await loadEntities(poolSelect(ctx));
      // A store folder that cannot be written (served read-only) only loses the head start.
      if (file && revision !== "empty") await saveCatalogue(file, key, entities).catch(() => undefined);
    }
    return indexed(revision, entities, started);
  })();
  catalogues.set(ctx, { revision, ready });
  // A failed build is not kept: the next request tries again.
  ready.catch(() => {
    if (catalogues.get(ctx)?.ready === ready) catalogues.delete(ctx);
  });
  return ready;
}

const indexed = (revision: string, entities: Map<string, EntityInfo>, started: number): Catalogue => ({
  revision,
  entities,
  index: new SearchIndex(entities.values()),
  buildMs: performance.now() - started,
});

/**
 * Takes the saved catalogue of the store's current revision, when there is one: no store
 * access, so it works while the store is still loading. False when there is none.
 */
export async function useSavedCatalogue(ctx: ServerContext): Promise<boolean> {
  const started = performance.now();
  const revision = ctx.pool.revision;
  const file = savedFileOf(ctx);
  const entities = file && (await readSavedCatalogue(file, catalogueKey(revision)));
  if (!entities || ctx.pool.revision !== revision) return false;
  if (catalogues.get(ctx)?.revision !== revision) catalogues.set(ctx, { revision, ready: Promise.resolve(indexed(revision, entities, started)) });
  return true;
}

// ---------- the saved catalogue ----------

/** An embedded store's catalogue file; none for a remote store. */
const savedFileOf = (ctx: ServerContext): string | undefined => (ctx.options.backend ? undefined : savedCatalogueFile(ctx.options.storeDir));

/** Where an embedded store's catalogue is saved (one file: the latest revision's). */
export const savedCatalogueFile = (storeDir: string): string => join(storeDir, "cache", "serve", "catalogue.json");

/** The store's revision and the queries' text: entities saved for another revision, or by other queries, are not used. */
export const catalogueKey = (revision: string): string =>
  `${revision} ${createHash("sha256").update(ENTITIES_QUERY).update(NAMES_QUERY).digest("hex").slice(0, 16)}`;

async function readSavedCatalogue(file: string, key: string): Promise<Map<string, EntityInfo> | undefined> {
  try {
    const saved = JSON.parse(await readFile(file, "utf8")) as { key?: unknown; entities?: unknown };
    if (saved.key !== key || !Array.isArray(saved.entities)) return undefined;
    return new Map((saved.entities as EntityInfo[]).map((e) => [e.iri, e]));
  } catch {
    return undefined; // missing or damaged: queried again
  }
}

async function saveCatalogue(file: string, key: string, entities: Map<string, EntityInfo>): Promise<void> {
  await mkdir(join(file, ".."), { recursive: true });
  await replaceFile(file, JSON.stringify({ key, entities: [...entities.values()] }));
}
