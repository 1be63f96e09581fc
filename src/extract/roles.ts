// Posts held by persons: "Russian Foreign Minister X", "X, director of the Y Centre", "the
// ministry's spokesperson X", "X, who is also state councillor", "his Russian counterpart X".
//
// The sentence shapes are declarative token patterns in role-patterns.ts; this file is their glue:
// it binds the names the annotation found to the tokens (bindRoleFacts), runs the patterns at each
// person's name, maps their captures to RoleFacts and resolves owners from the entity table ("the
// country's": the state named last; "the bloc's": the last body whose name has such a word).
// Procedural on purpose: choosing among segments of one run of capitalised words (which segment is
// the post's owner, its "of" body: splitOfOwner), the entity-table look-ups, and the merging of
// readings at the end (dedupe, postForm, sameRank): they compare the post strings already read
// ("Maj. Gen." and "Major General"), not the text, so no token pattern applies.
import type { Document, RoleFact } from "../model.ts";
import type { EntityTable, Resolved } from "./entities.ts";
import type { Context } from "./kinds.ts";
import { lexicons } from "./lexicon.ts";
import { lexiconMatch, pluralPost, type Segment } from "./names.ts";
import {
  BARE_BODY_BEFORE, BRACKETED_POST, CAPITALISED_POST_COMMA, OPENING_POST_COMMA, CHAINED_POST, OF_OWNER_AFTER_NAME, TITLED_NAME, HEADER_POSTS, LOWER_POST_OF_PHRASE_COMMA, OWNER_IN_PHRASE, COUNTERPART_BEFORE, GAP_BEFORE_NEXT_POST, HEADING_VERBS, LIST_LINE_NAME, LOWER_OF_TAIL, LOWER_POST_BEFORE,
  LOWER_POST_OF_BODY, LOWER_POST_OF_OWNER_COMMA, NAME_TRAILER, NEXT_POST, OWNER_BEFORE, OWNER_IN_CLAUSE, OWNER_PREPOSITION, PLURAL_POST_LIST, POSSESSIVE_BEFORE, POST_AFTER_NAME,
  POST_OPENING, POST_OPENING_WORDS, SUBJECT_AFTER_OPENING, WHO_HEADS, bindRoleFacts, singularPost,
} from "./role-patterns.ts";
import type { Pattern, TokenRange } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { lowerBound } from "./sorted.ts";

const OWNER_KINDS = new Set(["organisation", "country"]);
const resolvedFrom = (r: Resolved) => r.from;
const RANK_ABBREVIATIONS = new Map(Object.entries({ "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Gen.": "General", "Col.": "Colonel", "Lt.": "Lieutenant", "Capt.": "Captain" }));
type BodyLike = { name: string; names: string[]; orgType?: string };
/** A body one of whose names has one of these words ("European Union" for "the bloc's"). */
const named = (...words: string[]) => (e: BodyLike) => [e.name, ...e.names].some((n) => n.split(/[\s-]+/).some((w) => words.includes(w.toLowerCase())));
const armed = (e: BodyLike) => e.orgType === "other" || e.orgType === undefined;
/** "the bloc's", "the group's": a body noun (BODY_NOUNS) standing for the body of that kind named last. */
const OWNER_NOUNS: Record<string, (e: BodyLike) => boolean> = {
  bloc: named("union", "bloc", "association", "organisation", "organization", "community", "council"), alliance: named("alliance", "treaty", "nato"), union: named("union"),
  ministry: named("ministry"), agency: named("agency"), commission: named("commission"), council: named("council"), committee: named("committee"),
  party: named("party"), group: armed, militia: armed, movement: armed, company: (e) => e.orgType === "company", firm: (e) => e.orgType === "company",
};

