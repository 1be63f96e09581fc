// Mentions of the article's entities, with the references that carry no name resolved:
// title-only noun phrases ("the Russian foreign minister") and personal pronouns ("he said").
import type { Document, Mention, RoleFact } from "../model.ts";
import type { EntityTable } from "./entities.ts";
import type { Context } from "./kinds.ts";
import { lexicons } from "./lexicon.ts";
import { tokenAtOrAfter } from "./sanction-patterns.ts";
import type { Token } from "./tokens.ts";
import { FUNCTION_WORDS, PERSON_NOUNS, PRONOUN_GENDERS } from "./words.ts";

export function resolveReferences(doc: Document, ctx: Context, table: EntityTable, roles: RoleFact[]): Mention[] {
  const { tokens } = ctx;
  const mentions: Mention[] = table.resolved.map((r) => ({
    span: { start: tokens[r.from].start, end: tokens[r.segment.to - 1].end },
    surface: doc.text.slice(tokens[r.from].start, tokens[r.segment.to - 1].end),
    entity: r.entity,
    sentence: tokens[r.from].sentence,
    via: r.via,
  }));
  const named = new Set(mentions.map((m) => m.span.start));
  const gender = new Map(table.gender);
  const isPerson = (key: string) => table.entities.get(key)?.kind === "person";

  // Walk the text once: person mentions seen so far are the antecedents of what follows.
  const seen = new Seen();
  const lastBody = new Map<string, string>();
  const index = roleIndex(roles, table);
  const byStart = new Map<number, Mention>();
  for (const m of mentions) byStart.set(m.span.start, m);
  const extra: Mention[] = [];
  let coveredUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const m = byStart.get(t.start);
    if (m) {
      if (isPerson(m.entity)) seen.push(m);
      else noteBody(table, m, lastBody);
      coveredUntil = Math.max(coveredUntil, m.span.end);
      continue;
    }
    // words inside a name ("Liu He") are not pronouns
    if (named.has(t.start) || t.start < coveredUntil) continue;
    const lowerWord = t.lower;
    const g = t.isWord ? PRONOUN_GENDERS.get(lowerWord) : undefined;
    if (g) {
      const target = pronounAntecedent(seen, gender, g, t, lowerWord);
      if (target) {
        const pm: Mention = { span: { start: t.start, end: t.end }, surface: t.text, entity: target, sentence: t.sentence, via: "pronoun" };
        extra.push(pm);
        if (!gender.has(target)) gender.set(target, g);
        if (lowerWord === "he" || lowerWord === "she") seen.push(pm);
      }
      continue;
    }
    if (lowerWord === "the") {
      // "the ministry said": the body of that kind named last
      const body = bodyNounAntecedent(lastBody, tokens, i);
      if (body) {
        extra.push({ span: { start: t.start, end: tokens[i + 1].end }, surface: doc.text.slice(t.start, tokens[i + 1].end), entity: body, sentence: t.sentence, via: "title" });
        i += 1;
        continue;
      }
      const np = titleNounPhrase(tokens, i) ?? ageEpithet(tokens, i);
      if (!np) continue;
      const target = np.age !== undefined ? agedAntecedent(seen, tokens, t, np.age)
        : titleAntecedent(index, seen, np) ?? epithetAntecedent(index, seen, t, np) ?? describedAntecedent(seen, t, np.head, tokens);
      if (target) {
        const tm: Mention = { span: { start: t.start, end: tokens[np.end - 1].end }, surface: doc.text.slice(t.start, tokens[np.end - 1].end), entity: target, sentence: t.sentence, via: "title" };
        extra.push(tm);
        seen.push(tm);
        i = np.end - 1;
      }
    }
  }
  return [...mentions, ...extra].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Lower-case nouns for bodies, and the words that must be in the name of the body they point to. */
const BODY_NOUNS: Record<string, RegExp> = {
  ministry: /ministry/i, department: /department/i, agency: /agency/i, council: /council/i, commission: /commission/i,
  committee: /committee/i, bureau: /bureau/i, bank: /bank/i, company: /./, firm: /./, group: /./, party: /party/i,
  bloc: /union|bloc|association|organi[sz]ation|council/i, alliance: /alliance|treaty organi[sz]ation|nato/i, union: /union/i,
  university: /university/i, institute: /institute/i, embassy: /embassy/i,
};

