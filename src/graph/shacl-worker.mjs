// Entry of a SHACL validation worker thread. Worker threads do not inherit the tsx loader the
// main thread registered, so register it here before loading the TypeScript module.
import { register } from "tsx/esm/api";

register();
const { validateBatch } = await import("./shacl.ts");
export default validateBatch;
