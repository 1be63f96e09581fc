import type { Span } from "../model.ts";
import { type ActorIndex, isActorKind } from "./quote-actors.ts";
import { lexiconAlternation } from "./quote-lexicon.ts";
import { mentionsIn } from "./sanction-context.ts";

export const REASON = new RegExp(`\\b(?:accus(?:ing|ed)\\s+(?:[\\p{L}'’.-]+\\s+){0,5}?of|${lexiconAlternation("sanction-reason-markers.txt")})\\s+`, "giu");

export const REASON_END = /,\s+(?:which|while|when|where|but|and|as|after|the|a|an|[a-z]+ing)\b|\s+(?:since|when|until)\s|\s+--\s|\s*[—–]\s*|;|[.!?](?=\s|$)|\s+(?:on|last|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month)\b/;

/** "extended them for another year": a duration, not a reason. */
export const DURATION = /^(?:(?:another|a\s+further|a\s+further|an\s+additional|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|\d+)\s+)?(?:more\s+)?(?:years?|months?|weeks?|days?)\b/i;

/** "after the bloc tightened its sanctions", "after being placed under sanctions by X": an action told as a clause is no reason. */
export const ACTION_CLAUSE = /^(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?(?:imposed|tightened|extended|expanded|widened|broadened|renewed|announced|adopted|approved|toughened)\s+(?:its|their|the|new|fresh|further)\s+(?:[\p{L}-]+\s+)?(?:sanctions|measures|restrictions)\b|^(?:having\s+been|being)\s+(?:placed\s+under|hit\s+with|slapped\s+with|sanctioned|designated|blacklisted)\b/iu;

/** The reason phrase after a marker ("over", "in response to", "accused of"), after `pos`. */
export function reasonAfter(ix: ActorIndex, pos: number, end: number): Span | undefined {
  const rest = ix.text.slice(pos, end);
  const reason = new RegExp(REASON.source, "giu");
  const named = mentionsIn(ix, pos - 200, end).filter((x) => x.span.end > pos);
  let m = reason.exec(rest);
  // "hours after …" is a time, not a reason; a marker inside a name is none
  while (m && (/\b(?:minutes|hours|days|weeks|months|years|shortly|soon|just|immediately)\s+$/i.test(ix.text.slice(Math.max(0, pos + m.index - 20), pos + m.index)) || (/^for\s/i.test(m[0]) && DURATION.test(rest.slice(m.index + m[0].length))) || (/^(?:after|following)\s/i.test(m[0]) && ACTION_CLAUSE.test(rest.slice(m.index + m[0].length))) || named.some((x) => x.span.start < pos + m!.index && pos + m!.index < x.span.end))) m = reason.exec(rest);
  if (!m) return undefined;
  const from = m.index + m[0].length;
  const tail = rest.slice(from);
  const stop = REASON_END.exec(tail);
  const phrase = tail.slice(0, stop ? stop.index : tail.length).trim();
  if (!phrase || /^(?:the\s+)?(?:first|second|third|last|next)\s+time\b/i.test(phrase)) return undefined;
  // "following the United States and Britain": other imposers, not a reason
  const span = { start: pos + from, end: pos + from + phrase.length };
  const actors = named.filter((x) => x.span.start >= span.start && x.span.end <= span.end && isActorKind(ix.byKey.get(x.entity)));
  let left = ix.text.slice(span.start, span.end);
  for (const x of [...actors].reverse()) left = left.slice(0, x.span.start - span.start) + left.slice(x.span.end - span.start);
  if (actors.length && /^(?:\s|,|\band\b|\bthe\b)*$/i.test(left)) return undefined;
  return span;
}
