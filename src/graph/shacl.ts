// SHACL validation of the graph against ontology/shapes.ttl, with shacl-engine (measured against
// rdf-validate-shacl on the same shapes and data: about twice as fast, the same reports; see
// BENCHMARKS.md and test/graph/shacl-engines.test.ts). rdf-validate-shacl stays for that comparison.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type SHACLValidator from "rdf-validate-shacl";
import type { Validator as EngineValidator } from "shacl-engine";
import { DataFactory, Parser, Store } from "n3";
import type { Quad, Term } from "@rdfjs/types";
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { ENTITIES_GRAPH, NG, ONTOLOGY_GRAPH, RDF, RESOURCE, compactIri } from "./vocab.ts";
import { nquadLine } from "./nquads.ts";
import { DataIndex, compileQuickCheck, type QuickCheck } from "./shacl-quick.ts";

const ARTICLE_GRAPH_PREFIX = `${RESOURCE}graph/article/`;

export const SHAPES_FILE = fileURLToPath(new URL("../../ontology/shapes.ttl", import.meta.url));

export interface Violation {
  focusNode: string;
  path?: string;
  value?: string;
  message: string;
  /** The SHACL constraint component, e.g. "MinCountConstraintComponent". */
  constraint: string;
}

export interface ValidationReport {
  conforms: boolean;
  violations: Violation[];
}

/** Where validated-and-conforming parts of the graph are remembered between builds. */
export interface ValidationCache {
  has(key: string): boolean;
  add(key: string): void;
}

export interface ValidateOptions {
  /** Skip parts of the graph that conformed before with the same shapes (and remember new ones). */
  cache?: ValidationCache;
  /** Article graphs validated together in one pass (fewer passes are faster; see BENCHMARKS.md). */
  batchSize?: number;
  /**
   * Worker threads to validate batches in parallel when there are at least three batches (a
   * worker costs about a second to start). Default: the cores available; 1 validates here.
   */
  threads?: number;
  /** Default shacl-engine (see ShaclEngine). */
  engine?: ShaclEngine;
}

const SH = "http://www.w3.org/ns/shacl#";
const TYPE = RDF + "type";
/** Shapes for these classes check the entities graph; the others check article graphs. */
const ENTITY_CLASSES = new Set(["Person", "Organisation", "Country", "Place", "LinkCandidate"].map((c) => NG + c));
type ShapeSet = "facts" | "entities" | "all";

/**
 * The two engines measured; shacl-engine is the one the build uses, after a quick check that
 * sends it only data that may not conform ("without quick check": the engine on everything).
 */
export type ShaclEngine = "shacl-engine" | "rdf-validate-shacl" | "shacl-engine without quick check";

let shapesText: string | undefined;
const validators = new Map<string, SHACLValidator | EngineValidator>();
const quickChecks = new Map<ShapeSet, QuickCheck | undefined>();

/** The shapes of one subset, as quads. */
function shapeQuads(set: ShapeSet): Quad[] {
  shapesText ??= readFileSync(SHAPES_FILE, "utf8");
  const all = new Parser({ baseIRI: "https://w3id.org/newsgraph/shapes" }).parse(shapesText);
  return set === "all" ? all : shapeSubset(all, set === "entities");
}

/**
 * rdf-ext and the engines, loaded on first use: most data passes the quick check and never
 * needs them, and loading them (rdf-ext brings JSON-LD and HTTP clients) costs about half a
 * second of CPU, which a build worker or a one-article build would otherwise pay at start.
 */
const rdfExt = async () => (await import("rdf-ext")).default;

/** One validator per engine and subset of the shapes, made once (building one costs more than a small validation). */
async function validatorFor(set: ShapeSet, engine: ShaclEngine): Promise<SHACLValidator | EngineValidator> {
  let validator = validators.get(`${engine} ${set}`);
  if (!validator) {
    const rdf = await rdfExt();
    const shapes = rdf.dataset(shapeQuads(set));
    validator =
      engine === "shacl-engine"
        ? new (await import("shacl-engine")).Validator(shapes, { factory: rdf })
        : new (await import("rdf-validate-shacl")).default(shapes);
    validators.set(`${engine} ${set}`, validator);
  }
  return validator;
}

