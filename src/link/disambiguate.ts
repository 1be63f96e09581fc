// Candidates for an entity and the choice between them. A wrong link is worse than none:
// a candidate is linked only when its score clears LINK_THRESHOLD and beats the runner-up
// by LINK_MARGIN; a person whose name several office holders share is linked only when the
// posts the text gives fit one of them, or (for a bare surname) when the article's states and
// date leave a single office holder. Places are chosen in places.ts. Every candidate is kept
// (with its score) for review.
import type { Entity } from "../model.ts";
import { NeedsArticles, type EntityContext } from "./context.ts";
import type { Gazetteer, NameHit } from "./gazetteer.ts";
import { RANK_MODIFIERS, foldText, isAcronym, keyEndings, nameKey, postWords, tokenCount, withoutInitials } from "./normalise.ts";
import { choosePlace, placeScore, preferSpelling } from "./places.ts";
import { type MatchVia, type WikidataRecord, postTerms } from "./record.ts";

export const LINK_THRESHOLD = 0.7;
export const LINK_MARGIN = 0.1;
/** A person the text gives no post links only if at most this many office holders share the surname. */
const RARE_SURNAME = 3;
/** How much each way of matching a name is worth. */
const VIA_SCORE: Record<MatchVia, number> = { label: 1, alias: 0.95, demonym: 0.85, capital: 0.8, variant: 0.9 };
/** Title words of public office: a text that gives one makes a lone office holder of that name likelier. */
const OFFICE = new Set(
  "president minister prime secretary senate representative chancellor ambassador envoy governor mayor leader lawmaker legislator parliamentarian diplomat king queen prince emir sheikh commissioner spokesperson official councilor chairman chair speaker head state foreign defense vice deputy premier".split(" "),
);
/** A national head of state or government (the gazetteer writes national posts without "of ..."). */
const HEAD_POST = /^(?:President|Prime Minister|Premier|Chancellor|Head of State|King|Queen|Emir|Supreme Leader)$/i;
/** A post that ended this many years before an article still places its holder in the news ("former"). */
const RECENT_YEARS = 4;
/** Posts that are a spouse's, not an office. */
const NOT_AN_OFFICE = /\bfirst (lady|gentleman)\b|\bspouse\b/i;
/** Title words that say the person is not an office holder (a politician's record would not fit). */
const NON_POLITICAL = new Set(
  "journalist correspondent reporter editor analyst professor researcher fellow scholar expert economist lawyer author writer columnist lecturer student photographer commentator scientist historian academic".split(" "),
);

export interface Candidate {
  record: WikidataRecord;
  via: MatchVia;
  /** Every entity name that reached the record was an acronym ("WHO"). */
  acronymOnly: boolean;
  /** The entity's names that reached the record. */
  names: string[];
  /** Persons: office holders in the gazetteer sharing the record's surname. */
  namesakes?: number;
  /** Persons named by a bare surname: the record was found by its surname. */
  bySurname?: boolean;
  score: number;
}

export interface Decision {
  chosen?: Candidate;
  /** Sorted best first; includes the chosen one. */
  candidates: Candidate[];
}

