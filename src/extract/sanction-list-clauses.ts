// "X added Y to its sanctions list" / "Y was added to the entity list by X": additions to a list of
// targets, as token patterns ending at the list's name (sanction-triggers.ts finds the lists).
import type { Span } from "../model.ts";
import { pattern, type Element, type Match } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { type ActorIndex, spanIndexAt } from "./quote-actors.ts";
import { type Clause, agentAt, hypothetical, mentionFrom, notAnAction, phraseAt, subjectPhrase } from "./sanction-context.ts";
import { imposerBefore, possessor } from "./sanction-imposers.ts";
import { TARGET_LIST, allDigits, endOf, lowerWords, matchAfter, tokenAtOrAfter } from "./sanction-patterns.ts";
import { reasonAfter } from "./sanction-reasons.ts";

const QUOTES = ["\"", "“", "”", "'", "‘", "’"];
/** "to its", "on the Commerce Department's", "in its “unreliable entity”": the preposition and at most three words before the list's name. */
const TO_THE_LIST: Element[] = [
  { lower: ["to", "on", "in"] },
  { lower: ["the", "its", "their", "a", "an"], op: "?" },
  { seq: [{ text: QUOTES, op: "?" }, { not: { text: [...QUOTES, ";", "."] } }, { text: ["'s", "’s"], op: "?" }, { text: QUOTES, op: "?" }], op: [0, 3] },
];

const ADD_VERBS = new Set(["added", "adds", "adding", "add", "put", "puts", "putting", "placed", "places", "placing", "included", "includes", "including"]);
/** "X added Y to its …": the verb, the targets (noun phrases), then the list. */
const ADDED_TO = pattern([
  { in: ADD_VERBS, as: "verb" },
  { ...TARGET_LIST, as: "target" },
  ...TO_THE_LIST,
]);

/** The same when the targets are no noun phrases the tagger reads ("added A (also known as B), C to the list"). */
const ADDED_WORDS_TO = pattern([
  { in: ADD_VERBS, as: "verb" },
  { as: "target", seq: [{ not: { text: ";" }, op: [1, 96] }] },
  ...TO_THE_LIST,
]);

/** Verbs that approve an addition told as a noun ("approved the addition of …"). */
const APPROVE_VERBS = new Set(["approved", "approves", "agreed", "announced", "announces", "confirmed", "confirms", "authorised", "authorized", "decided"]);
const ADDITION_NOUNS = new Set(["addition", "additions", "inclusion", "listing"]);
/**
 * A sanctions committee's notice: "the Committee approved (on 4 May) the addition of the entries specified
 * below to its Sanctions List" (invented: "The Harbour Committee approved the addition of the entry below
 * to its sanctions list"). The addition is told as a noun; what it adds is the target.
 */
const APPROVED_ADDITION = pattern([
  { in: APPROVE_VERBS, as: "verb" },
  { lower: "to", op: "?" },
  { lower: ["the", "an"] },
  { in: ADDITION_NOUNS },
  { lower: "of" },
  { as: "target", seq: [{ not: { text: [";", "."] }, op: [1, 40] }] },
  ...TO_THE_LIST,
]);

/** "Y was (also) added to the …": the subject before it is the target. */
const WAS_ADDED_TO = pattern([
  { any: [{ lower: ["was", "were"] }, [{ lower: ["has", "have", "had"] }, { lower: "been" }]] },
  { lower: "also", op: "?" },
  { lower: ["added", "put", "placed"] },
  ...TO_THE_LIST,
]);

/** "(the Entity List) by X": the agent after the list. */
const BY_AFTER = pattern([{ seq: [{ text: "(" }, { not: { text: ")" }, op: [0, 24] }, { text: ")" }], op: "?" }, { lower: "by" }]);

/** "would have (added)": what did not happen. */
const WOULD_HAVE = pattern([{ lower: ["would", "could", "might"] }, { lower: "have" }]);

const PRONOUNS = new Set(["them", "it", "him", "her"]);

/** The leftmost "added … to its" that ends right before the list (token `list`), from the verbs written there. */
function addedBefore(tokens: readonly Token[], list: number, floor: number): Match | undefined {
  // the three verbs nearest the list are tried (each try is bounded: the pass stays linear on endless lists)
  const verbs: number[] = [];
  for (let v = list - 1; v >= floor && verbs.length < 3; v--) {
    if (ADD_VERBS.has(tokens[v].lower)) verbs.unshift(v);
    // "approved (to) the addition of": the approving verb starts the match
    else if (ADDITION_NOUNS.has(tokens[v].lower) && v - 2 >= floor) for (const u of [v - 2, v - 3]) if (u >= floor && APPROVE_VERBS.has(tokens[u].lower)) verbs.unshift(u);
  }
  for (const p of [ADDED_TO, ADDED_WORDS_TO, APPROVED_ADDITION]) {
    for (const v of verbs) {
      const m = p.matchAt(tokens, v, { endAt: list, within: "anywhere" });
      if (m) return m;
    }
  }
  return undefined;
}