/** The quick conformance check of a subset of the shapes (undefined: the shapes need the engine). */
function quickCheckFor(set: ShapeSet): QuickCheck | undefined {
  if (!quickChecks.has(set)) quickChecks.set(set, compileQuickCheck(shapeQuads(set)));
  return quickChecks.get(set);
}

/** Digest of the shapes: a part validated with other shapes is validated again. */
export function shapesDigest(): string {
  shapesText ??= readFileSync(SHAPES_FILE, "utf8");
  return createHash("sha256").update(shapesText).digest("hex").slice(0, 16);
}

/** The node shapes whose targets are (or are not) entity classes, with the blank nodes they use. */
function shapeSubset(all: Quad[], entities: boolean): Quad[] {
  const bySubject = new Map<string, Quad[]>();
  for (const q of all) bySubject.set(q.subject.value, [...(bySubject.get(q.subject.value) ?? []), q]);
  const out: Quad[] = [];
  const visit = (subject: string) => {
    for (const q of bySubject.get(subject) ?? []) {
      out.push(q);
      if (q.object.termType === "BlankNode") visit(q.object.value);
    }
  };
  for (const [subject, quads] of bySubject) {
    const targets = quads.filter((q) => q.predicate.value === SH + "targetClass").map((q) => q.object.value);
    if (targets.length && targets.every((t) => ENTITY_CLASSES.has(t)) === entities) visit(subject);
  }
  return out;
}

/**
 * Validates the graph against ontology/shapes.ttl. It is checked in parts that give the same
 * answer as the whole: each article graph (with the types of the entities it points to) against
 * the article and fact shapes, and the entities graph (with every ng:mentionedIn) against the
 * entity shapes. Parts seen before (options.cache) are skipped, so a rebuild validates only what
 * changed. Quads outside these graphs (other than the ontology) are checked against every shape.
 */
export async function validateQuads(quads: Iterable<Quad>, options: ValidateOptions = {}): Promise<ValidationReport> {
  const entityQuads: Quad[] = [];
  const articleGraphs = new Map<string, Quad[]>();
  const other: Quad[] = [];
  const mentions: Quad[] = [];
  const articleTypes: Quad[] = [];
  for (const q of quads) {
    const g = q.graph.value;
    if (g === ENTITIES_GRAPH) entityQuads.push(q);
    else if (g.startsWith(ARTICLE_GRAPH_PREFIX)) {
      let list = articleGraphs.get(g);
      if (!list) articleGraphs.set(g, (list = []));
      list.push(q);
      if (q.predicate.value === NG + "mentionedIn") mentions.push(q);
      else if (q.predicate.value === TYPE && q.object.value === NG + "Article") articleTypes.push(q);
    } else if (g !== ONTOLOGY_GRAPH) other.push(q);
  }
  // Anything outside the graphs the builder writes: check it all together, against every shape.
  if (other.length) return validateUnits([{ set: "all", quads: [...entityQuads, ...[...articleGraphs.values()].flat(), ...other] }], options);

  const typesOf = new Map<string, Quad[]>();
  for (const q of entityQuads) {
    if (q.predicate.value !== TYPE) continue;
    let list = typesOf.get(q.subject.value);
    if (!list) typesOf.set(q.subject.value, (list = []));
    list.push(q);
  }
  const units: Unit[] = [{ set: "entities", quads: [...entityQuads, ...mentions, ...articleTypes] }];
  for (const graph of articleGraphs.values()) {
    const referenced = new Set<string>();
    for (const q of graph) {
      if (q.object.termType === "NamedNode") referenced.add(q.object.value);
      if (q.subject.termType === "NamedNode") referenced.add(q.subject.value);
    }
    units.push({ set: "facts", quads: [...graph, ...[...referenced].flatMap((iri) => typesOf.get(iri) ?? [])] });
  }
  return validateUnits(units, options);
}

interface Unit {
  set: ShapeSet;
  quads: Quad[];
}