/** Records whose names match the entity's names and whose type the entity's kind allows. */
export function findCandidates(entity: Entity, ctx: EntityContext, gaz: Gazetteer): Candidate[] {
  const byQid = new Map<string, Candidate>();
  // The extractor's state for a country or organisation; a place is never its own state ("talks in Moscow").
  if (ctx.iso3 && (entity.kind === "country" || entity.kind === "organisation")) {
    const state = gaz.byIso3(ctx.iso3);
    if (state) byQid.set(state.qid, { record: state, via: "label", acronymOnly: false, names: [], score: 0 });
  }
  for (const name of matchingNames(entity)) {
    const hits = entity.kind === "person" ? personHits(name, gaz) : entity.kind === "organisation" ? organisationHits(name, ctx, gaz) : entity.kind === "place" ? placeHits(name, gaz) : gaz.lookup(name);
    for (const { record, via } of hits) {
      if (!typeAllows(entity, record, via)) continue;
      const acronym = isAcronym(name);
      const seen = byQid.get(record.qid);
      if (!seen) byQid.set(record.qid, { record, via, acronymOnly: acronym, names: [name], score: 0 });
      else {
        seen.names.push(name);
        if (VIA_SCORE[via] > VIA_SCORE[seen.via]) seen.via = via;
        seen.acronymOnly &&= acronym;
      }
    }
  }
  // A bare surname ("Biden", "Mr Lavrov") no record is named by: the office holders of that surname.
  if (entity.kind === "person" && !byQid.size && matchingNames(entity).every((n) => tokenCount(n) === 1)) {
    for (const name of matchingNames(entity)) {
      for (const record of gaz.bySurname(name)) {
        if (!byQid.has(record.qid)) byQid.set(record.qid, { record, via: "variant", acronymOnly: false, names: [name], bySurname: true, score: 0 });
      }
    }
  }
  const found = [...byQid.values()];
  if (entity.kind === "person") for (const c of found) c.namesakes = gaz.namesakes(c.record.label);
  return found;
}

/**
 * Records a person's full name reaches: exactly; without initials ("Antony J. Blinken"); else as a
 * variant of a record's name: the record's name within the text's ("Jorge Alberto Arreaza
 * Montserrat" → "Jorge Arreaza"), the text's within the record's ("Bruno Rodríguez" → "Bruno
 * Rodríguez Parrilla"), or one letter apart in a long given name or surname ("Constantino" /
 * "Constantine", "Rezaie" / "Rezaee").
 */
function personHits(name: string, gaz: Gazetteer): NameHit[] {
  const exact = gaz.lookup(name);
  if (exact.length) return exact;
  const shorter = withoutInitials(name);
  const base = shorter ?? name;
  if (shorter) {
    const hits = gaz.lookup(shorter);
    if (hits.length) return hits.map((h) => ({ ...h, via: "alias" as const }));
  }
  const words = nameKey(base).split(" ").filter(Boolean);
  if (words.length < 2 || words[0].startsWith("^")) return [];
  const found = new Map<string, NameHit>();
  const add = (hits: NameHit[]) => {
    for (const h of hits) {
      if ((h.via === "label" || h.via === "alias") && h.record.type === "person" && !found.has(h.record.qid)) found.set(h.record.qid, { record: h.record, via: "variant" });
    }
  };
  const [first, ...rest] = words;
  // The record's name within the text's: the first word with one or two of the later ones, in order.
  if (words.length >= 3) {
    for (let j = 1; j < words.length; j++) {
      add(gaz.lookup([first, words[j]].join(" ")));
      for (let k = j + 1; k < words.length; k++) add(gaz.lookup([first, words[j], words[k]].join(" ")));
    }
  }
  // The text's name within the record's: a second surname left out, or given as an initial that
  // the record's name bears out ("Bruno Rodríguez P." of "Bruno Rodríguez Parrilla").
  const initials = shorter ? name.trim().split(/\s+/).slice(1).filter((t) => /^\p{Lu}\.?$/u.test(t)).map((t) => t[0].toLowerCase()) : [];
  for (const { key, hits } of gaz.keysWithPrefix(words.join(" ") + " ", 20)) {
    const more = key.slice(words.join(" ").length + 1).split(" ");
    if (initials.length && initials.every((ch, i) => more[i]?.startsWith(ch))) {
      for (const h of hits) if (h.record.type === "person") found.set(h.record.qid, { record: h.record, via: "alias" });
    } else add(hits);
  }
  // One letter apart: the same surname and a close given name, or the same given name and a close rest.
  const surname = words.at(-1)!;
  for (const r of gaz.bySurname(surname)) {
    for (const n of [r.label, ...r.aliases]) {
      const other = nameKey(n).split(" ").filter(Boolean);
      if (other.length >= 2 && other.at(-1) === surname && closeWords(other[0], first)) add([{ record: r, via: "alias" }]);
    }
  }
  const restKey = rest.join(" ");
  if (restKey.length >= 5) {
    for (const { key, hits } of gaz.keysWithPrefix(`${first} ${restKey.slice(0, 2)}`, 200)) {
      if (closeWords(key.slice(first.length + 1), restKey)) add(hits);
    }
  }
  return [...found.values()];
}

