// Groups classified segments into the article's entities (one per referent) and their mentions.
import type { EntityKind, LocalEntity, MentionVia, OrgType } from "../model.ts";
import { agencyInDateline, ARMED_MEMBER_NOUNS, enumeratedHeading, FOLLOWING_ORG_NOUNS, isDateline, isLocationUse, listedBeforePluralBody, personCue, organisationCue, placeCue, speakingCommonWordsName, thingRelativeFollows, type Context } from "./kinds.ts";
import { calledByHead, countryByIso3, lexicons, lookupKey, stateAdjective } from "./lexicon.ts";
import { isTitleWord, lexiconMatch, orgHeadType, type Segment } from "./names.ts";
import { ALIAS_MARK, type Token } from "./tokens.ts";
import { pattern } from "./patterns.ts";
import { BUILDING_WORDS } from "./words.ts";
import { fieldTown, onMenuLine, placeContextOfAnyName, placeShape, STREET_WORDS } from "./place-shapes.ts";

/** "(a.k.a.", ", also known as", "(alias": what stands between a name and another name of the same person. */
const ALIAS_BEFORE = pattern([{ lower: ["(", ","] }, { any: [[{ test: (t) => ALIAS_MARK.test(t.text) }], [{ lower: "alias" }], [{ lower: "also" }, { lower: ["known", "called"] }, { lower: "as" }]] }]);

/** Nouns of a leader's office after the leader's surname ("the X administration"). */
/** Nouns of a government named after its leader: "the Halvorsen Government". */
const LEADER_GOVERNMENT_NOUNS = new Set(["government", "administration"]);
const OFFICE_NOUNS = new Set(["administration", "inauguration", "presidency", "government", "cabinet"]);


/** A segment with the entity it was assigned to. */
export interface Resolved {
  segment: Segment;
  entity: string;
  via: MentionVia;
  /** First token of the mention (an honorific before the name is part of it). */
  from: number;
}

export interface EntityTable {
  entities: Map<string, LocalEntity>;
  /** Segments that name an entity, in text order. */
  resolved: Resolved[];
  /** Gender known from honorifics, per person key. */
  gender: Map<string, "m" | "f">;
}

