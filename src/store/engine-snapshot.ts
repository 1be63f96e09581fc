// The engine snapshot of `serve`: the WebAssembly memory of an Oxigraph engine that has just
// loaded the store, saved next to the store (STORE/cache/serve/engine-REVISION-ENGINE.snap), so
// that the next worker puts those bytes back into its fresh engine instead of parsing 1 M quads
// again (10,000 articles: ~6.5 s of CPU for the load, ~0.6 s for the restore; BENCHMARKS.md).
//
// Why restoring memory gives back the same engine: everything Oxigraph's Rust code keeps lives in
// the instance's linear memory (the store's maps, the allocator, hash seeds, the random
// generator's state, thread-locals). Outside it are only: the wasm globals (the stack pointer,
// back at its start value whenever no call runs, and constants), the function table (fixed by the
// binary) and the table of JS values the bindings refer to by index (`__wbindgen_externrefs`: the
// Rust side caches the property names it reads, "termType", "value"..., in it). A snapshot is
// taken between calls in a worker that has loaded the store and run nothing else; it records that
// table's length and every value in it, and is refused when one is not a primitive or the global
// object (a value that could not be made again in another thread). A restore is allowed only into
// an instance nothing has used (engine-capture.mjs sameAsFresh), of the very same binary and glue
// (their sha256 is part of the file's name and header), for the revision of the store it was
// made from; the bytes are checked against their sha256 as they are read; then the store's quad
// count and a few of its quads (read from the store's pieces, hash-checked) are checked.
//
// Anything wrong before the memory is touched (no file, another key, a short or malformed file,
// sizes out of bounds): the snapshot is not used and the store loads as before. Anything wrong
// after (bytes not matching their hash, a failed check): the engine is unusable, the worker says
// so, the snapshot is deleted and the pool loads the copy again in a fresh thread, normally.
//
// NEWSGRAPH_NO_ENGINE_SNAPSHOT=1 turns snapshots off (neither read nor written).
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, renameSync, statSync, unlinkSync, writeSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type oxigraph from "oxigraph";
import { capturedOxigraphEngine, sameAsFresh, type CapturedEngine } from "./engine-capture.mjs";
import { graphPieces, type StoreManifest } from "./manifest.ts";
import { readPieces } from "./segments.ts";

const MAGIC = "newsgraph-engine-snapshot";
const FORMAT = 1;
/** Stores with less N-Quads text load in well under a second: no snapshot. */
export const SNAPSHOT_MIN_TEXT_BYTES = 32 << 20;
/** The largest memory a snapshot may hold (wasm32 addresses 4 GiB). */
const MAX_MEMORY_BYTES = 4 * 1024 ** 3 - (64 << 10);
const MAX_TABLE_LENGTH = 1 << 20;
const MAX_HEADER_BYTES = 64 << 20;
const WASM_PAGE = 64 << 10;
const STAGING = 2 << 20;
/** Quads of the store looked up after a restore. */
const SAMPLE_PIECES = 8;

export const snapshotsDisabled = (): boolean => !!process.env.NEWSGRAPH_NO_ENGINE_SNAPSHOT;
const minTextBytes = () => Number(process.env.NEWSGRAPH_TEST_SNAPSHOT_MIN_BYTES ?? SNAPSHOT_MIN_TEXT_BYTES);

export const snapshotDir = (storeDir: string): string => join(storeDir, "cache", "serve");
const SNAPSHOT_NAME = /^engine-([0-9A-Za-z]+)-([0-9a-f]{16})\.snap$/;

/** A table slot's value, as saved: [index, kind, value]. */
type Slot = [number, "null" | "boolean" | "number" | "string" | "global", (boolean | number | string)?];

