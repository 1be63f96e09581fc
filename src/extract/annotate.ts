// Entities, mentions, coreference and roles of one document.
//   tokens → chunks of capitalised words → segments (title, person, organisation...) →
//   kinds from context → entities and mentions → roles → coreference (titles, pronouns)
import type { Document, LocalEntity, Mention, RoleFact } from "../model.ts";
import { resolveReferences } from "./coref.ts";
import { buildEntities } from "./entities.ts";
import { EVENT_WORDS, findChunks, headerPostBlocks, isListEntryBlock, isTitleCaseBlock, lexiconMatch, localBody, orgHeadType, segmentChunk, type Segment } from "./names.ts";
import { extractRoles } from "./roles.ts";
import { assignHomeStates } from "./home-state.ts";
import { lexicons, stateAdjective } from "./lexicon.ts";
import { tokenize, type Token } from "./tokens.ts";
import { lowerBound } from "./sorted.ts";

const segmentFrom = (s: Segment) => s.from;

export interface AnnotatedDocument {
  doc: Document;
  entities: LocalEntity[];
  /** Sorted by span.start. */
  mentions: Mention[];
  roles: RoleFact[];
  /** The tagged tokens of the content blocks (for the pattern passes: src/extract/patterns.ts). */
  tokens: Token[];
}

export function annotate(doc: Document): AnnotatedDocument {
  const tokens = tokenize(doc);
  const segments = segmentsOf(tokens);
  const ctx = { tokens, segments };
  const table = buildEntities(doc.text, ctx);
  const roles = extractRoles(doc, ctx, table);
  const mentions = resolveReferences(doc, ctx, table, roles);
  const used = new Set(mentions.map((m) => m.entity));
  const entities = [...table.entities.values()].filter((e) => used.has(e.key));
  assignHomeStates(doc, entities, mentions, roles);
  return { doc, entities, mentions, roles, tokens };
}

function segmentsOf(tokens: Token[]): Segment[] {
  const headlineBlocks = new Set<number>();
  const byBlock = new Map<number, [number, number]>();
  tokens.forEach((t, i) => {
    const r = byBlock.get(t.block);
    if (r) r[1] = i + 1;
    else byBlock.set(t.block, [i, i + 1]);
  });
  for (const [block, [from, to]] of byBlock) {
    const kind = tokens[from].blockKind;
    // a block of several sentences or many words is running text, whatever its label
    let long = to - from > 30;
    for (let i = from; i < to - 1 && !long; i++) long = tokens[i].text === "." && tokens[i + 1].sentenceStart;
    // "By foreign affairs reporter X" under the headline is a byline, not a subheadline
    const byline = kind === "subheadline" && /^by$/i.test(tokens[from].text) && !!tokens[from + 1] && !tokens[from + 1].cap;
    // a designation list's line ("NAME – post of BODY") ends with no full stop but is no heading
    if (kind !== "headline" && isListEntryBlock(tokens, from, to)) continue;
    // (a dateline, "CITY, Aug 10 (Agency Name) -", is capitalised names, not a headline)
    if (((kind === "headline" || (kind === "subheadline" && !byline)) && !long) || (kind !== "byline" && kind !== "dateline" && isTitleCaseBlock(tokens, from, to))) headlineBlocks.add(block);
  }
  const segments = findChunks(tokens).flatMap((c, i) => segmentChunk(tokens, c, i, headlineBlocks.has(tokens[c.from].block)));
  headerPostBlocks(tokens, segments);
  return sharedStateHead(tokens, possessiveBodies(tokens, acronymDefinitions(tokens, restoreDroppedLeads(tokens, segments).map((s) => lowerCaseBody(tokens, s) ?? localBody(tokens, s) ?? s))));
}

/**
 * "the Kelmar and Dravik People's Republics": two self-declared states' governments that share the
 * words after the second name ("Kelmar People's Republic", "Dravik People's Republic"), not a place.
 */
