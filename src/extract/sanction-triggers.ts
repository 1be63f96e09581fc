// Where a sanctions clause may start: the words that name or do sanctions, and the lists targets are
// added to, as token patterns (src/extract/patterns.ts). Each trigger is read into a clause by the
// clause readers (sanction-*-clauses.ts).
import type { Span } from "../model.ts";
import { pattern, type Element, type TokenTest } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { tokenAtOrAfter } from "./sanction-patterns.ts";

/** One word that names or does sanctions; after a hyphen too ("counter-sanctions", "US-sanctioned", "Norway-designated"). */
const TRIGGER_WORDS = new Set([
  "sanction", "sanctions", "sanctioned", "sanctioning",
  "blacklisted", "blacklisting",
  "designated", "designating", "designates", "designation", "designations",
  "listed",
  "countermeasures", "counter-measures",
  "embargo", "embargoes",
]);

/** The part of a token that is a trigger word: the whole token, or its last hyphenated part. */
function triggerPart(t: Token): string | undefined {
  if (TRIGGER_WORDS.has(t.lower)) return t.lower;
  const dash = t.lower.lastIndexOf("-");
  const tail = dash > 0 ? t.lower.slice(dash + 1) : "";
  return tail && TRIGGER_WORDS.has(tail) && tail !== "measures" ? tail : undefined;
}

const word = (lower: string | string[], extra: TokenTest = {}): Element => ({ lower, ...extra });

/** Measures that are sanctions, written as a noun group: asset freezes, travel and entry bans, export controls, embargoes. */
export const MEASURE_NOUNS: Element = {
  any: [
    [word("asset"), word(["freeze", "freezes"])],
    [word(["travel", "entry", "visa", "import", "export"]), word(["ban", "bans"])],
    [word(["visa", "export", "import", "trade", "financial"]), word("restrictions")],
    [word(["fresh", "new", "further", "additional", "economic", "financial"]), word("penalties")],
    [word(["restrictive", "retaliatory", "punitive"]), word("measures")],
    [word("export"), word(["control", "controls"])],
    [word(["arms", "trade", "oil"]), word(["embargo", "embargoes"])],
  ],
};

/** Measures that keep people out (visa restrictions, entry and travel bans) and measures on trade (export controls, the entity list). */
const ENTRY_WORDS = new Set(["visa", "visas", "entry", "travel"]);
const TRADE_WORDS = new Set(["export", "exports", "entity"]);
const BARRING_VERBS = new Set(["bar", "bars", "barred", "barring", "ban", "bans", "banned", "banning", "deny", "denies", "denied", "denying", "refuse", "refused", "refusing", "prohibit", "prohibits", "prohibited", "prohibiting"]);
export type MeasureKind = "entry" | "trade" | "sanctions";

/**
 * The kind of measure a trigger at token `i` names, from the words around it ("visa restrictions", "entry
 * ban", "barred … from entering": entry; "export controls", "its entity list": trade; else sanctions). Two
 * measures of different kinds told one after the other are two actions, not one told twice.
 */
export function measureKind(tokens: readonly Token[], i: number): MeasureKind {
  if (BARRING_VERBS.has(tokens[i]?.lower ?? "")) return "entry";
  for (let k = Math.max(0, i - 1); k <= i + 1 && k < tokens.length; k++) {
    if (ENTRY_WORDS.has(tokens[k].lower)) return "entry";
    if (TRADE_WORDS.has(tokens[k].lower)) return "trade";
  }
  return "sanctions";
}

/** A trigger: a measure noun group, or one trigger word. */
export const TRIGGER = pattern([{ any: [MEASURE_NOUNS, { test: (t) => !!triggerPart(t) }] }]);

/** The triggers of a sentence (character spans; a hyphenated word's trigger is its last part). */
export function triggersIn(tokens: readonly Token[], s: Span): Span[] {
  const from = tokenAtOrAfter(tokens, s.start);
  const to = tokenAtOrAfter(tokens, s.end);
  return TRIGGER.matchAll(tokens, { from, to, within: "anywhere" }).map((m) => {
    const last = tokens[m.to - 1];
    const part = m.to - m.from === 1 ? triggerPart(last) : undefined;
    return { start: part && part.length < last.text.length ? last.end - part.length : tokens[m.from].start, end: last.end };
  });
}

