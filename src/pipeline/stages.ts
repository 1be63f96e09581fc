// What a build loads only when it has work to do (see build.ts): resolution, linking and the
// SHACL validator (rdf-ext and shacl-engine alone take about a second to load).
export { resolve } from "../resolve/index.ts";
export { linkEntities } from "../link/index.ts";
export { formatReport, validatePart } from "../graph/shacl.ts";
export { draftEntities, describe, idRequest, assignIds, baseId, connectingKeys, nameKey, shapeKey } from "../resolve/index.ts";
export { linkEntitiesLazily } from "../link/index.ts";
import { loadGazetteer } from "../link/gazetteer.ts";
export { MentionTable, resolveCorpus } from "../resolve/corpus.ts";

/** Loads the shipped gazetteer ahead of linking: a build waiting on its worker does it meanwhile. */
export const preloadLinking = (): Promise<unknown> => loadGazetteer();
