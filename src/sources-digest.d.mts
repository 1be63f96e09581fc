// Types of sources-digest.mjs.
export const SRC: string;
/** Digest of every file under src/ (and the folder's own path), once per process. */
export function sourcesDigest(dir?: string): string;