/** The unit's word written after a region's name: "Unity State", "Hormozgan Province". */
const DIVISION_SUFFIX = /^(.+?)\s+(State|Province|Region|Oblast|Governorate|Prefecture)$/u;

/**
 * Records a place's name reaches: exactly; else, for a name ending in a kind of unit ("Jonglei
 * State"), the first-level regions of that kind named by the rest ("Jonglei", a State of its country).
 */
function placeHits(name: string, gaz: Gazetteer): NameHit[] {
  const exact = gaz.lookup(name);
  const m = exact.length ? null : DIVISION_SUFFIX.exec(name.trim());
  if (!m) return exact;
  const unit = m[2].toLowerCase();
  return gaz.lookup(m[1])
    .filter((h) => (h.via === "label" || h.via === "alias") && h.record.type === "place" && h.record.placeClass === "region" && (h.record.division ?? "").toLowerCase().includes(unit))
    .map((h) => ({ ...h, via: "alias" as const }));
}

/**
 * Records an organisation's name reaches: exactly, or as the body of an organisation the article
 * names ("the Security Council" in an article naming the United Nations: "United Nations Security
 * Council").
 */
/** Above this many bodies named in an entity's articles, the parents are tried only when a gazetteer key could end with the name. */
const MANY_PARENTS = 32;

function organisationHits(name: string, ctx: EntityContext, gaz: Gazetteer): NameHit[] {
  const exact = gaz.lookup(name);
  if (exact.length || tokenCount(name) < 2 || isAcronym(name)) return exact;
  const own = foldText(name.replace(/^the\s+/i, ""));
  let parents: Iterable<string>;
  try {
    parents = ctx.articleOrganisations;
  } catch (e) {
    // A context without its articles (an incremental build): when no key ends as "PARENT OWN"
    // would, no parent can give a hit, and the articles need not be read.
    if (e instanceof NeedsArticles && !keyEndings(own).some((words) => gaz.endsSomeKey(words))) return [];
    throw e;
  }
  // Many parents (a long article names thousands of bodies) make this loop quadratic: the same
  // exact test as above then tells, with one scan, whether any parent could give a hit.
  const parentList = [...parents];
  if (parentList.length > MANY_PARENTS && !keyEndings(own).some((words) => gaz.endsSomeKey(words))) return [];
  const found = new Map<string, NameHit>();
  for (const parent of parentList) {
    if (tokenCount(parent) > 6) continue;
    for (const h of gaz.lookup(`${parent} ${own}`)) {
      if ((h.via === "label" || h.via === "alias") && h.record.type === "organisation") found.set(h.record.qid, { record: h.record, via: "variant" });
    }
  }
  return [...found.values()];
}

/** Two spellings of one long word: one letter added, dropped or changed ("constantino"/"constantine"). */
function closeWords(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
}

/** A person is looked up by full names; a surname alone only when nothing fuller is known. */
function matchingNames(entity: Entity): string[] {
  const names = [...new Set([entity.label, ...entity.altLabels])];
  if (entity.kind !== "person") return names;
  const full = names.filter((n) => tokenCount(n) >= 2);
  return full.length ? full : names;
}

function typeAllows(entity: Entity, record: WikidataRecord, via: MatchVia): boolean {
  const byName = via === "label" || via === "alias" || via === "variant";
  switch (entity.kind) {
    case "person":
      return record.type === "person" && byName;
    case "country":
      return record.type === "country" || (record.type === "organisation" && byName);
    case "organisation":
      return record.type === "organisation" || (record.type === "country" && byName);
    case "place":
      // A place, or a state or territory named as one ("in Georgia"); never a state by its capital.
      return (record.type === "place" || record.type === "country") && byName;
  }
}

