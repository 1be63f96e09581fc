// Posts held by persons: "Russian Foreign Minister X", "X, director of the Y Centre", "the
// ministry's spokesperson X", "X, who is also state councillor", "his Russian counterpart X".
import type { Document, RoleFact } from "../model.ts";
import type { EntityTable } from "./entities.ts";
import type { Context } from "./kinds.ts";
import { lexicons } from "./lexicon.ts";
import { lexiconMatch, type Segment } from "./names.ts";
import type { Token } from "./tokens.ts";
import { FUNCTION_WORDS } from "./words.ts";

const OWNER_KINDS = new Set(["organisation", "country"]);
const RANK_ABBREVIATIONS: Record<string, string> = { "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Gen.": "General", "Col.": "Colonel", "Lt.": "Lieutenant", "Capt.": "Captain" };
/** Words after which an apposition's owner is no longer looked for ("... affairs and a former ambassador to X"). */
const CLAUSE_BREAKS = new Set(["and", "or", "but", "who", "which", "while", "whose", "where"]);
const STATE_NOUNS = new Set(["country", "nation", "kingdom", "republic", "state", "island"]);
/** "the Dakar-based X": the place before the suffix is no owner, the body after it is. */
const PLACE_SUFFIXES = new Set(["-based", "-headquartered"]);
/** Ranks that a post in lower case before them outranks as the person's role ("spokesman Colonel X"). */
const MILITARY_RANKS = new Set(["General", "Colonel", "Lieutenant", "Major", "Captain", "Admiral", "Brigadier", "Commander", "Sergeant", "Lieutenant Colonel", "Lieutenant General", "Major General", "Brigadier General", "Col.", "Gen.", "Lt.", "Capt."]);
const BODY_WORDS = new Set(["ministry", "embassy", "consulate"]);
type BodyLike = { name: string; names: string[]; orgType?: string };
const named = (re: RegExp) => (e: BodyLike) => e.names.some((n) => re.test(n)) || re.test(e.name);
const armed = (e: BodyLike) => e.orgType === "other" || e.orgType === undefined;
/** "the bloc's", "the group's": a body noun standing for the body of that kind named last. */
const OWNER_NOUNS: Record<string, (e: BodyLike) => boolean> = {
  bloc: named(/union|bloc|association|organi[sz]ation|community|council/i), alliance: named(/alliance|treaty|nato/i), union: named(/union/i),
  ministry: named(/ministry/i), agency: named(/agency/i), commission: named(/commission/i), council: named(/council/i), committee: named(/committee/i),
  party: named(/party/i), group: armed, militia: armed, movement: armed, company: (e) => e.orgType === "company", firm: (e) => e.orgType === "company",
};
const isPossessive = (t: Token | undefined) => !!t && /^['’]s$/.test(t.text);

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
  // every segment by its first token and by its chunk, for lookups that must stay O(1) on long lists
  const segsFrom = new Map<number, Segment[]>();
  const segsOfChunk = new Map<number, Segment[]>();
  for (const s of segments) {
    if (!segsFrom.has(s.from)) segsFrom.set(s.from, []);
    segsFrom.get(s.from)!.push(s);
    if (!segsOfChunk.has(s.chunk)) segsOfChunk.set(s.chunk, []);
    segsOfChunk.get(s.chunk)!.push(s);
  }
  const text = (from: number, to: number) => doc.text.slice(tokens[from].start, tokens[to - 1].end);
  const evidence = (i: number) => doc.sentences[tokens[i].sentence] ?? { start: tokens[i].start, end: tokens[i].end };
  /** The organisation or state a segment ending just before token i names ("Russia's", "Chinese"). */
  const ownerEndingAt = (i: number): string | undefined => {
    const at = isPossessive(tokens[i - 1]) ? i - 1 : i;
    const s = segEndingAt.get(at);
    if (s && OWNER_KINDS.has(kindOf(s) ?? "")) return entityOf.get(s);
    // "the country's foreign minister": the state named last before
    if (isPossessive(tokens[at]) && STATE_NOUNS.has(tokens[at - 1]?.text ?? "")) return lastBefore(at - 1, ["country"]);
    // "the bloc's foreign policy chief", "the group's spokesman": the body of that kind named last
    if (isPossessive(tokens[at]) && (/^the$/i.test(tokens[at - 2]?.text ?? "") || (/^the$/i.test(tokens[at - 3]?.text ?? "") && !!tokens[at - 2]?.isWord && !tokens[at - 2].cap)) && (tokens[at - 1]?.text ?? "") in OWNER_NOUNS) return lastBodyBefore(at - 1, OWNER_NOUNS[tokens[at - 1].text]);
    // "Its deputy head": the body named last
    if (/^its$/i.test(tokens[i - 1]?.text ?? "")) return lastBefore(i - 1, ["organisation"]) ?? lastBefore(i - 1, ["country"]);
    return undefined;
  };
  const lastBodyBefore = (i: number, fits: (e: { name: string; names: string[]; orgType?: string }) => boolean): string | undefined => {
    let found: string | undefined;
    for (const r of table.resolved) {
      if (r.from >= i) break;
      const e = table.entities.get(r.entity);
      if (e?.kind === "organisation" && tokens[i].sentence - tokens[r.from].sentence <= 3 && fits(e)) found = r.entity;
    }
    return found;
  };
  const lastBefore = (i: number, kinds: string[]): string | undefined => {
    let found: string | undefined;
    for (const r of table.resolved) {
      if (r.from >= i) break;
      if (kinds.includes(table.entities.get(r.entity)?.kind ?? "") && tokens[i].sentence - tokens[r.from].sentence <= 2) found = r.entity;
    }
    return found;
  };

  const roles: RoleFact[] = [];
  const add = (holder: string | undefined, title: string, organisation: string | undefined, at: number, confidence: number) => {
    title = title.replace(/\s+/g, " ").trim();
    if (!holder || !title || table.entities.get(holder)?.kind !== "person") return;
    roles.push({ holder, title, ...(organisation ? { organisation } : {}), evidence: evidence(at), confidence });
  };

  for (let si = 0; si < segments.length; si++) {
    const person = segments[si];
    if (kindOf(person) !== "person") continue;
    const holder = entityOf.get(person);
    // "Supreme Leader Ayatollah X": an honorific between title and name
    const honorificSkip = segments[si - 1]?.kind === "honorific" && segments[si - 1].chunk === person.chunk ? 1 : 0;
    const prevSeg = segments[si - 1 - honorificSkip];

    // 1. Title in the same run of capitalised words: "[Owner] Title Name".
    if (prevSeg && prevSeg.kind === "title" && prevSeg.chunk === person.chunk) {
      let { title, owner } = splitOfOwner(prevSeg);
      const ownerSeg = segments[si - 2 - honorificSkip];
      if (!owner && ownerSeg && ownerSeg.chunk === person.chunk) owner = OWNER_KINDS.has(kindOf(ownerSeg) ?? "") ? entityOf.get(ownerSeg) : undefined;
      if (!owner && (!ownerSeg || ownerSeg.chunk !== person.chunk)) owner = ownerEndingAt(prevSeg.from);
      // "State Councilor and Foreign Minister X": both posts are X's, with one owner
      const firstTitle = segEndingAt.get(prevSeg.from - 1);
      if (tokens[prevSeg.from - 1]?.text === "and" && firstTitle?.kind === "title") {
        const firstOwnerSeg = (segsOfChunk.get(firstTitle.chunk) ?? []).find((s) => s !== firstTitle && OWNER_KINDS.has(kindOf(s) ?? ""));
        const firstOwner = firstOwnerSeg ? entityOf.get(firstOwnerSeg) : undefined;
        add(holder, text(firstTitle.from, firstTitle.to), firstOwner, person.from, 0.8);
        owner ??= firstOwner;
      }
      // "US Secretary of State X and Secretary of Defense Y": the owner carries over
      const last = roles[roles.length - 1];
      if (!owner && tokens[prevSeg.from - 1]?.text === "and" && last?.evidence.start === evidence(prevSeg.from).start) owner = last.organisation;
      // "President Emmanuel Macron of France"
      if (!owner && tokens[person.to]?.text === "of") {
        const after = segStartingAt.get(tokens[person.to + 1]?.text === "the" ? person.to + 2 : person.to + 1);
        if (after && OWNER_KINDS.has(kindOf(after) ?? "")) owner = entityOf.get(after);
      }
      // "the junta spokesman Colonel X", "the coup leader, General X": the post is the lower-case one, the rank is no post
      if (!owner && MILITARY_RANKS.has(title)) {
        const before = tokens[prevSeg.from - 1]?.text === "," ? prevSeg.from - 2 : prevSeg.from - 1;
        const post = tokens[before];
        if (post && post.isWord && !post.cap && lex.titleHeads.has(post.text) && post.block === tokens[person.from].block) {
          let m = before;
          while (m > 0 && before - m < 3 && isModifier(tokens[m - 1])) m--;
          add(holder, text(m, before + 1), ownerEndingAt(m) ?? possessiveOwnerBefore(m), person.from, 0.7);
          continue;
        }
      }
      const former = precedingModifier(tokens, ownerSeg && ownerSeg.chunk === person.chunk ? ownerSeg.from : prevSeg.from);
      add(holder, (former ? former + " " : "") + title, owner, person.from, 0.9);
      continue;
    }
    // "Sen. X", "Gen. X": an abbreviated rank or office before the name is a post
    const rank = honorificSkip ? RANK_ABBREVIATIONS[tokens[person.from - 1].text] : undefined;
    if (rank) add(holder, rank, undefined, person.from, 0.6);
    // 2. A lower-case post right before the name: "[Owner('s)] external security commissioner Name".
    // the words before the name, before any honorific ("Sheikh X", "Mr X")
    const start = lex.honorifics.has(tokens[person.from - 1]?.text ?? "") ? person.from - 1 : person.from;
    const head = tokens[start - 1];
    // "the deputy defence minister, X"
    const headAt = head?.text === "," && tokens[start - 2]?.isWord && !tokens[start - 2].cap && lex.titleHeads.has(tokens[start - 2].text) ? start - 2 : start - 1;
    const headTok = tokens[headAt];
    if (headTok && headTok.isWord && !headTok.cap && lex.titleHeads.has(headTok.text) && headTok.block === tokens[person.from].block) {
      let m = headAt;
      while (m > 0 && headAt - m < 3 && isModifier(tokens[m - 1])) m--;
      add(holder, text(m, headAt + 1), ownerEndingAt(m) ?? possessiveOwnerBefore(m) ?? bareBodyBefore(m), person.from, 0.8);
    }
    // "the president of the Republic of X, Name"
    if (head?.text === ",") {
      const ownerSeg = segEndingAt.get(start - 1);
      if (ownerSeg && OWNER_KINDS.has(kindOf(ownerSeg) ?? "")) {
        let k = ownerSeg.from - 1;
        if (tokens[k]?.text === "the") k--;
        const titleTok = tokens[k - 1];
        const connector = tokens[k]?.text;
        if ((connector === "of" || connector === "for" || connector === "to") && titleTok && !titleTok.cap && lex.titleHeads.has(titleTok.text)) {
          let m = k - 1;
          while (m > 0 && k - 1 - m < 3 && isModifier(tokens[m - 1])) m--;
          // "Russia's ambassador to the U.S., Name": the destination is part of the post
          if (connector === "to") add(holder, text(m, ownerSeg.to), possessiveOwnerBefore(m), person.from, 0.7);
          else add(holder, text(m, k), entityOf.get(ownerSeg), person.from, 0.7);
        }
      }
    }
    // 3. Apposition: "Name, [who is also] [the] title [of|at|for] [the] Organisation".
    // "X, special envoy for Y and a former ambassador to Z": each post of the apposition
    let app = apposition(tokens, person.to);
    for (let n = 0; app && n < 3; n++) {
      // the first named body after "of/at/for" in the clause owns the post
      let owner: string | undefined;
      let k = app.ownerFrom;
      for (; k >= 0 && k < app.ownerFrom + 12 && tokens[k] && (tokens[k].isWord || tokens[k].text === "-" || PLACE_SUFFIXES.has(tokens[k].text)) && !(CLAUSE_BREAKS.has(tokens[k].text) && !tokens[k + 1]?.cap); k++) {
        const s = segStartingAt.get(k);
        if (s && OWNER_KINDS.has(kindOf(s) ?? "")) {
          // "a fellow at the X Council's Y Center": the inner body owns the post
          const inner = isPossessive(tokens[s.to]) ? segStartingAt.get(s.to + 1) : undefined;
          owner = entityOf.get(inner && kindOf(inner) === "organisation" ? inner : s);
          break;
        }
      }
      if (!owner && app.possessiveOwnerEnd >= 0) owner = ownerEndingAt(app.possessiveOwnerEnd);
      add(holder, text(app.titleFrom, app.titleTo), owner, person.from, 0.8);
      let next = app.titleTo;
      while (tokens[next] && next < app.titleTo + 12 && !(tokens[next].text === "and" && /^(a|an|the|former)$/.test(tokens[next + 1]?.text ?? ""))) {
        if (!tokens[next].isWord && tokens[next].text !== "-" && tokens[next].text !== "'s" && tokens[next].text !== "’s") { next = -1; break; }
        next++;
      }
      app = next > 0 && tokens[next]?.text === "and" ? apposition(tokens, next, true) : undefined;
    }
    // 4. "his Russian counterpart Name": the post of the person "his" refers to.
    if (head?.text === "counterpart" || (head?.text === "," && tokens[start - 2]?.text === "counterpart")) {
      const c = head.text === "counterpart" ? start - 1 : start - 2;
      const owner = ownerEndingAt(c);
      // the person "his"/"her" stands for: the one named last before, in this sentence
      const sentence = tokens[person.from].sentence;
      const antecedent = [...table.resolved].reverse().find((r) => r.from < c && tokens[r.from].sentence === sentence && r.entity !== holder && table.entities.get(r.entity)?.kind === "person");
      const other = antecedent && [...roles].reverse().find((r) => r.holder === antecedent.entity && (!r.organisation || r.organisation !== owner));
      if (other) add(holder, other.title.replace(/^former /, ""), owner, person.from, 0.6);
    }
  }

  /** "China's foreign ministry spokeswoman X": a possessive state or body a few words back. */
  function possessiveOwnerBefore(i: number): string | undefined {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (isPossessive(tokens[k])) return ownerEndingAt(k + 1);
      if (!tokens[k].isWord || tokens[k].cap) return undefined;
    }
    return undefined;
  }

  /** "foreign ministry spokesman X": a body word with no state before the post is the body of that kind named last. */
  function bareBodyBefore(m: number): string | undefined {
    const body = tokens[m - 1];
    if (!body || !BODY_WORDS.has(body.text.toLowerCase()) || body.block !== tokens[m].block) return undefined;
    const portfolio = tokens[m - 2]?.isWord && !FUNCTION_WORDS.has(tokens[m - 2].text.toLowerCase()) && tokens[m - 2].block === body.block ? tokens[m - 2].text.toLowerCase() : "";
    // a state or demonym before the body word names another owner
    if (portfolio && (lex.demonyms.has(tokens[m - 2].text) || segEndingAt.get(m - 1)?.iso3)) return undefined;
    const want = portfolio ? `${portfolio} ${body.text.toLowerCase()}` : body.text.toLowerCase();
    let found: string | undefined;
    for (const r of table.resolved) {
      if (r.from >= m - 2) break;
      const e = table.entities.get(r.entity);
      if (e?.kind === "organisation" && e.name.toLowerCase().endsWith(want) && e.name.length > want.length) found = e.key;
    }
    return found;
  }

  function splitOfOwner(titleSeg: Segment): { title: string; owner?: string } {
    // "President of the European Commission": the body after "of" owns the post
    for (let i = titleSeg.from + 1; i < titleSeg.to; i++) {
      if (tokens[i].text !== "of" && tokens[i].text !== "for") continue;
      const start = tokens[i + 1]?.text === "the" ? i + 2 : i + 1;
      const owner = (segsFrom.get(start) ?? []).find((s) => s.kind !== "title" && OWNER_KINDS.has(kindOf(s) ?? ""));
      if (owner) return { title: text(titleSeg.from, i), owner: entityOf.get(owner) };
    }
    return { title: text(titleSeg.from, titleSeg.to) };
  }
  return dedupe(roles);
}

