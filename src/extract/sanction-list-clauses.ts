import type { Span } from "../model.ts";
import type { ActorIndex } from "./quote-actors.ts";
import { type Clause, agentAt, hypothetical, notAnAction, subjectPhrase } from "./sanction-context.ts";
import { imposerBefore, possessor } from "./sanction-imposers.ts";
import { reasonAfter } from "./sanction-reasons.ts";

/** "X added Y to its sanctions list": Y is the target, X (or the list's owner) the imposer. */
export function listClause(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const pre = ix.text.slice(s.start, trigger.start);
  const m = /\b(?:added|adds|adding|add|put|puts|putting|placed|places|placing|included|includes|including)\s+(.+?)\s+(?:to|on|in)\s+((?:the|its|their|a)\s+)?((?:\S+\s+){0,3})$/u.exec(pre);
  if (!m) {
    // "Y was added to the entity list by X"
    const passive = /\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?:added|put|placed)\s+(?:to|on)\s+(?:the|its|their|a|an)\s+(?:\S+\s+){0,3}$/i.exec(pre);
    const by = passive && /^\s*(?:\([^)]*\)\s*)?by\s+/i.exec(ix.text.slice(trigger.end, s.end));
    const agent = by && agentAt(ix, trigger.end + by[0].length, s.end);
    if (!passive || !agent || hypothetical(pre.slice(0, passive.index))) return undefined;
    const target = subjectPhrase(ix, s.start, s.start + passive.index);
    return target && { imposers: agent.keys, imposerHow: "agent", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end), list: true };
  }
  if (/^(?:them|it|him|her)$/i.test(m[1])) return undefined;
  // "would have added …": the whole clause before the verb counts, not only the last words
  if (notAnAction(pre.slice(0, m.index)) || /\b(?:would|could|might)\s+have\b/i.test(pre.slice(0, m.index))) return undefined;
  const targetStart = s.start + m.index + m[0].indexOf(m[1], m[0].search(/\s/));
  const target = { start: targetStart, end: targetStart + m[1].length };
  const subject = imposerBefore(ix, s, s.start + m.index, target);
  const imposers = subject ?? possessor(ix, s, trigger.start);
  if (!imposers) return undefined;
  return { imposers, imposerHow: subject ? "verb" : "modifier", target, reason: reasonAfter(ix, trigger.end, s.end), list: true };
}