/** Scores every candidate and picks the one to link, if any. */
export function decide(entity: Entity, ctx: EntityContext, candidates: Candidate[]): Decision {
  const surnameFit = candidates.some((c) => c.bySurname) ? surnameFits(ctx, candidates) : undefined;
  if (entity.kind === "place") {
    // Place scores add up context and may pass 1: choose on the raw sums, report them capped.
    const spelt = preferSpelling(candidates);
    const raw = spelt.map((c) => ({ ...c, ...placeScore(ctx, c, spelt) }));
    raw.sort((a, b) => b.score - a.score || a.record.qid.localeCompare(b.record.qid));
    const chosen = choosePlace(raw);
    const capped = raw.map(({ uncapped: _, ...c }) => ({ ...c, score: round(c.score) }));
    return chosen ? { chosen: capped[raw.indexOf(chosen)], candidates: capped } : { candidates: capped };
  }
  const scored = candidates.map((c) => ({ ...c, score: round(scoreOf(entity, ctx, c, candidates, surnameFit)) }));
  scored.sort((a, b) => b.score - a.score || a.record.qid.localeCompare(b.record.qid));
  const [best, second] = scored;
  if (!best || best.score < LINK_THRESHOLD) return { candidates: scored };
  if (second && best.score - second.score < LINK_MARGIN) return { candidates: scored };
  const fixedBySurname = best.bySurname && surnameFit?.size === 1 && surnameFit.has(best.record.qid);
  if (entity.kind === "person" && scored.length > 1 && postFit(ctx, best.record) < 0.5 && !fixedBySurname) return { candidates: scored };
  return { chosen: best, candidates: scored };
}

function scoreOf(entity: Entity, ctx: EntityContext, c: Candidate, candidates: Candidate[], surnameFit?: Set<string>): number {
  const name = VIA_SCORE[c.via] * (c.record.type === entity.kind ? 1 : 0.9);
  switch (entity.kind) {
    case "person":
      if (c.bySurname) return surnameFit?.size === 1 && surnameFit.has(c.record.qid) ? 0.8 + 0.1 * Math.min(1, postFit(ctx, c.record)) : 0.5;
      return personScore(ctx, c, name, candidates.length);
    case "organisation":
      return organisationScore(ctx, c, name, entity);
    case "country":
      return countryScore(ctx, c, name);
    case "place":
      return placeScore(ctx, c, candidates).score; // (places are decided in decide(), not here)
  }
}

/**
 * The office holders a bare surname can mean here: holding an office (not a seat, not a spouse's
 * role) in a state the article's posts or states name, at the article's time (undated: now), and
 * fitting the post when the text gives one.
 */
function surnameFits(ctx: EntityContext, candidates: Candidate[]): Set<string> {
  const states = ctx.postStates.size ? ctx.postStates : ctx.articleStates;
  const fits = new Set<string>();
  for (const c of candidates) {
    if (!c.bySurname) continue;
    const r = c.record;
    const offices = r.posts.filter((p) => !isSeat(p) && !NOT_AN_OFFICE.test(p));
    if (!offices.length || !r.countries.some((s) => states.has(s))) continue;
    const fit = postFit(ctx, r);
    if (ctx.titles.length && fit < 0.5) continue;
    if (timeFit(ctx, r, (p) => isSeat(p) || NOT_AN_OFFICE.test(p)) < 1) continue;
    fits.add(r.qid);
  }
  return fits;
}

/**
 * +1 the record held a post at (or shortly before) every dated article's time, or, for undated
 * articles, holds one now (a post without an end year); -1 it held its posts only at other times
 * of the dated articles; 0 unknown (undated and no current post, or posts without years). Posts
 * `ignored` says are not counted (seats in a legislature, a spouse's role).
 */