/** Words before "list" that make it a list of targets: "its list", "the entity list", "the terrorist watch list". */
const LIST_KINDS = new Set([
  "its", "their", "entity", "trade", "terror", "terrorism", "terrorist", "watch", "control", "sanction", "sanctions",
  "unreliable", "designated", "restricted", "export", "denied", "ban", "no-fly",
]);
const QUOTE_MARKS = ["\"", "“", "”", "'", "‘", "’"];

/** "its list", "the entity list", "its “unreliable entity” list": a kind word, at most two words after it, then "list". */
const LIST_OWNER = pattern([
  { in: LIST_KINDS },
  { seq: [{ text: QUOTE_MARKS, op: "?" }, { word: true }, { text: QUOTE_MARKS, op: "?" }], op: [0, 2] },
  { text: QUOTE_MARKS, op: "?" },
]);

/** "the list of sanctioned people" is a list of targets; "the list of grievances" is not. */
const LIST_OF_OTHERS = pattern([{ lower: "of" }, { lower: "the", op: "?" }, { not: { lower: ["the", "sanctioned", "designated", "blacklisted"] } }]);
/**
 * "the list of persons and entities subject to restrictive measures", "the list of those targeted by
 * its asset freeze" (invented): a list named by the measures its entries are under is a list of targets.
 */
const LIST_UNDER_MEASURES = pattern([
  { lower: "of" },
  { not: { text: [",", ";", ".", ":", "(", ")"] }, op: [1, 10] },
  { any: [[{ lower: "subject" }, { lower: "to" }], [{ lower: "targeted" }, { lower: "by" }], { lower: "under" }] },
  { not: { text: [",", ";", ".", ":"] }, op: [0, 4] },
  { lower: ["measures", "sanctions", "freeze", "freezes", "ban", "bans", "embargo", "embargoes"] },
]);

/**
 * "the list of those directly supporting X's military", "the list of persons and entities associated with
 * Y" (invented): a list named by whom it holds, people or bodies who back, belong to or answer for someone.
 */
const LIST_OF_HOLDERS = pattern([
  { lower: "of" },
  { lower: ["those", "persons", "individuals", "entities", "people", "companies", "firms", "organisations", "organizations", "bodies", "groups"] },
  { seq: [{ lower: "and" }, { lower: ["persons", "individuals", "entities", "people", "companies", "firms", "organisations", "organizations", "bodies", "groups"] }], op: "?" },
  { lower: ["directly", "indirectly", "actively", "materially", "financially"], op: "?" },
  { any: [{ lower: ["supporting", "backing", "undermining", "threatening", "financing", "funding"] }, [{ lower: ["associated", "linked", "connected"] }, { lower: ["with", "to"] }], [{ lower: "involved" }, { lower: "in" }]] },
]);

/**
 * The lists targets are added to ("blacklist", "its list", "the entity list"), outside a sanctions
 * noun ("sanctions list" is read with its trigger).
 */
export function listsIn(tokens: readonly Token[], s: Span): Span[] {
  const from = tokenAtOrAfter(tokens, s.start);
  const to = tokenAtOrAfter(tokens, s.end);
  const out: Span[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.lower !== "list" && t.lower !== "blacklist") continue;
    if (i > from && (tokens[i - 1].lower === "sanction" || tokens[i - 1].lower === "sanctions")) continue;
    const named = LIST_UNDER_MEASURES.matchAt(tokens, i + 1, { to }) || LIST_OF_HOLDERS.matchAt(tokens, i + 1, { to, within: "anywhere" });
    if (LIST_OF_OTHERS.matchAt(tokens, i + 1, { to }) && !named) continue;
    if (t.lower === "list" && !LIST_OWNER.matchBefore(tokens, i, Math.max(from, i - 6)) && !named) continue;
    out.push({ start: t.start, end: t.end });
  }
  return out;
}
