// The types that carry data from one pipeline stage to the next:
// ingest → extract → resolve → link → graph → store → serve.
// Facts refer to entities by key, never by surface string; surface forms live on the entity.

/** Character offsets into Document.text (UTF-16 code units, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * What part of the article a block of text is. Boilerplate is not a block at all.
 * aside: a newsletter or promo blurb kept because it names people (not the story itself).
 */
export type BlockKind = "headline" | "subheadline" | "dateline" | "byline" | "caption" | "body" | "aside";

export interface Block extends Span {
  kind: BlockKind;
}

/** One article as read from disk. Every offset in the pipeline points into `text`. */
export interface Document {
  /** Stable id: the file's base name without extension, e.g. "000_2c3e6c662088921c". */
  id: string;
  /** The source file's base name, e.g. "000_2c3e6c662088921c.txt". */
  fileName: string;
  /** sha256 (hex) of the file's bytes; the build's cache key. */
  sha256: string;
  /** The decoded file text, unchanged (so offsets can be checked against the file). */
  text: string;
  title?: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) of publication, when the text or sidecar states it. */
  published?: string;
  url?: string;
  /** Place named in the dateline ("BEIJING, Mar 23 (PTI)"), if any. */
  dateline?: { place?: string; span: Span };
  /**
   * The day the story is told from, when its dateline or a date heading it prints one ("BEIJING,
   * Mar 23 (PTI)", "1 July 2015 - …"): ISO YYYY-MM-DD, or "--MM-DD" when no year is printed.
   * "Today" and "on Monday" count from it rather than from the page's date.
   */
  datelineDay?: string;
  /** Content blocks (paragraphs) in text order; page boilerplate is left out. */
  blocks: Block[];
  /** Sentences of the content blocks, in text order. */
  sentences: Span[];
}

/**
 * person: a named human. organisation: a named body (ministry, party, news agency...).
 * country: a state (as actor). place: a city, region or area used as a location.
 */
export type EntityKind = "person" | "organisation" | "country" | "place";

/** Kind of organisation, as in the gold format. */
export type OrgType = "country" | "international" | "government" | "media" | "academic" | "company" | "other";

/** An entity as one article knows it. `key` is unique within the article. */
export interface LocalEntity {
  key: string;
  kind: EntityKind;
  /** The fullest proper name the article uses for it. */
  name: string;
  /** Every proper-name surface form the article uses (name included; no pronouns or titles). */
  names: string[];
  orgType?: OrgType;
  /** For states: ISO 3166-1 alpha-3 when known (lets resolve/link join "US", "Washington", "American"). */
  iso3?: string;
}

export type MentionVia = "name" | "alias" | "acronym" | "surname" | "honorific" | "title" | "pronoun" | "demonym" | "capital";

export interface Mention {
  span: Span;
  surface: string;
  /** Key of the LocalEntity this mention refers to. */
  entity: string;
  /** Index into Document.sentences. */
  sentence: number;
  via: MentionVia;
}

export interface RoleFact {
  holder: string;
  /** The post without the country adjective: "Foreign Minister", "director", "former President". */
  title: string;
  /** The organisation or country the post belongs to, when the text names one. */
  organisation?: string;
  evidence: Span;
  confidence: number;
}

export interface QuoteFact {
  /** The entity the quote is attributed to (person, organisation or country). */
  speaker: string;
  /** For joint statements: every author named. */
  speakers?: string[];
  /** The quoted words, without quotation marks. */
  text: string;
  /** Where the quoted words are. */
  span: Span;
  /** The sentence(s) carrying quote and attribution. */
  evidence: Span;
  /** ISO date the words were said, when the attribution fixes it ("she said on Monday"). */
  date?: string;
  confidence: number;
}

export interface SanctionFact {
  imposers: string[];
  /** The text's own phrase for whom the sanctions hit. */
  targetText: string;
  /** Entities named in the target phrase. */
  targets: string[];
  reason?: string;
  /** ISO date when the text fixes it (resolved against the article's date). */
  date?: string;
  /** YYYY-MM when the text fixes only the month ("earlier this month", "in March"). */
  month?: string;
  /** YYYY when the text fixes only the year ("in 2014"), or the month's year. */
  year?: string;
  evidence: Span;
  confidence: number;
}

/** What the words around a place's mentions say of it (read by the linker). */
export interface PlaceCues {
  /** Names written right after a mention: "Paris, Texas" → ["Texas"]. */
  qualifiers: string[];
  /** A mention is the article's dateline place. */
  dateline: boolean;
  /** "the Donetsk region", "the oblasts of Kherson and Luhansk", "Washington state". */
  regionCue: boolean;
  /** "the city of Isfahan", "Kherson city". */
  cityCue: boolean;
}

/**
 * What the linker reads of an article beyond its entities and roles, small enough to keep between
 * builds (an incremental build links without the article's text).
 */
export interface ArticleLinkFacts {
  /** ISO date of publication, when known. */
  published?: string;
  /** Local key of each place entity → its cues. */
  places: Record<string, PlaceCues>;
}

/** What the extractor finds in one article. */
export interface Extraction {
  doc: Document;
  entities: LocalEntity[];
  mentions: Mention[];
  roles: RoleFact[];
  quotes: QuoteFact[];
  sanctions: SanctionFact[];
  /** Set when `doc` and `mentions` are left out (see ArticleLinkFacts); else the linker reads them. */
  linkFacts?: ArticleLinkFacts;
}

/** One node per real-world entity across all articles. */
export interface Entity {
  /** "{kind}/{slug}", e.g. "person/sergey-lavrov"; stable across rebuilds of the same input. */
  id: string;
  kind: EntityKind;
  label: string;
  /** Every other surface form seen, sorted. */
  altLabels: string[];
  orgType?: OrgType;
  iso3?: string;
  /** Document ids of the articles that mention it, sorted. */
  articles: string[];
}

export interface Resolution {
  /** Sorted by id. */
  entities: Entity[];
  /** `${docId}#${localKey}` → Entity.id */
  entityOf: Map<string, string>;
}

/**
 * What reading a resolution needs: its entities and the look-up `${docId}#${localKey}` → Entity.id
 * (a Map, or a look-up over the compact tables a corpus build keeps: resolve/corpus.ts).
 */
export interface ResolutionView {
  entities: Entity[];
  entityOf: { get(key: string): string | undefined };
}

export type LinkMethod = "gazetteer" | "online" | "manual";

export interface LinkCandidate {
  qid: string;
  label: string;
  score: number;
}

export interface Link {
  /** The chosen Wikidata item, absent when no candidate clears the threshold. */
  qid?: string;
  score: number;
  method: LinkMethod;
  candidates: LinkCandidate[];
  /** WGS84 coordinates (degrees) of the chosen item, when it is a place the gazetteer locates. */
  geo?: { lat: number; long: number };
}

/** Entity.id → Link */
export type Links = Map<string, Link>;