function sharedStateHead(tokens: Token[], segments: Segment[]): Segment[] {
  const written = (from: number, to: number) => tokens.slice(from, to).map((t, i) => (i > 0 && !/^['’]s$/.test(t.text) ? " " : "") + t.text).join("");
  let out: Segment[] | undefined;
  for (let i = 0; i + 1 < segments.length; i++) {
    const a = segments[i], b = segments[i + 1];
    if (b.from !== a.to + 1 || tokens[a.to].lower !== "and" || a.to - a.from !== 1 || b.to - b.from < 3 || tokens[b.to - 1].text !== "Republics" || a.headline) continue;
    if (!tokens.slice(b.from + 1, b.to - 1).some((t) => /^['’]s$/.test(t.text))) continue;
    const shared = `${written(b.from + 1, b.to - 1)} Republic`;
    out ??= [...segments];
    const body = { kind: "organisation" as const, via: "name" as const, orgType: "government" as const, iso3: undefined, capitalOf: undefined, metonymOf: undefined };
    out[i] = { ...a, ...body, label: `${tokens[a.from].text} ${shared}` };
    out[i + 1] = { ...b, ...body, label: `${tokens[b.from].text} ${shared}` };
  }
  return out ?? segments;
}

/**
 * "Civic Lantern said ...": a sentence's first word, left out of a name as a common word, is the
 * name's when the text writes the name with it where no sentence starts ("an official of Civic Lantern").
 */
function restoreDroppedLeads(tokens: Token[], segments: Segment[]): Segment[] {
  const words = (from: number, to: number) => tokens.slice(from, to).map((t) => t.text).join(" ");
  const written = new Set(segments.filter((s) => s.to - s.from >= 2 && !tokens[s.from].sentenceStart && !s.headline).map((s) => words(s.from, s.to)));
  if (!written.size) return segments;
  return segments.map((s) => {
    const k = s.from - 1;
    const lead = tokens[k];
    if (!lead || !lead.cap || !lead.sentenceStart || lead.block !== tokens[s.from].block || s.headline || (s.kind !== "unknown" && s.kind !== "organisation") || s.label) return s;
    return written.has(words(k, s.to)) ? { ...s, from: k } : s;
  });
}

const ACRONYM_FILLERS = new Set(["of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "el", "&"]);

/** Do the words spell the acronym (each capitalised word its initial, an acronym itself, fillers optionally)? */
function spells(words: Token[], acronym: string): boolean {
  // positions in the acronym reachable after each word: a small set, so linear in practice
  let reach = new Set([0]);
  for (const w of words) {
    const next = new Set<number>();
    const letters = w.text.replace(/[.\-&'’]/g, "").toUpperCase();
    for (const at of reach) {
      if (/^['’]s$/.test(w.text)) { next.add(at); continue; }
      if (w.allCaps && acronym.startsWith(letters, at)) next.add(at + letters.length);
      if (!w.allCaps && letters && acronym[at] === letters[0] && (w.cap || ACRONYM_FILLERS.has(w.text))) next.add(at + 1);
      if (ACRONYM_FILLERS.has(w.text)) next.add(at);
    }
    if (!next.size) return false;
    reach = next;
  }
  return reach.has(acronym.length);
}

/**
 * "Sudan People's Liberation Army (SPLA)", "the SPLA in Opposition (SPLA-IO)": a bracketed acronym
 * spells the words before it, so they are one organisation's name, however the runs of capitals fell.
 */
function acronymDefinitions(tokens: Token[], segments: Segment[]): Segment[] {
  const added: Segment[] = [];
  const drop = new Set<Segment>();
  // segments are in text order: the ones touching [from, to) start at most the longest one's length before it
  const longest = segments.reduce((m, s) => Math.max(m, s.to - s.from), 0);
  const bySpan = (from: number, to: number) => {
    const out: Segment[] = [];
    for (let k = lowerBound(segments, from - longest, segmentFrom); k < segments.length && segments[k].from < to; k++) if (segments[k].to > from) out.push(segments[k]);
    return out;
  };
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i].text !== "(" || tokens[i + 2].text !== ")" || !tokens[i + 1].allCaps) continue;
    const acronym = tokens[i + 1].text.replace(/[.\-&]/g, "").toUpperCase();
    if (acronym.length < 2 || acronym.length > 10 || !/^[A-Z]+$/.test(acronym)) continue;
    let best = -1;
    for (let s = i - 1; s >= Math.max(0, i - 12) && tokens[s].block === tokens[i].block && (tokens[s].isWord || /^['’]s$/.test(tokens[s].text)); s--) {
      if (tokens[s].cap && spells(tokens.slice(s, i), acronym)) best = s;
    }
    if (best < 0) continue;
    const inside = bySpan(best, i);
    // "the Specially Designated Nationals (SDN) List": words a list is named by, not a body
    if (/^(?:List|list|Lists|lists)$/.test(tokens[i + 3]?.text ?? "") && tokens[i + 3].block === tokens[i].block) {
      for (const s of inside) if (s.from >= best && s.to <= i && (s.kind === "unknown" || (s.kind === "organisation" && !s.label))) drop.add(s);
      continue;
    }
    // already one name, or a name that reaches outside the words: leave it ("at Norland Today (NT)":
    // a name its acronym defines is a body's, not a place's, unless a person's given name opens it)
    if (inside.length === 1 && inside[0].from === best && inside[0].to === i) {
      if (inside[0].kind === "unknown" && !lexicons().givenNames.has(tokens[best].text)) { drop.add(inside[0]); added.push({ ...inside[0], kind: "organisation", via: "name", orgType: "other" }); }
      continue;
    }
    if (!inside.length || inside.some((s) => s.from < best || s.to > i || s.kind === "person" || s.kind === "title" || s.kind === "honorific")) continue;
    const lex = lexicons();
    // "the Countering X Act (CAATSA)": a law's name is no body's
    if (EVENT_WORDS.has(tokens[i - 1].text)) continue;
    for (const s of inside) drop.add(s);
    const known = lexiconMatch(lex, tokens, best, i);
    const head = tokens.slice(best, i).map((t) => orgHeadType(lex, t.text)).filter(Boolean).pop();
    const rest = known && (known.kind === "country" || known.kind === "organisation") ? known : { kind: "organisation" as const, via: "name" as const, orgType: head ?? "other" };
    added.push({ from: best, to: i, ...rest, headline: inside[0].headline, chunk: inside[0].chunk });
  }
  if (!added.length) return segments;
  return [...segments.filter((s) => !drop.has(s)), ...added].sort((a, b) => a.from - b.from || b.to - a.to);
}

const POSSESSED_BODIES = new Set(["ministry"]);

/**
 * "Iran's foreign ministry", "Norway's Foreign Ministry", "Seoul's foreign ministry": a state's body is one organisation,
 * named with the state's adjective ("Iranian foreign ministry"); the state keeps its own mention.
 */
function possessiveBodies(tokens: Token[], segments: Segment[]): Segment[] {
  const lex = lexicons();
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const poss = tokens[s.to];
    // ("Seoul's foreign ministry": a capital standing for its state owns the state's body too)
    const capital = !!s.capitalOf && !s.metonymOf;
    const iso3 = s.iso3 ?? (capital ? s.capitalOf : undefined);
    const demonym = iso3 ? stateAdjective(iso3) : undefined;
    if ((s.kind !== "country" && !capital) || s.via === "demonym" || s.headline || !demonym || !poss || !/^['’]s$/.test(poss.text)) { out.push(s); continue; }
    const words = (from: number, to: number) => tokens.slice(from, to).map((t) => t.text).join(" ");
    // "Iran's foreign ministry": lower-case portfolio words, then the body
    let k = s.to + 1;
    while (k < s.to + 4 && tokens[k]?.isWord && !tokens[k].cap && !POSSESSED_BODIES.has(tokens[k].text) && lex.titleModifiers.has(tokens[k].text)) k++;
    if (tokens[k] && POSSESSED_BODIES.has(tokens[k].text) && tokens[k].block === poss.block && !tokens[k + 1]?.cap) {
      // "Iran's ministry of intelligence": the portfolio after "of", in lower case, is the body's too
      if (k === s.to + 1 && tokens[k + 1]?.text === "of") {
        let e = k + 2;
        while (e < k + 5 && tokens[e]?.isWord && !tokens[e].cap && lex.titleModifiers.has(tokens[e].text)) e++;
        if (e > k + 2 && !tokens[e]?.cap) k = e - 1;
      }
      out.push(s, { ...s, from: s.to + 1, to: k + 1, kind: "organisation", via: "name", label: `${demonym} ${words(s.to + 1, k + 1)}`, iso3: undefined, orgType: "government", written: `${words(s.from, s.to)}${poss.text} ${words(s.to + 1, k + 1)}` });
      continue;
    }
    // "Norway's Foreign Ministry": a body named by portfolio words and its head
    const next = segments[i + 1];
    const head = next ? tokens[next.to - 1].text : "";
    if (next && next.from === s.to + 1 && next.kind === "organisation" && !next.label && POSSESSED_BODIES.has(head.toLowerCase())
      && tokens.slice(next.from, next.to - 1).every((t) => t.cap && lex.commonWords.has(t.text.toLowerCase()))) {
      out.push(s, { ...next, label: `${demonym} ${words(next.from, next.to)}`, orgType: "government", unnamed: true, written: `${words(s.from, s.to)}${poss.text} ${words(next.from, next.to)}` });
      i++;
      continue;
    }
    out.push(s);
  }
  return itsBodies(tokens, out, (s) => { const iso3 = s.iso3 ?? s.capitalOf; return iso3 ? stateAdjective(iso3) : undefined; });
}

/** How far after a state's name "its foreign ministry" is read as that state's (within the sentence). */
const ITS_REACH = 30;

/**
 * "Norland, which has long urged restraint, said through its foreign ministry ...": "its" with a
 * state's lower-case body is that state's body, when the state (or its capital) is the last name
 * before it in the sentence.
 */
function itsBodies(tokens: Token[], segments: Segment[], demonymOf: (s: Segment) => string | undefined): Segment[] {
  const lex = lexicons();
  const added: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    // (a capital stands for its state here unless a preposition of place puts something in it: "in Beijing, ...")
    const capital = !!s.capitalOf && !s.metonymOf && !["in", "at", "from", "to", "near"].includes(tokens[s.from - 1]?.lower ?? "");
    const demonym = (s.kind === "country" && s.via !== "demonym") || capital ? (s.headline ? undefined : demonymOf(s)) : undefined;
    if (!demonym) continue;
    const until = Math.min(segments[i + 1]?.from ?? tokens.length, s.to + ITS_REACH);
    for (let k = s.to; k < until && tokens[k].sentence === tokens[s.from].sentence; k++) {
      if (tokens[k].lower !== "its") continue;
      let e = k + 1;
      while (e < k + 4 && tokens[e]?.isWord && !tokens[e].cap && !POSSESSED_BODIES.has(tokens[e].text) && lex.titleModifiers.has(tokens[e].text)) e++;
      if (e > k + 1 && tokens[e] && POSSESSED_BODIES.has(tokens[e].text) && !tokens[e + 1]?.cap) {
        const words = tokens.slice(k + 1, e + 1).map((t) => t.text).join(" ");
        added.push({ ...s, from: k + 1, to: e + 1, kind: "organisation", via: "name", label: `${demonym} ${words}`, iso3: undefined, orgType: "government", unnamed: true });
      }
      break;
    }
  }
  return added.length ? [...segments, ...added].sort((a, b) => a.from - b.from) : segments;
}

const LOWER_CASE_BODIES = new Set(["ministry", "embassy", "consulate", "parliament", "government"]);

/** "a Chinese foreign ministry statement": a demonym with a lower-case body is that body. */
function lowerCaseBody(tokens: Token[], s: Segment): Segment | undefined {
  if (s.via !== "demonym" || s.headline) return undefined;
  const lex = lexicons();
  for (let k = s.to; k < s.to + 3 && tokens[k]?.isWord && !tokens[k].cap; k++) {
    if (LOWER_CASE_BODIES.has(tokens[k].text)) {
      if (tokens[k].text === "government") return undefined; // "the Chinese government" is the state
      return { ...s, to: k + 1, kind: "organisation", via: "name", label: undefined, iso3: undefined, orgType: "government" };
    }
    if (!lex.titleModifiers.has(tokens[k].text)) return undefined;
  }
  return undefined;
}
