// A quick conformance check before shacl-engine: the part of SHACL Core that ontology/shapes.ttl
// uses, compiled from the same shapes into plain functions over an index of the data, with
// shacl-engine's own semantics (direct rdf:type targets, its datatype check and term
// comparison). It answers only "conforms" or "may not": on "may not" shacl-engine validates and
// writes the report, so every report is still the engine's. A validation that conforms (nearly
// all of a build's) costs a few index look-ups instead of the engine's pointer walks, which are
// most of a build's SHACL time and garbage (BENCHMARKS.md). Shapes using anything this does not
// know compile to no check at all: the engine then validates everything, as before.
import type { Quad, Term } from "@rdfjs/types";
import { XsdValidation } from "rdf-validation";
import compareTerms from "shacl-engine/lib/compareTerms.js";

const SH = "http://www.w3.org/ns/shacl#";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDF_TYPE = RDF + "type";

/** The data, indexed by subject and predicate; objects are distinct (a validator sees a set of triples). */
export class DataIndex {
  private readonly bySubject = new Map<string, { term: Term; predicates: Map<string, Map<string, Term>> }>();
  readonly size: number;

  constructor(quads: Iterable<Quad>) {
    let size = 0;
    for (const q of quads) {
      let subject = this.bySubject.get(key(q.subject));
      if (!subject) this.bySubject.set(key(q.subject), (subject = { term: q.subject, predicates: new Map() }));
      let objects = subject.predicates.get(q.predicate.value);
      if (!objects) subject.predicates.set(q.predicate.value, (objects = new Map()));
      const k = key(q.object);
      if (!objects.has(k)) {
        objects.set(k, q.object);
        size++;
      }
    }
    this.size = size;
  }

  out(subject: Term, predicate: string): Term[] {
    const objects = this.bySubject.get(key(subject))?.predicates.get(predicate);
    return objects ? [...objects.values()] : [];
  }

  /** Subjects with one of these rdf:types (shacl-engine's class targets: direct types only). */
  instances(classes: Set<string>): Term[] {
    const out: Term[] = [];
    for (const { term, predicates } of this.bySubject.values()) {
      const types = predicates.get(RDF_TYPE);
      if (types && [...types.values()].some((t) => t.termType === "NamedNode" && classes.has(t.value))) out.push(term);
    }
    return out;
  }
}

function key(t: Term): string {
  if (t.termType === "Literal") return `L${t.language}|${t.datatype.value}|${t.value}`;
  return `${t.termType[0]}${t.value}`;
}

const sameTerm = (a: Term, b: Term): boolean => key(a) === key(b);

/** True when the data conforms for sure; false when it may not (then the engine decides). */
export type QuickCheck = (data: DataIndex) => boolean;

/** A node or property shape applied to one focus node. */
type ShapeCheck = (focus: Term, data: DataIndex) => boolean;
/** A constraint on one value node. */
type ValueCheck = (value: Term, data: DataIndex) => boolean;

class Unsupported extends Error {}

/** Shape predicates that state no constraint (targets are read apart). */
const NOT_CONSTRAINTS = new Set(["targetClass", "message", "name", "description", "order", "group", "path", "flags"].map((p) => SH + p));
const NODE_KINDS: Record<string, string[]> = {
  IRI: ["NamedNode"], BlankNode: ["BlankNode"], Literal: ["Literal"],
  BlankNodeOrIRI: ["BlankNode", "NamedNode"], BlankNodeOrLiteral: ["BlankNode", "Literal"], IRIOrLiteral: ["NamedNode", "Literal"],
};

/**
 * Compiles the shapes into a quick check, or returns undefined when they use something it does
 * not implement (targets other than classes, non-predicate paths, severities, deactivation,
 * subclasses, constraints not listed below).
 */
