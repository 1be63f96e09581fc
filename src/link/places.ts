// Choosing among same-named places. A place name is linked with what the article says about it:
// the state or region the text places it in ("Paris, Texas"), whether it is the dateline (a city),
// words around it that say what kind of place it is ("the oblasts of Kherson", "Washington state",
// "the city of X"), the states the article names, and what each candidate is (a national capital,
// a city of millions, a small town, a first-level region, a borough). Population breaks ties between
// cities; when two readings stay close ("Washington" the capital or the state, "Georgia" the
// country or the US state) the place stays unlinked with both candidates kept for review.
//
// A place is never linked to the state it is the capital of: "Moscow said" is the Russian state
// (the extractor types it a country, a metonym), "talks in Moscow" is the city (a place).
import type { EntityContext, PlaceContext } from "./context.ts";
import type { Candidate } from "./disambiguate.ts";
import { foldText, nameKey } from "./normalise.ts";
import type { WikidataRecord } from "./record.ts";

export const PLACE_THRESHOLD = 0.7;
export const PLACE_MARGIN = 0.1;
/** A city this many times larger than its namesake wins a tie. */
const POPULATION_RATIO = 10;
const BIG_CITY = 1_000_000;
const TOWN = 100_000;
/** Regions that are boroughs, districts or municipalities rather than states or provinces. */
const MINOR_DIVISION = /borough|district|municipal|commune|unitary|parish|council|city|town|local|metropolitan|ward/i;

/** How likely a bare mention of the name means this place, before context. */
function prior(r: WikidataRecord): number {
  if (r.type === "country") return r.description.startsWith("sovereign state") ? 0.85 : 0.8;
  switch (r.placeClass) {
    case "area":
      return 0.85;
    case "region":
      return r.division && MINOR_DIVISION.test(r.division) ? 0.5 : 0.7;
    case "city":
    default: {
      const pop = r.population ?? 0;
      if (r.seat === "national") return 0.8;
      if (r.seat === "regional" || pop >= BIG_CITY) return 0.75;
      return pop >= TOWN ? 0.65 : 0.5;
    }
  }
}

/** Famous enough to be named without its state around: states, world regions, national capitals, big cities. */
function needsState(r: WikidataRecord): boolean {
  if (r.type === "country" || r.placeClass === "area") return false;
  if (r.placeClass === "city") return r.seat !== "national" && (r.population ?? 0) < BIG_CITY;
  return true;
}

const isCity = (r: WikidataRecord) => r.placeClass === "city";
const isRegion = (r: WikidataRecord) => r.placeClass === "region" && r.type === "place";

/** Does the qualifier ("…, Texas"; "…, France") name this candidate's state or region? */
function inQualifier(r: WikidataRecord, q: PlaceContext): boolean {
  if (r.countries.some((s) => q.qualifierStates.has(s))) return true;
  if (!isCity(r) || !r.admin1) return false;
  const admin1 = nameKey(r.admin1);
  return q.qualifierRegions.some((region) => region.countries.some((s) => r.countries.includes(s)) &&
    [region.label, ...region.aliases].some((n) => nameKey(n) === admin1));
}

/**
 * The region a same-named city lies in: the bare name is the city when the region is reached only by
 * an alias ("Isfahan" of Isfahan Province) or the city is one of millions ("a summit in Dubai").
 */
function namesakeRegionOf(city: WikidataRecord, candidates: Candidate[]): boolean {
  if (!isCity(city) || !city.admin1) return false;
  const admin1 = nameKey(city.admin1);
  const big = (city.population ?? 0) >= BIG_CITY;
  return candidates.some((c) => isRegion(c.record) && (c.via === "alias" || big) &&
    c.record.countries.some((s) => city.countries.includes(s)) &&
    [c.record.label, ...c.record.aliases].some((n) => nameKey(n) === admin1 || nameKey(n) === nameKey(city.label)));
}

