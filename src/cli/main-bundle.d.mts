export declare const CLI_BUNDLE_DIR: string;
/** Digest of every file under src/. */
export declare function sourcesDigest(dir?: string): string;
/** The bundled CLI's entry for the sources as they are (made once). */
export declare function cliBundle(dir?: string): Promise<string>;
/** The bundled store worker of `serve` (src/serve/worker.ts), from the same bundle. */
export declare function serveWorkerBundle(dir?: string): Promise<string>;
/** Removes other bundles not made for a day, and leftovers of interrupted writes. */
export declare function pruneCliBundles(dir: string, keep: string, now?: number): Promise<void>;
