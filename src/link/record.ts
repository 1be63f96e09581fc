// What the linker knows about one Wikidata item, whether from the shipped gazetteer or an
// online answer.

export type RecordType = "country" | "organisation" | "person" | "place";

export interface WikidataRecord {
  qid: string;
  type: RecordType;
  label: string;
  aliases: string[];
  /** Gazetteer: "politician: <post> (<years>); ..."; online: Wikidata's English description. */
  description: string;
  /** Posts held or occupations, readable ("Minister of Foreign Affairs of Russia"). */
  posts: string[];
  /** ISO alpha-3 of the states the item belongs to (a person's citizenship or offices, a ministry's state). */
  countries: string[];
  /** Country rows only. */
  iso3?: string;
  demonyms?: string[];
  capital?: string;
  /** Where the record came from: the shipped lists, or a (cached) Wikidata API answer. */
  origin: "gazetteer" | "online";
}

/** How a name reached a record; the weaker the way, the lower the name score. */
export type MatchVia = "label" | "alias" | "demonym" | "capital";
export const VIA_CODES: MatchVia[] = ["label", "alias", "demonym", "capital"];

/** "politician: Foreign Minister of X (2013–); Member (2008–2013)" → ["Foreign Minister of X", "Member"]. */
export function postsFromDescription(description: string): string[] {
  const m = /^politician:\s*(.*)$/.exec(description);
  if (!m) return [];
  return m[1].split(";").map((p) => p.replace(/\s*\([^)]*\)\s*$/, "").trim()).filter(Boolean);
}