export function compileQuickCheck(shapes: Quad[]): QuickCheck | undefined {
  try {
    return compile(shapes);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function compile(shapes: Quad[]): QuickCheck {
  const graph = new Map<string, Map<string, Term[]>>();
  const terms = new Map<string, Term>();
  for (const q of shapes) {
    if (q.predicate.value === "http://www.w3.org/2000/01/rdf-schema#subClassOf") throw new Unsupported("subclasses");
    let predicates = graph.get(key(q.subject));
    if (!predicates) graph.set(key(q.subject), (predicates = new Map()));
    terms.set(key(q.subject), q.subject);
    predicates.set(q.predicate.value, [...(predicates.get(q.predicate.value) ?? []), q.object]);
  }
  const objects = (node: Term, p: string): Term[] => graph.get(key(node))?.get(p) ?? [];
  const one = (node: Term, p: string): Term => {
    const values = objects(node, p);
    if (values.length !== 1) throw new Unsupported(`${values.length} values of ${p}`);
    return values[0];
  };
  const list = (head: Term): Term[] => {
    const items: Term[] = [];
    for (let node = head; node.value !== RDF + "nil"; node = one(node, RDF + "rest")) {
      items.push(one(node, RDF + "first"));
      if (items.length > 10000) throw new Unsupported("list");
    }
    return items;
  };
  const compiled = new Map<string, ShapeCheck>();

  const shapeCheck = (shape: Term): ShapeCheck => {
    const done = compiled.get(key(shape));
    if (done) return done;
    let inner: ShapeCheck | undefined;
    const check: ShapeCheck = (focus, data) => inner!(focus, data);
    compiled.set(key(shape), check); // a shape that refers to itself
    inner = shapeBody(shape);
    return check;
  };

  const shapeBody = (shape: Term): ShapeCheck => {
    const predicates = graph.get(key(shape)) ?? new Map<string, Term[]>();
    const pathTerms = predicates.get(SH + "path");
    if (pathTerms && (pathTerms.length !== 1 || pathTerms[0].termType !== "NamedNode")) throw new Unsupported("path");
    const path = pathTerms?.[0].value;
    const valueChecks: ValueCheck[] = [];
    const valuesChecks: ((values: Term[], focus: Term, data: DataIndex) => boolean)[] = [];
    for (const [p, values] of predicates) {
      if (p === RDF_TYPE || NOT_CONSTRAINTS.has(p)) continue;
      if (!p.startsWith(SH)) continue; // shacl-engine ignores what is not SHACL
      switch (p.slice(SH.length)) {
        case "minCount": {
          const n = parseInt(one(shape, p).value);
          if (path) valuesChecks.push((vs) => vs.length >= n);
          break;
        }
        case "maxCount": {
          const n = parseInt(one(shape, p).value);
          if (path) valuesChecks.push((vs) => vs.length <= n);
          break;
        }
        case "lessThan": {
          const other = one(shape, p).value;
          if (path) valuesChecks.push((vs, focus, data) => {
            const refs = data.out(focus, other);
            return vs.every((v) => refs.every((r) => { const c = compareTerms(v, r); return c !== null && c < 0; }));
          });
          break;
        }
        case "datatype": {
          const datatype = one(shape, p).value;
          const xsd = new XsdValidation();
          valueChecks.push((v) => v.termType === "Literal" && v.datatype.value === datatype && xsd.validateSimple(v));
          break;
        }
        case "nodeKind": {
          const kinds = NODE_KINDS[one(shape, p).value.slice(SH.length)];
          if (!kinds) throw new Unsupported("node kind");
          valueChecks.push((v) => kinds.includes(v.termType));
          break;
        }
        case "class":
          for (const c of values) {
            valueChecks.push((v, data) => data.out(v, RDF_TYPE).some((t) => t.termType === c.termType && t.value === c.value));
          }
          break;
        case "minLength": {
          const n = parseInt(one(shape, p).value);
          valueChecks.push((v) => v.termType !== "BlankNode" && v.value.length >= n);
          break;
        }
        case "pattern": {
          const flags = objects(shape, SH + "flags")[0]?.value;
          const regex = new RegExp(one(shape, p).value, flags);
          valueChecks.push((v) => regex.test(v.value));
          break;
        }
        case "in": {
          const allowed = list(one(shape, p));
          valueChecks.push((v) => allowed.some((a) => sameTerm(a, v)));
          break;
        }
        case "minInclusive": case "maxInclusive": case "minExclusive": case "maxExclusive": {
          const bound = one(shape, p);
          const name = p.slice(SH.length);
          valueChecks.push((v) => {
            const c = compareTerms(v, bound);
            if (c === null) return false;
            return name === "minInclusive" ? c >= 0 : name === "maxInclusive" ? c <= 0 : name === "minExclusive" ? c > 0 : c < 0;
          });
          break;
        }
        case "or": {
          const alternatives = values.flatMap(list).map(shapeCheck);
          valueChecks.push((v, data) => alternatives.some((s) => s(v, data)));
          break;
        }
        case "and": {
          const all = values.flatMap(list).map(shapeCheck);
          valueChecks.push((v, data) => all.every((s) => s(v, data)));
          break;
        }
        case "not": {
          const negated = shapeCheck(one(shape, p));
          valueChecks.push((v, data) => !negated(v, data));
          break;
        }
        case "node":
        case "property": {
          const nested = values.map(shapeCheck);
          valueChecks.push((v, data) => nested.every((s) => s(v, data)));
          break;
        }
        default:
          throw new Unsupported(p);
      }
    }
    if (path === undefined) return (focus, data) => valueChecks.every((c) => c(focus, data));
    return (focus, data) => {
      const values = data.out(focus, path);
      return valuesChecks.every((c) => c(values, focus, data)) && values.every((v) => valueChecks.every((c) => c(v, data)));
    };
  };

  // The shapes shacl-engine validates on their own: those with targets or a shape type.
  const roots: { classes: Set<string>; check: ShapeCheck }[] = [];
  for (const [k, predicates] of graph) {
    const shape = terms.get(k)!;
    for (const target of ["targetNode", "targetObjectsOf", "targetSubjectsOf", "target", "deactivated", "severity"]) {
      if (predicates.has(SH + target)) throw new Unsupported(target);
    }
    const types = (predicates.get(RDF_TYPE) ?? []).map((t) => t.value);
    if (types.includes(SH + "PropertyShape")) throw new Unsupported("property shape with targets");
    const classes = new Set((predicates.get(SH + "targetClass") ?? []).map((t) => t.value));
    if (types.includes(SH + "NodeShape")) classes.add(shape.value); // implicit class target
    if (classes.size) roots.push({ classes, check: shapeCheck(shape) });
  }
  // a nested shape the engine reports on for other reasons (severity, deactivation) was refused above
  for (const predicates of graph.values()) {
    if (predicates.has(SH + "severity") || predicates.has(SH + "deactivated")) throw new Unsupported("severity");
  }

  return (data) => {
    if (data.size === 0) return true; // shacl-engine ignores an empty data graph
    return roots.every(({ classes, check }) => data.instances(classes).every((focus) => check(focus, data)));
  };
}
