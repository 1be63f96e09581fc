// What the articles say about an entity beyond its names: the posts a person holds, the
// states those posts belong to, the states co-mentioned with it, the states named in an
// organisation's own names ("Chinese Foreign Ministry"), when the articles were published, and
// for places the words around their mentions ("Paris, Texas", a dateline, "the Donetsk region").
// Used to choose between candidates.
import type { ArticleLinkFacts, Entity, Extraction, OrgType, PlaceCues, ResolutionView } from "../model.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { nameKey } from "./normalise.ts";
import type { WikidataRecord } from "./record.ts";

/** What the text around a place's mentions says about it. */
export interface PlaceContext {
  /** States named right after a mention ("Moscow, Russia"). */
  qualifierStates: Set<string>;
  /** First-level regions named right after a mention ("Paris, Texas"). */
  qualifierRegions: WikidataRecord[];
  /** The place is an article's dateline ("SEOUL, March 3 (Reuters) –"): a city. */
  dateline: boolean;
  /** "the Donetsk region", "the oblasts of Kherson and Luhansk", "Washington state". */
  regionCue: boolean;
  /** "the city of Isfahan", "Kherson city". */
  cityCue: boolean;
}

export interface EntityContext {
  /** Post titles the articles give the person ("Foreign Minister", "former President"). */
  titles: string[];
  /** Labels of the non-state organisations of those posts ("European Council"). */
  postOrganisations: string[];
  /** ISO alpha-3 of the states the person's posts belong to. */
  postStates: Set<string>;
  /** States mentioned in the same articles (a weak hint). */
  articleStates: Set<string>;
  /** States named inside the entity's own names. */
  nameStates: Set<string>;
  /** Names of the other organisations the entity's articles mention ("United Nations", "UN"). */
  articleOrganisations: Set<string>;
  orgType?: OrgType;
  /** ISO alpha-3 the extractor gave the entity (states), from the Entity or any of its local entities. */
  iso3?: string;
  /** Publication dates (ISO) of the articles that mention the entity, where known. */
  dates: string[];
  /** Places only. */
  place?: PlaceContext;
}

/**
 * Context for every entity of the resolution, or for those of `only` (the others are read, not
 * given a context: of a person or place outside `only` only its id and kind, unless a role names
 * it as an organisation or an article as a state; pipeline/incremental.ts describes the others
 * only when one of their other fields is read).
 */