export function extractRoles(doc: Document, ctx: Context, table: EntityTable): RoleFact[] {
  const { tokens, segments } = ctx;
  const lex = lexicons();
  const entityOf = new Map<Segment, string>();
  for (const r of table.resolved) entityOf.set(r.segment, r.entity);
  const kindOf = (s: Segment | undefined) => (s && entityOf.has(s) ? table.entities.get(entityOf.get(s)!)?.kind : undefined);
  const segEndingAt = new Map<number, Segment>();
  for (const s of segments) segEndingAt.set(s.to, s);
  const segStartingAt = new Map<number, Segment>();
  for (const s of segments) segStartingAt.set(s.from, s);
  // indexes, so that each person costs the same however long the article (lists of thousands)
  const segIndex = new Map<Segment, number>();
  segments.forEach((s, i) => segIndex.set(s, i));
  const titleEndingAt = new Map<number, Segment>();
  const inTitleEndingAt = new Map<number, Segment>();
  const titleCovering = new Map<number, Segment>();
  const startingAt = new Map<number, Segment[]>();
  for (const s of segments) {
    if (s.kind === "title") { titleEndingAt.set(s.to, s); for (let k = s.from; k < s.to; k++) titleCovering.set(k, s); }
    if (s.inTitle) inTitleEndingAt.set(s.to, s);
    (startingAt.get(s.from) ?? startingAt.set(s.from, []).get(s.from)!).push(s);
  }
  const text = (from: number, to: number) => doc.text.slice(tokens[from].start, tokens[to - 1].end);
  const textOf = (r: TokenRange) => text(r.from, r.to);
  // the names the patterns read: persons', states' and bodies', posts'
  const facts = { person: new Int32Array(tokens.length).fill(-1), owner: new Int32Array(tokens.length).fill(-1), title: new Int32Array(tokens.length).fill(-1), organisation: new Uint8Array(tokens.length), honorific: new Uint8Array(tokens.length) };
  segments.forEach((s, n) => {
    const kind = kindOf(s);
    const layer = kind === "person" ? facts.person : OWNER_KINDS.has(kind ?? "") ? facts.owner : s.kind === "title" ? facts.title : undefined;
    if (layer) layer.fill(n, s.from, s.to);
    if (OWNER_KINDS.has(kind ?? "")) facts.organisation.fill(kind === "organisation" ? 1 : 0, s.from, s.to);
    if (s.kind === "honorific") facts.honorific.fill(1, s.from, s.to);
  });
  bindRoleFacts(tokens, facts);
  /** The state or body whose name a pattern captured. */
  const ownerNamed = (r: TokenRange | undefined) => {
    const s = r && segEndingAt.get(r.to);
    return s && OWNER_KINDS.has(kindOf(s) ?? "") ? entityOf.get(s) : undefined;
  };
  const evidence = (i: number) => doc.sentences[tokens[i].sentence] ?? { start: tokens[i].start, end: tokens[i].end };
  /** The organisation or state a segment ending just before token i names ("Russia's", "Chinese"). */
  const ownerEndingAt = (i: number): string | undefined => {
    const m = i > 0 ? OWNER_BEFORE.matchBefore(tokens, i, i - 30, { within: "anywhere" }) : undefined;
    if (!m) return undefined;
    const named = m.get("named"), stateNoun = m.get("stateNoun"), bodyNoun = m.get("bodyNoun"), its = m.get("its");
    if (named) return ownerNamed(named);
    // "the country's foreign minister": the state named last before
    // (none named lately: the state whose capital is the dateline's place, when the article names it)
    if (stateNoun) return lastBefore(stateNoun.from, ["country"]) ?? datelineState();
    // "the bloc's foreign policy chief", "the group's spokesman": the body of that kind named last
    if (bodyNoun) return lastBodyBefore(bodyNoun.from, OWNER_NOUNS[tokens[bodyNoun.from].text]);
    // "Its deputy head": the body named last
    if (its) return lastBefore(its.from, ["organisation"]) ?? lastBefore(its.from, ["country"]);
    return undefined;
  };
  let datelineKey: string | null | undefined;
  /** The state whose capital the dateline names ("KYIV –"), if the article names that state as an entity. */
  const datelineState = (): string | undefined => {
    if (datelineKey === undefined) {
      const place = doc.dateline?.place;
      const titled = place?.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
      const iso3 = place ? (lex.capitals.get(titled!) ?? lex.capitals.get(place))?.iso3 : undefined;
      datelineKey = (iso3 && [...table.entities.values()].find((e) => e.kind === "country" && e.iso3 === iso3)?.key) || null;
    }
    return datelineKey ?? undefined;
  };
  /**
   * The last resolved mention before token i that `accept`s, looking back only while `near` holds
   * (mentions are sorted by position): a binary search, then a walk back, so that each look-up
   * costs the same however long the article.
   */
  const lastResolvedBefore = (i: number, accept: (r: Resolved) => boolean, near: (r: Resolved) => boolean = () => true): Resolved | undefined => {
    for (let k = lowerBound(table.resolved, i, resolvedFrom) - 1; k >= 0; k--) {
      const r = table.resolved[k];
      if (!near(r)) break;
      if (accept(r)) return r;
    }
    return undefined;
  };
  const withinSentences = (i: number, n: number) => (r: Resolved) => tokens[i].sentence - tokens[r.from].sentence <= n;
  const lastBodyBefore = (i: number, fits: (e: { name: string; names: string[]; orgType?: string }) => boolean): string | undefined =>
    lastResolvedBefore(i, (r) => {
      const e = table.entities.get(r.entity);
      return e?.kind === "organisation" && fits(e);
    }, withinSentences(i, 3))?.entity;
  const lastBefore = (i: number, kinds: string[]): string | undefined =>
    lastResolvedBefore(i, (r) => kinds.includes(table.entities.get(r.entity)?.kind ?? ""), withinSentences(i, 2))?.entity;

  const roles: RoleFact[] = [];
  // the roles found so far by holder, and by holder and sentence (look-ups that stay cheap in long lists)
  const rolesOf = new Map<string, RoleFact[]>();
  const rolesInSentence = new Set<string>();
  // the bodies whose names end with a body word ("... Ministry"), by that ending (bareBodyBefore)
  const bodiesEnding = new Map<string, Resolved[]>();
  const add = (holder: string | undefined, title: string, organisation: string | undefined, at: number, confidence: number) => {
    title = title.replace(/\s+/g, " ").trim();
    if (!holder || !title || table.entities.get(holder)?.kind !== "person") return;
    const role: RoleFact = { holder, title, ...(organisation ? { organisation } : {}), evidence: evidence(at), confidence };
    roles.push(role);
    (rolesOf.get(holder) ?? rolesOf.set(holder, []).get(holder)!).push(role);
    rolesInSentence.add(`${holder}@${role.evidence.start}`);
  };

  const personAt = (i: number) => kindOf(segStartingAt.get(i)) === "person";
  /** The owner of the last "[Owner] Post Name" read, and where that name ends (a list of posts after one owner). */
  let listOwner: { end: number; owner: string; sentence: number } | undefined;
  for (let si = 0; si < segments.length; si++) {
    const person = segments[si];
    if (kindOf(person) !== "person") continue;
    const holder = entityOf.get(person);
    // "Supreme Leader Ayatollah X": an honorific between title and name
    const honorificSkip = segments[si - 1]?.kind === "honorific" && segments[si - 1].chunk === person.chunk ? 1 : 0;
    // the capitalised post before the name, in the name's run of capitalised words, or before a
    // bracketed short form ("Major General (Maj. Gen.) X"), or before "the" and an honorific ("Senator the Hon X")
    const titledName = TITLED_NAME.matchBefore(tokens, person.to, person.from - 60, { within: "anywhere" });
    const titleRange = titledName?.get("title");
    let prevSeg = titleRange && titleEndingAt.get(titleRange.to);
    // "Chair of the Joint Committee X": the body inside the title is its owner
    const innerOf = (t: Segment) => { const s = inTitleEndingAt.get(t.to); return s && s.from > t.from && s.chunk === t.chunk ? s : undefined; };
    // ("Minister for X" ending one line and "The Hon Y" opening the next are no post and name)
    const honorificAfterThe = !!titledName?.get("honorific") && tokens[titleRange!.to].lower === "the";
    if (honorificAfterThe && tokens[titleRange!.from].block !== tokens[person.from].block) prevSeg = undefined;
    const sameRun = !!prevSeg && (titledName!.get("short") ? true : honorificAfterThe ? !innerOf(prevSeg) : prevSeg.chunk === person.chunk);
    if (!sameRun) prevSeg = undefined;
    const inner = prevSeg && !honorificAfterThe ? innerOf(prevSeg) : undefined;
    const prevIdx = prevSeg ? segIndex.get(prevSeg)! : -1;

    // 1. Title in the same run of capitalised words: "[Owner] Title Name".
    let titled = false;
    if (prevSeg) rule1: {
      titled = true;
      // "Its head, Federal Councillor X", "the bloc's trade chief, Commissioner X": a lower-case post
      // of a named owner before a comma, then the capitalised post — both are X's
      if (tokens[prevSeg.from - 1]?.text === ",") {
        const post = LOWER_POST_BEFORE.matchBefore(tokens, prevSeg.from, prevSeg.from - 6)?.get("post");
        const owner = post && tokens[post.from].block === tokens[person.from].block ? ownerEndingAt(post.from) ?? possessiveOwnerBefore(post.from) : undefined;
        if (owner) add(holder, textOf(post!), owner, person.from, 0.7);
      }
      let { title, owner } = inner ? { title: text(prevSeg.from, prevSeg.to), owner: entityOf.get(inner) } : splitOfOwner(prevSeg);
      const ownerSeg = segments[prevIdx - 1];
      if (!owner && ownerSeg && ownerSeg.chunk === person.chunk) owner = OWNER_KINDS.has(kindOf(ownerSeg) ?? "") ? entityOf.get(ownerSeg) : undefined;
      if (!owner && (!ownerSeg || ownerSeg.chunk !== person.chunk)) owner = ownerEndingAt(prevSeg.from);
      // "Norland's then/former Foreign Minister X": the owner stands before the time word
      if (!owner && precedingModifier(tokens, prevSeg.from)) owner = ownerEndingAt(prevSeg.from - 1);
      // "State Councilor and Foreign Minister X": both posts are X's, with one owner
      const firstTitle = titledName!.get("firstTitle");
      if (firstTitle) {
        // (its owner: a name before it, or the body in its "of" phrase)
        const firstInner = innerOf(titleEndingAt.get(firstTitle.to)!);
        const firstOwner = ownerNamed(titledName!.get("firstOwner")) ?? (firstInner && OWNER_KINDS.has(kindOf(firstInner) ?? "") ? entityOf.get(firstInner) : undefined);
        add(holder, textOf(firstTitle), firstOwner, person.from, 0.8);
        owner ??= firstOwner;
      }
      // "President Jean Dumont of France" (invented) (before a carried-over owner: "… and Prime Minister Y of Z")
      if (!owner) owner = ownerNamed(OF_OWNER_AFTER_NAME.matchAt(tokens, person.to, { within: "block" })?.get("owner"));
      // "US Secretary of State X and Secretary of Defense Y": the owner carries over
      const last = roles[roles.length - 1];
      if (!owner && tokens[prevSeg.from - 1]?.text === "and" && last?.evidence.start === evidence(prevSeg.from).start) owner = last.organisation;
      // "Norland's First Deputy Prime Minister X, Deputy Prime Minister Y and …": a list of posts after
      // one owner; each name right after the last holder's comma keeps that owner
      if (!owner && tokens[prevSeg.from - 1]?.text === "," && listOwner && listOwner.end === prevSeg.from - 1 && listOwner.sentence === tokens[person.from].sentence) owner = listOwner.owner;
      // "the junta spokesman Colonel X", "the coup leader, General X": the post is the lower-case one, the rank is no post
      if (!owner && lex.ranks.has(title)) {
        const post = LOWER_POST_BEFORE.matchBefore(tokens, prevSeg.from, prevSeg.from - 6)?.get("post");
        if (post && tokens[post.to - 1].block === tokens[person.from].block) {
          add(holder, textOf(post), ownerEndingAt(post.from) ?? possessiveOwnerBefore(post.from), person.from, 0.7);
          break rule1;
        }
      }
      const former = precedingModifier(tokens, ownerSeg && ownerSeg.chunk === person.chunk ? ownerSeg.from : prevSeg.from);
      // "Defense Minister Colonel X", "Deputy Chief of Staff Lieutenant Colonel X": a post, then a rank
      const rank = rankEnding(title);
      if (rank) {
        add(holder, (former ? former + " " : "") + title.slice(0, title.length - rank.length).trim(), owner, person.from, 0.9);
        add(holder, rank, undefined, person.from, 0.8);
        break rule1;
      }
      // "Senators Jane Roe, ...": one senator each
      const plural = pluralPost(lex, title.split(" ").pop() ?? "");
      if (plural) title = title.replace(/\S+$/, plural);
      add(holder, (former ? former + " " : "") + title, owner, person.from, 0.9);
      // (a possessive owner distributes over the list: "Norland's [A, B and C]"; an adjective may not: "French President X, Chancellor Y")
      if (!owner) listOwner = undefined;
      else if (/^['’]s$/.test(tokens[prevSeg.from - 1]?.text ?? "") || listOwner?.end === prevSeg.from - 1) listOwner = { end: person.to, owner, sentence: tokens[person.from].sentence };
      else listOwner = undefined;
      break rule1;
    }
    const start = lex.honorifics.has(tokens[person.from - 1]?.text ?? "") ? person.from - 1 : person.from;
    const head = tokens[start - 1];
    if (!titled) {
      // "Sen. X", "Gen. X": an abbreviated rank or office before the name is a post
      const rank = honorificSkip ? RANK_ABBREVIATIONS.get(tokens[person.from - 1].text) : undefined;
      if (rank) add(holder, rank, undefined, person.from, 0.6);
      // 2. A lower-case post right before the name: "[Owner('s)] external security commissioner Name".
      // the words before the name, before any honorific ("Sheikh X", "Mr X")
      // "the deputy defence minister, X"
      const post = LOWER_POST_BEFORE.matchBefore(tokens, start, start - 6)?.get("post");
      if (post && tokens[post.to - 1].block === tokens[person.from].block) {
        add(holder, textOf(post), ownerEndingAt(post.from) ?? possessiveOwnerBefore(post.from) ?? bareBodyBefore(post.from), person.from, 0.8);
      }
      // "the Secretary of State, Jane Roe", "the General Secretary of the X Party (XP), Y",
      // "the Vice President and First Lady of X, Y": a capitalised post, a comma, the name
      if (head?.text === ",") postBeforeComma(holder, start - 1, person.from);
      // "the head of Norway's Audit Board, X; the minister of health, Y"
      if (head?.text === "," && !rolesInSentence.has(`${holder}@${evidence(person.from).start}`)) lowerPostBeforeComma(holder, start - 1, person.from);
      // "the president of the Republic of X, Name"
      const ofOwner = head?.text === "," ? LOWER_POST_OF_OWNER_COMMA.matchBefore(tokens, start, start - 32) : head && !post ? LOWER_POST_OF_BODY.matchBefore(tokens, start, start - 32) : undefined;
      if (ofOwner) {
        const post = ofOwner.get("post")!, owner = ofOwner.get("owner")!;
        // "Russia's ambassador to the U.S., Name": the destination is part of the post
        if (tokens[ofOwner.get("connector")!.from].text === "to") add(holder, text(post.from, owner.to), ownerEndingAt(post.from) ?? possessiveOwnerBefore(post.from), person.from, 0.7);
        else add(holder, textOf(post), ownerNamed(owner), person.from, 0.7);
      }
    }
    // 3. Apposition: "Name, [who is also] [the] title [of|at|for] [the] Organisation".
    // "X, special envoy for Y and a former ambassador to Z": each post of the apposition
    // "Jon Haller (Iceland), President of ...", "X (born 1970), post": past the brackets
    const after = NAME_TRAILER.matchAt(tokens, person.to, { within: "anywhere" })?.to ?? person.to;
    const listLine = LIST_LINE_NAME.matchBefore(tokens, start + 1, start - 3, { within: "block" }) !== undefined;
    let app = apposition(after, POST_AFTER_NAME, listLine);
    for (let n = 0; app && n < 3; n++) {
      if (!addApposition(holder, app, person.from)) break;
      // "..., and President of X", "former President (2005-2015) and former Prime Minister", "... and later as
      // interior minister": the next post of the same person
      const next = NEXT_POST.matchAt(tokens, app.titleTo, { within: "anywhere" }) ? app.titleTo : GAP_BEFORE_NEXT_POST.matchAt(tokens, app.titleTo, { within: "anywhere" })?.to;
      app = next !== undefined ? apposition(next, CHAINED_POST) : undefined;
    }
    // a minister's header: the name's line, then lines that are each one of the person's posts
    headerPosts(holder, person);
    // "Jane Roe (Minister of Health)": a capitalised post in brackets right after the name
    if (tokens[person.to]?.text === "(") bracketedPost(holder, person);
    // "X, who heads the State Audit Office", "X, who chairs the budget committee": the post a verb names
    headedBody(holder, after, person.from);
    // 4. "his Russian counterpart Name": the post of the person "his" refers to.
    const counterpart = COUNTERPART_BEFORE.matchBefore(tokens, start, start - 2)?.get("counterpart");
    if (counterpart) {
      const c = counterpart.from;
      const owner = ownerEndingAt(c);
      // the person "his"/"her" stands for: the one named last before, in this sentence
      const sentence = tokens[person.from].sentence;
      const antecedent = lastResolvedBefore(c, (r) => r.entity !== holder && table.entities.get(r.entity)?.kind === "person", (r) => tokens[r.from].sentence === sentence);
      const other = antecedent && [...(rolesOf.get(antecedent.entity) ?? [])].reverse().find((r) => !r.organisation || r.organisation !== owner);
      if (other) add(holder, other.title.replace(/^former /, ""), owner, person.from, 0.6);
    }
  }

  /** "The Hon Jane Roe MP" / "Deputy Prime Minister" / "Minister for Defence": each post line after the name's line. */
  function headerPosts(holder: string | undefined, person: Segment): void {
    const m = HEADER_POSTS.matchAt(tokens, person.to, { within: "anywhere" });
    for (const r of m?.all("post") ?? []) {
      const title = titleEndingAt.get(r.to)!;
      if (title.headline) return;
      const inner = inTitleEndingAt.get(title.to);
      const { title: post, owner } = inner && inner.from > title.from ? splitOfOwner(title) : { title: text(title.from, title.to), owner: undefined };
      add(holder, post, owner, person.from, 0.7);
    }
  }

  /** "Jane Roe (Minister of Health)", "Jane Roe (Chief of the General Staff)": the bracket holds one post and nothing else. */
  function bracketedPost(holder: string | undefined, person: Segment): void {
    const title = BRACKETED_POST.matchAt(tokens, person.to, { within: "block" })?.get("title");
    if (!title) return;
    const { title: post, owner } = splitOfOwner(titleEndingAt.get(title.to)!);
    add(holder, post, owner, person.from, 0.7);
  }

  /** ", who heads the X", ", who chairs the budget committee" from the comma `comma`: the post the verb names, of the body it names. */
  function headedBody(holder: string | undefined, comma: number, at: number): void {
    const m = WHO_HEADS.matchAt(tokens, comma, { within: "anywhere" });
    if (!m) return;
    const post = HEADING_VERBS[tokens[m.get("verb")!.from].text];
    const body = m.get("body"), lower = m.get("lower");
    // "Norway's Audit Board": the body, not its state
    if (body) add(holder, post, ownerNamed(m.get("inner") ?? body), at, 0.7);
    // "chairs the budget committee": a lower-case body is part of the post
    else if (lower) add(holder, `${post} of ${textOf(lower)}`, undefined, at, 0.6);
  }

  /** "Under Secretary of the Treasury, Jane Roe, said": a post that opens its sentence (or line), then the comma `comma`. */
  function openingPostComma(comma: number) {
    const m = OPENING_POST_COMMA.matchBefore(tokens, comma + 1, comma - 60, { within: "anywhere" });
    const t = m && tokens[m.from];
    return t && (t.sentenceStart || tokens[m.from - 1]?.block !== t.block) ? m : undefined;
  }

  /** "[the] [Owner] Title [of Body] [(ACR)], Name": the capitalised post ending at the comma `comma`. */
  function postBeforeComma(holder: string | undefined, comma: number, at: number): void {
    const m = CAPITALISED_POST_COMMA.matchBefore(tokens, comma + 1, comma - 60, { within: "anywhere" }) ?? openingPostComma(comma);
    const r = m?.get("title");
    if (!m || !r || tokens[r.from].block !== tokens[at].block) return;
    const title = titleEndingAt.get(r.to)!, first = m.get("firstTitle"), ownerName = m.get("owner");
    // the body in the post's "of" phrase, a body named before the post, or one before its "the"/possessive owns it
    const inner = inTitleEndingAt.get(title.to);
    const owner = (inner && inner.from > title.from ? entityOf.get(inner) : undefined) ?? (ownerName ? ownerNamed(ownerName) : ownerEndingAt((first ?? r).from));
    add(holder, textOf(r), owner, at, 0.8);
    // "the Vice President and First Lady of X": the first post is the same person's, with the same owner
    if (first) add(holder, textOf(first), owner, at, 0.8);
  }

  /**
   * "the head of Nicaragua's National Assembly, X", "the minister of health, Y": a lower-case post
   * after "the", its "of" phrase up to the comma, then the name. A body named in the phrase owns
   * the post; otherwise the phrase is part of the post.
   */
  function lowerPostBeforeComma(holder: string | undefined, comma: number, at: number): void {
    const m = LOWER_POST_OF_PHRASE_COMMA.matchBefore(tokens, comma + 1, comma - 14, { within: "anywhere" });
    if (!m) return;
    const post = m.get("post")!, of = m.get("of")!;
    const found = OWNER_IN_PHRASE.matchAt(tokens, of.to, { to: comma, within: "anywhere" });
    const owner = found ? ownerNamed(found.get("inner") ?? found.get("owner")) : undefined;
    add(holder, owner ? text(post.from, of.from) : text(post.from, comma), owner, at, 0.7);
  }

  /** Adds the post an apposition reads (false when the post turns out to be the next person's). */
  function addApposition(holder: string | undefined, app: Apposition, at: number): boolean {
    // a post written as a capitalised title ("Commander of the Presidential Guard Unit") is read whole
    const covering = titleCovering.get(app.titleTo - 1);
    const titleSeg = covering && covering.from >= app.titleFrom ? covering : undefined;
    const inner = titleSeg && inTitleEndingAt.get(titleSeg.to);
    const tailOwner = inner && inner.from > titleSeg.from ? inner : undefined;
    // "X, SPLA Chief of General Staff": a body's name before the capitalised post owns it
    const prefix = titleSeg && titleSeg.from > app.titleFrom ? segStartingAt.get(app.titleFrom) : undefined;
    let owner: string | undefined = prefix && prefix.to === titleSeg!.from && OWNER_KINDS.has(kindOf(prefix) ?? "") ? entityOf.get(prefix) : undefined;
    if (titleSeg) { app.titleTo = titleSeg.to; if (tailOwner) app.ownerFrom = tailOwner.from; if (prefix && prefix.to === titleSeg.from) app.titleFrom = titleSeg.from; }
    // "X, US Secretary of State Y": the post is the next person's
    if (personAt(app.titleTo) && tokens[app.titleTo].block === tokens[at].block) return false;
    // the first named body after "of/at/for" in the clause owns the post ("a fellow at the X Council's Y Center": the inner body)
    if (!owner && app.ownerFrom >= 0 && tokens[app.ownerFrom]?.block === tokens[at].block) {
      const m = OWNER_IN_CLAUSE.matchAt(tokens, app.ownerFrom, { within: "block" });
      if (m) owner = ownerNamed(m.get("inner") ?? m.get("owner"));
    }
    if (!owner && app.possessiveOwnerEnd >= 0) owner = ownerEndingAt(app.possessiveOwnerEnd);
    if (!owner && app.leadOwnerEnd !== undefined && app.leadOwnerEnd >= 0) owner = ownerEndingAt(app.leadOwnerEnd);
    // "the chief of the defence staff", "minister of health": a lower-case "of" phrase that names no body is part of the post
    if (!owner && !titleSeg) app.titleTo = lowerOfTail(app.titleTo);
    if (!owner && app.demonymAt >= 0) owner = stateOfDemonym(app.demonymAt);
    const title = app.demonymAt > app.titleFrom ? `${text(app.titleFrom, app.demonymAt)} ${text(app.demonymAt + 1, app.titleTo)}` : text(app.titleFrom, app.titleTo);
    add(holder, title, owner, at, 0.8);
    return true;
  }

  /** The end of "of [the] w1 [w2 [w3]]" in lower-case words after a post, up to a clause's end; else `end`. */
  function lowerOfTail(end: number): number {
    return LOWER_OF_TAIL.matchAt(tokens, end, { within: "block" })?.to ?? end;
  }

  /** The apposition `form` reads from token i: its post, and where its owner may be named. */
  function apposition(i: number, form: Pattern, listLine = false): Apposition | undefined {
    // "NAME: post" only in a list's line
    if (tokens[i]?.text === ":" && !listLine) return undefined;
    const m = form.matchAt(tokens, i, { within: "anywhere" });
    if (!m) return undefined;
    // "X, the president's brother and head of the Y": the post is a relative's; read the next one
    const kin = m.get("kin");
    if (kin) return form !== CHAINED_POST && tokens[kin.to]?.text === "and" ? apposition(kin.to, CHAINED_POST) : undefined;
    const post = m.get("post")!, demonym = m.get("demonym"), possessive = m.get("possessive"), leadOwner = m.get("leadOwner"), destination = m.get("destination");
    const demonymAt = demonym ? demonym.from : -1;
    const titleFrom = demonymAt === post.from ? post.from + 1 : post.from;
    const owners = { possessiveOwnerEnd: possessive ? possessive.to : -1, demonymAt, leadOwnerEnd: leadOwner ? leadOwner.to : -1 };
    // "ambassador to the U.S.": a state is the destination; "adviser to the Arab League": a body owns the post
    const dest = destination && lexiconMatch(lex, tokens, destination.from, destination.to);
    if (dest && (dest.kind === "country" || dest.capitalOf)) return { titleFrom, titleTo: destination.to, ownerFrom: -1, ...owners };
    const ownerFrom = ownerAfter(post.to);
    // "…, the commander of the X Jane Roe, the head of …": a person named right after the post's body holds it
    const ownerSeg = ownerFrom >= 0 ? segStartingAt.get(ownerFrom) : undefined;
    if (ownerSeg && OWNER_KINDS.has(kindOf(ownerSeg) ?? "") && personAt(ownerSeg.to) && tokens[ownerSeg.to].block === tokens[ownerSeg.to - 1].block) return undefined;
    return { titleFrom, titleTo: post.to, ownerFrom, ...owners };
  }

  /** The first token of the body a post ending before `end` belongs to, after "of/at/for/with/to/in [the]" in its clause, or -1. */
  function ownerAfter(end: number): number {
    if (!tokens[end] || tokens[end].block !== tokens[end - 1].block) return -1;
    return OWNER_PREPOSITION.matchAt(tokens, end, { within: "block" })?.to ?? -1;
  }

  /** The state entity a demonym token stands for ("Russian"), when the article has it. */
  function stateOfDemonym(i: number): string | undefined {
    const s = segStartingAt.get(i);
    return s && kindOf(s) === "country" ? entityOf.get(s) : undefined;
  }

  /** The rank a longer post ends with ("Chief of Staff Colonel" → "Colonel"), when a post stands before it. */
  function rankEnding(title: string): string | undefined {
    const words = title.split(/\s+/);
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const rank = words.slice(-n).join(" ");
      const rest = words.slice(0, -n);
      // "Secretary General", "Attorney General": "General" after a post is part of it
      if (rank === "General") continue;
      if (lex.ranks.has(rank) && rest.some((w) => lex.titleHeads.has(w.toLowerCase())) && !lex.ranks.has(`${rest[rest.length - 1]} ${rank}`)) return rank;
    }
    return undefined;
  }

  // 6. "two former prime ministers, X and Y": a plural post, then the persons it counts.
  for (const m of PLURAL_POST_LIST.matchAll(tokens, { within: "block" })) {
    const post = m.get("post")!, plural = m.get("plural")!;
    const title = `${post.from < plural.from ? text(post.from, plural.from) + " " : ""}${singularPost(tokens[plural.from].text)}`;
    const owner = ownerEndingAt(post.from) ?? possessiveOwnerBefore(post.from);
    for (const h of m.all("holder")) add(entityOf.get(segStartingAt.get(h.from)!), title, owner, h.from, 0.7);
  }

  // 5. "As commander of the X Division that ..., [Title] Name has ...": a post that opens the sentence is its subject's.
  for (let i = 0; i < tokens.length; i++) {
    if (!POST_OPENING_WORDS.has(tokens[i].text) || !tokens[i].sentenceStart) continue;
    const app = apposition(i, POST_OPENING);
    // the subject after the comma, behind its own title ("Lt. Gen. X")
    const subject = app && SUBJECT_AFTER_OPENING.matchAt(tokens, app.titleTo)?.get("subject");
    if (app && subject) addApposition(entityOf.get(segStartingAt.get(subject.from)!), app, subject.from);
  }

  // 6. "the commander of the SOBR Jane Roe", "the head of the Security Department John Doe": a lower-case
  // post, "of" its body, then the holder's name right after the body's
  for (const person of segments) {
    if (kindOf(person) !== "person" || rolesOf.has(entityOf.get(person) ?? "")) continue;
    const body = segEndingAt.get(person.from);
    if (!body || body.chunk !== person.chunk || !OWNER_KINDS.has(kindOf(body) ?? "")) continue;
    const of = tokens[body.from - 1]?.lower === "the" ? body.from - 2 : body.from - 1;
    if (tokens[of]?.lower !== "of") continue;
    const post = LOWER_POST_BEFORE.matchBefore(tokens, of, of - 6)?.get("post");
    if (!post || tokens[post.from].block !== tokens[person.from].block) continue;
    add(entityOf.get(person), textOf(post), entityOf.get(body), person.from, 0.7);
  }

  /** "China's foreign ministry spokeswoman X": a possessive state or body a few words back. */
  function possessiveOwnerBefore(i: number): string | undefined {
    const m = i > 0 ? POSSESSIVE_BEFORE.matchBefore(tokens, i, i - 4, { within: "anywhere" }) : undefined;
    return m ? ownerEndingAt(m.from + 1) : undefined;
  }

  /** "foreign ministry spokesman X": a body word with no state before the post is the body of that kind named last. */
  function bareBodyBefore(m: number): string | undefined {
    const match = m > 0 ? BARE_BODY_BEFORE.matchBefore(tokens, m, m - 2, { within: "block" }) : undefined;
    const body = match?.get("body"), portfolio = match?.get("portfolio");
    if (!body || tokens[body.from].block !== tokens[m].block) return undefined;
    // a state or demonym before the body word names another owner
    if (portfolio && (lex.demonyms.has(tokens[portfolio.from].text) || segEndingAt.get(portfolio.to)?.iso3)) return undefined;
    const want = (portfolio ? `${tokens[portfolio.from].lower} ` : "") + tokens[body.from].lower;
    // the bodies whose names end so, found once per ending (a list line may ask on every line)
    let bodies = bodiesEnding.get(want);
    if (!bodies) {
      bodies = table.resolved.filter((r) => {
        const e = table.entities.get(r.entity);
        return e?.kind === "organisation" && e.name.toLowerCase().endsWith(want) && e.name.length > want.length;
      });
      bodiesEnding.set(want, bodies);
    }
    const lo = lowerBound(bodies, m - 2, resolvedFrom);
    return lo > 0 ? table.entities.get(bodies[lo - 1].entity)?.key : undefined;
  }

  function splitOfOwner(titleSeg: Segment): { title: string; owner?: string } {
    // "President of the European Commission": the body after "of" owns the post
    for (let i = titleSeg.from + 1; i < titleSeg.to; i++) {
      if (tokens[i].text !== "of" && tokens[i].text !== "for") continue;
      const start = tokens[i + 1]?.text === "the" ? i + 2 : i + 1;
      const owner = (startingAt.get(start) ?? []).find((s) => s.kind !== "title" && OWNER_KINDS.has(kindOf(s) ?? ""));
      if (owner) return { title: text(titleSeg.from, i), owner: entityOf.get(owner) };
    }
    return { title: text(titleSeg.from, titleSeg.to) };
  }
  return dedupe(roles);
}


/** Words of time or standing written in lower case before a capitalised post ("former President X"): part of the post. */
const POST_TIME_WORDS = new Set(["former", "acting", "interim", "outgoing", "incoming", "late", "then", "retired"]);
/** Lower-case words that make a capitalised post another one: "Norland's deputy Foreign Minister X" is no foreign minister. */
const POST_RANK_WORDS = new Set(["deputy", "vice", "assistant"]);
function precedingModifier(tokens: Token[], i: number): string | undefined {
  const t = tokens[i - 1];
  return t && (POST_TIME_WORDS.has(t.lower) || (!t.cap && POST_RANK_WORDS.has(t.lower))) ? t.lower : undefined;
}

interface Apposition {
  titleFrom: number;
  titleTo: number;
  /** First token of the owning organisation after "of/at/for", or -1. */
  ownerFrom: number;
  /** Token index just after a possessive owner inside the phrase ("Russia's"), or -1. */
  possessiveOwnerEnd: number;
  /** A state's adjective inside the phrase ("the former Russian prime minister"): the owner, not part of the post; or -1. */
  demonymAt: number;
  /** Token index just after a state's or body's name that opens the phrase ("the U.S. national security adviser"), or -1. */
  leadOwnerEnd?: number;
}

/** What the apposition reader needs of the segments: is a person named from token i on? */
type PersonAt = (i: number) => boolean;

/** One role per (holder, title, organisation); a title without organisation yields to one with. */
function dedupe(roles: RoleFact[]): RoleFact[] {
  const norm = (t: string) => t.toLowerCase();
  const byKey = new Map<string, RoleFact>();
  for (const r of roles) {
    const k = `${r.holder}|${norm(r.title)}|${r.organisation ?? ""}`;
    const had = byKey.get(k);
    if (!had || had.confidence < r.confidence) byKey.set(k, r);
  }
  // "Major General (Maj. Gen.) X ... Maj. Gen. X": one rank, written in full first
  const kept: RoleFact[] = [];
  const keptOf = new Map<string, RoleFact[]>();
  for (const r of byKey.values()) {
    const mine = keptOf.get(r.holder) ?? keptOf.set(r.holder, []).get(r.holder)!;
    const same = mine.find((o) => (o.organisation ?? r.organisation) === (r.organisation ?? o.organisation) && sameRank(o.title, r.title));
    if (same) same.organisation ??= r.organisation;
    else { kept.push(r); mine.push(r); }
  }
  // "former Prime Minister of X Y ... as prime minister, Y": one post, read twice
  const base = (t: string) => t.toLowerCase().replace(/^(?:former|then|ex-|retired)\s+/, "").replace(/\s+(?:of|for)\s.*$/, "");
  const full = (t: string) => t.toLowerCase().replace(/^(?:former|then|ex-|retired)\s+/, "");
  const merged: RoleFact[] = [];
  const mergedOf = new Map<string, RoleFact[]>();
  for (const r of kept) {
    const mine = mergedOf.get(r.holder) ?? mergedOf.set(r.holder, []).get(r.holder)!;
    const same = mine.find((o) => (full(o.title) === full(r.title)
      || (base(o.title) === base(r.title) && ((o.organisation && o.organisation === r.organisation) || (!r.organisation && full(r.title) === base(o.title)) || (!o.organisation && full(o.title) === base(r.title))))));
    if (!same) { merged.push(r); mine.push(r); continue; }
    // the longer reading ("former Prime Minister of X") is kept, with any owner either names
    if (full(r.title).length > full(same.title).length || (/^former\b/i.test(r.title) && !/^former\b/i.test(same.title))) same.title = r.title;
    same.organisation ??= r.organisation;
  }
  const out = merged;
  // "Foreign Minister X" and "X, Minister of Foreign Affairs of Y": one post; the reading with its owner stays
  return out.filter((r) => r.organisation || !out.some((o) => o !== r && o.holder === r.holder && o.organisation && (norm(o.title) === norm(r.title) || postForm(o.title) === postForm(r.title))));
}

/** A comparable form of a post: "Minister of Foreign Affairs (of X)" and "Foreign Minister" → "foreign minister". */
function postForm(title: string): string {
  const t = title.toLowerCase().replace(/^(?:former|acting|interim)\s+/, "");
  const m = /^(.*?)\b(minister|secretary|ministry) (?:of|for) (?:the )?(\S+(?: \S+)?)(?: affairs)?(?: of .*)?$/.exec(t);
  return m ? `${m[1]}${m[3].replace(/ affairs$/, "")} ${m[2]}`.trim() : t;
}

/** "Maj. Gen." and "Major General": a rank written short and in full (each short word's letters in order in the long one). */
function sameRank(a: string, b: string): boolean {
  const x = a.split(/\s+/), y = b.split(/\s+/);
  if (x.length !== y.length || a === b || !lexicons().ranks.has(a) || !lexicons().ranks.has(b)) return false;
  return x.every((w, i) => abbreviates(w, y[i]) || abbreviates(y[i], w));
}

function abbreviates(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/\.$/, ""), l = long.toLowerCase();
  if (s === l) return true;
  if (!short.endsWith(".") || s[0] !== l[0]) return false;
  let at = 0;
  for (const c of s) { at = l.indexOf(c, at) + 1; if (!at) return false; }
  return true;
}