export function timeFit(ctx: EntityContext, r: WikidataRecord, ignored: (post: string) => boolean = () => false): number {
  const terms = postTerms(r.description).filter((t) => t.start !== undefined && !ignored(t.post));
  if (!terms.length) return 0;
  const years = ctx.dates.map((d) => Number(d.slice(0, 4)));
  if (!years.length) return terms.some((t) => t.end === undefined) ? 1 : 0;
  const held = (y: number) => terms.some((t) => t.start! <= y && y <= (t.end ?? Infinity) + RECENT_YEARS);
  return years.every(held) ? 1 : -1;
}

function personScore(ctx: EntityContext, c: Candidate, name: number, rivals: number): number {
  const fit = postFit(ctx, c.record);
  const states = stateFit(ctx.postStates, ctx.articleStates, c.record.countries);
  const time = timeFit(ctx, c.record, isSeat);
  const penalty = (states < 0 ? 0.35 : 0) + (contradictsPosts(ctx, c.record, fit) ? 0.35 : 0);
  // A lone candidate still needs some support beyond the name: a fitting post, a public office
  // in the text, its state among the article's, in office at the article's time (a namesake is
  // likelier than one thinks).
  const office = ctx.titles.some((t) => postWords(t).some((w) => OFFICE.has(w))) ? 1 : 0;
  // In office at the article's time in a state the article names: the state counts in full. So it
  // does for a head of state or government named in full in an article naming that state, at a time
  // the article does not contradict: few namesakes of a president make the news of the same state.
  const head = states > 0 && time >= 0 && c.via === "label" && tokenCount(c.record.label) >= 2 && c.record.posts.some((p) => HEAD_POST.test(p));
  const placed = (states > 0 && time > 0) || head ? 1 : Math.max(states, 0);
  const score = rivals === 1
    ? 0.66 * name + 0.2 * fit + 0.08 * placed + 0.06 * office + 0.06 * Math.max(time, 0) - penalty
    : 0.55 * name + 0.3 * fit + 0.15 * Math.max(states, 0) + 0.1 * time - penalty;
  // A lone surname ("Smith") links only when the post fits too.
  const singleToken = tokenCount(c.record.label) < 2 || c.acronymOnly;
  if (singleToken && fit < 0.5) return Math.min(score, 0.5);
  // The text gives an office the record does not know, and the record knows only a seat in a
  // legislature: a premier is not the backbencher of the same (common) name.
  if (ctx.titles.length && fit < 0.5 && c.record.posts.length && c.record.posts.every(isSeat)) return Math.min(score, 0.6);
  // With no post in the text, only a rare surname links ("John Smith" the byline is not the MP),
  // unless the article's state and time fix the person: in office then, in a state it names.
  const fixed = (states > 0 && time > 0) || head;
  if (!ctx.titles.length && (c.namesakes ?? 0) > RARE_SURNAME && !fixed) return Math.min(score, 0.6);
  return score;
}

function organisationScore(ctx: EntityContext, c: Candidate, name: number, entity: Entity): number {
  if (ctx.iso3 && c.record.iso3 === ctx.iso3) return 0.95; // a state the extractor typed as an organisation
  let score = 0.9 * name;
  // Two different bodies spelt out for one acronym ("BIS": a bank and a bureau): which one is meant is unclear.
  if (expansionsDisagree(entity, c.record)) score *= 0.5;
  // Most shipped organisations are international bodies and ministries, not media, universities or
  // firms; the curated media list (orgKind) is media and platforms, not governments.
  const bodyKind = ["media", "academic", "company"].includes(ctx.orgType ?? "");
  if (c.record.origin === "gazetteer" && c.record.type === "organisation" && !c.record.orgKind && bodyKind) score *= 0.4;
  if (c.record.orgKind && ["international", "government", "country"].includes(ctx.orgType ?? "")) score *= 0.5;
  if (c.acronymOnly && !c.names.some((a) => acronymFits(a, c.record.label))) score *= 0.6;
  const states = stateFit(ctx.nameStates, new Set(), c.record.countries);
  if (states < 0) score *= 0.3;
  else if (states > 0) score += 0.05;
  return score;
}

