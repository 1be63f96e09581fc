// Extraction + Resolution + Links → RDF quads, in the shape of ontology/newsgraph.ttl.
// Pure and deterministic: the same input gives the same quads (IRIs are minted from ids and
// hashes, never from counters or clocks), so a rebuild exports byte-identical N-Quads.
import { createHash } from "node:crypto";
import { DataFactory } from "n3";
import type { NamedNode, Quad, Quad_Object } from "n3";
import type { Entity, Extraction, Link, Links, Resolution, Span } from "../model.ts";
import {
  ENTITIES_GRAPH, GEO, NG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD,
  articleGraphIri, articleIri, candidateIri, entityIri, factIri, type FactKind,
} from "./vocab.ts";

const { namedNode, quad } = DataFactory;

/**
 * Characters no RDF syntax can carry as they are (XML 1.0 has no C0 control but tab and line
 * ends, and no U+FFFE/U+FFFF; a lone surrogate half is no character at all) become U+FFFD: one
 * UTF-16 unit for one, so evidence offsets still point into the article text.
 */
export const wellFormedText = (value: string): string =>
  value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (c) => "\uFFFD".repeat(c.length));
const literal = (value: string, datatypeOrLanguage?: string | NamedNode) => DataFactory.literal(wellFormedText(value), datatypeOrLanguage);

const iri = (value: string) => namedNode(value);
const ng = (local: string) => namedNode(NG + local);
const A = namedNode(RDF + "type");
const LABEL = namedNode(RDFS + "label");
const ALT_LABEL = namedNode(SKOS + "altLabel");
const SAME_AS = namedNode(OWL + "sameAs");
const DERIVED_FROM = namedNode(PROV + "wasDerivedFrom");
const XSD_INTEGER = namedNode(XSD + "integer");
const XSD_DECIMAL = namedNode(XSD + "decimal");
const XSD_DATE = namedNode(XSD + "date");

