import type { Span } from "../model.ts";
import type { ActorIndex } from "./quote-actors.ts";
import { type Clause, agentAt, pronounTarget, conditional, notAnAction } from "./sanction-context.ts";
import { imposerBefore } from "./sanction-imposers.ts";
import { pattern, type Element } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { FROZEN_BY, matchEndingAt, startOf, targetPhraseBefore, tokenAtOrAfter } from "./sanction-patterns.ts";
import { reasonAfter } from "./sanction-reasons.ts";

const FREEZE = ["freeze", "freezes", "freezing", "froze", "frozen"];
const BAN = ["ban", "bans", "banned", "banning"];
const BAR = ["bar", "bars", "barred", "barring"];
const forms = (...lists: string[][]): Element => ({ lower: lists.flat() });

/** Measures written as a verb phrase whose object follows: "froze the assets of Y", "denied entry to Y", "prohibits entry into the country of Y". */
const MEASURE_OF = pattern([
  {
    as: "verb",
    any: [
      [forms(["revoke", "revoked", "revokes", "revoking"]), { lower: "the", op: "?" }, { lower: "visas" }, { lower: "of" }],
      [
        forms(FREEZE),
        { lower: "the", op: "?" },
        { cap: true, word: true, op: "?" },
        { lower: ["assets", "funds", "property"] },
        { any: [{ lower: "of" }, [{ lower: ["belonging", "linked"] }, { lower: "to" }], [{ lower: ["owned", "held", "controlled"] }, { lower: "by" }]] },
      ],
      // "ordered the freezing of the assets of Y", "announced a freeze of the funds of Y": a freeze told as a noun
      [
        { any: [{ lower: ["ordered", "orders", "announced", "announces", "approved", "approves", "decreed", "decrees", "authorised", "authorized"] }, [{ lower: ["decided", "decides"] }, { lower: "on" }]] },
        { lower: ["the", "a"] },
        { lower: ["freezing", "freeze"] },
        { lower: "of" },
        { lower: "the", op: "?" },
        { lower: ["assets", "funds", "property"] },
        { lower: "of" },
      ],
      // "blocking (all) property and interests in property of Y": the wording of US executive orders
      [forms(["block", "blocks", "blocked", "blocking"]), { lower: ["all", "the"], op: "?" }, { lower: "property" }, { seq: [{ lower: "and" }, { lower: "interests" }, { lower: "in" }, { lower: "property" }], op: "?" }, { lower: "of" }],
      [forms(BAR, BAN, ["deny", "denies", "denied", "denying", "refuse", "refused", "refusing"]), { lower: "entry" }, { lower: "to" }],
      [forms(["prohibit", "prohibits", "prohibited", "prohibiting"], BAR, BAN), { lower: "the", op: "?" }, { lower: "entry" }, { seq: [{ lower: "into" }, { word: true, op: [1, 4] }], op: "?" }, { lower: "of" }],
      [forms(BAN), { lower: "all", op: "?" }, { any: [[{ lower: "port" }, { lower: "calls" }], { lower: ["imports", "exports", "flights", "shipments", "transactions", "dealings"] }] }, { lower: ["by", "from", "of", "with"] }],
    ],
  },
]);

const CLOSE = ["close", "closes", "closed", "closing"];
/**
 * "prohibited entry to Norway for 40 Chilean officials", "closed entry into the country for Y", "announced the
 * closure of entry to the country for Y" (invented): an entry ban told by whom it is closed for.
 */
const ENTRY_FOR = pattern([
  {
    as: "verb",
    any: [
      [forms(["prohibit", "prohibits", "prohibited", "prohibiting"], BAR, BAN, CLOSE, ["deny", "denies", "denied", "denying"]), { lower: "the", op: "?" }, { lower: "entry" }],
      [{ lower: "closure" }, { lower: "of" }, { lower: "entry" }],
    ],
  },
  { seq: [{ lower: ["to", "into"] }, { not: { text: [",", ";", ".", ":"], lower: ["for", "of", "by"] }, op: [1, 5] }], op: "?" },
  { lower: "for" },
]);

const NOT_IN_OWNER = { text: [";", ".", ",", "'s", "’s", "'", "’"] };
/** "froze the Peruvian bank's assets", "froze his assets": the owner of the assets is hit. */
const FROZE_OWN = pattern([
  {
    any: [
      // ("froze Y's U.S. assets": where the assets are held may stand between)
      [forms(["froze", "freezes", "freeze", "freezing"]), { as: "target", seq: [{ not: NOT_IN_OWNER, op: [1, 16] }] }, { text: ["'s", "’s", "'", "’"] }, { cap: true, word: true, op: "?" }],
      // "froze his assets": a pronoun only after a verb that reports the act (not "to sanction them, freeze their assets")
      [{ lower: "froze" }, { lower: ["his", "her", "its", "their"], as: "target" }],
    ],
  },
  { lower: ["assets", "funds", "accounts", "property"] },
]);

const ASSET_WORDS = ["assets", "funds", "reserves", "accounts"];
/**
 * "freezing Norlandic state assets held in the central bank", "froze Russian central bank reserves": the
 * assets, named by whose they are, are what is hit (the text's own phrase, with where they are held).
 */
const FROZE_ASSETS = pattern([
  forms(FREEZE),
  {
    as: "target",
    seq: [
      { lower: ["all", "the"], op: "?" },
      { word: true, cap: true, not: { lower: ASSET_WORDS } },
      { word: true, not: { lower: [...ASSET_WORDS, "of", "and", "or", "to", "in", "by", "from"] }, op: [0, 3] },
      { lower: ASSET_WORDS },
      { seq: [{ lower: ["held", "kept", "deposited", "parked"] }, { lower: ["in", "at", "by", "abroad"] }, { not: { text: [",", ";", ".", ":"] }, op: [0, 6] }], op: "?" },
    ],
  },
  { aheadNot: { lower: ["of", "belonging", "owned", "controlled", "linked"] } },
]);

