// Link: entities → Wikidata items. (First version: the link owner replaces the internals.)
import type { Extraction, Links, Resolution } from "../model.ts";

export interface LinkOptions {
  /** Ask Wikidata's API for entities the gazetteer does not know. */
  online?: boolean;
  /** Where online answers are cached (under the store directory). */
  cacheDir?: string;
  /** Base URL of the Wikidata API host, e.g. https://www.wikidata.org */
  wikidataUrl?: string;
}

export async function linkEntities(_resolution: Resolution, _extractions: Extraction[], _options: LinkOptions = {}): Promise<Links> {
  return new Map();
}