/**
 * "… to its Sanctions List of individuals subject to the travel ban imposed by the Council" (invented:
 * "… to its list of persons subject to the asset freeze imposed by the Harbour Council"): the body
 * that imposed the measures the list carries imposes them on the new entries too.
 */
const LIST_IMPOSED_BY = pattern([
  { lower: "of", op: "?" },
  { not: { text: [",", ";", ".", ":"] }, op: [0, 16] },
  { lower: ["imposed", "established", "decided"] },
  { lower: "by" },
]);

/** "the entries specified below", "the following individuals", "the names listed below": entries told after the sentence. */
const TOLD_BELOW = new Set(["below", "following"]);
/** Bullets and list markers that may open an entry line. */
const ENTRY_MARKS = new Set(["-", "•", "*", "–", "—", "·", ")", "."]);
/** How many blocks after the notice are read as its entries (each looked at once: the pass stays linear). */
const MAX_ENTRY_BLOCKS = 400;
/** An unmarked entry line is short: a name and a few words of description at most. */
const ENTRY_WORDS = 12;

/** The token after a list code opening an entry line ("KPi.012", "QDe.150": letters, a dot, digits, written together). */
function afterEntryCode(tokens: readonly Token[], i: number, end: number): number {
  const [a, dot, n] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!a || !dot || !n || n.end > end || dot.text !== "." || a.end !== dot.start || dot.end !== n.start || !allDigits(n.text)) return i;
  return i + 3;
}

/** A field line of an entry ("Nationality: X", "Date of birth: …"): at most four capitalised words, then a colon. */
function fieldLine(tokens: readonly Token[], i: number, end: number): boolean {
  for (let k = i; k < i + 5 && k < tokens.length && tokens[k].start < end; k++) {
    if (tokens[k].text === ":") return k > i;
    if (!tokens[k].isWord || (k === i && !tokens[k].cap)) return false;
  }
  return false;
}

/**
 * The persons and bodies that open the entry lines after a notice ("approved the addition of the entries
 * specified below"): each line starts with its name, after a bullet, a list code or "Name:"; field lines
 * ("Nationality: …") and short headings ("A. Individuals") go on; the first other line ends the entries.
 */
export function entriesBelow(ix: ActorIndex, target: Span): string[] {
  const tokens = ix.a.tokens;
  if (!lowerWords(tokens, target.start, target.end).some((w) => TOLD_BELOW.has(w))) return [];
  const blocks = ix.a.doc.blocks;
  const b = spanIndexAt(blocks, target.start);
  if (b < 0) return [];
  const out: string[] = [];
  for (let k = b + 1; k < blocks.length && k <= b + MAX_ENTRY_BLOCKS; k++) {
    const { start, end } = blocks[k];
    let i = tokenAtOrAfter(tokens, start);
    while (i < tokens.length && tokens[i].start < end && (ENTRY_MARKS.has(tokens[i].text) || (allDigits(tokens[i].text) && tokens[i].text.length <= 3))) i++;
    const marked = i > tokenAtOrAfter(tokens, start);
    const afterCode = afterEntryCode(tokens, i, end);
    const coded = afterCode > i;
    i = afterCode;
    // "Name: 1: JOHN 2: DOE"
    if (tokens[i]?.lower === "name" && tokens[i + 1]?.text === ":") i += 2;
    if (tokens[i] && allDigits(tokens[i].text) && tokens[i + 1]?.text === ":") i += 2;
    const head = tokens[i] && tokens[i].start < end ? ix.mentions[mentionFrom(ix, tokens[i].start)] : undefined;
    const kind = head && head.span.start === tokens[i].start ? ix.byKey.get(head.entity)?.kind : undefined;
    const first = tokenAtOrAfter(tokens, start);
    let words = 0;
    for (let j = first; j < tokens.length && tokens[j].start < end && words < ENTRY_WORDS + 1; j++) if (tokens[j].isWord) words++;
    // an entry line: a bullet or a code before the name, or a short line (a sentence about the person ends the entries)
    if (head && (kind === "person" || kind === "organisation") && (marked || coded || words <= ENTRY_WORDS)) {
      if (!out.includes(head.entity)) out.push(head.entity);
      continue;
    }
    // a field line or a short heading goes on; prose ends the entries
    if (fieldLine(tokens, first, end) || words <= 4) continue;
    break;
  }
  return out;
}