// ("[German Chancellor Anna] Holtmer" (invented): an editor's bracket the tokens skip is no part of the name)
const surfaceOf = (tokens: Token[], from: number, to: number, text: string) => {
  let s = text.slice(tokens[from].start, tokens[to - 1].end);
  if (s.includes("]") || s.includes("[")) s = s.replace(/\s*[[\]]\s*/g, " ").trim();
  // ('Omar Saleh "Falcon" Haddad': a nickname in quotes is no part of the name)
  return /[“"‘']/.test(s) ? s.replace(/\s+[“"‘'][^“”"‘’'\s][^“”"‘’']{0,40}[”"’']\s+/gu, " ") : s;
};
/** "EU", "U.S.", "M23": capitals (a digit after the first letter too). */
const isAcronym = (s: string) => /^[\p{Lu}][\p{Lu}\d.&/-]{1,7}$/u.test(s);

function initials(name: string): string {
  return name.split(/[\s-]+/).filter((w) => w && !["of", "the", "and", "for", "on", "&"].includes(w.toLowerCase())).map((w) => w.charAt(0).toUpperCase()).join("");
}

/** Are two words made of the same letters ("DFLR", "FDLR")? */
const sameLetters = (a: string, b: string) => a.length === b.length && [...a.toUpperCase()].sort().join("") === [...b.toUpperCase()].sort().join("");

/** The most words a shorter form of a longer name has ("Foreign Ministry" of "Ministry of Foreign Affairs"). */
const SHORT_FORM_WORDS = 8;

export function buildEntities(text: string, ctx: Context): EntityTable {
  const { tokens, segments } = ctx;
  const entities = new Map<string, LocalEntity>();
  const resolved: Resolved[] = [];
  const gender = new Map<string, "m" | "f">();
  const lex = lexicons();
  const surface = (s: Segment) => surfaceOf(tokens, s.from, s.to, text);
  let counter = 0;
  const newEntity = (kind: EntityKind, name: string, extra: Partial<LocalEntity> = {}): LocalEntity => {
    const e: LocalEntity = { key: `${kind.charAt(0)}${++counter}`, kind, name, names: [name], ...extra };
    entities.set(e.key, e);
    return e;
  };
  const addName = (e: LocalEntity, n: string) => { if (!e.names.includes(n)) e.names.push(n); };
  const assign = (s: Segment, e: LocalEntity, via: MentionVia, from = s.from) => {
    resolved.push({ segment: s, entity: e.key, via, from });
    const name = surfaceOf(tokens, from, s.to, text);
    const shouted = tokens[from].allCaps && name.length > 4 && e.names.some((n) => n.toLowerCase() === name.toLowerCase());
    // a bare head word ("the Department") is a mention but no name
    const bare = e.kind === "organisation" && s.to - s.from === 1 && lex.orgHeads.has(name);
    // a name has capitals: "foreign ministry" after "Iran's" is a mention of a body named otherwise
    const lowerCase = !/\p{Lu}/u.test(name) || !!s.unnamed;
    if (via !== "demonym" && via !== "pronoun" && via !== "title" && !shouted && !bare && !lowerCase) addName(e, name);
    // "Peru's Foreign Ministry", labelled "Peruvian Foreign Ministry": the text's own words are a name of it too
    if (s.written && e.kind === "organisation") addName(e, s.written);
  };

  // 1. Decide the open kinds from context.
  const { kindOf, placeName, districtName, listedName } = openKinds(text, ctx);

  // 2. States (by ISO code), capitals acting for their state, seats of power.
  const countryKey = new Map<string, LocalEntity>();
  const countryEntity = (iso3: string): LocalEntity => {
    let e = countryKey.get(iso3);
    if (!e) {
      const info = countryByIso3(iso3);
      e = newEntity("country", info?.label ?? iso3, { orgType: "country", iso3 });
      countryKey.set(iso3, e);
    }
    return e;
  };
  const orgByKey = new Map<string, LocalEntity>();
  const orgEntity = (name: string, orgType?: OrgType): LocalEntity => {
    const k = lookupKey(name);
    let e = orgByKey.get(k);
    if (!e) {
      e = newEntity("organisation", name, orgType ? { orgType } : {});
      orgByKey.set(k, e);
    }
    return e;
  };
  const placeByKey = new Map<string, LocalEntity>();
  const placeEntity = (name: string): LocalEntity => {
    const k = lookupKey(name);
    let e = placeByKey.get(k);
    if (!e) {
      e = newEntity("place", name);
      placeByKey.set(k, e);
    }
    return e;
  };
  // "MOSCOW" is written "Moscow"; short all-caps words of bodies are acronyms ("TASS") and stay
  const niceCase = (s: string, isPlace = false) => (/\p{Ll}/u.test(s) || (s.length <= 4 && !isPlace) ? s : s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a, b) => a + b.toUpperCase()));

  // "the Halvorsen Government", "the Halvorsen administration": a leader's surname before a government's
  // noun names the state that leader governs: the state the article writes with that noun ("the Norwegian
  // Government"), else the state before a post before a name ending in that surname ("Norwegian Prime
  // Minister Erik Halvorsen"); one state only, else none.
  // (both indexes made once, on first use: one pass over the segments, however many such names)
  let leaderStates: Map<string, Set<string>> | undefined;
  let nounStates: Map<string, Set<string>> | undefined;
  const addTo = (map: Map<string, Set<string>>, key: string, iso3: string) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(iso3);
  const leaderGovernmentState = (s: Segment): string | undefined => {
    const [leader, noun] = [tokens[s.from], tokens[s.from + 1]];
    if (s.to - s.from !== 2 || tokens[s.from - 1]?.text.toLowerCase() !== "the" || leader.allCaps || s.iso3 || s.capitalOf || lex.demonyms.has(leader.text)) return undefined;
    if (!LEADER_GOVERNMENT_NOUNS.has(noun.text.toLowerCase())) return undefined;
    if (!leaderStates || !nounStates) {
      leaderStates = new Map();
      nounStates = new Map();
      const segEndingAt = new Map<number, Segment>();
      for (const seg of segments) segEndingAt.set(seg.to, seg);
      const isState = (seg: Segment | undefined): seg is Segment => !!seg?.iso3 && kindOf.get(seg) === "country";
      for (const seg of segments) {
        // a name of two words or more after a post after a state: "Norwegian Prime Minister Erik Halvorsen"
        const post = seg.to - seg.from >= 2 ? segEndingAt.get(seg.from) : undefined;
        const state = post?.kind === "title" ? segEndingAt.get(post.from) : undefined;
        if (isState(state)) addTo(leaderStates, tokens[seg.to - 1].text, state.iso3!);
        // a state with a government's noun: "the Norwegian Government", "Norway's government"
        if (isState(seg)) {
          const after = tokens[seg.to]?.text === "'s" || tokens[seg.to]?.text === "’s" ? seg.to + 1 : seg.to;
          const word = (seg.to - seg.from > 1 ? tokens[seg.to - 1] : tokens[after])?.text.toLowerCase() ?? "";
          if (LEADER_GOVERNMENT_NOUNS.has(word)) addTo(nounStates, word, seg.iso3!);
        }
      }
    }
    const states = leaderStates.get(leader.text) ?? nounStates.get(noun.text.toLowerCase());
    return states?.size === 1 ? [...states][0] : undefined;
  };

  // "Omar and Karim Haddad": a lone given name joined by "and" to a full name shares its family name;
  // the two are two persons (`partnerOf`: the full name's segment → the lone given name's)
  const sharedFamily = new Map<Segment, string>();
  const partnerOf = new Map<Segment, Segment>();
  for (let i = 0; i + 1 < segments.length; i++) {
    const s = segments[i], t = segments[i + 1];
    const ks = kindOf.get(s), kt = kindOf.get(t);
    if (s.to - s.from !== 1 || t.from !== s.to + 1 || tokens[s.to].lower !== "and" || t.to - t.from < 2 || tokens[t.from].sentence !== tokens[s.from].sentence) continue;
    if ((ks !== "person" && ks !== "unknown") || (kt !== "person" && kt !== "unknown") || s.label || t.label) continue;
    const first = tokens[s.from], other = tokens[t.from];
    if (first.allCaps || other.allCaps || first.text === other.text || lex.commonWords.has(first.lower)) continue;
    if (tokens.slice(t.from + 1, t.to).some((w) => !w.cap || lex.givenNames.has(w.text) || lex.commonWords.has(w.lower))) continue;
    const full = `${first.text} ${surfaceOf(tokens, t.from + 1, t.to, text)}`;
    // (both given names the lexicon knows, or the shared full name written elsewhere in the text)
    if (!(lex.givenNames.has(first.text) && lex.givenNames.has(other.text)) && !fullNameWritten(text, full)) continue;
    sharedFamily.set(s, full);
    partnerOf.set(t, s);
  }
  const persons: Segment[] = [];
  const singles: Segment[] = [];
  const acronyms: Segment[] = [];
  for (const s of segments) {
    const kind = kindOf.get(s);
    const name = surface(s);
    if (kind === "country" && s.iso3) assign(s, countryEntity(s.iso3), s.via === "demonym" ? "demonym" : s.via === "name" ? "name" : "alias");
    else if (kind === "capital-actor") {
      const target = s.metonymOf ?? s.capitalOf!;
      const e = /^[A-Z]{3}$/.test(target) ? countryEntity(target) : orgEntity(target, lex.orgs.get(lookupKey(target))?.orgType ?? (s.metonymOf ? "other" : "international"));
      assign(s, e, "capital");
      // the surface of an all-caps capital is written as a name
      if (tokens[s.from].allCaps) { e.names = e.names.filter((n) => n !== name); addName(e, niceCase(name, true)); }
    } else if (kind === "organisation") {
      const led = s.label ? undefined : leaderGovernmentState(s);
      if (led) assign(s, countryEntity(led), "alias");
      else if (s.label) assign(s, orgEntity(s.label, s.orgType), s.via);
      else if (s.to - s.from === 1 && isAcronym(name)) acronyms.push(s);
      // ("the Energy and Treasury departments": a bare head word in such a list names its own body)
      else if (s.to - s.from === 1 && lex.orgHeads.has(name) && !listedBeforePluralBody(ctx, s)) singles.push(s);
      else assign(s, orgEntity(niceCase(name), s.orgType), "name");
    } else if (kind === "place") {
      const named = placeName.get(s);
      const e = placeEntity(niceCase(named ?? name, true));
      assign(s, e, "name");
      if (named) e.names = e.names.filter((n) => n !== name);
      if (districtName.has(s)) addName(e, districtName.get(s)!);
      if (tokens[s.from].allCaps) { e.names = e.names.filter((n) => n !== name); addName(e, niceCase(name, true)); }
    } else if (kind === "person") {
      if (s.to - s.from >= 2 || sharedFamily.has(s)) persons.push(s);
      else singles.push(s);
    } else if (kind === "unknown") {
      if (sharedFamily.has(s)) persons.push(s);
      else if (s.to - s.from === 1 && isAcronym(name)) acronyms.push(s);
      else if (s.to - s.from === 1) singles.push(s);
      else if (defaultPerson(ctx, s)) persons.push(s);
    }
  }

  // Indexes keep each step linear in the article's length (designation lists name thousands).
  const positions = new Map<string, number[]>();
  const byEnd = new Map<number, Resolved>();
  const firstByEnd = new Map<number, Resolved>();
  const noteResolved = (r: Resolved) => {
    (positions.get(r.entity) ?? positions.set(r.entity, []).get(r.entity)!).push(r.from);
    byEnd.set(r.segment.to, r);
    if (!firstByEnd.has(r.segment.to)) firstByEnd.set(r.segment.to, r);
  };
  resolved.forEach(noteResolved);
  const assignNoted = (s: Segment, e: LocalEntity, via: MentionVia, from = s.from) => { assign(s, e, via, from); noteResolved(resolved[resolved.length - 1]); };
  const redirect = new Map<string, string>();
  const current = (key: string): string => { let k = key; while (redirect.has(k)) k = redirect.get(k)!; return k; };
  const merge = (from: LocalEntity, into: LocalEntity) => {
    for (const n of from.names) if (!into.names.includes(n)) into.names.push(n);
    entities.delete(from.key);
    redirect.set(from.key, into.key);
  };
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => { const l = m.get(k); if (!l) m.set(k, [v]); else if (!l.includes(v)) l.push(v); };

  // 3. Persons: one per full name; spelling variants with the same surname and initial join.
  const personByName = new Map<string, LocalEntity>();
  const personsByLast = new Map<string, LocalEntity[]>();
  const personsByTail = new Map<string, LocalEntity[]>();
  const personsByFirst = new Map<string, LocalEntity[]>();
  const personsByInner = new Map<string, LocalEntity[]>();
  const indexPerson = (e: LocalEntity, name: string) => {
    if (!personByName.has(name)) personByName.set(name, e);
    const w = name.split(/\s+/);
    if (w.length < 2) return;
    // "Rodriguez" for "Ana Rodríguez": accents are often dropped
    push(personsByLast, plainLetters(w[w.length - 1]), e);
    // "Cintra Oakes" for "Leda Cintra Oakes": a family name of two words
    for (let k = Math.max(1, w.length - 3); k < w.length - 1; k++) push(personsByTail, plainLetters(w.slice(k).join(" ")), e);
    push(personsByFirst, w[0], e);
    for (const inner of w.slice(1, -1)) push(personsByInner, inner, e);
  };
  // One-letter typos of a family name ("Jane Haddadd" for "Jane Haddad"): each family name of five
  // letters or more is indexed with every one-letter deletion, so a look-up costs the word's length.
  const byFamilyVariant = new Map<string, Array<{ e: LocalEntity; family: string }>>();
  const indexFamily = (e: LocalEntity, family: string) => {
    const f = plainLetters(family).toLowerCase();
    if (f.length < 5) return;
    for (const d of oneDeletions(f)) { const l = byFamilyVariant.get(d); if (!l) byFamilyVariant.set(d, [{ e, family: f }]); else if (!l.some((x) => x.e === e && x.family === f)) l.push({ e, family: f }); }
  };
  /** The one person whose family name is one letter away from `family` (and whose first name is `first`, when given). */
  const typoOf = (family: string, first?: string): LocalEntity | undefined => {
    const f = plainLetters(family).toLowerCase();
    // (a family name the lexicon knows is a name of its own, not a typo)
    if (f.length < 5 || lex.surnames.has(f) || lex.commonWords.has(f)) return undefined;
    const found = new Set<LocalEntity>();
    // ("the Roes" is the family, a plural: no typo of "Roe")
    for (const d of oneDeletions(f)) for (const x of byFamilyVariant.get(d) ?? []) if (x.family !== f && f !== `${x.family}s` && oneEditApart(x.family, f) && (!first || x.e.name.split(/\s+/)[0] === first)) found.add(x.e);
    return found.size === 1 ? [...found][0] : undefined;
  };
  const personOfSegment = new Map<Segment, LocalEntity>();
  for (const s of persons) {
    const written = surface(s);
    // "KUZNETSOV Oleg Ivanovich", "Ilya SOKOLOV": a list's family name in capitals is written as a name,
    // after the given names (the written form stays a name of the person)
    const listed = listedName.get(s);
    const name = sharedFamily.get(s) ?? listed?.name ?? shoutedFamilyName(written) ?? written;
    const words = name.split(/\s+/);
    const last = words[words.length - 1];
    const tail = personsByTail.get(plainLetters(name)) ?? [];
    // "Ana Ruiz P" signing a post for "Ana Ruiz": a trailing initial adds nothing
    if (words.length >= 3 && /^\p{Lu}\.?$/u.test(last) && personByName.has(words.slice(0, -1).join(" "))) {
      const e = personByName.get(words.slice(0, -1).join(" "))!;
      assignNoted(s, e, "name");
      continue;
    }
    // (never the person it is joined to by "and": "Omar and Oskar Haddad" are two)
    const partner = partnerOf.has(s) ? personOfSegment.get(partnerOf.get(s)!) : undefined;
    let e = personByName.get(name) ?? (personsByLast.get(plainLetters(last)) ?? []).find((p) => p !== partner && p.name.split(/\s+/)[0].charAt(0) === words[0].charAt(0)) ?? (tail.length === 1 ? tail[0] : undefined);
    if (e && e === partner) e = undefined;
    // (nothing else fits: a one-letter typo of a named person's family name, with the same first name)
    const typo = !e && words.length >= 2 ? typoOf(last, words[0]) : undefined;
    if (typo) e = typo;
    else if (!e) e = newEntity("person", name);
    else if (name.length > e.name.length) e.name = name;
    personOfSegment.set(s, e);
    indexPerson(e, name);
    indexPerson(e, e.name);
    if (words.length >= 2) indexFamily(e, last);
    const hon = honorificBefore(tokens, s);
    assignNoted(s, e, hon ? "honorific" : "name", hon ? s.from - 1 : s.from);
    // (the given names alone are no name of the person)
    if (listed) { e.names = e.names.filter((n) => n !== written); addName(e, listed.written); }
    if (name !== written) {
      addName(e, name);
      // "Oleg Ivanovich Kuznetsov" is also "Oleg Kuznetsov"
      if (words.length === 3 && /(?:vich|vna|chna)$/.test(words[1])) addName(e, `${words[0]} ${words[2]}`);
    }
    if (hon) setGender(gender, e.key, lex.honorifics.get(tokens[s.from - 1].text));
  }
  // "Jane ROE (a.k.a. Jana Roeva)", "Jane Roe, also known as Jana Roeva": one person by two names
  for (const r of [...resolved]) {
    const m = ALIAS_BEFORE.matchBefore(tokens, r.from, r.from - 5);
    const named = m && byEnd.get(m.from);
    const a = entities.get(current(r.entity)), b = named && entities.get(current(named.entity));
    if (a && b && a !== b && a.kind === "person" && b.kind === "person") merge(a, b);
  }
  const orgsByFirst = new Map<string, LocalEntity[]>();
  const orgsByLast = new Map<string, LocalEntity[]>();
  const orgsByWord = new Map<string, LocalEntity[]>();
  for (const o of orgByKey.values()) {
    const w = o.name.split(/\s+/);
    if (w.length > 1) push(orgsByFirst, w[0], o);
    push(orgsByLast, w[w.length - 1], o);
    for (const x of w) push(orgsByWord, x, o);
  }
  const firstWordOfOrg = (w: string): LocalEntity | undefined => {
    if (lex.commonWords.has(w.toLowerCase()) || lex.countries.has(lookupKey(w)) || lex.demonyms.has(w)) return undefined;
    const hits = (orgsByFirst.get(w) ?? []).filter((o) => !lex.orgs.has(lookupKey(o.name)));
    return hits.length === 1 ? hits[0] : undefined;
  };
  /** Of several candidates, the first one named in the last sentence before `at` that names any. */
  const nearestBefore = (candidates: LocalEntity[], at: number): LocalEntity | undefined => {
    let best: { from: number; e: LocalEntity } | undefined;
    const lastSentence = Math.max(-1, ...candidates.map((c) => { const p = (positions.get(c.key) ?? []).filter((x) => x < at); return p.length ? tokens[Math.max(...p)].sentence : -1; }));
    if (lastSentence < 0) return undefined;
    for (const c of candidates) for (const x of positions.get(c.key) ?? []) if (x < at && tokens[x].sentence === lastSentence && (!best || x < best.from)) best = { from: x, e: c };
    return best?.e;
  };
  // 4. Single words: a known person's surname (or first name of a surname-first name), else by cue.
  for (const s of singles) {
    const name = surface(s);
    const kind = kindOf.get(s);
    const hon = honorificBefore(tokens, s);
    const byLast = personsByLast.get(plainLetters(name)) ?? [];
    const byFirst = personsByFirst.get(name) ?? [];
    // "Arreaza" for "Jorge Alberto Arreaza Montserrat": a family name inside a longer name
    const byInner = lex.givenNames.has(name) ? [] : personsByInner.get(name) ?? [];
    const match = byLast.length ? byLast : byFirst.length ? byFirst : byInner.length === 1 ? byInner : [];
    if (match.length && kind !== "organisation") {
      const e = (match.length > 1 ? nearestBefore(match, s.from) : undefined) ?? match[0];
      assignNoted(s, e, hon ? "honorific" : "surname", hon ? s.from - 1 : s.from);
      if (hon) setGender(gender, e.key, lex.honorifics.get(tokens[s.from - 1].text));
    } else if ((kind === "person" || kind === "unknown" || hon) && !personByName.has(name) && typoOf(name)) {
      // "Haddadd said": nothing else fits, and a named person's family name is one letter away
      assignNoted(s, typoOf(name)!, hon ? "honorific" : "surname", hon ? s.from - 1 : s.from);
    } else if (!hon && !lex.givenNames.has(name) && firstWordOfOrg(name)?.orgType === "company") {
      // "Mashreqbank paid" after "Mashreqbank PSC": a firm's name without its legal form, however it acts
      assignNoted(s, firstWordOfOrg(name)!, "alias");
    } else if (kind === "person" || hon) {
      const known = personByName.get(name);
      const e = known && known.name === name ? known : newEntity("person", name);
      indexPerson(e, name);
      assignNoted(s, e, hon ? "honorific" : "name", hon ? s.from - 1 : s.from);
      if (hon) setGender(gender, e.key, lex.honorifics.get(tokens[s.from - 1].text));
    } else if (firstWordOfOrg(name)) {
      // "Naura" for "Naura Technology Group"
      assignNoted(s, firstWordOfOrg(name)!, "alias");
    } else if (kind === "organisation") {
      // a bare head word ("the Post", "the Ministry") is an organisation named in full elsewhere
      // ("the Department" for the one "Department of State" the article names)
      // ("the Council" for "the Council of the X" too; never for a body a bare head does not stand for)
      let full = [...(orgsByLast.get(name) ?? []), ...(orgsByWord.get(name) ?? []).filter((o) => o.name.startsWith(`${name} of `))].filter((o, i, all) => o.name !== name && calledByHead(o.name) && all.indexOf(o) === i);
      if (!full.length && lex.orgHeads.has(name)) {
        // of several, the one named last before it
        let last: { at: number; o: LocalEntity } | undefined;
        for (const o of orgsByWord.get(name) ?? []) {
          if (o.name === name || !calledByHead(o.name)) continue;
          for (const x of positions.get(o.key) ?? []) if (x < s.from && (!last || x > last.at)) last = { at: x, o };
        }
        // (none before it: "the Treasury and State Department …" before "the Treasury Department": the one body named later)
        const named = (orgsByWord.get(name) ?? []).filter((o) => o.name !== name && calledByHead(o.name));
        full = last ? [last.o] : named.length === 1 ? named : [];
      }
      if (full.length === 1) assignNoted(s, full[0], "alias");
    }
  }
  // 5. Acronyms: defined in the text ("European Union (EU)"), or the initials of a named organisation.
  const orgByInitials = new Map<string, LocalEntity>();
  const orgByName = new Map<string, LocalEntity>();
  const indexOrg = (o: LocalEntity) => {
    if (o.name.includes(" ") && !orgByInitials.has(initials(o.name))) orgByInitials.set(initials(o.name), o);
    for (const n of o.names) if (!orgByName.has(n)) orgByName.set(n, o);
  };
  for (const o of orgByKey.values()) indexOrg(o);
  // "the FDLR (Forces Démocratiques de Libération du Rwanda)": a body's name in brackets right after its acronym
  const byStart = new Map<number, Resolved>();
  for (const r of resolved) if (!byStart.has(r.segment.from)) byStart.set(r.segment.from, r);
  const spelledAfter = (s: Segment, name: string): LocalEntity | undefined => {
    if (tokens[s.to]?.text !== "(") return undefined;
    const r = byStart.get(s.to + 1);
    const e = r && tokens[r.segment.to]?.text === ")" ? entities.get(current(r.entity)) : undefined;
    // (its initials in another order: the acronym of the name in another language)
    return e && e.kind === "organisation" && sameLetters(initials(surface(r!.segment)), name) ? e : undefined;
  };
  // "MFA", "MoFA" for the one foreign ministry the text names ("the Azerbaijani Foreign Ministry")
  const foreignMinistryOf = (acronym: string): LocalEntity | undefined => {
    if (!/^MO?FA$/i.test(acronym)) return undefined;
    const found = [...new Set(orgByKey.values())].filter((o) => entities.has(o.key) && (/(?:^|\s)foreign ministry$/.test(bodyForm(o.name)) || /^ministry of foreign affairs\b/i.test(o.name)));
    return found.length === 1 ? found[0] : undefined;
  };
  for (const s of acronyms) {
    const name = surface(s).replace(/\./g, "");
    // "the European Union (EU)": the acronym in brackets right after a name
    const prev = tokens[s.from - 1]?.text === "(" && tokens[s.to]?.text === ")" ? byEnd.get(s.from - 1) : undefined;
    const defined = (prev ? entities.get(current(prev.entity)) : undefined) ?? spelledAfter(s, name);
    const e = defined ?? orgByInitials.get(name) ?? orgByName.get(surface(s)) ?? foreignMinistryOf(name);
    if (e) { assignNoted(s, e, "acronym"); if (e.kind === "organisation") for (const n of e.names) if (!orgByName.has(n)) orgByName.set(n, e); }
    else if (kindOf.get(s) === "organisation") { const o = orgEntity(surface(s)); indexOrg(o); assignNoted(s, o, "name"); }
  }
  // 5b. "Korean Central News Agency (KCNA)": a bracketed acronym is the name before it, even a listed one.
  for (const r of [...resolved]) {
    const s = r.segment;
    if (tokens[s.from - 1]?.text !== "(" || tokens[s.to]?.text !== ")" || !isAcronym(surface(s))) continue;
    const prev = firstByEnd.get(s.from - 1);
    const a = entities.get(current(r.entity)), b = prev && entities.get(current(prev.entity));
    if (!a || !b || a === b || a.kind !== b.kind || a.kind === "person") continue;
    if (initials(b.name) !== surface(s).replace(/\./g, "")) continue;
    merge(a, b);
    r.via = "acronym";
    if (orgByKey.get(lookupKey(a.name)) === a) orgByKey.set(lookupKey(a.name), b);
  }
  // 6. A shorter organisation name that ends a longer one is the same body ("Foreign Ministry").
  // "Ministry of Foreign Affairs" and "Foreign Ministry" are one form of name.
  const bySuffix = new Map<string, LocalEntity[]>();
  for (const o of new Set(orgByKey.values())) {
    const w = bodyForm(o.name).split(" ");
    // a short form has a few words: indexing every suffix of an endless name would be quadratic
    for (let k = Math.max(0, w.length - SHORT_FORM_WORDS); k < w.length; k++) push(bySuffix, w.slice(k).join(" "), o);
  }
  // "Revolutionary Guard" and "Revolutionary Guards", "Commerce" and "the Commerce Department": one body
  const orgByForm = new Map<string, LocalEntity>();
  for (const o of new Set(orgByKey.values())) if (!orgByForm.has(bodyForm(o.name))) orgByForm.set(bodyForm(o.name), o);
  for (const short of [...new Set(orgByKey.values())]) {
    if (!entities.has(short.key) || lex.orgs.has(lookupKey(short.name))) continue;
    const f = bodyForm(short.name);
    // ("Ministry of Foreign Affairs of X" and "X's Foreign Ministry": one form)
    const other = [f, `${f}s`, `${f} department`, `${f} ministry`].map((k) => orgByForm.get(k)).find((o) => o && o !== short && entities.has(o.key) && o.kind === short.kind);
    if (other) { merge(short, other); orgByKey.delete(lookupKey(short.name)); }
  }
  for (const short of [...new Set(orgByKey.values())]) {
    if (!entities.has(short.key) || lex.orgs.has(lookupKey(short.name))) continue;
    const s = bodyForm(short.name);
    const longer = (bySuffix.get(s) ?? []).filter((o) => o !== short && entities.has(o.key) && o.kind === short.kind && (bodyForm(o.name) !== s || o.name.length > short.name.length));
    if (longer.length !== 1) continue;
    merge(short, longer[0]);
    orgByKey.delete(lookupKey(short.name));
  }
  // 7. A place named in full and by its first word ("Guangxi" / "Guangxi Zhuang Autonomous Region").
  const byPrefix = new Map<string, LocalEntity[]>();
  for (const p of placeByKey.values()) {
    const w = p.name.split(" ");
    for (let k = 1; k < Math.min(w.length, SHORT_FORM_WORDS + 1); k++) push(byPrefix, w.slice(0, k).join(" "), p);
  }
  for (const short of [...placeByKey.values()]) {
    const longer = (byPrefix.get(short.name) ?? []).filter((p) => p !== short && entities.has(p.key));
    if (longer.length !== 1) continue;
    merge(short, longer[0]);
    placeByKey.delete(lookupKey(short.name));
  }
  for (const r of resolved) if (redirect.has(r.entity)) { r.entity = current(r.entity); if (r.via === "name") r.via = "alias"; }
  // 8. Canonical names: states and listed bodies keep their lexicon label; others their fullest form.
  canonicalNames(entities);
  resolved.sort((a, b) => a.from - b.from);
  return { entities, resolved, gender };
}

