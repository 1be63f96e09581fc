// What the exploration views keep per server: the entities and their search index, rebuilt
// (from SPARQL run by the worker pool, never on this thread) whenever the store's revision
// changes. Everything else the views show is queried per request, through the pool too.
import { RESULT_FORMATS } from "../formats.ts";
import type { ServerContext } from "../server.ts";
import { loadEntities, type EntityInfo } from "../../store/network.ts";
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
    const entities = await loadEntities(poolSelect(ctx));
    const index = new SearchIndex(entities.values());
    return { revision, entities, index, buildMs: performance.now() - started };
  })();
  catalogues.set(ctx, { revision, ready });
  // A failed build is not kept: the next request tries again.
  ready.catch(() => {
    if (catalogues.get(ctx)?.ready === ready) catalogues.delete(ctx);
  });
  return ready;
}
