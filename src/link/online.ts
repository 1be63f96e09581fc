// Online candidates: wbsearchentities for the entity's names, wbgetentities for the hits and
// for the labels of their posts and occupations, each item turned into a WikidataRecord whose
// type comes from P31 (instance of), countries from P27 (citizenship) / P17 (country), and
// posts from P39 (position held) and P106 (occupation). The same code reads the cache alone
// when offline, so a cached answer links the same way in the next (offline) build.
import type { Entity } from "../model.ts";
import { AnswerCache } from "./cache.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { tokenCount } from "./normalise.ts";
import type { RecordType, WikidataRecord } from "./record.ts";
import type { RawItem, WikidataClient } from "./wikidata-client.ts";

const HUMAN = "Q5";
const STATE_CLASSES = new Set(["Q6256", "Q3624078", "Q3024240", "Q7275", "Q15634554", "Q1763527"]);
const PLACE_CLASSES = new Set([
  "Q515", "Q1549591", "Q5119", "Q486972", "Q1637706", "Q1093829", "Q10864048", "Q107390", "Q35657",
  "Q82794", "Q1620908", "Q23442", "Q3957", "Q532", "Q200250", "Q208511", "Q34876", "Q5107", "Q46395",
]);
const ORGANISATION_CLASSES = new Set([
  "Q43229", "Q484652", "Q327333", "Q192350", "Q2659904", "Q7210356", "Q7278", "Q163740", "Q11032", "Q1002697",
  "Q41298", "Q1153191", "Q192283", "Q1331793", "Q3918", "Q31855", "Q4830453", "Q783794", "Q891723", "Q245065",
  "Q1127126", "Q15911314", "Q1589009", "Q2385804", "Q955824", "Q4438121", "Q22687", "Q6881511", "Q2085381", "Q47913",
]);
const POST_PROPERTIES = ["P39", "P106"];
const COUNTRY_PROPERTIES = ["P27", "P17"];

/** Records for the entity's names from Wikidata (network or cache, as the client allows). */
export async function onlineRecords(entity: Entity, client: WikidataClient, gaz: Gazetteer): Promise<WikidataRecord[]> {
  const names = searchNames(entity);
  const ids = new Set<string>();
  for (const name of names) for (const id of await client.search(name)) ids.add(id);
  if (!ids.size) return [];
  const items = await client.getItems([...ids].slice(0, 20));
  const labels = await labelsOfValues(Object.values(items), client);
  return Object.values(items).flatMap((item) => recordFromItem(item, labels, gaz) ?? []);
}

/** The names worth a search: the label and the other full names (a surname alone is too vague). */
export function searchNames(entity: Entity): string[] {
  const full = [entity.label, ...entity.altLabels].filter((n) => entity.kind !== "person" || tokenCount(n) >= 2);
  return [...new Set(full.length ? full : [entity.label])].slice(0, 3);
}

async function labelsOfValues(items: RawItem[], client: WikidataClient): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const item of items) for (const p of POST_PROPERTIES) for (const v of itemValues(item, p)) ids.add(v);
  const answer = ids.size ? await client.getItems([...ids].slice(0, 100), ["labels"]) : {};
  return labelMap(Object.values(answer));
}

function labelMap(items: RawItem[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const item of items) {
    const label = item.labels?.en?.value;
    if (label) labels.set(item.id, label);
  }
  return labels;
}

/** QIDs a property points to, preferred/normal rank only. */
export function itemValues(item: RawItem, property: string): string[] {
  return (item.claims?.[property] ?? [])
    .filter((c) => c.rank !== "deprecated" && c.mainsnak.snaktype === "value")
    .map((c) => (c.mainsnak.datavalue?.value as { id?: string } | undefined)?.id)
    .filter((id): id is string => typeof id === "string");
}

export function typeOfItem(item: RawItem): RecordType | undefined {
  const classes = itemValues(item, "P31");
  if (classes.includes(HUMAN)) return "person";
  if (classes.some((c) => STATE_CLASSES.has(c))) return "country";
  if (classes.some((c) => ORGANISATION_CLASSES.has(c))) return "organisation";
  if (classes.some((c) => PLACE_CLASSES.has(c))) return "place";
  return undefined; // an unknown class is not guessed at: no type, no link
}

export function recordFromItem(item: RawItem, labels: Map<string, string>, gaz: Gazetteer): WikidataRecord | undefined {
  const type = typeOfItem(item);
  const label = item.labels?.en?.value;
  if (!type || !label || item.missing !== undefined) return undefined;
  const description = item.descriptions?.en?.value ?? "";
  const posts = POST_PROPERTIES.flatMap((p) => itemValues(item, p)).map((q) => labels.get(q)).filter((l): l is string => !!l);
  const countries = COUNTRY_PROPERTIES.flatMap((p) => itemValues(item, p))
    .map((q) => gaz.byQid(q)?.iso3)
    .filter((c): c is string => !!c);
  const known = type === "country" ? gaz.byQid(item.id) : undefined; // states are indexed eagerly
  return {
    qid: item.id, type, label, aliases: (item.aliases?.en ?? []).map((a) => a.value), description,
    posts: description ? [...posts, description] : posts, countries: [...new Set(countries)].sort(),
    ...(type === "country" && known?.iso3 ? { iso3: known.iso3, demonyms: known.demonyms, capital: known.capital } : {}),
    origin: "online",
  };
}

/** Records of every item a cache holds (folded into the shipped gazetteer by build-gazetteer). */
export async function recordsFromCache(dir: string, gaz: Gazetteer): Promise<WikidataRecord[]> {
  const items: RawItem[] = [];
  for (const answer of await new AnswerCache(dir).all()) {
    const entities = (answer.body as { entities?: Record<string, RawItem> } | undefined)?.entities;
    if (entities) items.push(...Object.values(entities));
  }
  const labels = labelMap(items);
  return items.filter((i) => i.claims).flatMap((i) => recordFromItem(i, labels, gaz) ?? []);
}
