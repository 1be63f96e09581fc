// The digest of this checkout's sources that names their bundles (esbuild-bundle.mjs): the CLI's
// and the build workers' task module. Plain JavaScript, in a module of its own: the launcher
// (bin/newsgraph.js) and the build (through build-worker.mjs) both need it, and the CLI's bundle
// must not hold esbuild-bundle.mjs (its plugin rewrites what it reads).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Our sources (src/). */
export const SRC = fileURLToPath(new URL("./", import.meta.url));

/**
 * Each folder's digest, once per process: a process runs the bundles made from its sources as
 * they were when it started. Kept on globalThis because the CLI's bundle holds its own copy of
 * this module, and the launcher has already read the sources once.
 */
const DIGESTS = (globalThis[Symbol.for("newsgraph.sourcesDigests")] ??= new Map());

/** Digest of this checkout's src/ folder and every file under it: a change anywhere makes another bundle. */
export function sourcesDigest(dir = SRC) {
  let digest = DIGESTS.get(dir);
  if (digest) return digest;
  // The checkout's own folder too: checkouts sharing node_modules (git worktrees) with the same
  // sources must not run each other's bundle, whose data files and workers are the other's.
  const hash = createHash("sha256").update(`${dir}\n`);
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${path.slice(dir.length)}\n`).update(readFileSync(path));
    }
  };
  walk(dir);
  digest = hash.digest("hex").slice(0, 16);
  DIGESTS.set(dir, digest);
  return digest;
}