/** Notes an organisation mention as the latest one of each body noun it fits. */
function noteBody(table: EntityTable, m: Mention, lastBody: Map<string, string>): void {
  const e = table.entities.get(m.entity);
  if (e?.kind !== "organisation") return;
  for (const [noun, fits] of Object.entries(BODY_NOUNS)) if (fits.test(e.name) || e.names.some((n) => fits.test(n))) lastBody.set(noun, e.key);
}

/** "the ministry", "the bloc": the last named organisation that fits the noun, not followed by a name. */
function bodyNounAntecedent(lastBody: Map<string, string>, tokens: Token[], i: number): string | undefined {
  const noun = tokens[i + 1];
  if (!noun || noun.cap || !Object.hasOwn(BODY_NOUNS, noun.text) || tokens[i + 2]?.cap) return undefined;
  return lastBody.get(noun.text);
}

/**
 * Person mentions seen so far, in text order, with the latest position of each entity. Pronouns
 * look only at the last few (a window of sentences, and of mentions, so long lists stay linear).
 */
class Seen {
  readonly list: Mention[] = [];
  push(m: Mention): void {
    this.list.push(m);
  }
  /** The last mentions, oldest first (at most `n`). */
  recent(n: number): Mention[] {
    return this.list.slice(Math.max(0, this.list.length - n));
  }
}

/** The most recent person mention of a compatible gender within the last few sentences. */
function pronounAntecedent(seen: Seen, gender: Map<string, "m" | "f">, g: "m" | "f", t: Token, word: string): string | undefined {
  const candidates = seen.recent(64).filter((m) => t.sentence - m.sentence <= 3 && (gender.get(m.entity) ?? g) === g);
  if (!candidates.length) return undefined;
  // Subjects first: within the sentence, "he"/"him" point to its first person and "his"/"her" to
  // the nearest; from an earlier sentence, a pronoun continues that sentence's subject.
  const current = candidates.filter((m) => m.sentence === t.sentence);
  if (current.length) return (word === "his" || word === "her" || word === "hers" ? current[current.length - 1] : current[0]).entity;
  const lastSentence = candidates[candidates.length - 1].sentence;
  return candidates.find((m) => m.sentence === lastSentence)!.entity;
}

interface TitleNP {
  end: number;
  head: string;
  /** ISO alpha-3 of the demonym in the phrase ("the Russian foreign minister"). */
  owner?: string;
  /** The lower-case words before the head ("foreign" in "the foreign minister"). */
  modifiers: string[];
  /** "the 62-year-old": the age the phrase gives. */
  age?: number;
}

/** "the 62-year-old" (followed by no name): a person described by age alone. */
function ageEpithet(tokens: Token[], i: number): TitleNP | undefined {
  const t = tokens[i + 1];
  const parts = t?.text.toLowerCase().split("-");
  if (!parts || parts.length !== 3 || parts[1] !== "year" || parts[2] !== "old" || !/^\d{1,3}$/.test(parts[0])) return undefined;
  const next = tokens[i + 2];
  if (next && next.cap && next.isWord && next.block === t.block) return undefined; // "the 62-year-old Jane Roe": a name follows
  return { end: i + 2, head: "year-old", modifiers: [], age: Number(parts[0]) };
}

/**
 * "the 62-year-old said": the person the text gave that age ("Jane Roe, 62,", "the 62-year-old Jane
 * Roe"), else the one person named in the last few sentences; nobody when several were.
 */
function agedAntecedent(seen: Seen, tokens: Token[], t: Token, age: number): string | undefined {
  const recent = seen.recent(256);
  const at = (pos: number) => tokenAtOrAfter(tokens, pos);
  for (let k = recent.length - 1; k >= 0; k--) {
    const m = recent[k];
    const after = at(m.span.end);
    const before = at(m.span.start) - 1;
    if ((tokens[after]?.text === "," && tokens[after + 1]?.text === String(age)) || tokens[before]?.text.toLowerCase() === `${age}-year-old`) return m.entity;
  }
  const near = new Set(recent.filter((m) => t.sentence - m.sentence <= 4).map((m) => m.entity));
  return near.size === 1 ? [...near][0] : undefined;
}