function countryScore(ctx: EntityContext, c: Candidate, name: number): number {
  if (ctx.iso3 && c.record.iso3 === ctx.iso3) return 1;
  if (ctx.iso3 && c.record.iso3) return 0.3 * name; // the extractor named another state
  // "American", "French", "Kingston": the sovereign state over its territories.
  const sovereign = c.record.type === "country" && c.record.description.startsWith("sovereign state") ? 0.12 : 0;
  return 0.9 * name + sovereign;
}

const SEAT = /\b(member|representative|senator|senate|parliament|congress|assembly|deputy|legislat\w*)\b/i;
const OFFICE_POST = /\b(minister|president|secretary|governor|mayor|chancellor|leader|speaker|chair\w*|commissioner|ambassador|premier|king|queen|emir|head|director|general)\b/i;
/** A post that is a seat in a legislature, not an office ("member of the National Assembly"). */
const isSeat = (post: string): boolean => SEAT.test(post) && !OFFICE_POST.test(post);

/** How well the posts the text gives fit the record's posts (0..1, best pair). */
export function postFit(ctx: EntityContext, record: WikidataRecord): number {
  let best = 0;
  const posts = record.posts.map((p) => new Set(postWords(p)));
  for (const title of ctx.titles) {
    const words = postWords(title);
    if (!words.length) continue;
    for (const post of posts) {
      let fit = words.filter((w) => post.has(w)).length / words.length;
      const modifierMismatch = [...RANK_MODIFIERS].some((m) => post.has(m) !== words.includes(m));
      if (modifierMismatch) fit *= 0.3;
      best = Math.max(best, fit);
    }
  }
  return best;
}

/** The text calls the person a journalist, professor... and the record knows no such post. */
function contradictsPosts(ctx: EntityContext, record: WikidataRecord, fit: number): boolean {
  if (fit >= 0.5) return false;
  const known = new Set(record.posts.flatMap(postWords));
  return ctx.titles.some((t) => postWords(t).some((w) => NON_POLITICAL.has(w) && !known.has(w)));
}

/** +1 the states agree, -1 they differ, 0.5 only co-mentioned states agree, 0 unknown. */
function stateFit(strong: Set<string>, weak: Set<string>, recordStates: string[]): number {
  if (!recordStates.length) return 0;
  if (strong.size) return recordStates.some((s) => strong.has(s)) ? 1 : -1;
  return recordStates.some((s) => weak.has(s)) ? 0.5 : 0;
}

/** The entity's names spell out one of its acronyms in two ways, and the record is not both. */
function expansionsDisagree(entity: Entity, record: WikidataRecord): boolean {
  const names = [entity.label, ...entity.altLabels];
  const recordKeys = new Set([record.label, ...record.aliases].map(nameKey));
  for (const acronym of names.filter(isAcronym)) {
    const spelt = [...new Set(names.filter((n) => !isAcronym(n) && tokenCount(n) >= 2 && acronymFits(acronym, initialsOf(n))).map(nameKey))];
    if (spelt.length >= 2 && !spelt.every((k) => recordKeys.has(k))) return true;
  }
  return false;
}

/** "Bureau of Industry and Security" → "Bureau Industry Security": the words an acronym takes letters from. */
const initialsOf = (name: string): string => name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");

/** "WHO" fits "World Health Organization": its letters in order, starting with the first word's. */
function acronymFits(acronym: string, label: string): boolean {
  const letters = foldText(label).replace(/\s+/g, "");
  const acr = foldText(acronym).replace(/\s+/g, "");
  if (!acr || acr[0] !== letters[0]) return false;
  let i = 0;
  for (const ch of letters) if (ch === acr[i]) i++;
  return i === acr.length;
}

const round = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
