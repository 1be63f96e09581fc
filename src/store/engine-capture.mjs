// Catches Oxigraph's WebAssembly instance as its module creates it, for the engine snapshot of
// `serve` (engine-snapshot.ts). oxigraph's glue (node_modules/oxigraph/node.js) keeps the
// instance's exports — its linear memory and the table of JS values it refers to — private; they
// are needed to save a loaded store's memory and to put it back into a fresh instance.
//
// captureOxigraphEngine() must run before anything loads oxigraph (the serve worker's entry calls
// it first). It replaces WebAssembly.Instance until the first instance that looks like
// Oxigraph's (store_new, memory, the externref table, the bindgen start) is made, then puts the
// original back. The glue gets the instance's own exports, except that its start function also
// records the memory as the start left it: restoring a snapshot is allowed only into memory that
// nothing has used since (sameAsFresh). When oxigraph was loaded before, nothing is captured and
// the snapshot is simply not used.
import { createHash } from "node:crypto";

const KEY = Symbol.for("newsgraph.oxigraph-engine");

const memoryDigest = (memory) => createHash("sha256").update(new Uint8Array(memory.buffer)).digest("hex");

const looksLikeOxigraph = (exports) =>
  typeof exports.store_new === "function" &&
  typeof exports.__wbindgen_start === "function" &&
  exports.memory instanceof WebAssembly.Memory &&
  exports.__wbindgen_externrefs instanceof WebAssembly.Table;

export function captureOxigraphEngine() {
  if (globalThis[KEY] !== undefined) return;
  globalThis[KEY] = null;
  const Original = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Original, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      const exports = instance.exports;
      if (!looksLikeOxigraph(exports)) return instance;
      WebAssembly.Instance = Original;
      const engine = { memory: exports.memory, table: exports.__wbindgen_externrefs, fresh: undefined };
      globalThis[KEY] = engine;
      const start = exports.__wbindgen_start;
      const glueExports = Object.assign(Object.create(null), exports, {
        __wbindgen_start() {
          start();
          engine.fresh = { bytes: exports.memory.buffer.byteLength, tableLength: exports.__wbindgen_externrefs.length, digest: memoryDigest(exports.memory) };
        },
      });
      return { exports: glueExports };
    },
  });
}

/** The captured engine: { memory, table, fresh }, or undefined when oxigraph was loaded before the capture. */
export function capturedOxigraphEngine() {
  return globalThis[KEY] ?? undefined;
}

/** True when the engine's memory is exactly as its start left it: no store, no term made yet. */
export function sameAsFresh(engine) {
  const fresh = engine.fresh;
  if (!fresh || engine.memory.buffer.byteLength !== fresh.bytes || engine.table.length !== fresh.tableLength) return false;
  return memoryDigest(engine.memory) === fresh.digest;
}