/** A candidate's score, and what it would be without the caps that keep it from being linked. */
export interface PlaceScore {
  score: number;
  /** Before the caps: what a rival would be worth if its state were named. */
  uncapped: number;
}

export function placeScore(ctx: EntityContext, c: Candidate, candidates: Candidate[]): PlaceScore {
  const r = c.record;
  const q = ctx.place;
  let score = prior(r) * (c.via === "label" ? 1 : 0.95);
  const inArticle = r.countries.some((s) => ctx.articleStates.has(s));
  if (q?.qualifierStates.size || q?.qualifierRegions.length) score += inQualifier(r, q) ? 0.2 : -0.4;
  if (q?.dateline) score += isCity(r) ? 0.1 : -0.3;
  // A region or city cue says the place is a part of a state, not a state ("the Middle East region" is fine).
  if (q?.regionCue) score += isRegion(r) ? 0.15 : isCity(r) ? -0.25 : r.type === "country" ? -0.15 : 0;
  if (q?.cityCue) score += isCity(r) ? 0.15 : -0.25;
  if (inArticle) score += r.seat === "national" ? 0.2 : 0.1; // a capital named with its state is the capital as a location
  else if (ctx.articleStates.size && needsState(r)) score -= 0.05;
  if (namesakeRegionOf(r, candidates)) score += 0.1;
  const uncapped = score;
  // A town or region is only linked where the text places it: its state in the article or the qualifier.
  const placed = inArticle || (q ? inQualifier(r, q) : false);
  if (needsState(r) && !placed) score = Math.min(score, PLACE_THRESHOLD - 0.05);
  // "Crimea" is an alias of "Autonomous Republic of Crimea", but the bare name may be the peninsula,
  // the city or the historical region: the unit only when the text says it is one ("the Kherson region").
  if (isRegion(r) && c.via === "alias" && !q?.regionCue && partOfLabel(c)) score = Math.min(score, PLACE_THRESHOLD - 0.05);
  return { score, uncapped };
}

/** The names that reached the record are a part of its label ("Kherson" of "Kherson Oblast"). */
function partOfLabel(c: Candidate): boolean {
  const label = ` ${nameKey(c.record.label)} `;
  return c.names.length > 0 && c.names.every((n) => label.includes(` ${nameKey(n)} `) && nameKey(n) !== nameKey(c.record.label));
}

/**
 * Drops candidates reached only through the romanisation folding ("Nanning" is not "Nanjing")
 * when another candidate is spelt as the text spells it.
 */
export function preferSpelling<T extends Candidate>(candidates: T[]): T[] {
  const spelt = (c: Candidate) => c.names.some((n) => [c.record.label, ...c.record.aliases].some((a) => foldText(a) === foldText(n)));
  const exact = candidates.filter(spelt);
  return exact.length ? exact : candidates;
}

/**
 * Picks a place among scored candidates (best first): a clear winner, a much bigger city, or none.
 * A rival that is only held down by a cap (a region whose state the text does not name) still
 * counts at its uncapped worth: not knowing where "Washington" is does not make it the capital.
 */
export function choosePlace<T extends Candidate & { uncapped: number }>(scored: T[]): T | undefined {
  const [best, ...others] = scored;
  if (!best || best.score < PLACE_THRESHOLD) return undefined;
  const rivalry = (c: T) => Math.max(c.score, Math.min(c.uncapped, best.score));
  const close = others.filter((c) => best.score - rivalry(c) < PLACE_MARGIN - 1e-9);
  if (!close.length) return best;
  // Population breaks a tie between cities, and only between cities.
  const tied = [best, ...close];
  if (!tied.every((c) => isCity(c.record) && c.record.population)) return undefined;
  const [biggest, ...rivals] = [...tied].sort((a, b) => b.record.population! - a.record.population!);
  return biggest.score >= PLACE_THRESHOLD && rivals.every((c) => biggest.record.population! >= POPULATION_RATIO * c.record.population!) ? biggest : undefined;
}