export function buildContexts(resolution: ResolutionView, extractions: Iterable<Extraction>, gaz: Gazetteer, only?: ReadonlySet<string>): Map<string, EntityContext> {
  const byId = new Map(resolution.entities.map((e) => [e.id, e]));
  const order = new Map(resolution.entities.map((e, i) => [e.id, i]));
  const contexts = new Map<string, EntityContext>();
  for (const e of resolution.entities) if (!only || only.has(e.id)) contexts.set(e.id, emptyContext(e, gaz));
  // (a body outside the contexts: its names read once, not at every post it is named in)
  const otherNameStates = new Map<string, Set<string>>();
  const nameStatesOf = (org: Entity): Set<string> => {
    const known = contexts.get(org.id)?.nameStates ?? otherNameStates.get(org.id);
    if (known) return known;
    const states = nameStates(org, gaz);
    otherNameStates.set(org.id, states);
    return states;
  };
  const entityOf = (docId: string, key: string) => byId.get(resolution.entityOf.get(`${docId}#${key}`) ?? "");

  const statesOfArticle = new Map<string, Set<string>>();
  // The organisations each article names, from its entities (not from every organisation's own
  // articles: a co-mentioned body's article list is not read, so an incremental build need not make it).
  const organisationsOf = new Map<string, Entity[]>();
  const dateOf = new Map<string, string | undefined>();
  for (const x of extractions) {
    const facts = x.linkFacts ?? articleLinkFacts(x);
    dateOf.set(x.doc.id, facts.published);
    for (const [key, cues] of Object.entries(facts.places)) {
      const e = entityOf(x.doc.id, key);
      const place = e?.kind === "place" ? contexts.get(e.id)?.place : undefined;
      if (place) addPlaceCues(place, cues, gaz);
    }
    const states = new Set<string>();
    const organisations = new Set<Entity>();
    for (const local of x.entities) {
      const e = entityOf(x.doc.id, local.key);
      if (e?.kind === "organisation") organisations.add(e);
      const ctx = e && contexts.get(e.id);
      if (ctx && local.iso3) ctx.iso3 ??= local.iso3;
      // An entity's description is read only where needed (an incremental build describes an entity when asked).
      if (local.kind === "country" || e?.kind === "country") {
        const iso3 = local.iso3 ?? e?.iso3;
        if (iso3) states.add(iso3);
      }
    }
    statesOfArticle.set(x.doc.id, states);
    // (in the resolution's order, as before)
    organisationsOf.set(x.doc.id, [...organisations].sort((a, b) => order.get(a.id)! - order.get(b.id)!));

    for (const role of x.roles) {
      const holder = entityOf(x.doc.id, role.holder);
      const ctx = holder && contexts.get(holder.id);
      if (!ctx) continue;
      ctx.titles.push(role.title);
      const org = role.organisation ? entityOf(x.doc.id, role.organisation) : undefined;
      if (!org) continue;
      if (org.kind === "country" && org.iso3) ctx.postStates.add(org.iso3);
      else {
        ctx.postOrganisations.push(org.label);
        for (const s of nameStatesOf(org)) ctx.postStates.add(s);
      }
    }
  }
  for (const e of resolution.entities) {
    const ctx = contexts.get(e.id);
    if (!ctx) continue;
    for (const doc of e.articles) for (const s of statesOfArticle.get(doc) ?? []) ctx.articleStates.add(s);
    for (const doc of e.articles) for (const o of organisationsOf.get(doc) ?? []) if (o.id !== e.id) for (const n of [o.label, ...o.altLabels]) ctx.articleOrganisations.add(n);
    ctx.dates = [...new Set(e.articles.map((doc) => dateOf.get(doc)).filter((d): d is string => !!d))].sort();
  }
  return contexts;
}

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PLACE_NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,3}`;
/** ", Texas" right after a place, not followed by more of a list (", Texas, California and Ohio"). */
const QUALIFIER = new RegExp(String.raw`^,\s+(${PLACE_NAME})(?=\s*$|\s*[.;:)\]"”—–]|,\s*(?!(?:and|or)\b)[\p{Ll}\d]|\s+(?!(?:and|or)\b)\p{Ll})`, "u");
const REGION_WORDS = String.raw`(?:regions?|oblasts?|provinces?|governorates?|prefectures?|states?|county|counties)`;
/** Other names of a list between a mention and the cue: "Kherson, Zaporizhzhia and Luhansk regions". */
const LIST_TAIL = String.raw`(?:(?:,\s*(?:and\s+)?|\s+and\s+)${PLACE_NAME})*`;
const REGION_AFTER = new RegExp(String.raw`^${LIST_TAIL}\s+${REGION_WORDS}\b`, "u");
const REGION_BEFORE = new RegExp(String.raw`\b${REGION_WORDS}\s+of\s+(?:the\s+)?(?:${PLACE_NAME}(?:,\s*(?:and\s+)?|\s+and\s+))*$`, "u");
/** The unit's word inside the name itself: "Unity State", "Jonglei State", "Isfahan Province". */
const REGION_IN_NAME = /\s(?:State|Province|Region|Oblast|Governorate|Prefecture)$/u;
const CITY_BEFORE = /\bcity\s+of\s+$/iu;
const CITY_AFTER = /^\s+city\b/u;

/**
 * What the linker needs of an article beyond its entities and roles: the publication date and, for
 * each place entity, the cues around its mentions. Computed from the text at extraction time, so
 * that a build can link without the text (pipeline/article-task.ts keeps it with the article).
 */