/** What step 1 of buildEntities decides: each segment's kind, and the names some segments stand for. */
interface OpenKinds {
  kindOf: Map<Segment, Segment["kind"] | "capital-actor" | "drop">;
  /** A place whose name is not its segment's words ("the Parliament building", "Canberra" of "Canberra ACT 2600"). */
  placeName: Map<Segment, string>;
  /** "Washington, DC": the city's segment, named with its district. */
  districtName: Map<Segment, string>;
  /** "DOE, John Michael": the given names' segment, with the name as a name and as written. */
  listedName: Map<Segment, { name: string; written: string }>;
}

/**
 * Step 1 of buildEntities: the open kinds decided from context. (A function of its own, not a part
 * of buildEntities: V8 optimises one very large function slowly, in every build worker and again
 * after each deoptimisation; BENCHMARKS.md "Sixth session: cold build".)
 */
function openKinds(text: string, ctx: Context): OpenKinds {
  const { tokens, segments } = ctx;
  const lex = lexicons();
  const surface = (s: Segment) => surfaceOf(tokens, s.from, s.to, text);
  const knownSurname = (w: string) => w.length > 2 && !/^\p{Lu}+$/u.test(w) && lex.surnames.has(w.toLowerCase()) && !lex.commonWords.has(w.toLowerCase());
  // "in Peace and Stability", "in Annex 1": one capitalised English word is no place, unless a large
  // city is named so ("in Nice")
  const oneEnglishWord = (s: Segment) => s.to - s.from === 1 && lex.commonWords.has(tokens[s.from].lower) && !lex.englishWordPlaces.has(tokens[s.from].text);
  const kindOf = new Map<Segment, Segment["kind"] | "capital-actor" | "drop">();
  // a place whose name is not its segment's words ("the Parliament building", "Canberra" of "Canberra ACT 2600")
  const placeName = new Map<Segment, string>();
  for (const s of segments) {
    // "Ruler administration sanctions ...": a known office holder's surname before the office's noun, even in a headline
    if (s.to - s.from === 1 && !s.label && knownSurname(tokens[s.from].text) && OFFICE_NOUNS.has(tokens[s.to]?.text ?? "")) { kindOf.set(s, "person"); continue; }
    // "the Korean peninsula": a state's adjective before a lower-case peninsula names the peninsula
    if (s.to - s.from === 1 && (lex.demonyms.has(tokens[s.from].text) || /(?:an|ese|ic|ish)$/.test(tokens[s.from].text)) && !s.headline && tokens[s.to]?.text === "peninsula" && tokens[s.to].block === tokens[s.from].block) {
      kindOf.set(s, "place");
      placeName.set(s, `${surface(s)} ${tokens[s.to].text}`);
      continue;
    }
    // "on X Avenue", "at Parliament House", "outside the Parliament building", "B-1000 CITY": a place by its shape
    const shape = placeShape(tokens, s);
    if (shape) {
      kindOf.set(s, "place");
      if (shape.name) placeName.set(s, surfaceOf(tokens, shape.name.from, shape.name.to, text) + (shape.name.suffix ?? ""));
      continue;
    }
    // "AGENCY Photo/Jane Roe, File": a wire photo's credit line, its agency and its photographer
    const credit = wirePhotoCredit(tokens, s);
    if (credit) { kindOf.set(s, credit); continue; }
    // a headline's capitals say little: only listed names, and names the body uses, count there
    // (a dateline on a line of its own is no headline: "Nairobi, Kenya | March 3"; nor is a field's line: "Address: Tehran, Iran")
    // (a line that is one spelled-out body's name, "Department of Foreign Affairs and Trade", is a sender or a signature: it counts)
    if (s.headline && !s.label && !s.iso3 && s.kind !== "place" && !(s.capitalOf && (isDateline(ctx, s) || fieldTown(tokens, s))) && !bodyLine(tokens, s)) { kindOf.set(s, "drop"); continue; }
    // "said in Russian.": a language, not the state
    if (s.via === "demonym" && tokens[s.from - 1]?.text === "in" && !tokens[s.to]?.isWord) { kindOf.set(s, "drop"); continue; }
    // "leaving Downing Street": a seat of government named by its street is a place where it stands as one
    if (s.kind === "organisation" && STREET_WORDS.has(tokens[s.to - 1].text) && isLocationUse(ctx, s)) { kindOf.set(s, "place"); continue; }
    // "speaks in the Press Briefing Room at the Grand House": a building where something happens is a place
    if ((s.kind === "organisation" || s.kind === "unknown") && buildingWhereSomethingHappens(ctx, s)) { kindOf.set(s, "place"); continue; }
    // "Silver Lake said": a place-shaped name of English words that speaks is a body's
    if (s.kind === "place" && !s.label && !s.iso3 && !s.capitalOf && speakingCommonWordsName(ctx, s)) { kindOf.set(s, "organisation"); continue; }
    // "the Karimov brothers", "the Vell family": a family named by its surname is nobody's name
    if (s.to - s.from === 1 && !s.label && !s.iso3 && (s.kind === "person" || s.kind === "unknown") && tokens[s.from - 1]?.lower === "the" && FAMILY_NOUNS.has(tokens[s.to]?.text ?? "")) { kindOf.set(s, "drop"); continue; }
    if (s.kind !== "unknown") { kindOf.set(s, s.kind); continue; }
    // "Karabakh Armenians", "Kelmore Serbs": a people named by where they live, nobody's name
    if (s.to - s.from >= 2 && s.to - s.from <= 3 && peopleNoun(tokens[s.to - 1].text) && !lex.givenNames.has(tokens[s.from].text)) { kindOf.set(s, "drop"); continue; }
    if (s.capitalOf) kindOf.set(s, isLocationUse(ctx, s) ? "place" : "capital-actor");
    else if (s.metonymOf) kindOf.set(s, "capital-actor");
    else if (s.headline) kindOf.set(s, "drop");
    // "residents of X", "shelled X", "X, a small town": a place, even before a speech verb
    // "KELMORE, May 5 (Agency) –", "DRAVIK, Ukraine (AP) —": a dateline writes its place in capitals, like an acronym
    else if (s.to - s.from === 1 && isAcronym(surface(s)) && surface(s).length >= 4 && /[AEIOUY]/.test(surface(s)) && isDateline(ctx, s)) kindOf.set(s, "place");
    else if (placeCue(ctx, s) && !isAcronym(surface(s)) && !oneEnglishWord(s) && !(s.to - s.from >= 2 && lex.givenNames.has(tokens[s.from].text)) && !tokens.slice(s.from, s.to).some((t) => lex.groupWords.has(t.text))) kindOf.set(s, "place");
    // "the dam at Nova Kelmora", "flown to San Dravo": where people are flown and weapons strike, a name that opens with a given name is a place too
    else if (s.to - s.from >= 2 && lex.givenNames.has(tokens[s.from].text) && placeContextOfAnyName(tokens, s) && !tokens.slice(s.from, s.to).some((t) => lex.groupWords.has(t.text))) kindOf.set(s, "place");
    // "Beijing (Agencies):": a dateline's credit of one plural English word names no agency
    else if (s.to - s.from === 1 && agencyInDateline(ctx, s) && /s$/.test(tokens[s.from].lower) && lex.commonWords.has(tokens[s.from].lower) && !orgHeadType(lex, tokens[s.from].text)) kindOf.set(s, "drop");
    else if (organisationCue(ctx, s)) kindOf.set(s, "organisation");
    else if (personCue(ctx, s)) kindOf.set(s, "person");
    else if (isLocationUse(ctx, s) && !isAcronym(surface(s)) && !oneEnglishWord(s) && !tokens.slice(s.from, s.to).some((t) => lex.groupWords.has(t.text))) kindOf.set(s, "place");
    else kindOf.set(s, "unknown");
  }
  // "M23", "F-16": a code of capitals and digits is nobody's name
  for (const s of segments) if (kindOf.get(s) === "person" && s.to - s.from === 1 && /\d/.test(tokens[s.from].text)) kindOf.set(s, "unknown");
  // "World | Asia | Opinion": a place in a site's menu is a section of the site, not of the story
  for (const s of segments) if (kindOf.get(s) === "place" && onMenuLine(tokens, s.from)) kindOf.set(s, "drop");
  // "Washington, DC", "Washington, D.C.": the federal district is a place, named with its city
  const districtName = new Map<Segment, string>();
  for (let i = 0; i + 1 < segments.length; i++) {
    const s = segments[i], d = segments[i + 1];
    if (d.from !== s.to + 1 || tokens[s.to].text !== "," || d.to - d.from !== 1 || !/^D\.?C\.?$/.test(tokens[d.from].text)) continue;
    if (kindOf.get(s) === "person" || kindOf.get(s) === "organisation") continue;
    kindOf.set(s, "place");
    kindOf.set(d, "drop");
    districtName.set(s, surfaceOf(tokens, s.from, d.to, text));
  }
  // "DOE, John Michael (born ...), post": a list's family name in capitals, a comma, the given names
  const listedName = new Map<Segment, { name: string; written: string }>();
  for (let i = 0; i + 1 < segments.length; i++) {
    const a = segments[i], b = segments[i + 1];
    const fam = tokens[a.from];
    if (a.to - a.from !== 1 || !fam.allCaps || fam.text.length < 3 || tokens[a.to].text !== "," || b.from !== a.to + 1 || b.to - b.from > 3 || a.label || a.iso3 || a.capitalOf) continue;
    const given = tokens.slice(b.from, b.to);
    if (given.some((t) => t.allCaps) || !(lex.givenNames.has(given[0].text) || /(?:vich|vna|chna)$/.test(given[given.length - 1].text))) continue;
    const end = tokens[b.to];
    if (end && end.block === fam.block && !["(", ",", "–", "—", "-", ":"].includes(end.text)) continue;
    if (!opensBlock(tokens, a.from)) continue;
    const family = fam.text.charAt(0) + fam.text.slice(1).toLowerCase().replace(/([-'’])(\p{L})/gu, (_, x, y) => x + y.toUpperCase());
    kindOf.set(a, "drop");
    kindOf.set(b, "person");
    listedName.set(b, { name: `${surfaceOf(tokens, b.from, b.to, text)} ${family}`, written: surfaceOf(tokens, a.from, b.to, text) });
  }
  // "visit Kyiv, Warsaw and Paris": capitals listed with a place are places too.
  for (let i = 1; i < segments.length; i++) {
    const s = segments[i], p = segments[i - 1];
    if (kindOf.get(s) !== "capital-actor" || !s.capitalOf || kindOf.get(p) !== "place") continue;
    const between = tokens.slice(p.to, s.from).map((t) => t.text).join(" ");
    if (between === "," || between === "and" || between === ", and") kindOf.set(s, "place");
  }
  // "the oblasts of Kherson, Velmora and Luhansk": an unknown name listed with places is one too.
  for (const step of [1, -1]) {
    for (let n = 0; n < segments.length; n++) {
      const i = step === 1 ? n : segments.length - 1 - n;
      const s = segments[i], p = segments[i - step];
      if (!p || kindOf.get(s) !== "unknown" || kindOf.get(p) !== "place" || s.to - s.from > 2) continue;
      const [a, b] = step === 1 ? [p, s] : [s, p];
      // ("X district, Y": the unit after the place before is no break in the list)
      const between = tokens.slice(a.to, b.from).map((t) => t.text).join(" ").replace(/^(?:district|region|province|raion|oblast|county|community) (?=,)/, "");
      // ("from X to Y": a route's two ends)
      if (between === "," || between === "and" || between === ", and" || (between === "to" && /^from$/i.test(tokens[a.from - 1]?.text ?? ""))) kindOf.set(s, "place");
    }
  }
  // Headline names that the body also uses take the body's reading.
  const bodyKind = new Map<string, Segment["kind"] | "capital-actor" | "drop">();
  for (const s of segments) if (!s.headline) bodyKind.set(surface(s), kindOf.get(s)!);
  for (const s of segments) if (s.headline && kindOf.get(s) === "drop" && bodyKind.has(surface(s))) kindOf.set(s, bodyKind.get(surface(s))!);
  // "X and Y", "X, Y and Z": an unknown name coordinated with an organisation is one too.
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (kindOf.get(s) !== "unknown") continue;
    for (const j of [i - 1, i + 1]) {
      const o = segments[j];
      if (!o || kindOf.get(o) !== "organisation" || o.label) continue;
      const [a, b] = j < i ? [o, s] : [s, o];
      const between = tokens.slice(a.to, b.from).map((t) => t.text).join(" ");
      if (between === "and" || between === ",") kindOf.set(s, "organisation");
    }
  }
  // "Texas-based Verrol …" then "“…,” Verrol said": a name that the text marks as a body somewhere is
  // that body where only a speech verb (or a family name's look) made it a person
  const bodySurfaces = new Set<string>();
  for (const s of segments) if (s.kind === "unknown" && kindOf.get(s) === "organisation") bodySurfaces.add(surface(s));
  if (bodySurfaces.size) {
    for (const s of segments) {
      if (s.kind !== "unknown" || kindOf.get(s) !== "person" || !bodySurfaces.has(surface(s)) || lex.givenNames.has(tokens[s.from].text)) continue;
      const prev = tokens[s.from - 1];
      if (prev && (lex.honorifics.has(prev.text) || lex.titleHeads.has(prev.text.toLowerCase()))) continue;
      kindOf.set(s, "organisation");
    }
  }
  // A name the article uses for a person once is a person wherever it stands unmarked, and so are
  // the first and last words of a person's full name standing alone ("Roe's arrest in...").
  const personSurfaces = new Set<string>();
  // The family name of a named person ("Leda Marsh Oakes" → "Marsh Oakes", "Oakes") is the person's even
  // where a town has that name ("sanctions on Oakes"), written with or without its accents.
  const familyNames = new Set<string>();
  for (const s of segments) {
    if (kindOf.get(s) !== "person" && !(kindOf.get(s) === "unknown" && s.to - s.from >= 2 && defaultPerson(ctx, s))) continue;
    const words = surface(s).split(/\s+/);
    personSurfaces.add(words.join(" "));
    if (words.length >= 2) { personSurfaces.add(words[0]); personSurfaces.add(words[words.length - 1]); }
    // (a family name has at most three words: bounded, so an endless name costs no more than its length)
    if (kindOf.get(s) === "person") for (let k = Math.max(1, words.length - 3); k < words.length; k++) familyNames.add(plainLetters(words.slice(k).join(" ")));
  }
  for (const s of segments) {
    if (s.capitalOf || s.metonymOf) continue;
    if (s.kind === "unknown" && personSurfaces.has(surface(s))) kindOf.set(s, "person");
    else if ((s.kind === "unknown" || s.kind === "place") && kindOf.get(s) === "place" && familyNames.has(plainLetters(surface(s)))) kindOf.set(s, "person");
  }
  return { kindOf, placeName, districtName, listedName };
}

/**
 * "AGENCY Photo/Jane Roe, File", "AGENCY Photo/Jane Roe": a wire photo's credit on a line of its own
 * (read as a subheading for its capitals): the agency before "Photo" is a body, the name after the
 * slash a person.
 */
function wirePhotoCredit(tokens: Token[], s: Segment): "organisation" | "person" | undefined {
  const first = tokens[s.from], block = first.block;
  const inBlock = (k: number) => !!tokens[k] && tokens[k].block === block;
  // the agency: "AGENCY Photo" opening its line, a slash after it
  if (s.to - s.from === 1 && first.allCaps && tokens[s.to]?.text === "Photo" && tokens[s.to + 1]?.text === "/" && !inBlock(s.from - 1)) return "organisation";
  // the photographer: after "Photo/", to the line's end or a comma
  if (s.to - s.from >= 2 && s.to - s.from <= 3 && tokens[s.from - 1]?.text === "/" && tokens[s.from - 2]?.text === "Photo" && tokens[s.from - 3]?.allCaps && !inBlock(s.from - 4)
    && (!inBlock(s.to) || tokens[s.to].text === ",")) return "person";
  return undefined;
}

/** "Armenians", "Serbs", "Kurds": the plural of a state's or a people's adjective. */
function peopleNoun(w: string): boolean {
  const lex = lexicons();
  return /^\p{Lu}\p{Ll}+s$/u.test(w) && (lex.demonyms.has(w.slice(0, -1)) || lex.groupWords.has(w) || lex.groupWords.has(w.slice(0, -1)));
}

/** Step 8 of buildEntities: canonical names. States and listed bodies keep their lexicon label; others their fullest form. */
function canonicalNames(entities: Map<string, LocalEntity>): void {
  const lex = lexicons();
  for (const e of entities.values()) {
    if (!e.names.includes(e.name)) e.names.unshift(e.name);
    if (e.kind === "person" || (e.kind === "organisation" && !lex.orgs.has(lookupKey(e.name)))) {
      // (a signature's trailing initial, "Ana Ruiz P", makes no fuller name)
      // (a family name written in capitals, "Ilya SOKOLOV", yields to the same name written as a name)
      const shouted = (n: string) => e.kind === "person" && /(?:^|\s)\p{Lu}[\p{Lu}'’-]{2,}(?=[\s,]|$)/u.test(n) ? 1000 : 0;
      const weight = (full: string) => { const n = full.replace(/\s\p{Lu}\.?$/u, ""); return n.split(/\s+/).length * 100 + (n.match(/\p{Lu}/gu)?.length ?? 0) - shouted(n); };
      const fullest = e.names.filter((n) => !lex.honorifics.has(n.split(" ")[0])).reduce((a, b) => (weight(b) > weight(a) ? b : a), e.name);
      if (!lex.honorifics.has(fullest.split(" ")[0])) e.name = fullest;
    }
  }
}

/**
 * Is the segment a spelled-out body's name ("Federal Department of Foreign Affairs", "Ministry of
 * Justice and Public Security") that fills its line? A press release's sender and signature lines
 * are such lines; they are title case but no headline.
 */
function bodyLine(tokens: Token[], s: Segment): boolean {
  if (s.kind !== "organisation" || s.to - s.from < 3 || !tokens.slice(s.from + 1, s.to - 1).some((t) => t.text === "of" || t.text === "for")) return false;
  if (!tokens.slice(s.from, s.to).some((t) => orgHeadType(lexicons(), t.text))) return false;
  const block = tokens[s.from].block;
  const inBlock = (k: number) => !!tokens[k] && tokens[k].block === block;
  return !inBlock(s.from - 1) && !inBlock(s.to);
}

/** The word and every form of it with one letter left out. */
function oneDeletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Are two different words one edit apart (a letter changed, added, dropped, or two neighbours swapped)? */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Does token i open its block, after any bullet or list number ("•", "1.")? */
function opensBlock(tokens: Token[], i: number): boolean {
  let k = i - 1;
  for (let n = 0; n < 3 && k >= 0 && tokens[k].block === tokens[i].block; n++, k--) if (tokens[k].isWord && !/^\d{1,3}$/.test(tokens[k].text)) return false;
  return k < 0 || tokens[k].block !== tokens[i].block;
}

/** "KUZNETSOV Oleg Ivanovich" → "Oleg Ivanovich Kuznetsov", "Ilya SOKOLOV" → "Ilya Sokolov"; undefined when no word is in capitals. */
function shoutedFamilyName(name: string): string | undefined {
  const words = name.split(/\s+/);
  const caps = (w: string) => /^\p{Lu}[\p{Lu}'’-]{2,}$/u.test(w);
  if (words.length < 2 || !words.some(caps)) return undefined;
  const nice = (w: string) => (caps(w) ? w.charAt(0) + w.slice(1).toLowerCase().replace(/([-'’])(\p{L})/gu, (_, a, b) => a + b.toUpperCase()) : w);
  // "MIN AUNG HLAING": a whole name in capitals, written as a name
  if (words.every((w) => caps(w) || /^\p{Lu}\.?$/u.test(w))) return words.map(nice).join(" ");
  const firstShouted = caps(words[0]) && !caps(words[1]);
  // a family name before the given names only where the next word is one ("WORD Jane Doe" is a heading's word and a name)
  if (firstShouted && !(lexicons().givenNames.has(words[1]) && !lexicons().commonWords.has(words[0].toLowerCase()))) return undefined;
  return (firstShouted ? [...words.slice(1), words[0]] : words).map(nice).join(" ");
}

/** Lower-case nouns of armed units after their name ("the X brigade"). */
/** Is `name` written in the text as a whole name (not inside a longer word)? */
function fullNameWritten(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text.charAt(at - 1)) && !/[\p{L}\p{N}]/u.test(text.charAt(at + name.length))) return true;
  }
  return false;
}

/** Lower-case nouns after a surname that name a family, not one of its members ("the Vell brothers"). */
const FAMILY_NOUNS = new Set(["brothers", "sisters", "family", "families", "twins", "siblings", "couple", "cousins"]);
const UNIT_NOUNS = new Set(["brigade", "brigades", "battalion", "regiment", "unit", "division", "faction", "clan", "tribe", "headquarters", "command"]);

/** A name written with a lower-case particle and a hyphen ("al-Tamimi"): the tokenizer marks it capitalised. */
const isParticleName = (t: Token) => t.cap && t.text.charAt(0) !== t.text.charAt(0).toUpperCase();

const plainLetters = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");

/**
 * "at the Grand House", "in the Press Briefing Room", "from the Oval Office": a building or room
 * after a preposition of place and "the". An office is a building only when its other word is no
 * portfolio or post ("the Foreign Office" is a ministry wherever it stands).
 */
function buildingWhereSomethingHappens(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const last = tokens[s.to - 1].text;
  if (s.to - s.from < 2 || s.metonymOf || s.capitalOf) return false;
  // ("whoever is in the [listed seat of government]" holds its office: only "at", "from", "outside" ... place it)
  const preps = s.label ? ["at", "from", "inside", "outside", "near"] : ["in", "at", "from", "inside", "outside", "near", "into"];
  if (!/^the$/i.test(tokens[s.from - 1]?.text ?? "") || !preps.includes(tokens[s.from - 2]?.text.toLowerCase() ?? "")) return false;
  if (BUILDING_WORDS.has(last)) return true;
  if (last !== "Office" || s.to - s.from !== 2 || s.label || ["of", "for"].includes(tokens[s.to]?.text ?? "")) return false;
  const lex = lexicons();
  const first = tokens[s.from].text;
  return !isTitleWord(lex, first) && !orgHeadType(lex, first) && !lex.demonyms.has(first) && !lexiconMatch(lex, tokens, s.from, s.from + 1) && lex.commonWords.has(first.toLowerCase());
}

/** A comparable form of a body's name: "Ministry of Foreign Affairs" → "foreign ministry". */
function bodyForm(name: string): string {
  const n = name.toLowerCase().replace(/['’]s\b/g, "");
  const m = /^(.*?)\b(ministry|department|office) (?:of|for) (?:the )?(.+?)(?: affairs)?$/.exec(n);
  if (!m) return n;
  // "Ministry of Foreign Affairs of Mongolia" is the "Mongolian foreign ministry"
  const owned = m[1] ? undefined : /^(.+?)(?: affairs)? of (?:the )?(.+)$/.exec(m[3]);
  const iso3 = owned && lexicons().countries.get(lookupKey(owned[2]))?.iso3;
  const adjective = iso3 && stateAdjective(iso3);
  if (owned && adjective) return `${adjective.toLowerCase()} ${owned[1]} ${m[2]}`;
  return `${m[1]}${m[3]} ${m[2]}`.trim();
}

function honorificBefore(tokens: Token[], s: Segment): boolean {
  const prev = tokens[s.from - 1];
  return !!prev && prev.block === tokens[s.from].block && lexicons().honorifics.has(prev.text);
}

function setGender(map: Map<string, "m" | "f">, key: string, g: string | undefined): void {
  if (g === "m" || g === "f") map.set(key, g);
}

/** A name-shaped run of 2-4 capitalised words, none a common English word: most often a person. */
function defaultPerson(ctx: Context, s: Segment): boolean {
  const lex = lexicons();
  const words = ctx.tokens.slice(s.from, s.to);
  if (s.headline || words.length > 4) return false;
  if (words.some((t) => t.allCaps && t.text.length > 1)) return false;
  if (enumeratedHeading(ctx, s)) return false;
  // a place or state word inside ("Nikkei Asia") makes a person unlikely
  if (words.some((t, i) => lexiconMatch(lex, ctx.tokens, s.from + i, s.from + i + 1)?.kind === "place" || lex.countries.has(lookupKey(t.text)))) return false;
  // "the X al-Y brigade": a name before a lower-case body noun is the body's
  const next = ctx.tokens[s.to];
  if (next && !next.cap && (FOLLOWING_ORG_NOUNS.has(next.text) || UNIT_NOUNS.has(next.text) || ARMED_MEMBER_NOUNS.has(next.text))) return false;
  if (thingRelativeFollows(ctx, s)) return false;
  // ("al-Tamimi", "bin-Zayed": a name particle joined by a hyphen is a name's word; other hyphens are not)
  return words.every((t) => !lex.commonWords.has(t.text.toLowerCase()) && !lex.groupWords.has(t.text) && !/\d/.test(t.text) && (!/-/.test(t.text) || isParticleName(t)));
}