async function validateUnits(units: Unit[], options: ValidateOptions): Promise<ValidationReport> {
  const { cache, batchSize = 250, threads = availableParallelism(), engine } = options;
  shapesText ??= readFileSync(SHAPES_FILE, "utf8");
  const shapesDigest = createHash("sha256").update(shapesText).digest("hex");
  const keyed = units.map((u) => ({ ...u, key: unitKey(shapesDigest, u) }));
  const todo = cache ? keyed.filter((u) => !cache.has(u.key)) : keyed;
  const batches: (typeof todo)[] = [];
  for (const set of ["entities", "all", "facts"] as const) {
    const ofSet = todo.filter((u) => u.set === set);
    for (let i = 0; i < ofSet.length; i += batchSize) batches.push(ofSet.slice(i, i + batchSize));
  }
  const violations: Violation[] = [];
  // Workers pay off from three batches on (the entities and at least two of articles); fewer
  // are validated here, as starting a worker costs about as much as a batch.
  const results = batches.length >= 3 && threads > 1 ? await inWorkers(batches, threads, engine) : undefined;
  for (const [i, batch] of batches.entries()) {
    const found = results ? results[i] : await runValidator(batch[0].set, batch.flatMap((u) => u.quads), engine);
    if (found.length) violations.push(...found);
    else for (const u of batch) cache?.add(u.key);
  }
  // The same violation can be found in two parts (an entity's type seen from two articles).
  const unique = sortViolations(violations);
  return { conforms: unique.length === 0, violations: unique };
}

/** Validates batches on a pool of worker threads (see shacl-worker.mjs); results in batch order. */
async function inWorkers(batches: Unit[][], threads: number, engine?: ShaclEngine): Promise<Violation[][]> {
  const { Piscina } = await import("piscina");
  const pool = new Piscina({
    filename: new URL("./shacl-worker.mjs", import.meta.url).href,
    minThreads: 1,
    maxThreads: Math.min(threads, batches.length),
  });
  try {
    return await Promise.all(
      batches.map((batch) => pool.run({ set: batch[0].set, engine, nquads: batch.flatMap((u) => u.quads.map(nquadLine)).join("") }) as Promise<Violation[]>),
    );
  } finally {
    await pool.destroy();
  }
}

/** A worker's task: one batch of quads (as N-Quads text) against one subset of the shapes. */
export async function validateBatch(task: { set: ShapeSet; nquads: string; engine?: ShaclEngine }): Promise<Violation[]> {
  return runValidator(task.set, new Parser({ format: "N-Quads" }).parse(task.nquads), task.engine);
}

function unitKey(shapesDigest: string, unit: Unit): string {
  const lines = unit.quads.map(nquadLine).sort();
  const hash = createHash("sha256").update(shapesDigest).update(unit.set);
  for (const line of lines) hash.update(line);
  return hash.digest("hex").slice(0, 32);
}

/**
 * Validates one part of the graph: an article graph with the types of the entities it points to
 * ("facts"), or entity descriptions with their ng:mentionedIn and the articles' types ("entities").
 */
export async function validatePart(set: "facts" | "entities", quads: Quad[], engine: ShaclEngine = "shacl-engine"): Promise<Violation[]> {
  return sortViolations(await runValidator(set, quads, engine));
}

/**
 * The quick check alone (see shacl-quick.ts): true when the part conforms for sure, false when it
 * may not, undefined when the shapes use what the quick check does not implement.
 */
export function quickConforms(set: "facts" | "entities", quads: Quad[]): boolean | undefined {
  return quickCheckFor(set)?.(new DataIndex(quads.map((q) => DataFactory.quad(q.subject, q.predicate, engineSafe(q.object)))));
}

