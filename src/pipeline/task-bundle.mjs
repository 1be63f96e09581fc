// The build workers' task module bundled by esbuild (see article-worker.mjs): one bundle per state
// of the sources (build-worker.mjs taskBundleKey) in node_modules/.cache/newsgraph/ (esbuild-bundle.mjs). Making a
// new one removes the others at once (and leftovers of interrupted writes), so the folder holds only
// the current sources' bundle instead of one more per code change.
import { fileURLToPath } from "node:url";
import { BUNDLE_DIR, cachedBundle, pruneBundles as prune } from "../esbuild-bundle.mjs";

export { BUNDLE_DIR };
const KIND = /^article-task-[0-9a-z]+\.mjs$/;

/** The bundled task module for this key, made once (two workers making it at once is harmless). */
export function taskBundle(key, dir = BUNDLE_DIR) {
  return cachedBundle({
    dir,
    name: `article-task-${key}.mjs`,
    kind: KIND,
    keepMs: 0,
    options: { entryPoints: [fileURLToPath(new URL("./article-task.ts", import.meta.url))] },
  });
}

/**
 * Removes every other fingerprint's bundle and old temporary files. A build of another version
 * still loading one it removed falls back to tsx (article-worker.mjs): slower, same result.
 */
export const pruneBundles = (dir, keep) => prune(dir, keep, KIND, 0);
