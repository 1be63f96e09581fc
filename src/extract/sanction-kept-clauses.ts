// Designations kept in force, told as a refusal to lift them or as a list somebody is kept on (read in
// articles about sanctions only, like the other measure readers). Each is an
// action of the one who keeps them (GOLD-FORMAT counts earlier actions an article reports), with no day
// of its own: the day of the refusal is not the day of the designation.
//   "X would not lift the designations of Y", "X refused to remove the sanctions on Y"
//   "X kept Y on its sanctions list", "X will keep Y on the list"
import type { Span } from "../model.ts";
import type { ActorIndex } from "./quote-actors.ts";
import { type Clause, mentionsIn, phraseAt } from "./sanction-context.ts";
import { imposerBefore } from "./sanction-imposers.ts";
import { pattern } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { ADVERBIAL, endOf, matchEndingAt, startOf, tokenAtOrAfter } from "./sanction-patterns.ts";

const LIFT = ["lift", "remove", "ease", "revoke", "rescind", "drop", "end", "unfreeze", "delist"];
/** What is kept: the designations, sanctions or listings themselves. */
const KEPT_NOUNS = ["designations", "designation", "sanctions", "listing", "listings", "blacklisting"];

/**
 * "(Norway) would not lift the designations of Y", "refused to remove the sanctions on Y", "declined to
 * ease its remaining sanctions against Y" (invented examples): a refusal to lift is a designation kept.
 */
const NOT_LIFTED = pattern([
  {
    any: [
      [{ lower: ["would", "will", "did", "does", "do", "could", "can"] }, { lower: ["not", "never"] }],
      [{ lower: ["refused", "refuses", "refusing", "declined", "declines", "declining"] }, { seq: [ADVERBIAL], op: [0, 2] }, { lower: "to" }],
    ],
  },
  { lower: LIFT },
  { lower: ["the", "its", "their"], op: "?" },
  { lower: ["remaining", "existing", "current"], op: "?" },
  { lower: KEPT_NOUNS },
  { lower: ["of", "on", "against"] },
]);

/**
 * "(Iceland) kept two Chilean banks on its blacklist", "will keep the navy chief on its sanctions list"
 * (invented): the object is kept on a list of targets.
 */
const KEPT_ON_LIST = pattern([
  { lower: ["keep", "keeps", "kept", "keeping", "retain", "retains", "retained", "retaining"] },
  { as: "target", seq: [{ not: { lower: [",", ";", ".", ":", "on", "off"] }, op: [1, 16] }] },
  { lower: "on" },
  { lower: ["its", "the", "their", "a"] },
  { word: true, not: { lower: ["list", "blacklist", ",", "."] }, op: [0, 3] },
  { lower: ["list", "blacklist", "lists"] },
]);

/** Where a kept designation is told in sentence `s`: the verb group's start and the target (or where it starts). */
export function keptIn(tokens: readonly Token[], s: Span): Array<{ at: number; after?: number; target?: Span }> {
  const from = tokenAtOrAfter(tokens, s.start);
  const to = tokenAtOrAfter(tokens, s.end);
  const out: Array<{ at: number; after?: number; target?: Span }> = [];
  for (const m of NOT_LIFTED.matchAll(tokens, { from, to, within: "anywhere" })) out.push({ at: tokens[m.from].start, after: endOf(tokens, m) });
  for (const m of KEPT_ON_LIST.matchAll(tokens, { from, to, within: "anywhere" })) {
    const t = m.get("target")!;
    out.push({ at: tokens[m.from].start, target: { start: startOf(tokens, t), end: endOf(tokens, t) } });
  }
  return out;
}

const OPENING_MARKS = new Set(["\"", "“", "'", "‘"]);
const CLOSING_MARKS = new Set(["\"", "”", "'", "’"]);
/** How many tokens a quoted target may run. */
const QUOTED_TARGET = 24;

/** "the designations of “smugglers, arms dealers and torturers”": the words inside the marks right at `pos`. */
function quotedAt(tokens: readonly Token[], pos: number, end: number): Span | undefined {
  const i = tokenAtOrAfter(tokens, pos);
  if (!tokens[i] || !OPENING_MARKS.has(tokens[i].text)) return undefined;
  for (let k = i + 2; k < tokens.length && k <= i + QUOTED_TARGET && tokens[k].start < end; k++) {
    if (CLOSING_MARKS.has(tokens[k].text)) return { start: tokens[i + 1].start, end: tokens[k - 1].end };
  }
  return undefined;
}

/** "the department would not …": a body called by its kind alone, right before the verb. */
const THE_BODY = pattern([{ lower: "the" }, { lower: ["department", "ministry", "agency", "office"], as: "noun" }]);
/** How many roles are compared (the look-up stays bounded on endless lists of posts). */
const MAX_ROLES = 200;

/**
 * "Finance Secretary Jon Berg warned that the department would not lift …" (invented): "the department"
 * is the speaker's own, the body named with the post's word and the noun ("Finance Department"), not the
 * department named last.
 */
function speakersBody(ix: ActorIndex, s: Span, at: number): string | undefined {
  const tokens = ix.a.tokens;
  const m = matchEndingAt(tokens, THE_BODY, s.start, at, 3);
  if (!m) return undefined;
  const noun = tokens[m.get("noun")!.from].lower;
  const inSentence = new Set(mentionsIn(ix, s.start, startOf(tokens, m)).map((x) => x.entity));
  for (const r of ix.a.roles.slice(0, MAX_ROLES)) {
    if (!inSentence.has(r.holder)) continue;
    const words = r.title.split(" ").filter((w) => w && w[0] !== w[0].toLowerCase() && w.toLowerCase() !== noun);
    const body = ix.a.entities.find((e) => e.kind === "organisation" && e.names.some((n) => {
      const name = n.toLowerCase().split(" ");
      return name.includes(noun) && words.some((w) => name.includes(w.toLowerCase()));
    }));
    if (body) return body.key;
  }
  return undefined;
}

/** The clause of a kept designation: the subject keeps it; nothing in the sentence dates it. */
export function keptClause(ix: ActorIndex, s: Span, kept: { at: number; after?: number; target?: Span }): Clause | undefined {
  const after = kept.after;
  const target = kept.target ?? (after !== undefined ? quotedAt(ix.a.tokens, after, s.end) ?? phraseAt(ix, after, s.end) : undefined);
  if (!target) return undefined;
  const own = speakersBody(ix, s, kept.at);
  const imposers = own ? [own] : imposerBefore(ix, s, kept.at, target);
  if (!imposers) return undefined;
  return { imposers, imposerHow: "verb", target, background: true, aside: { start: s.start, end: s.end } };
}