/** "barred Y from entering / travelling to / visiting": Y is hit. */
const BAR_FROM = pattern([
  forms(BAR, BAN),
  {
    as: "target",
    seq: [
      // "barred them and their families": a pronoun only as the first of a list (alone, it may stand for anyone)
      { any: [{ not: { lower: ["them", "him", "her", "it", "us", "all", "any", ";", "."] } }, [{ behind: { lower: ["barred", "banned"] } }, { lower: ["them", "him", "her"] }, { ahead: { lower: "and" } }]] },
      { not: { text: [";", "."] }, op: [0, 23] },
    ],
  },
  { lower: "from" },
  { any: [{ lower: ["entering", "visiting", "entry"] }, [{ lower: ["travelling", "traveling"] }, { lower: "to" }]] },
]);

/** The measures told as verb phrases in sentence `s`: where each starts, and its target when the pattern holds it. */
export function measureVerbsIn(tokens: readonly Token[], s: Span): Array<{ at: number; after?: number; target?: Span }> {
  const from = tokenAtOrAfter(tokens, s.start);
  const to = tokenAtOrAfter(tokens, s.end);
  const out: Array<{ at: number; after?: number; target?: Span }> = [];
  for (const m of [...MEASURE_OF.matchAll(tokens, { from, to, within: "anywhere" }), ...ENTRY_FOR.matchAll(tokens, { from, to, within: "anywhere" })]) out.push({ at: tokens[m.from].start, after: tokens[m.to - 1].end });
  const taken = (m: { from: number }) => out.some((o) => o.at === tokens[m.from].start);
  for (const m of [...BAR_FROM.matchAll(tokens, { from, to, within: "anywhere" }), ...FROZE_OWN.matchAll(tokens, { from, to, within: "anywhere" }), ...FROZE_ASSETS.matchAll(tokens, { from, to, within: "anywhere" })]) {
    if (taken(m)) continue;
    const t = m.get("target")!;
    out.push({ at: tokens[m.from].start, target: { start: tokens[t.from].start, end: tokens[t.to - 1].end } });
  }
  return out;
}

const FROZEN_FORMS = new Set(["frozen", "blocked", "seized", "impounded", "confiscated"]);
/** Whether the sentence has "frozen by" (the pattern below runs only where its words are written: most sentences have none). */
export function hasFrozenBy(tokens: readonly Token[], s: Span): boolean {
  for (let i = tokenAtOrAfter(tokens, s.start); i + 1 < tokens.length && tokens[i].start < s.end; i++) if (FROZEN_FORMS.has(tokens[i].lower) && tokens[i + 1].lower === "by") return true;
  return false;
}

/** "there is $3 billion currently frozen by X": the phrase before the participle is hit, the agent imposes. */
export function frozenBy(ix: ActorIndex, s: Span): Array<{ at: number; clause: Clause; anaphoric: boolean }> {
  const tokens = ix.a.tokens;
  const from = tokenAtOrAfter(tokens, s.start);
  const out: Array<{ at: number; clause: Clause; anaphoric: boolean }> = [];
  for (const m of FROZEN_BY.matchAll(tokens, { from, to: tokenAtOrAfter(tokens, s.end) })) {
    const agent = agentAt(ix, tokens[m.to - 1].end, s.end);
    const target = agent && targetPhraseBefore(tokens, m.from, from);
    if (!agent || !target || pronounTarget(ix, target)) continue;
    if (notAnAction(ix, s.start, target.start)) continue;
    const at = tokens[m.get("verb")!.from].start;
    out.push({ at, clause: { imposers: agent.keys, imposerHow: "agent", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end) }, anaphoric: false });
  }
  return out;
}

/** "froze the assets of Y", "barred Y from entering": a measure with its imposer before the verb. */
export function measureClause(ix: ActorIndex, s: Span, verb: number, target: Span | undefined): Clause | undefined {
  if (!target) return undefined;
  const pre = ix.text.slice(s.start, verb);
  if (notAnAction(ix, s.start, verb) || conditional(ix, s.start, verb, s.end)) return undefined;
  const imposer = announcedBy(ix, s, verb) ?? imposerBefore(ix, s, verb, target);
  if (!imposer) return undefined;
  return { imposers: imposer, imposerHow: "verb", target, reason: reasonAfter(ix, target.end, s.end) };
}

/** "the measure announced by X(,) which …": `by` is X. */
const MEASURE_ANNOUNCED_BY = pattern([
  { lower: ["measure", "decision", "order", "decree", "ban", "move", "step"] },
  { lower: ["announced", "issued", "taken", "adopted", "signed"] },
  { lower: "by" },
  { as: "by", seq: [{ not: { text: [",", ";", "."] }, op: [1, 16] }] },
  { text: ",", op: "?" },
  { lower: ["which", "that"] },
]);
/** "the measure announced by X which bars …": the agent of the measure the relative clause tells of. */
export function announcedBy(ix: ActorIndex, s: Span, verb: number): string[] | undefined {
  const m = matchEndingAt(ix.a.tokens, MEASURE_ANNOUNCED_BY, s.start, verb);
  if (!m) return undefined;
  const agent = agentAt(ix, startOf(ix.a.tokens, m.get("by")!), verb);
  return agent?.keys;
}
