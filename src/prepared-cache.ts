// Values prepared from data files at every start (the extractor's maps and sets of names), kept
// in node_modules/.cache/newsgraph/ in V8's serialization format: reading them back costs about
// half the CPU of preparing them again from text. A value is kept under a name that says what it
// was made from (a key the caller gives, e.g. the extractor's fingerprint of its sources and
// lexicon files; V8's version is added, the format being V8's), written to a temporary file and renamed (a reader sees a whole file or
// none, so two processes writing at once is harmless). A file that cannot be read, does not
// deserialize or does not look like the value is ignored and the value prepared again.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { replaceFileSync } from "./replace-file.ts";

export const PREPARED_DIR = fileURLToPath(new URL("../node_modules/.cache/newsgraph/", import.meta.url));
/** Files of other fingerprints (other checkouts sharing node_modules) are removed when this old. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A temporary file younger than this may belong to a process writing it now. */
const TMP_GRACE_MS = 10 * 60 * 1000;
/** Ends every file: a file cut short does not end with it. */
const TRAILER = Buffer.from("\nnewsgraph-prepared-end\n");

export interface PreparedOptions {
  /** A digest of what the value is made from (letters, digits, "-", "_"). */
  key: string;
  dir?: string;
}

/** The file a prepared value `name` is kept in. */
export function preparedFile(name: string, options: PreparedOptions): string {
  const v8 = process.versions.v8.replace(/[^0-9A-Za-z]+/g, "_");
  return join(options.dir ?? PREPARED_DIR, `${name}-${options.key}-v8_${v8}.v8`);
}

/**
 * The value `name`: read from its file when one is there and `looksRight` accepts it, else made by
 * `prepare` and written for the next process (when the folder is writable; if not, only made).
 * NEWSGRAPH_NO_PREPARED_CACHE set: always made, never read or written.
 */
export function preparedValue<T>(name: string, prepare: () => T, looksRight: (value: unknown) => value is T, options: PreparedOptions): T {
  if (process.env.NEWSGRAPH_NO_PREPARED_CACHE) return prepare();
  const file = preparedFile(name, options);
  const kept = readPrepared(file);
  if (kept !== undefined && looksRight(kept)) return kept;
  const value = prepare();
  writePrepared(file, value, name, options.dir ?? PREPARED_DIR);
  return value;
}

function readPrepared(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= TRAILER.length || !bytes.subarray(bytes.length - TRAILER.length).equals(TRAILER)) return undefined;
  try {
    return deserialize(bytes.subarray(0, bytes.length - TRAILER.length));
  } catch {
    return undefined;
  }
}

function writePrepared(file: string, value: unknown, name: string, dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    replaceFileSync(file, Buffer.concat([serialize(value), TRAILER]));
  } catch {
    return; // a read-only or full disk: the value was made, only not kept
  }
  prune(dir, name, file);
}

/** Removes the other files of `name` older than a day, and temporary files left by interrupted writes. */
function prune(dir: string, name: string, keep: string, now = Date.now()): void {
  const own = new RegExp(`^${name}-[0-9a-z_-]+\\.v8(\\.\\d+\\.[0-9a-z]+\\.tmp)?$`, "i");
  for (const entry of readdirSync(dir)) {
    if (!own.test(entry) || join(dir, entry) === keep) continue;
    try {
      const age = now - statSync(join(dir, entry)).mtimeMs;
      if (age >= (entry.endsWith(".tmp") ? TMP_GRACE_MS : KEEP_MS)) rmSync(join(dir, entry), { force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}