/**
 * Nouns that describe a person by the kind of post held, and the words of a post that fit each: "the
 * diplomat said" is the foreign minister, ambassador or foreign ministry spokesperson named last, never a
 * senator named after him; "the veteran lawmaker" a senator or an MP.
 */
const LEGISLATOR_POSTS = { words: ["senator", "congressman", "congresswoman", "representative", "mp", "legislator", "lawmaker", "parliamentarian"] };
const EPITHET_POSTS: Record<string, { words: string[]; bodyWords?: string[] }> = {
  diplomat: { words: ["foreign", "ambassador", "envoy", "diplomat", "consul", "chargé"], bodyWords: ["foreign", "external", "state department"] },
  lawmaker: LEGISLATOR_POSTS,
  legislator: LEGISLATOR_POSTS,
};
const SPOKES = new Set(["spokesman", "spokeswoman", "spokesperson"]);

/** The person named last (within the last dozen sentences) whose post is of the kind the epithet describes. */
function epithetAntecedent(index: RoleIndex, seen: Seen, t: Token, np: TitleNP): string | undefined {
  // (own keys only: "constructor" is on every object's prototype)
  const kind = Object.hasOwn(EPITHET_POSTS, np.head) ? EPITHET_POSTS[np.head] : undefined;
  if (!kind || np.owner) return undefined;
  const fits = index.holders(`epithet|${np.head}`, () => index.all.filter((r) => {
    const words = r.title.toLowerCase().split(" ");
    if (words.some((w) => kind.words.includes(w)) || (words.includes("secretary") && words.includes("state") && np.head === "diplomat")) return true;
    // a spokesperson of a foreign ministry ("the ministry's spokeswoman") speaks as a diplomat
    const body = r.organisation ? index.nameOf(r.organisation).toLowerCase() : "";
    return !!kind.bodyWords && words.some((w) => SPOKES.has(w)) && kind.bodyWords.some((w) => body.includes(w));
  }));
  for (let k = seen.list.length - 1; k >= 0 && k >= seen.list.length - 256; k--) {
    const m = seen.list[k];
    if (t.sentence - m.sentence > 12) break;
    if (fits.has(m.entity)) return m.entity;
  }
  return undefined;
}

/** "the [Demonym] [modifiers] head", not followed by a name (then it is a title of that name). */
function titleNounPhrase(tokens: Token[], i: number): TitleNP | undefined {
  const lex = lexicons();
  let owner: string | undefined;
  const modifiers: string[] = [];
  for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
    const t = tokens[j];
    if (!t.isWord) return undefined;
    const d = lex.demonyms.get(t.text);
    // "the Iranian diplomat", "the top Iranian diplomat": a demonym first or after lower-case modifiers only
    if (d && owner === undefined && modifiers.length === j - i - 1) { owner = d.iso3; continue; }
    const w = t.text.toLowerCase();
    if (lex.titleHeads.has(w) || PERSON_NOUNS.has(w)) {
      const next = tokens[j + 1];
      if (next && next.cap && next.isWord && next.block === t.block) return undefined;
      if (lex.titleHeads.has(next?.text.toLowerCase() ?? "")) {
        modifiers.push(w);
        continue;
      }
      return { end: j + 1, head: w, owner, modifiers };
    }
    // modifiers: post words, a participle or adjective ("jailed"), one capitalised word ("Kremlin")
    const adjective = !t.cap && /^\p{Ll}+$/u.test(t.text) && !FUNCTION_WORDS.has(w) && j - i <= 2;
    if (!(lex.titleModifiers.has(w) || adjective || (t.cap && !lex.demonyms.has(t.text) && !t.sentenceStart))) return undefined;
    if (!t.cap) modifiers.push(w);
  }
  return undefined;
}

/**
 * "the jailed Kremlin critic": a descriptive noun points back to a person named just before, or to
 * the person the text described with that noun before ("oil tycoon Jane Roe", "Jane Roe, a
 * billionaire,"), named in the last dozen sentences.
 */
