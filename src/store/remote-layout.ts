// Where a remote store keeps newsgraph's own bookkeeping: one named graph, in its own vocabulary
// (nothing in it is an ng: term, so queries over the graph never match it).
//
//   <…/store/state>            <…/store/manifest> "JSON"       the committed manifest (the commit point)
//   <…/store/piece/HASH>       <…/store/text>     "text"       a builder record, addressed by its content
//   <…/store/extraction/KEY>   <…/store/text>     "base64"     an article's extraction (gzip), for re-mapping it elsewhere
//   <…/store/claim/TOKEN>      <…/store/expires>  "ms"         a writer's claim on the lease (remote-lease.ts)
//   <…/store/state>            <…/store/writtenFromOutside> "time"   written over the endpoint since the last build
//   <…/store/writing>          <…/store/target>   "a ID" …     graphs a writer is changing (repaired if it dies)
export const STORE_NS = "https://w3id.org/newsgraph/store/";
export const META_GRAPH = `${STORE_NS}graph`;
export const STATE = `${STORE_NS}state`;
export const MANIFEST = `${STORE_NS}manifest`;
export const TEXT = `${STORE_NS}text`;
/** Set on the state when the graph was written from outside a build (over the endpoint): the next build checks every article. */
export const FOREIGN = `${STORE_NS}writtenFromOutside`;
export const WRITING = `${STORE_NS}writing`;
export const TARGET = `${STORE_NS}target`;
export const pieceIri = (hash: string): string => `${STORE_NS}piece/${hash}`;
export const extractionIri = (key: string): string => `${STORE_NS}extraction/${encodeURIComponent(key)}`;
