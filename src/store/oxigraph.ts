// Oxigraph, loaded on first use: its module compiles a 4 MB WebAssembly binary when imported
// (~0.2 s on the main thread, and more on V8's helper threads optimising it), which a build,
// writing N-Quads pieces only, never needs. Reading or saving a whole store loads it.
import type oxigraph from "oxigraph";

let loading: Promise<typeof oxigraph> | undefined;

export function loadOxigraph(): Promise<typeof oxigraph> {
  loading ??= import("oxigraph").then((m) => m.default);
  return loading;
}