function describedAntecedent(seen: Seen, t: Token, head: string, tokens: Token[]): string | undefined {
  if (!PERSON_NOUNS.has(head)) return undefined;
  const last = seen.list[seen.list.length - 1];
  if (last && t.sentence - last.sentence <= 1) return last.entity;
  const at = (pos: number) => tokenAtOrAfter(tokens, pos);
  for (let k = seen.list.length - 1; k >= 0 && k >= seen.list.length - 64; k--) {
    const m = seen.list[k];
    if (t.sentence - m.sentence > 12) break;
    if (m.via === "pronoun") continue;
    const from = at(m.span.start), to = at(m.span.end);
    for (let j = Math.max(0, from - 4); j < Math.min(tokens.length, to + 5); j++) {
      if (tokens[j].sentence !== m.sentence || (j >= from && j < to)) continue;
      if (tokens[j].text.toLowerCase() === head) return m.entity;
    }
  }
  return undefined;
}

interface RoleIndex {
  /** Roles by each word of their title. */
  byWord: Map<string, RoleFact[]>;
  /** Roles by owning organisation. */
  byOwner: Map<string, RoleFact[]>;
  /** A state's entity key by ISO alpha-3. */
  stateOf: Map<string, string>;
  /** The distinct holders of a group of roles, computed once per group key. */
  holders: (key: string, roles: () => RoleFact[]) => Set<string>;
  all: RoleFact[];
  /** The name of an entity by key ("" when unknown). */
  nameOf: (key: string) => string;
}

function roleIndex(roles: RoleFact[], table: EntityTable): RoleIndex {
  const byWord = new Map<string, RoleFact[]>(), byOwner = new Map<string, RoleFact[]>(), stateOf = new Map<string, string>();
  for (const r of roles) {
    // "the spokesman" is the holder of a post titled spokesperson or spokeswoman too
    const words = r.title.toLowerCase().split(/\s+/).flatMap((w) => (SPOKES.has(w) ? [...SPOKES] : [w]));
    for (const w of new Set(words)) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(r);
    if (r.organisation) (byOwner.get(r.organisation) ?? byOwner.set(r.organisation, []).get(r.organisation)!).push(r);
  }
  for (const e of table.entities.values()) if (e.iso3 && !stateOf.has(e.iso3)) stateOf.set(e.iso3, e.key);
  const memo = new Map<string, Set<string>>();
  const holders = (key: string, of: () => RoleFact[]) => memo.get(key) ?? memo.set(key, new Set(of().map((r) => r.holder))).get(key)!;
  return { byWord, byOwner, stateOf, holders, all: roles, nameOf: (key) => table.entities.get(key)?.name ?? "" };
}

/**
 * The person whose post matches the phrase: same head word (and state), else same state. Of the
 * holders of posts with that head, those whose post also has the phrase's other words ("the foreign
 * minister": a foreign minister, not the trade minister named last), when there are any.
 */
function titleAntecedent(index: RoleIndex, seen: Seen, { head, owner, modifiers }: TitleNP): string | undefined {
  const ownerKey = owner ? index.stateOf.get(owner) : undefined;
  const scope = `${head}|${owner ? ownerKey ?? "-" : "*"}`;
  const headRoles = () => (index.byWord.get(head) ?? []).filter((r) => !owner || r.organisation === ownerKey);
  if (modifiers.length) {
    const fitting = index.holders(`${scope}|${modifiers.join(" ")}`, () => headRoles().filter((r) => {
      const words = r.title.toLowerCase().split(" ");
      return modifiers.every((w) => words.includes(w));
    }));
    if (fitting.size) return lastSeen(seen, fitting);
  }
  const withHead = index.holders(scope, headRoles);
  if (withHead.size) return lastSeen(seen, withHead);
  if (ownerKey && ["diplomat", "official", "leader", "politician"].includes(head)) {
    const ofState = index.holders(`*|${ownerKey}`, () => index.byOwner.get(ownerKey) ?? []);
    if (ofState.size) return lastSeen(seen, ofState);
  }
  return undefined;
}

/** Of several holders, the one seen last (looking back over the recent mentions), else the first. */
function lastSeen(seen: Seen, holders: Set<string>): string {
  for (let k = seen.list.length - 1; k >= 0 && k >= seen.list.length - 256; k--) if (holders.has(seen.list[k].entity)) return seen.list[k].entity;
  return holders.values().next().value!;
}
