// What the linker knows about one Wikidata item, whether from the shipped gazetteer or an
// online answer.

export type RecordType = "country" | "organisation" | "person" | "place";

/** city: a populated place; region: a first-level division; area: a continent or world region. */
export type PlaceClass = "city" | "region" | "area";

export interface WikidataRecord {
  qid: string;
  type: RecordType;
  label: string;
  aliases: string[];
  /** Gazetteer: "politician: <post> (<years>); ..."; online: Wikidata's English description. */
  description: string;
  /** Posts held or occupations, readable ("Minister of Foreign Affairs of Russia"). */
  posts: string[];
  /** ISO alpha-3 of the states the item belongs to (a person's citizenship or offices, a ministry's state, a place's state). */
  countries: string[];
  /** Country rows only. */
  iso3?: string;
  demonyms?: string[];
  capital?: string;
  /** Where the record came from: the shipped lists, or a (cached) Wikidata API answer. */
  origin: "gazetteer" | "online";
  /** Places (and territories that are also places): WGS84 coordinates in degrees. */
  lat?: number;
  long?: number;
  placeClass?: PlaceClass;
  /** Cities that are the seat of a state's ("national") or a region's ("regional") government. */
  seat?: "national" | "regional";
  /** Cities: population of the urban area. */
  population?: number;
  /** Cities: the first-level region they lie in, as the source spells it. */
  admin1?: string;
  /** Regions: the kind of unit ("State", "Oblast", "London Borough"). */
  division?: string;
  /** Organisations of the curated media list: "news agency", "broadcaster", "newspaper", "platform", "company". */
  orgKind?: string;
}

/** How a name reached a record; the weaker the way, the lower the name score. */
export type MatchVia = "label" | "alias" | "demonym" | "capital" | "variant";
/** The ways stored in the shipped index (a "variant" is found at lookup time, never stored). */
export const VIA_CODES: MatchVia[] = ["label", "alias", "demonym", "capital"];

/** "politician: Foreign Minister of X (2013–); Member (2008–2013)" → ["Foreign Minister of X", "Member"]. */
export function postsFromDescription(description: string): string[] {
  return postTerms(description).map((t) => t.post);
}

export interface PostTerm {
  post: string;
  /** First and last year in the post; `end` is absent while the post is held. */
  start?: number;
  end?: number;
}

/** "politician: President (2012–); Member (2008–2013); Envoy (2001)" → the posts with their years. */
export function postTerms(description: string): PostTerm[] {
  const m = /^politician:\s*(.*)$/.exec(description);
  if (!m) return [];
  return m[1].split(";").flatMap((part) => {
    const years = /\s*\((\d{4})?(?:\s*[–-]\s*(\d{4})?)?\)\s*$/.exec(part);
    const post = part.replace(/\s*\([^)]*\)\s*$/, "").trim();
    if (!post) return [];
    if (!years?.[1]) return [{ post }];
    const start = Number(years[1]);
    const open = /[–-]\s*\)\s*$/.test(part);
    const end = years[2] ? Number(years[2]) : open ? undefined : start;
    return [{ post, start, ...(end !== undefined ? { end } : {}) }];
  });
}