/** "X added Y to its sanctions list": Y is the target, X (or the list's owner) the imposer. */
export function listClause(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const tokens = ix.a.tokens;
  const floor = tokenAtOrAfter(tokens, s.start);
  const list = tokenAtOrAfter(tokens, trigger.start);
  const m = addedBefore(tokens, list, Math.max(floor, list - 190));
  if (!m) {
    // "Y was added to the entity list by X"
    const passive = WAS_ADDED_TO.matchBefore(tokens, list, Math.max(floor, list - 12), { within: "anywhere" });
    const by = passive && BY_AFTER.matchAt(tokens, list + 1, { to: tokenAtOrAfter(tokens, s.end) });
    const agent = by && agentAt(ix, tokens[by.to - 1].end, s.end);
    const at = passive && tokens[passive.from].start;
    if (!passive) return supplementedWith(ix, s, trigger);
    if (!agent || hypothetical(ix, s.start, at!)) return undefined;
    const target = subjectPhrase(ix, s.start, at!);
    return target && { imposers: agent.keys, imposerHow: "agent", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end), list: true };
  }
  const verb = tokens[m.from].start;
  const range = m.get("target")!;
  if (range.to - range.from === 1 && PRONOUNS.has(tokens[range.from].lower)) return undefined;
  // "would have added …": the whole clause before the verb counts, not only the last words
  if (notAnAction(ix, s.start, verb) || WOULD_HAVE.matchAll(tokens, { from: floor, to: m.from, within: "anywhere" }).length) return undefined;
  const target = { start: tokens[range.from].start, end: tokens[range.to - 1].end };
  const subject = imposerBefore(ix, s, verb, target);
  const imposers = subject ?? possessor(ix, s, trigger.start, target);
  if (!imposers) return undefined;
  // "… to its list of persons subject to the measures imposed by the Council": that body too
  const by = matchAfter(tokens, LIST_IMPOSED_BY, trigger.end, s.end);
  const agent = by && agentAt(ix, endOf(tokens, by), s.end);
  const entries = entriesBelow(ix, target);
  return {
    imposers: agent ? [...new Set([...imposers, ...agent.keys])] : imposers,
    imposerHow: subject ? "verb" : "modifier",
    target,
    reason: reasonAfter(ix, agent ? agent.end : trigger.end, s.end),
    list: true,
    ...(entries.length ? { entries } : {}),
  };
}

/** Verbs that grow a list by what comes after "with". */
const SUPPLEMENTED = ["supplemented", "supplements", "supplementing", "expanded", "expands", "expanding", "extended", "extends", "extending", "updated", "updates", "updating", "broadened", "widened", "enlarged"];
/** "supplemented its (sanctions) list": the verb and at most three words of the list's owner and kind before it. */
const SUPPLEMENTED_LIST = pattern([
  { lower: SUPPLEMENTED, as: "verb" },
  { lower: ["its", "their", "the", "a"] },
  { not: { text: [",", ";", ".", ":"], lower: SUPPLEMENTED }, op: [0, 3] },
]);
/** "(list) with (another) Y". */
const LIST_WITH = pattern([{ lower: "list", op: "?" }, { lower: "with" }]);

/** "X supplemented its sanctions list with 26 more Chilean firms" (invented): the entries after "with" are the targets. */
function supplementedWith(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const tokens = ix.a.tokens;
  const floor = tokenAtOrAfter(tokens, s.start);
  const list = tokenAtOrAfter(tokens, trigger.start);
  const m = SUPPLEMENTED_LIST.matchBefore(tokens, list, Math.max(floor, list - 6), { within: "anywhere" });
  const withAt = m && matchAfter(tokens, LIST_WITH, trigger.end, s.end);
  if (!m || !withAt) return undefined;
  const target = phraseAt(ix, endOf(tokens, withAt), s.end);
  const verb = tokens[m.from].start;
  if (!target || notAnAction(ix, s.start, verb) || hypothetical(ix, s.start, verb)) return undefined;
  const imposers = imposerBefore(ix, s, verb, target);
  return imposers && { imposers, imposerHow: "verb", target, reason: reasonAfter(ix, target.end, s.end), list: true };
}