/** "former", "acting"... written in lower case before a capitalised title. */
function precedingModifier(tokens: Token[], i: number): string | undefined {
  const t = tokens[i - 1];
  return t && ["former", "acting", "interim", "outgoing", "incoming", "late", "then"].includes(t.text.toLowerCase()) ? t.text.toLowerCase() : undefined;
}

/** A lower-case word that may stand inside a post's name ("senior", "external security"). */
function isModifier(t: Token | undefined): boolean {
  if (!t || !t.isWord || t.cap || FUNCTION_WORDS.has(t.text)) return false;
  return lexicons().titleModifiers.has(t.text) || lexicons().titleHeads.has(t.text);
}

interface Apposition {
  titleFrom: number;
  titleTo: number;
  /** First token of the owning organisation after "of/at/for", or -1. */
  ownerFrom: number;
  /** Token index just after a possessive owner inside the phrase ("Russia's"), or -1. */
  possessiveOwnerEnd: number;
}

/** ", [who is (also)] [the|a|an] [Owner's] title-words head [of|at|for|with] [the] Owner" after a name. */
function apposition(tokens: Token[], i: number, chained = false): Apposition | undefined {
  const lex = lexicons();
  // ", director of ..." or, in an author's note, "is RFE/RL's correspondent in ..."
  if (tokens[i]?.text !== "," && tokens[i]?.text !== "is" && !(chained && tokens[i]?.text === "and")) return undefined;
  let j = i + 1;
  const skip = (...ws: string[]) => { while (tokens[j] && ws.includes(tokens[j].text.toLowerCase())) j++; };
  skip("who", "is", "was", "also", "now", "currently", "then");
  skip("the", "a", "an");
  // "the Republican chairman of ...": a party or bloc word is not part of the post
  while (tokens[j] && lex.groupWords.has(tokens[j].text)) j++;
  let possessiveOwnerEnd = -1;
  // "Russia's deputy foreign minister"
  for (let k = j; k < j + 4 && tokens[k]; k++) if (/^['’]s$/.test(tokens[k].text)) { possessiveOwnerEnd = k + 1; j = k + 1; break; }
  const titleFrom = j;
  while (tokens[j] && j - titleFrom < 5 && tokens[j].isWord) {
    const w = tokens[j].text.toLowerCase();
    if (lex.demonyms.has(tokens[j].text) && j === titleFrom) { j++; continue; }
    if (lex.titleHeads.has(w)) {
      // extend over further title words ("deputy prime minister", "director general")
      let end = j + 1;
      for (let k = j + 1; tokens[k] && (lex.titleHeads.has(tokens[k].text.toLowerCase()) || lex.titleModifiers.has(tokens[k].text.toLowerCase())); k++) {
        if (lex.titleHeads.has(tokens[k].text.toLowerCase())) end = k + 1;
      }
      const from = lex.demonyms.has(tokens[titleFrom].text) ? titleFrom + 1 : titleFrom;
      // "ambassador to the U.S.": the destination is part of the post, not its owner
      if (tokens[end]?.text === "to" && tokens[end + 1]) {
        let t = tokens[end + 1].text === "the" ? end + 2 : end + 1;
        while (tokens[t]?.cap) t++;
        const destFrom = tokens[end + 1].text === "the" ? end + 2 : end + 1;
        const dest = t > destFrom ? lexiconMatch(lex, tokens, destFrom, t) : undefined;
        // "ambassador to the U.S.": a state is the destination; "adviser to the Arab League": a body owns the post
        if (dest && (dest.kind === "country" || dest.capitalOf)) return { titleFrom: from, titleTo: t, ownerFrom: -1, possessiveOwnerEnd: possessiveOwnerEnd >= 0 ? possessiveOwnerEnd - 1 : -1 };
      }
      return { titleFrom: from, titleTo: end, ownerFrom: ownerAfter(tokens, end), possessiveOwnerEnd: possessiveOwnerEnd >= 0 ? possessiveOwnerEnd - 1 : -1 };
    }
    // capitalised words may name a beat or portfolio ("Central Asia correspondent")
    if (!(isModifier(tokens[j]) || lex.titleModifiers.has(w) || tokens[j].cap)) return undefined;
    j++;
  }
  return undefined;
}

/**
 * The first token of the body a post belongs to, after "of/at/for/with/to [the]": the nearest one
 * within the clause, so "director of the X programme at the Y Council" can reach Y.
 */
function ownerAfter(tokens: Token[], end: number): number {
  const candidates: number[] = [];
  for (let k = end; k < Math.min(tokens.length, end + 14); k++) {
    const t = tokens[k];
    if (!t.isWord && t.text !== "-" && t.text !== "'s" && t.text !== "’s") break;
    if (["of", "at", "for", "with", "to"].includes(t.text)) candidates.push(tokens[k + 1]?.text === "the" ? k + 2 : k + 1);
  }
  return candidates.length ? candidates[0] : -1;
}

/** One role per (holder, title, organisation); a title without organisation yields to one with. */
function dedupe(roles: RoleFact[]): RoleFact[] {
  const norm = (t: string) => t.toLowerCase();
  const byKey = new Map<string, RoleFact>();
  for (const r of roles) {
    const k = `${r.holder}|${norm(r.title)}|${r.organisation ?? ""}`;
    const had = byKey.get(k);
    if (!had || had.confidence < r.confidence) byKey.set(k, r);
  }
  const out = [...byKey.values()];
  return out.filter((r) => r.organisation || !out.some((o) => o !== r && o.holder === r.holder && o.organisation && norm(o.title) === norm(r.title)));
}