interface Header {
  magic: typeof MAGIC;
  format: number;
  revision: string;
  engine: string;
  oxigraph: string;
  memoryBytes: number;
  /** The memory's non-zero parts, as [first 64 KiB page, pages]: the rest is zero, as in a fresh engine. */
  runs: [number, number][];
  tableLength: number;
  table: Slot[];
  storePtr: number;
  quads: number;
  /** N-Quads lines of the store, looked up after a restore. */
  samples: string[];
}

let engineIdentity: { id: string; version: string } | undefined;
/** sha256 of oxigraph's version, its WebAssembly binary and its JS glue: a snapshot is for that engine only. */
export function engineId(): { id: string; version: string } {
  if (engineIdentity) return engineIdentity;
  const require = createRequire(import.meta.url);
  const glue = require.resolve("oxigraph");
  const dir = dirname(glue);
  const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  const hash = createHash("sha256").update(`${version}\n`);
  for (const file of [glue, join(dir, "node_bg.wasm")]) hash.update(readFileSync(file));
  engineIdentity = { id: hash.digest("hex"), version };
  return engineIdentity;
}

export const snapshotFile = (storeDir: string, revision: string): string =>
  join(snapshotDir(storeDir), `engine-${revision}-${engineId().id.slice(0, 16)}.snap`);

const usableRevision = (revision: string) => /^[0-9A-Za-z]+$/.test(revision) && revision !== "empty";

const storeTextBytes = (manifest: StoreManifest) => graphPieces(manifest).reduce((n, r) => n + r.len, 0);

/** Why a snapshot was not used or not written (logged by the worker); undefined when it was. */
export type SnapshotOutcome = { store: oxigraph.Store; size: number; note?: undefined } | { store?: undefined; size?: undefined; note: string };

/** The engine's memory is gone: the worker must not serve; the snapshot was deleted. */
export class EngineRuinedError extends Error {}

/**
 * Restores the store of `manifest` from its snapshot into this thread's fresh engine. Returns the
 * store, or a note saying why not (then load normally: the engine is untouched). Throws
 * EngineRuinedError when the memory was overwritten and the result failed a check.
 */
