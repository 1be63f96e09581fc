// Entry of a store worker thread. Worker threads do not inherit the tsx loader that
// bin/newsgraph.js registers, so register it here before loading the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
