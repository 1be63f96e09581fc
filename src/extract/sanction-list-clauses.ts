// "X added Y to its sanctions list" / "Y was added to the entity list by X": additions to a list of
// targets, as token patterns ending at the list's name (sanction-triggers.ts finds the lists).
import type { Span } from "../model.ts";
import { pattern, type Element, type Match } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import type { ActorIndex } from "./quote-actors.ts";
import { type Clause, agentAt, hypothetical, notAnAction, subjectPhrase } from "./sanction-context.ts";
import { imposerBefore, possessor } from "./sanction-imposers.ts";
import { TARGET_LIST, tokenAtOrAfter } from "./sanction-patterns.ts";
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
  for (let v = list - 1; v >= floor && verbs.length < 3; v--) if (ADD_VERBS.has(tokens[v].lower)) verbs.unshift(v);
  for (const p of [ADDED_TO, ADDED_WORDS_TO]) {
    for (const v of verbs) {
      const m = p.matchAt(tokens, v, { endAt: list, within: "anywhere" });
      if (m) return m;
    }
  }
  return undefined;
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
    if (!passive || !agent || hypothetical(ix, s.start, at!)) return undefined;
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
  return { imposers, imposerHow: subject ? "verb" : "modifier", target, reason: reasonAfter(ix, trigger.end, s.end), list: true };
}
