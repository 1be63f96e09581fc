// Kept apart from index.ts so that a build can compare it without loading the extractor.
/** Bump when extraction output changes, so cached extractions are redone. */
export const EXTRACTOR_VERSION = 87;
