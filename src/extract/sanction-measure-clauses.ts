import type { Span } from "../model.ts";
import type { ActorIndex } from "./quote-actors.ts";
import { type Clause, PRONOUN_TARGET, agentAt, conditional, notAnAction } from "./sanction-context.ts";
import { imposerBefore } from "./sanction-imposers.ts";
import { FROZEN_BY, targetPhraseBefore, tokenAtOrAfter } from "./sanction-patterns.ts";
import { reasonAfter } from "./sanction-reasons.ts";

/** Measures written as a verb phrase: "froze the assets of Y", "barred Y from entering", "denied entry to Y", "prohibits entry into the country of Y". */
export const MEASURE_VERB = /\b(?:(?:revoke|revoked|revokes|revoking)\s+(?:the\s+)?visas\s+of|(?:freez(?:e|es|ing)|froze|frozen)\s+(?:the\s+)?(?:[A-Z][A-Za-z.]*\s+)?(?:assets|funds|property)\s+(?:of|(?:belonging|linked)\s+to|(?:owned|held|controlled)\s+by)|(?:bar|bars|barred|barring|ban|bans|banned|banning|deny|denies|denied|denying|refuse|refused|refusing)\s+entry\s+to|(?:prohibit|prohibits|prohibited|prohibiting|bar|bars|barred|barring|ban|bans|banned|banning)\s+(?:the\s+)?entry\s+(?:into\s+(?:[A-Za-z'’-]+\s+){1,4})?of|(?:ban|bans|banned|banning)\s+(?:all\s+)?(?:port\s+calls|imports|exports|flights|shipments|transactions|dealings)\s+(?:by|from|of|with))\s+/gi;
/** "froze the Peruvian bank's assets": the owner of the assets is hit. */
export const FROZE_OWN = /\b(?:froze|freezes|freeze|freezing)\s+((?:[^;.,]|(?<=\b\p{Lu})\.){3,80}?)['’]s?\s+(?:assets|funds|accounts|property)\b/giu;
export const BAR_FROM = /\b(?:bar|bars|barred|barring|ban|bans|banned|banning)\s+(?!(?:them|him|her|it|us|all|any)\b)((?:[^;.]|(?<=\b\p{Lu})\.){3,120}?)\s+from\s+(?:entering|travell?ing\s+to|visiting)\b/giu;

export const FROZEN_WORD = /\b(?:frozen|blocked|seized|impounded|confiscated)\s+by\b/i;

/** "there is $3 billion currently frozen by X": the phrase before the participle is hit, the agent imposes. */
export function frozenBy(ix: ActorIndex, s: Span): Array<{ at: number; clause: Clause; anaphoric: boolean }> {
  const tokens = ix.a.tokens;
  const from = tokenAtOrAfter(tokens, s.start);
  const out: Array<{ at: number; clause: Clause; anaphoric: boolean }> = [];
  for (const m of FROZEN_BY.matchAll(tokens, { from, to: tokenAtOrAfter(tokens, s.end) })) {
    const agent = agentAt(ix, tokens[m.to - 1].end, s.end);
    const target = agent && targetPhraseBefore(tokens, m.from, from);
    if (!agent || !target || PRONOUN_TARGET.test(ix.text.slice(target.start, target.end))) continue;
    const pre = ix.text.slice(s.start, target.start);
    if (notAnAction(pre)) continue;
    const at = tokens[m.get("verb")!.from].start;
    out.push({ at, clause: { imposers: agent.keys, imposerHow: "agent", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end) }, anaphoric: false });
  }
  return out;
}

/** "froze the assets of Y", "barred Y from entering": a measure with its imposer before the verb. */
export function measureClause(ix: ActorIndex, s: Span, verb: number, target: Span | undefined): Clause | undefined {
  if (!target || PRONOUN_TARGET.test(ix.text.slice(target.start, target.end))) return undefined;
  const pre = ix.text.slice(s.start, verb);
  if (notAnAction(pre) || conditional(pre, ix.text.slice(verb, s.end))) return undefined;
  const imposer = announcedBy(ix, s, verb) ?? imposerBefore(ix, s, verb, target);
  if (!imposer) return undefined;
  return { imposers: imposer, imposerHow: "verb", target, reason: reasonAfter(ix, target.end, s.end) };
}

/** "the measure announced by X which bars …": the agent of the measure the relative clause tells of. */
export function announcedBy(ix: ActorIndex, s: Span, verb: number): string[] | undefined {
  const m = /\b(?:measure|decision|order|decree|ban|move|step)\s+(?:announced|issued|taken|adopted|signed)\s+by\s+((?:[^,;.]|(?<=\b\p{Lu})\.){2,80}?)\s*,?\s*(?:which|that)\s+$/iu.exec(ix.text.slice(s.start, verb));
  if (!m) return undefined;
  const at = s.start + m.index + m[0].indexOf(m[1], m[0].search(/\bby\s/i) + 3);
  const agent = agentAt(ix, at, verb);
  return agent?.keys;
}