export function restoreSnapshot(storeDir: string, manifest: StoreManifest, ox: typeof oxigraph): SnapshotOutcome {
  if (snapshotsDisabled()) return { note: "engine snapshots are off (NEWSGRAPH_NO_ENGINE_SNAPSHOT)" };
  if (!usableRevision(manifest.revision) || storeTextBytes(manifest) < minTextBytes()) return { note: "" };
  const engine = capturedOxigraphEngine();
  if (!engine) return { note: "engine snapshot not used: Oxigraph's instance was not captured" };
  const file = snapshotFile(storeDir, manifest.revision);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return { note: "" }; // none yet: this load writes one
  }
  let touched = false;
  /** A file that is not a usable snapshot of this store for this engine is deleted: the load writes a good one. */
  const unusable = (why: string): SnapshotOutcome => {
    remove(file);
    return { note: `engine snapshot ${file} not used: ${why}` };
  };
  try {
    const size = fstatSync(fd).size;
    const head = readHeader(fd, size);
    if (typeof head === "string") return unusable(head);
    const { header, dataOffset } = head;
    if (header.revision !== manifest.revision || header.engine !== engineId().id) return unusable("made for another store or engine");
    const expected = dataOffset + dataBytes(header) + 32;
    if (size !== expected) return unusable(`${size} bytes, not the ${expected} its header says`);
    if (header.memoryBytes < engine.memory.buffer.byteLength || header.tableLength < engine.table.length) return unusable("smaller than a fresh engine");
    if (!sameAsFresh(engine)) return { note: `engine snapshot ${file} not used: this thread's engine was used before` };

    // From here on the engine's memory is being replaced.
    touched = true;
    engine.memory.grow((header.memoryBytes - engine.memory.buffer.byteLength) / WASM_PAGE);
    engine.table.grow(header.tableLength - engine.table.length);
    const memory = new Uint8Array(engine.memory.buffer, 0, header.memoryBytes);
    const hash = createHash("sha256");
    hash.update(readExactly(fd, 0, dataOffset));
    // Through a small buffer: hashing it there is several times faster than in the engine's memory.
    const staging = Buffer.allocUnsafe(STAGING);
    let position = dataOffset;
    for (const [page, pages] of header.runs) {
      for (let at = page * WASM_PAGE, end = (page + pages) * WASM_PAGE; at < end; ) {
        const chunk = staging.subarray(0, Math.min(STAGING, end - at));
        readInto(fd, chunk, position);
        hash.update(chunk);
        memory.set(chunk, at);
        position += chunk.length;
        at += chunk.length;
      }
    }
    const trailer = readExactly(fd, position, 32);
    if (!hash.digest().equals(trailer)) throw new EngineRuinedError(`engine snapshot ${file}: its bytes do not match their hash`);
    for (let i = 0; i < header.tableLength; i++) engine.table.set(i, undefined);
    for (const [index, kind, value] of header.table) engine.table.set(index, kind === "null" ? null : kind === "global" ? globalThis : value);
    const store = Object.create(ox.Store.prototype) as oxigraph.Store & { __wbg_ptr: number };
    store.__wbg_ptr = header.storePtr;
    const problem = check(store, header, ox);
    if (problem) throw new EngineRuinedError(`engine snapshot ${file}: ${problem}`);
    return { store, size: header.quads };
  } catch (e) {
    if (!touched) return unusable((e as Error).message);
    remove(file);
    throw e instanceof EngineRuinedError ? e : new EngineRuinedError(`engine snapshot ${file}: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

function check(store: oxigraph.Store, header: Header, ox: typeof oxigraph): string | undefined {
  const size = store.size;
  if (size !== header.quads) return `the restored store holds ${size} quads, not ${header.quads}`;
  for (const line of header.samples) {
    const [quad] = ox.parse(line, { format: "application/n-quads" }) as oxigraph.Quad[];
    if (!quad || !store.has(quad)) return `a quad of the store is missing after the restore (${line.slice(0, 200)})`;
  }
  return undefined;
}

const dataBytes = (h: Header) => h.runs.reduce((n, [, pages]) => n + pages * WASM_PAGE, 0);

function readHeader(fd: number, size: number): { header: Header; dataOffset: number } | string {
  if (size < MAGIC.length + 5) return "too short";
  const start = readExactly(fd, 0, MAGIC.length + 5);
  if (start.subarray(0, MAGIC.length).toString("latin1") !== MAGIC || start[MAGIC.length] !== 0x0a) return "not an engine snapshot";
  const length = start.readUInt32LE(MAGIC.length + 1);
  if (length > MAX_HEADER_BYTES || MAGIC.length + 5 + length > size) return "its header is cut short";
  let header: Header;
  try {
    header = JSON.parse(readExactly(fd, MAGIC.length + 5, length).toString("utf8")) as Header;
  } catch {
    return "its header is not JSON";
  }
  const bad = headerProblem(header);
  if (bad) return bad;
  // The memory starts on an 8-byte boundary.
  const dataOffset = Math.ceil((MAGIC.length + 5 + length) / 8) * 8;
  return { header, dataOffset };
}

function headerProblem(h: Header): string | undefined {
  const int = (n: unknown, max: number) => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= max;
  if (h?.magic !== MAGIC || h.format !== FORMAT) return "another snapshot format";
  if (typeof h.revision !== "string" || typeof h.engine !== "string") return "its header lacks the key";
  if (!int(h.memoryBytes, MAX_MEMORY_BYTES) || h.memoryBytes % WASM_PAGE !== 0) return "its memory size is out of bounds";
  if (!Array.isArray(h.runs)) return "its memory map is malformed";
  let next = 0;
  for (const run of h.runs) {
    if (!Array.isArray(run) || !int(run[0], h.memoryBytes / WASM_PAGE) || !int(run[1], h.memoryBytes / WASM_PAGE) || run[1] === 0 || run[0] < next || run[0] + run[1] > h.memoryBytes / WASM_PAGE) return "its memory map is malformed";
    next = run[0] + run[1];
  }
  if (!int(h.tableLength, MAX_TABLE_LENGTH)) return "its table length is out of bounds";
  if (!int(h.storePtr, h.memoryBytes - 1) || h.storePtr === 0) return "its store pointer is out of bounds";
  if (!int(h.quads, Number.MAX_SAFE_INTEGER)) return "its quad count is not a count";
  if (!Array.isArray(h.samples) || !h.samples.every((s) => typeof s === "string")) return "its sample quads are malformed";
  if (!Array.isArray(h.table)) return "its table is malformed";
  for (const slot of h.table) {
    if (!Array.isArray(slot) || !int(slot[0], h.tableLength - 1)) return "its table is malformed";
    const [, kind, value] = slot;
    const ok =
      kind === "null" || kind === "global" ||
      (kind === "boolean" && typeof value === "boolean") ||
      (kind === "number" && typeof value === "number") ||
      (kind === "string" && typeof value === "string");
    if (!ok) return "its table is malformed";
  }
  return undefined;
}

/**
 * Saves the engine's memory after a normal load of `manifest` into `store`, which must be the
 * first thing this thread's engine did. Written to a temporary file, then renamed; other snapshots
 * of the store are deleted. Returns a note when none was written (why), or the file's size.
 */
export async function saveSnapshot(storeDir: string, manifest: StoreManifest, store: oxigraph.Store): Promise<string> {
  if (snapshotsDisabled() || !usableRevision(manifest.revision) || storeTextBytes(manifest) < minTextBytes()) return "";
  const engine = capturedOxigraphEngine();
  if (!engine) return "engine snapshot not written: Oxigraph's instance was not captured";
  const file = snapshotFile(storeDir, manifest.revision);
  try {
    closeSync(openSync(file, "r"));
    return ""; // another copy wrote it
  } catch {
    // none yet
  }
  const table = tableSlots(engine);
  if (typeof table === "string") return `engine snapshot not written: ${table}`;
  const samples = await sampleQuads(storeDir, manifest);
  const quads = store.size;
  // Everything read or computed: from here on nothing may call the engine until the bytes are written.
  const memoryBytes = engine.memory.buffer.byteLength;
  const memory = new Uint8Array(engine.memory.buffer, 0, memoryBytes);
  const header: Header = {
    magic: MAGIC,
    format: FORMAT,
    revision: manifest.revision,
    engine: engineId().id,
    oxigraph: engineId().version,
    memoryBytes,
    runs: nonZeroRuns(memory),
    tableLength: engine.table.length,
    table,
    storePtr: (store as unknown as { __wbg_ptr: number }).__wbg_ptr,
    quads,
    samples,
  };
  if (memoryBytes > MAX_MEMORY_BYTES) return "engine snapshot not written: the engine's memory is too large";
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const dataOffset = Math.ceil((MAGIC.length + 5 + json.length) / 8) * 8;
  const head = Buffer.alloc(dataOffset);
  head.write(MAGIC, 0, "latin1");
  head[MAGIC.length] = 0x0a;
  head.writeUInt32LE(json.length, MAGIC.length + 1);
  json.copy(head, MAGIC.length + 5);
  const dir = snapshotDir(storeDir);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(tmp, "w");
    const hash = createHash("sha256").update(head);
    writeAll(fd, head);
    for (const [page, pages] of header.runs) {
      const run = memory.subarray(page * WASM_PAGE, (page + pages) * WASM_PAGE);
      for (let at = 0; at < run.length; at += STAGING) {
        const chunk = run.subarray(at, at + STAGING);
        hash.update(chunk);
        writeAll(fd, chunk);
      }
    }
    writeAll(fd, hash.digest());
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // not made
    }
    return `engine snapshot not written: ${(e as Error).message}`;
  }
  pruneSnapshots(storeDir, manifest.revision, engineId().id.slice(0, 16));
  return `engine snapshot written (${Math.round((dataOffset + dataBytes(header) + 32) / 2 ** 20)} MB of the engine's ${Math.round(memoryBytes / 2 ** 20)} MB)`;
}

/** The memory's runs of 64 KiB pages holding something else than zeros (about half of a loaded store's memory is zeros). */
function nonZeroRuns(memory: Uint8Array): [number, number][] {
  const zero = Buffer.alloc(WASM_PAGE);
  const bytes = Buffer.from(memory.buffer, memory.byteOffset, memory.byteLength);
  const runs: [number, number][] = [];
  for (let page = 0; page * WASM_PAGE < bytes.length; page++) {
    if (bytes.subarray(page * WASM_PAGE, (page + 1) * WASM_PAGE).equals(zero)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === page) last[1] += 1;
    else runs.push([page, 1]);
  }
  return runs;
}

/** The JS values the engine refers to: primitives and the global object only, else a reason. */
function tableSlots(engine: CapturedEngine): Slot[] | string {
  const slots: Slot[] = [];
  for (let i = 0; i < engine.table.length; i++) {
    const v: unknown = engine.table.get(i);
    if (v === undefined) continue;
    if (v === null) slots.push([i, "null"]);
    else if (v === globalThis) slots.push([i, "global"]);
    else if (typeof v === "boolean" || typeof v === "string") slots.push([i, typeof v as "boolean" | "string", v]);
    else if (typeof v === "number" && Number.isFinite(v)) slots.push([i, "number", v]);
    else return `the engine holds a JS value of type ${typeof v} (slot ${i}) that cannot be saved`;
  }
  return slots;
}

/** The first line of a few pieces spread over the store. */
async function sampleQuads(storeDir: string, manifest: StoreManifest): Promise<string[]> {
  const pieces = graphPieces(manifest).filter((r) => r.len > 0);
  const step = Math.max(1, Math.floor(pieces.length / SAMPLE_PIECES));
  const refs = pieces.filter((_, i) => i % step === 0).slice(0, SAMPLE_PIECES);
  const texts = await readPieces(storeDir, refs);
  // Blank nodes are left out: a parser may relabel them.
  return texts.map((t) => t.toString("utf8").split("\n")[0]).filter((l) => l.trim() && !l.startsWith("#") && !l.includes("_:"));
}

/** Interrupted writes older than this are deleted (a younger one may be another process's write). */
const TMP_KEEP_MS = 10 * 60 * 1000;

/**
 * Deletes snapshots of other revisions (and, when `keepEngine` is given, of other engines) and
 * leftovers of interrupted writes. The build calls it when it commits a new revision.
 */
export function pruneSnapshots(storeDir: string, keepRevision: string, keepEngine?: string): void {
  const dir = snapshotDir(storeDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const m = SNAPSHOT_NAME.exec(name);
    let stale = !!m && (m[1] !== keepRevision || (keepEngine !== undefined && m[2] !== keepEngine));
    if (!m && /^engine-.*\.snap\..*\.tmp$/.test(name)) {
      try {
        stale = Date.now() - statSync(path).mtimeMs > TMP_KEEP_MS;
      } catch {
        stale = false;
      }
    }
    if (!stale) continue;
    try {
      unlinkSync(path);
    } catch {
      // another process removed it
    }
  }
}

function remove(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // gone already
  }
}

function readExactly(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  readInto(fd, buf, position);
  return buf;
}

function readInto(fd: number, view: Uint8Array, position: number): void {
  for (let done = 0; done < view.length; ) {
    const n = readSync(fd, view, done, view.length - done, position + done);
    if (n === 0) throw new Error("the file ended early");
    done += n;
  }
}

function writeAll(fd: number, view: Uint8Array): void {
  for (let done = 0; done < view.length; ) done += writeSync(fd, view, done, view.length - done);
}
