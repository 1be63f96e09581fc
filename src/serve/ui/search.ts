// Finding entities by any of their names: case- and accent-insensitive, by prefix ("lavr") and
// with typos ("Lavrof"), ranked by match quality and by how many articles mention the entity.
// MiniSearch holds the inverted index; it is built once per store revision (state.ts).
import MiniSearch from "minisearch";
import type { EntityInfo, EntityType } from "../../store/network.ts";

export interface SearchHit {
  iri: string;
  label: string;
  type: EntityType;
  articles: number;
  /** The name that matched, when it is not the label ("Lavrov" for "Sergey Lavrov"). */
  matched?: string;
  names: string[];
  wikidata?: string;
}

/** Lower case, no accents, no apostrophes: "Ségolène" → "segolene", "O'Brien" → "obrien". */
export const fold = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’`]/g, "")
    .toLowerCase();

interface Doc {
  id: number;
  label: string;
  names: string;
}

export class SearchIndex {
  private readonly mini: MiniSearch<Doc>;
  private readonly entities: EntityInfo[];

  constructor(entities: Iterable<EntityInfo>) {
    this.entities = [...entities];
    this.mini = new MiniSearch<Doc>({
      fields: ["label", "names"],
      processTerm: (term) => fold(term) || null,
      tokenize: (text) => text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean),
    });
    this.mini.addAll(this.entities.map((e, id) => ({ id, label: e.label, names: e.names.join(" \n ") })));
  }

  get size(): number {
    return this.entities.length;
  }

  search(query: string, options: { limit?: number; types?: EntityType[] } = {}): SearchHit[] {
    const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
    const types = options.types?.length ? new Set(options.types) : undefined;
    const folded = fold(query).trim();
    if (!folded) return [];
    const results = this.mini.search(query, {
      prefix: (term, i, terms) => i === terms.length - 1 || term.length > 3, // the word being typed, and longer words
      fuzzy: (term) => (term.length > 3 ? 0.25 : false),
      maxFuzzy: 2,
      combineWith: "AND",
      boost: { label: 2 },
      weights: { fuzzy: 0.3, prefix: 0.6 },
      filter: types ? (r) => types.has(this.entities[r.id as number].type) : undefined,
      // Well-known entities first among similar matches.
      boostDocument: (id) => 1 + Math.log10(1 + this.entities[id as number].articles),
    });
    return results.slice(0, limit).map((r) => {
      const e = this.entities[r.id as number];
      const wholeName = [e.label, ...e.names].find((n) => fold(n) === folded);
      const matched = wholeName ?? e.names.find((n) => fold(n).split(/\s+/).some((w) => r.terms.includes(w)));
      return {
        iri: e.iri,
        label: e.label,
        type: e.type,
        articles: e.articles,
        ...(matched && matched !== e.label && !fold(e.label).includes(fold(matched)) ? { matched } : {}),
        names: e.names,
        ...(e.wikidata ? { wikidata: e.wikidata } : {}),
      };
    });
  }
}
