// Link: entities → Wikidata items.
//   overrides (manual) → shipped gazetteer (offline) → Wikidata API answers (online, or the
//   cache of earlier online runs) → a Link with method, score and the candidates for review.
import type { Entity, Extraction, Link, LinkCandidate, LinkMethod, Links, ResolutionView } from "../model.ts";
import { NeedsArticles, buildContexts, shallowContext, type EntityContext } from "./context.ts";
import { type Candidate, type Decision, decide, findCandidates } from "./disambiguate.ts";
import { Gazetteer, loadGazetteer } from "./gazetteer.ts";
import { onlineRecords } from "./online.ts";
import { type Overrides, loadOverrides } from "./overrides.ts";
import { type ClientOptions, WikidataClient } from "./wikidata-client.ts";

export { LINK_THRESHOLD } from "./disambiguate.ts";
export { articleLinkFacts } from "./context.ts";

export interface LinkOptions {
  /** Ask Wikidata's API for entities the gazetteer does not link. */
  online?: boolean;
  /** Where online answers are cached (under the store directory); read even when offline. */
  cacheDir?: string;
  /** Base URL of the Wikidata API host, e.g. https://www.wikidata.org (else $NEWSGRAPH_WIKIDATA_URL). */
  wikidataUrl?: string;
  /** Another gazetteer file (tests). */
  gazetteerFile?: string;
  /** Another overrides file (tests; default data/wikidata/overrides.json). */
  overridesFile?: string;
  /** Link only these entity ids (an incremental build: the others' links are unchanged); contexts still come from every article. */
  only?: ReadonlySet<string>;
  /** Pacing and retries of the API client (tests). */
  client?: Partial<Pick<ClientOptions, "minIntervalMs" | "maxRetries" | "maxRetryWaitMs" | "timeoutMs" | "warn">>;
}

/** How many candidates a link keeps for review. */
const KEPT_CANDIDATES = 5;

export async function linkEntities(resolution: ResolutionView, extractions: Extraction[], options: LinkOptions = {}): Promise<Links> {
  const links: Links = new Map();
  if (!resolution.entities.length) return links;
  const [gaz, overrides] = await Promise.all([loadGazetteer(options.gazetteerFile), loadOverrides(options.overridesFile)]);
  const contexts = buildContexts(resolution, extractions, gaz, options.only);
  const client = options.online || options.cacheDir
    ? new WikidataClient({ ...options.client, baseUrl: options.wikidataUrl, cacheDir: options.cacheDir, network: options.online === true })
    : undefined;
  for (const entity of resolution.entities) {
    if (options.only && !options.only.has(entity.id)) continue;
    const link = await linkOne(entity, contexts.get(entity.id)!, gaz, overrides, client);
    if (link) links.set(entity.id, link);
  }
  return links;
}

/**
 * The articles of these entities, as extractions, and what the resolution says of every entity those
 * articles name. The extractions are read once, in order: an iterable may make each as it is read.
 */
export type ArticlesOf = (entities: Entity[]) => Promise<{ resolution: ResolutionView; extractions: Iterable<Extraction> }>;

/**
 * Links these entities as linkEntities would with every article at hand, reading an entity's
 * articles (through `articlesOf`) only when its decision needs more than the entity itself says:
 * a state, or an entity whose names reach no record, links without them. An incremental build
 * thus reads the articles of a much-mentioned entity only when its choice depends on them.
 */
export async function linkEntitiesLazily(entities: Entity[], articlesOf: ArticlesOf, options: LinkOptions = {}): Promise<Links> {
  const links: Links = new Map();
  if (!entities.length) return links;
  const [gaz, overrides] = await Promise.all([loadGazetteer(options.gazetteerFile), loadOverrides(options.overridesFile)]);
  const client = options.online || options.cacheDir
    ? new WikidataClient({ ...options.client, baseUrl: options.wikidataUrl, cacheDir: options.cacheDir, network: options.online === true })
    : undefined;
  const deep: Entity[] = [];
  for (const entity of entities) {
    try {
      const link = await linkOne(entity, shallowContext(entity, gaz), gaz, overrides, client);
      if (link) links.set(entity.id, link);
    } catch (e) {
      if (!(e instanceof NeedsArticles)) throw e;
      deep.push(entity);
    }
  }
  if (!deep.length) return links;
  const { resolution, extractions } = await articlesOf(deep);
  const contexts = buildContexts(resolution, extractions, gaz, new Set(deep.map((e) => e.id)));
  for (const entity of deep) {
    const link = await linkOne(entity, contexts.get(entity.id)!, gaz, overrides, client);
    if (link) links.set(entity.id, link);
  }
  return links;
}

async function linkOne(entity: Entity, ctx: EntityContext, gaz: Gazetteer, overrides: Overrides, client?: WikidataClient): Promise<Link | undefined> {
  const pinned = overrides.pinned(entity);
  if (pinned) {
    const place = gaz.byQid(pinned);
    const geo = place?.lat !== undefined && place.long !== undefined ? { geo: { lat: place.lat, long: place.long } } : {};
    return { qid: pinned, score: 1, method: "manual", candidates: [], ...geo };
  }
  const allowed = (cs: Candidate[]) => cs.filter((c) => !overrides.forbids(entity, c.record.qid));

  const offline = decide(entity, ctx, allowed(findCandidates(entity, ctx, gaz)));
  if (offline.chosen || !client) return toLink(offline, "gazetteer");
  if (overrides.forbidsAll(entity)) return toLink(offline, "gazetteer"); // no link at all: do not ask
  const records = await onlineRecords(entity, client, gaz);
  const online = decide(entity, ctx, allowed(findCandidates(entity, ctx, new Gazetteer(records))));
  if (online.chosen) return toLink(online, "online", offline.candidates);
  return toLink(offline, "gazetteer", online.candidates);
}

function toLink(decision: Decision, method: LinkMethod, more: Candidate[] = []): Link | undefined {
  const byQid = new Map<string, Candidate>();
  for (const c of [...decision.candidates, ...more]) if (!byQid.has(c.record.qid) || byQid.get(c.record.qid)!.score < c.score) byQid.set(c.record.qid, c);
  const candidates: LinkCandidate[] = [...byQid.values()]
    .filter((c) => c.record.qid !== decision.chosen?.record.qid)
    .sort((a, b) => b.score - a.score || a.record.qid.localeCompare(b.record.qid))
    .slice(0, KEPT_CANDIDATES)
    .map((c) => ({ qid: c.record.qid, label: candidateLabel(c), score: c.score }));
  if (!decision.chosen && !candidates.length) return undefined;
  if (!decision.chosen) return { score: candidates[0].score, method, candidates };
  const { record } = decision.chosen;
  const geo = record.lat !== undefined && record.long !== undefined ? { geo: { lat: record.lat, long: record.long } } : {};
  return { qid: record.qid, score: decision.chosen.score, method, candidates, ...geo };
}

/** "Wang Yi (politician: member of the National People's Congress (2013–2018))", for a reviewer. */
function candidateLabel(c: Candidate): string {
  const d = c.record.description;
  const text = d ? `${c.record.label} (${d})` : c.record.label;
  return text.length > 140 ? text.slice(0, 139) + "…" : text;
}
