// Worker thread for bench/remote.mjs: Comunica over an n3 Store holding the N-Quads file named in
// workerData, answering { id, text } messages with { id, rows } or { id, error }. The bench
// terminates this thread when a query passes its cap: a Comunica query stopped by destroying its
// stream kept working in the event loop it ran in (the bench's clients and newsgraph's server shared it).
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { QueryEngine } from "@comunica/query-sparql";
import { Parser, Store } from "n3";

const store = new Store(new Parser({ format: "N-Quads" }).parse(readFileSync(workerData.file, "utf8")));
const engine = new QueryEngine();
// The union of the graphs as default graph, as newsgraph answers.
const context = { sources: [store], unionDefaultGraph: true };
parentPort.on("message", async ({ id, text }) => {
  try {
    const stream = await engine.queryBindings(text, context);
    let rows = 0;
    for await (const _ of stream) rows++;
    parentPort.postMessage({ id, rows });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.message ?? e) });
  }
});
parentPort.postMessage({ ready: store.size });
