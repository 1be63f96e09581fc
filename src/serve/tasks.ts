// What the HTTP layer asks of a store worker, and what comes back. Errors come back as
// values (status + message): an Error thrown across a worker boundary loses its fields.
import type { Format } from "./formats.ts";

/** The RDF dataset a query runs on. */
export type Dataset =
  /** The default graph is the union of every graph in the store (the endpoint's default). */
  | { kind: "union" }
  /** The query's own FROM / FROM NAMED clauses decide. */
  | { kind: "query" }
  /** The protocol's default-graph-uri / named-graph-uri parameters decide. */
  | { kind: "explicit"; defaultGraphs: string[]; namedGraphs: string[] };

/** Which part of the store a graph store request reads. */
export type GraphTarget = { kind: "default" } | { kind: "graph"; iri: string } | { kind: "dataset" };

export type Task =
  | { kind: "status"; reload: boolean }
  | { kind: "query"; query: string; format: Format; dataset: Dataset }
  | { kind: "read-graph"; target: GraphTarget; format: Format }
  | { kind: "describe"; iri: string; format: Format }
  | { kind: "resource-page"; iri: string }
  | { kind: "update"; update: string }
  | { kind: "write-graph"; method: "PUT" | "POST" | "DELETE"; target: Exclude<GraphTarget, { kind: "dataset" }>; body?: string; format?: Format };

export type ReadTask = Exclude<Task, { kind: "update" | "write-graph" }>;
export type WriteTask = Extract<Task, { kind: "update" | "write-graph" }>;

export type Reply =
  | { ok: true; revision: string; body?: Uint8Array; data?: unknown; created?: boolean; size?: number }
  | {
      ok: false;
      revision: string;
      status: number;
      message: string;
      /** The engine that answered is no longer trustworthy (it trapped, or holds a change the disk does not): discard it. */
      discard?: boolean;
    };

export type ReplyOk = Reply & { ok: true };

/** Messages between the pool and a store worker (see pool.ts, worker.ts). */
/** `snapshot`: the copy may be restored from (and saved as) an engine snapshot (store/engine-snapshot.ts). */
export type ToWorker = { type: "load"; snapshot: boolean } | { type: "task"; id: number; task: Task };
export type FromWorker =
  | { type: "booted" }
  /**
   * `note`: how the engine snapshot was used, or why not (empty when there is nothing to say);
   * `wroteSnapshot`: this copy wrote it (its scan for zero pages made its whole memory resident).
   */
  | { type: "ready"; revision: string; size: number; memory: number; note?: string; wroteSnapshot?: boolean }
  /** `retry`: the failure was the engine snapshot's (it was deleted): load again, without one. */
  | { type: "load-failed"; message: string; retry?: boolean }
  | { type: "reply"; id: number; reply: Reply; memory: number };

/** A reference to another resource, with its label when it has one. */
export interface Ref {
  iri: string;
  label?: string;
  types?: string[];
}

export interface ArticleRef extends Ref {
  fileName?: string;
  publisher?: string;
  datePublished?: string;
}

export interface FactView {
  iri: string;
  types: string[];
  articles: ArticleRef[];
  evidence: string[];
  confidence?: string;
  /** Every property of the fact: predicate IRI → values (IRIs as refs, literals as text). */
  values: Record<string, (Ref | { literal: string; datatype?: string; language?: string })[]>;
}

export interface PropertyRow {
  predicate: string;
  value: Ref | { literal: string; datatype?: string; language?: string };
  graph?: string;
}

/** All a resource page shows, gathered by a worker in one task. */
export interface ResourcePageData {
  iri: string;
  label?: string;
  types: string[];
  altLabels: string[];
  sameAs: string[];
  facts: FactView[];
  mentionedIn: ArticleRef[];
  coMentioned: (Ref & { shared: number })[];
  /** For an article: the entities it mentions. */
  mentions: Ref[];
  outgoing: PropertyRow[];
  incoming: (PropertyRow & { subject: Ref })[];
  /** Quads in the named graph of this IRI, when it names one. */
  graphSize: number;
  /** The SPARQL that gathered the page's main parts, for "Show the query". */
  queries: { title: string; query: string }[];
}
