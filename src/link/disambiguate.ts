// Candidates for an entity and the choice between them. A wrong link is worse than none:
// a candidate is linked only when its score clears LINK_THRESHOLD and beats the runner-up
// by LINK_MARGIN; a person whose name several office holders share is linked only when the
// posts the text gives fit one of them. Every candidate is kept (with its score) for review.
import type { Entity } from "../model.ts";
import type { EntityContext } from "./context.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { RANK_MODIFIERS, foldText, isAcronym, postWords, tokenCount, withoutInitials } from "./normalise.ts";
import type { MatchVia, WikidataRecord } from "./record.ts";

export const LINK_THRESHOLD = 0.7;
export const LINK_MARGIN = 0.1;
/** A person the text gives no post links only if at most this many office holders share the surname. */
const RARE_SURNAME = 3;
/** How much each way of matching a name is worth. */
const VIA_SCORE: Record<MatchVia, number> = { label: 1, alias: 0.95, demonym: 0.85, capital: 0.8 };
/** Title words of public office: a text that gives one makes a lone office holder of that name likelier. */
const OFFICE = new Set(
  "president minister prime secretary senate representative chancellor ambassador envoy governor mayor leader lawmaker legislator parliamentarian diplomat king queen prince emir sheikh commissioner spokesperson official councilor chairman chair speaker head state foreign defense vice deputy premier".split(" "),
);
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
  if (ctx.iso3 && entity.kind !== "person") {
    const state = gaz.byIso3(ctx.iso3);
    if (state) byQid.set(state.qid, { record: state, via: "label", acronymOnly: false, names: [], score: 0 });
  }
  for (const name of matchingNames(entity)) {
    let hits = gaz.lookup(name);
    const shorter = entity.kind === "person" && !hits.length ? withoutInitials(name) : undefined;
    if (shorter) hits = gaz.lookup(shorter).map((h) => ({ ...h, via: "alias" as const }));
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
  const found = [...byQid.values()];
  if (entity.kind === "person") for (const c of found) c.namesakes = gaz.namesakes(c.record.label);
  return found;
}

/** A person is looked up by full names; a surname alone only when nothing fuller is known. */
function matchingNames(entity: Entity): string[] {
  const names = [...new Set([entity.label, ...entity.altLabels])];
  if (entity.kind !== "person") return names;
  const full = names.filter((n) => tokenCount(n) >= 2);
  return full.length ? full : names;
}

function typeAllows(entity: Entity, record: WikidataRecord, via: MatchVia): boolean {
  const byName = via === "label" || via === "alias";
  switch (entity.kind) {
    case "person":
      return record.type === "person" && byName;
    case "country":
      return record.type === "country" || (record.type === "organisation" && byName);
    case "organisation":
      return record.type === "organisation" || (record.type === "country" && byName);
    case "place":
      return record.type === "place" && byName;
  }
}

/** Scores every candidate and picks the one to link, if any. */
export function decide(entity: Entity, ctx: EntityContext, candidates: Candidate[]): Decision {
  const scored = candidates.map((c) => ({ ...c, score: round(scoreOf(entity, ctx, c, candidates.length)) }));
  scored.sort((a, b) => b.score - a.score || a.record.qid.localeCompare(b.record.qid));
  const [best, second] = scored;
  if (!best || best.score < LINK_THRESHOLD) return { candidates: scored };
  if (second && best.score - second.score < LINK_MARGIN) return { candidates: scored };
  if (entity.kind === "person" && scored.length > 1 && postFit(ctx, best.record) < 0.5) return { candidates: scored };
  return { chosen: best, candidates: scored };
}

function scoreOf(entity: Entity, ctx: EntityContext, c: Candidate, rivals: number): number {
  const name = VIA_SCORE[c.via] * (c.record.type === entity.kind ? 1 : 0.9);
  switch (entity.kind) {
    case "person":
      return personScore(ctx, c, name, rivals);
    case "organisation":
      return organisationScore(ctx, c, name);
    case "country":
      return countryScore(ctx, c, name);
    case "place":
      return placeScore(ctx, c, name, rivals);
  }
}

function personScore(ctx: EntityContext, c: Candidate, name: number, rivals: number): number {
  const fit = postFit(ctx, c.record);
  const states = stateFit(ctx.postStates, ctx.articleStates, c.record.countries);
  const penalty = (states < 0 ? 0.35 : 0) + (contradictsPosts(ctx, c.record, fit) ? 0.35 : 0);
  // A lone candidate still needs some support beyond the name: a fitting post, a public office
  // in the text, or its state among the article's (a namesake is likelier than one thinks).
  const office = ctx.titles.some((t) => postWords(t).some((w) => OFFICE.has(w))) ? 1 : 0;
  const score = rivals === 1
    ? 0.66 * name + 0.2 * fit + 0.08 * Math.max(states, 0) + 0.06 * office - penalty
    : 0.55 * name + 0.3 * fit + 0.15 * Math.max(states, 0) - penalty;
  // A lone surname ("Smith") links only when the post fits too.
  const singleToken = tokenCount(c.record.label) < 2 || c.acronymOnly;
  if (singleToken && fit < 0.5) return Math.min(score, 0.5);
  // The text gives an office the record does not know, and the record knows only a seat in a
  // legislature: a premier is not the backbencher of the same (common) name.
  if (ctx.titles.length && fit < 0.5 && c.record.posts.length && c.record.posts.every(isSeat)) return Math.min(score, 0.6);
  // With no post in the text, only a rare surname links ("John Smith" the byline is not the MP).
  if (!ctx.titles.length && (c.namesakes ?? 0) > RARE_SURNAME) return Math.min(score, 0.6);
  return score;
}

function organisationScore(ctx: EntityContext, c: Candidate, name: number): number {
  if (ctx.iso3 && c.record.iso3 === ctx.iso3) return 0.95; // a state the extractor typed as an organisation
  let score = 0.9 * name;
  // The shipped organisations are international bodies and ministries, not media, universities or firms.
  if (c.record.origin === "gazetteer" && c.record.type === "organisation" && ["media", "academic", "company"].includes(ctx.orgType ?? "")) score *= 0.4;
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

function placeScore(ctx: EntityContext, c: Candidate, name: number, rivals: number): number {
  if (ctx.iso3 && c.record.iso3 === ctx.iso3) return 0.9;
  const states = stateFit(new Set(), ctx.articleStates, c.record.countries);
  return rivals === 1 ? 0.8 * name + 0.05 * Math.max(states, 0) : 0.6 * name + 0.2 * Math.max(states, 0);
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