export function articleLinkFacts(x: Pick<Extraction, "doc" | "entities" | "mentions">): ArticleLinkFacts {
  const places: Record<string, PlaceCues> = {};
  const cuesOf = (key: string) => (places[key] ??= { qualifiers: [], dateline: false, regionCue: false, cityCue: false });
  const kindOf = new Map(x.entities.map((e) => [e.key, e.kind]));
  const { doc } = x;
  for (const m of x.mentions) {
    if (kindOf.get(m.entity) !== "place") continue;
    const cues = cuesOf(m.entity);
    const before = doc.text.slice(Math.max(0, m.span.start - 120), m.span.start);
    const after = doc.text.slice(m.span.end, m.span.end + 120);
    if (doc.dateline && m.span.start >= doc.dateline.span.start && m.span.end <= doc.dateline.span.end) cues.dateline = true;
    if (REGION_AFTER.test(after) || REGION_BEFORE.test(before) || REGION_IN_NAME.test(m.surface)) cues.regionCue = true;
    if (CITY_BEFORE.test(before) || (CITY_AFTER.test(after) && !/\bcity$/i.test(m.surface))) cues.cityCue = true;
    const qualifier = QUALIFIER.exec(after)?.[1];
    if (qualifier && !cues.qualifiers.includes(qualifier)) cues.qualifiers.push(qualifier);
  }
  for (const local of x.entities) {
    if (local.kind === "place" && doc.dateline?.place && nameKey(doc.dateline.place) === nameKey(local.name)) cuesOf(local.key).dateline = true;
  }
  return { ...(doc.published && /^\d{4}-\d{2}-\d{2}$/.test(doc.published) ? { published: doc.published } : {}), places };
}

/** Adds one article's cues to a place's context; a qualifier counts when it names a state or a first-level region. */
function addPlaceCues(place: PlaceContext, cues: PlaceCues, gaz: Gazetteer): void {
  place.dateline ||= cues.dateline;
  place.regionCue ||= cues.regionCue;
  place.cityCue ||= cues.cityCue;
  for (const qualifier of cues.qualifiers) {
    for (const hit of gaz.lookup(qualifier)) {
      if (hit.via !== "label" && hit.via !== "alias") continue;
      if (hit.record.type === "country" && hit.record.iso3) place.qualifierStates.add(hit.record.iso3);
      else if (hit.record.placeClass === "region") place.qualifierRegions.push(hit.record);
    }
  }
}

/** Read a part of an entity's context that comes from its articles, which a shallow context has not got. */
export class NeedsArticles extends Error {
  constructor(field: string) {
    // Thrown for most entities of a corpus (caught by linkEntitiesLazily): no stack trace to capture.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(field);
    Error.stackTraceLimit = limit;
  }
}

const FROM_ARTICLES = ["titles", "postOrganisations", "postStates", "articleStates", "articleOrganisations", "dates", "place"] as const;

/**
 * What the entity alone says of its context (its state, kind of organisation, the states in its
 * names: buildContexts never changes them); reading any part that comes from its articles throws
 * NeedsArticles.
 */
export function shallowContext(e: Entity, gaz: Gazetteer): EntityContext {
  const ctx = emptyContext(e, gaz);
  for (const field of FROM_ARTICLES) {
    Object.defineProperty(ctx, field, {
      get() {
        throw new NeedsArticles(field);
      },
      enumerable: true,
    });
  }
  return ctx;
}

/** States named inside an organisation's own names ("Chinese Foreign Ministry"); none for other kinds. */
function nameStates(e: Entity, gaz: Gazetteer): Set<string> {
  const states = new Set<string>();
  if (e.kind === "organisation") for (const n of [e.label, ...e.altLabels]) for (const s of gaz.countriesIn(n)) states.add(s);
  return states;
}

function emptyContext(e: Entity, gaz: Gazetteer): EntityContext {
  return {
    titles: [], postOrganisations: [], postStates: new Set(), articleStates: new Set(), nameStates: nameStates(e, gaz), articleOrganisations: new Set(), orgType: e.orgType, iso3: e.iso3, dates: [],
    ...(e.kind === "place" ? { place: { qualifierStates: new Set<string>(), qualifierRegions: [], dateline: false, regionCue: false, cityCue: false } } : {}),
  };
}