const CLASS_OF_KIND: Record<Entity["kind"], string[]> = {
  person: ["Person"],
  organisation: ["Organisation"],
  // A state acting as an actor is an organisation too (ONTOLOGY-CONTRACT.md).
  country: ["Country", "Organisation"],
  place: ["Place"],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ANY_KIND: readonly Entity["kind"][] = ["person", "organisation", "country", "place"];
/** Kinds that are ng:Organisation (a state is one too). */
const ACTOR_KINDS: readonly Entity["kind"][] = ["organisation", "country"];

const kindsCache = new WeakMap<Resolution, Map<string, Entity["kind"]>>();
function kindsOf(resolution: Resolution): Map<string, Entity["kind"]> {
  let kinds = kindsCache.get(resolution);
  if (!kinds) kindsCache.set(resolution, (kinds = new Map(resolution.entities.map((e) => [e.id, e.kind]))));
  return kinds;
}

/** xsd:decimal lexical form: no exponent, at most 4 decimals, clamped to what it means. */
export function decimalLiteral(value: number) {
  const fixed = (Number.isFinite(value) ? value : 0).toFixed(4).replace(/\.?0+$/, "");
  return literal(fixed === "-0" ? "0" : fixed, XSD_DECIMAL);
}
const integerLiteral = (value: number) => literal(String(Math.trunc(value)), XSD_INTEGER);
const dateLiteral = (value: string) => literal(value, XSD_DATE);
const monthLiteral = (value: string) => literal(value, namedNode(XSD + "gYearMonth"));
const yearLiteral = (value: string) => literal(value, namedNode(XSD + "gYear"));

/** Short stable hash of the parts that make a fact distinct. */
export function factHash(parts: readonly (string | number)[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 20);
}

/** The rdf:type quads an entity of this kind gets in ENTITIES_GRAPH (what the fact shapes check of it). */
export function entityTypeQuads(entityId: string, kind: Entity["kind"]): Quad[] {
  const g = iri(ENTITIES_GRAPH);
  return CLASS_OF_KIND[kind].map((cls) => quad(iri(entityIri(entityId)), A, ng(cls), g));
}

/** Quads describing every entity (types, labels, Wikidata links), in ENTITIES_GRAPH. */
export function entityQuads(resolution: Resolution, links: Links): Quad[] {
  const g = iri(ENTITIES_GRAPH);
  const out: Quad[] = [];
  for (const e of resolution.entities) {
    const s = iri(entityIri(e.id));
    for (const cls of CLASS_OF_KIND[e.kind]) out.push(quad(s, A, ng(cls), g));
    out.push(quad(s, LABEL, literal(e.label), g));
    for (const alt of e.altLabels) if (alt !== e.label) out.push(quad(s, ALT_LABEL, literal(alt), g));
    if (e.orgType) out.push(quad(s, ng("organisationKind"), literal(e.orgType), g));
    if (e.iso3) out.push(quad(s, ng("iso3Code"), literal(e.iso3), g));
    const link = links.get(e.id);
    if (link) out.push(...linkQuads(e.id, link));
    // A linked place carries the coordinates of its item (WGS84), for maps and GeoSPARQL-aware tools.
    if (e.kind === "place" && link?.qid && link.geo) {
      out.push(quad(s, namedNode(GEO + "lat"), coordinateLiteral(link.geo.lat), g));
      out.push(quad(s, namedNode(GEO + "long"), coordinateLiteral(link.geo.long), g));
    }
  }
  return out;
}

/** Degrees as xsd:decimal, 5 decimals (about a metre), trailing zeros dropped. */
function coordinateLiteral(degrees: number) {
  const fixed = degrees.toFixed(5).replace(/\.?0+$/, "");
  return literal(fixed === "-0" ? "0" : fixed, XSD_DECIMAL);
}

function linkQuads(entityId: string, link: Link): Quad[] {
  const g = iri(ENTITIES_GRAPH);
  const s = iri(entityIri(entityId));
  const out: Quad[] = [];
  if (link.qid) {
    out.push(quad(s, SAME_AS, iri(WD + link.qid), g));
    out.push(quad(s, ng("linkMethod"), literal(link.method), g));
    out.push(quad(s, ng("linkScore"), decimalLiteral(link.score), g));
  }
  for (const c of link.candidates) {
    if (c.qid === link.qid) continue;
    const node = iri(candidateIri(entityId, c.qid));
    out.push(quad(s, ng("linkCandidate"), node, g));
    out.push(quad(node, A, ng("LinkCandidate"), g));
    out.push(quad(node, ng("candidateItem"), iri(WD + c.qid), g));
    if (c.label) out.push(quad(node, LABEL, literal(c.label), g));
    out.push(quad(node, ng("linkScore"), decimalLiteral(c.score), g));
  }
  return out;
}

/** Quads of one article: its description, its mentions and its facts, in its own named graph. */
export function articleQuads(x: Extraction, resolution: Resolution): Quad[] {
  const { doc } = x;
  const g = iri(articleGraphIri(doc.id));
  const article = iri(articleIri(doc.id));
  const out: Quad[] = [];
  const add = (s: Quad["subject"], p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, g));

  add(article, A, ng("Article"));
  add(article, A, iri(SCHEMA + "NewsArticle"));
  add(article, ng("fileName"), literal(doc.fileName));
  if (doc.title) {
    add(article, ng("title"), literal(doc.title));
    add(article, LABEL, literal(doc.title));
  }
  if (doc.publisher) add(article, ng("publisher"), literal(doc.publisher));
  if (doc.published && ISO_DATE.test(doc.published)) add(article, ng("datePublished"), dateLiteral(doc.published));
  if (doc.url) add(article, iri(SCHEMA + "url"), literal(doc.url));
  // The text itself, so every fact's offsets can be shown and checked from the graph alone.
  add(article, ng("text"), literal(doc.text));

  // Local entity key → entity IRI and kind (only keys the resolver mapped).
  const kindOf = kindsOf(resolution);
  const entityOfKey = new Map<string, { iri: string; kind: Entity["kind"] }>();
  for (const e of x.entities) {
    const id = resolution.entityOf.get(`${doc.id}#${e.key}`);
    const kind = id === undefined ? undefined : kindOf.get(id);
    if (id !== undefined && kind) entityOfKey.set(e.key, { iri: entityIri(id), kind });
  }
  for (const entity of new Set([...entityOfKey.values()].map((e) => e.iri))) add(iri(entity), ng("mentionedIn"), article);
  // A reference is kept only when the entity is of a kind the property allows (see shapes.ttl),
  // so one odd extraction drops a link instead of failing the whole build's validation.
  const ref = (key: string | undefined, allowed: readonly Entity["kind"][] = ANY_KIND) => {
    const e = key === undefined ? undefined : entityOfKey.get(key);
    return e && allowed.includes(e.kind) ? e.iri : undefined;
  };
  const refs = (keys: readonly string[], allowed: readonly Entity["kind"][] = ANY_KIND) =>
    [...new Set(keys.map((k) => ref(k, allowed)).filter((v): v is string => v !== undefined))];
  const spanOk = (s: Span) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= doc.text.length;

  const fact = (kind: FactKind, cls: string, evidence: Span, confidence: number, distinct: (string | number)[]) => {
    const s = iri(factIri(kind, factHash([doc.id, kind, evidence.start, evidence.end, ...distinct])));
    add(s, A, ng(cls));
    add(s, DERIVED_FROM, article);
    add(s, ng("evidenceText"), literal(doc.text.slice(evidence.start, evidence.end)));
    add(s, ng("evidenceStart"), integerLiteral(evidence.start));
    add(s, ng("evidenceEnd"), integerLiteral(evidence.end));
    add(s, ng("confidence"), decimalLiteral(Math.min(1, Math.max(0, confidence))));
    return s;
  };

  for (const r of x.roles) {
    const holder = ref(r.holder, ["person"]);
    if (!holder || !r.title.trim() || !spanOk(r.evidence)) continue; // a post without its holder is no fact
    const organisation = ref(r.organisation, ACTOR_KINDS);
    const s = fact("role", "RoleAssignment", r.evidence, r.confidence, [holder, r.title, organisation ?? ""]);
    add(s, ng("holder"), iri(holder));
    add(s, ng("roleTitle"), literal(r.title));
    if (organisation) add(s, ng("organisation"), iri(organisation));
  }

  for (const q of x.quotes) {
    const speakers = refs([q.speaker, ...(q.speakers ?? [])], ["person", ...ACTOR_KINDS]);
    if (speakers.length === 0 || !q.text.trim() || !spanOk(q.evidence)) continue;
    const s = fact("statement", "Statement", q.evidence, q.confidence, [q.span.start, q.span.end]);
    for (const sp of speakers) add(s, ng("speaker"), iri(sp));
    add(s, ng("quote"), literal(q.text));
    add(s, ng("quoteStart"), integerLiteral(q.span.start));
    add(s, ng("quoteEnd"), integerLiteral(q.span.end));
    if (q.date && ISO_DATE.test(q.date)) add(s, ng("date"), dateLiteral(q.date));
  }

  for (const sn of x.sanctions) {
    const imposers = refs(sn.imposers, ACTOR_KINDS);
    // Who imposes and on whom are what a sanction fact is; without either there is nothing to state.
    if (imposers.length === 0 || !sn.targetText.trim() || !spanOk(sn.evidence)) continue;
    const s = fact("sanction", "Sanction", sn.evidence, sn.confidence, [...imposers, sn.targetText]);
    for (const im of imposers) add(s, ng("imposedBy"), iri(im));
    add(s, ng("targetDescription"), literal(sn.targetText));
    for (const t of refs(sn.targets)) add(s, ng("target"), iri(t));
    if (sn.reason?.trim()) add(s, ng("reason"), literal(sn.reason));
    if (sn.date && ISO_DATE.test(sn.date)) add(s, ng("date"), dateLiteral(sn.date));
    else {
      // no day: the month or year the text fixes
      if (sn.month && /^\d{4}-\d{2}$/.test(sn.month)) add(s, ng("month"), monthLiteral(sn.month));
      if (sn.year && /^\d{4}$/.test(sn.year)) add(s, ng("year"), yearLiteral(sn.year));
    }
  }
  return out;
}

/** Every quad of the build: entities graph, then each article's graph. */
export function graphQuads(extractions: readonly Extraction[], resolution: Resolution, links: Links): Quad[] {
  const out = entityQuads(resolution, links);
  for (const x of extractions) out.push(...articleQuads(x, resolution));
  return out;
}