async function runValidator(set: ShapeSet, quads: Quad[], engine: ShaclEngine = "shacl-engine"): Promise<Violation[]> {
  if (engine === "rdf-validate-shacl") {
    const rdf = await rdfExt();
    const data = rdf.dataset();
    // Graph names dropped: the shapes see one graph, as SHACL defines it.
    for (const q of quads) data.add(rdf.quad(q.subject, q.predicate, q.object));
    const report = await ((await validatorFor(set, engine)) as SHACLValidator).validate(data);
    return report.results.map((r) => ({
      focusNode: r.focusNode?.value ?? "",
      path: r.path?.value,
      value: r.value?.value,
      message: readable(r.message.map((m) => m.value).join("; ")),
      constraint: (r.sourceConstraintComponent?.value ?? "").replace(/^.*#/, ""),
    }));
  }
  const safe = quads.map((q) => DataFactory.quad(q.subject, q.predicate, engineSafe(q.object)));
  // Most data conforms: the quick check says so for a fraction of the engine's cost, and only
  // data that may not conform goes to the engine, which writes the report (see shacl-quick.ts).
  const quick = engine === "shacl-engine" ? quickCheckFor(set) : undefined;
  if (quick?.(new DataIndex(safe))) return [];
  const data = new Store(safe);
  const report = await ((await validatorFor(set, "shacl-engine")) as EngineValidator).validate({ dataset: readOnlyView(data) as unknown as Store });
  return (report.results as EngineResult[]).map((r) => {
    const step = r.path?.length === 1 && r.path[0].predicates?.length === 1 ? r.path[0] : undefined;
    return {
      focusNode: r.focusNode?.term?.value ?? "",
      // A simple path is its predicate; a node shape's result has none (as rdf-validate-shacl reports).
      path: step && step.start === "subject" ? step.predicates[0].value : undefined,
      value: r.value?.term?.value,
      message: readable(r.message.map((m) => m.value).join("; ")),
      constraint: (r.constraintComponent?.value ?? "").replace(/^.*#/, ""),
    };
  });
}

/**
 * The data as shacl-engine reads it: n3's Store.match() makes a Node stream object per call, and
 * the engine calls it for every step of every path (most of a validation's time and garbage);
 * this view answers each match() with an array instead. Validation only reads the data.
 */
function readOnlyView(store: Store) {
  return {
    get size() {
      return store.size;
    },
    has: (q: Quad) => store.has(q),
    match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null) {
      const quads = store.getQuads(subject ?? null, predicate ?? null, object ?? null, graph ?? null);
      return { size: quads.length, [Symbol.iterator]: () => quads[Symbol.iterator]() };
    },
  };
}

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * shacl-engine 1.1 (its rdf-validation dependency) takes every string with a character beyond the
 * Basic Multilingual Plane (an emoji, a rare CJK ideograph) for an invalid xsd:string: its pattern
 * has no Unicode flag. Such a character is one character to SHACL either way, so it is handed over
 * as one private-use BMP character; a lone surrogate half stays, and is still invalid.
 */
function engineSafe(term: Quad["object"]): Quad["object"] {
  if (term.termType !== "Literal" || term.datatype.value !== XSD_STRING || !SURROGATE_PAIR.test(term.value)) return term;
  SURROGATE_PAIR.lastIndex = 0;
  return DataFactory.literal(term.value.replace(SURROGATE_PAIR, "\uE000"));
}

/** The parts of a shacl-engine result read here. */
interface EngineResult {
  focusNode?: { term?: { value: string } };
  path?: { start: string; predicates: { value: string }[] }[];
  value?: { term?: { value: string } };
  message: { value: string }[];
  constraintComponent?: { value: string };
}

function sortViolations(violations: Violation[]): Violation[] {
  const unique = [...new Map(violations.map((v) => [JSON.stringify(v), v])).values()];
  unique.sort((a, b) => a.focusNode.localeCompare(b.focusNode) || (a.path ?? "").localeCompare(b.path ?? "") || a.constraint.localeCompare(b.constraint) || (a.value ?? "").localeCompare(b.value ?? ""));
  return unique;
}
/** A report a person can read: one line per violation, the first `limit` of them. */
export function formatReport(report: ValidationReport, limit = 50): string {
  if (report.conforms) return "The graph conforms to the SHACL shapes.";
  const lines = report.violations.slice(0, limit).map((v) => {
    const where = v.path ? ` ${compactIri(v.path)}` : "";
    const value = v.value !== undefined ? ` (value: ${v.value.length > 60 ? v.value.slice(0, 57) + "..." : v.value})` : "";
    return `  ${compactIri(v.focusNode, true)}${where}: ${v.message}${value} [${v.constraint}]`;
  });
  const more = report.violations.length > limit ? `\n  ... and ${report.violations.length - limit} more` : "";
  return `SHACL: ${report.violations.length} violation(s) of ontology/shapes.ttl:\n${lines.join("\n")}${more}`;
}

/** rdf-validate-shacl's default messages, said the way a person would. */
function readable(message: string): string {
  return (
    message
      .replace(/^Less than (\d+) values?$/, (_, n) => `missing: needs at least ${n} value(s)`)
      .replace(/^More than (\d+) values?$/, (_, n) => `too many values: at most ${n} allowed`)
      // The two engines word these defaults differently: one wording, the value shown apart.
      .replace(/^Value is not (?:in .*|one of the allowed values: .*)$/, "not one of the allowed values")
      .replace(/"([^"]*)"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#(?:integer|decimal)>/g, "$1") || "does not conform to its shape"
  );
}
