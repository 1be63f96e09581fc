import type { SanctionFact, Span } from "../model.ts";
import { type ActorIndex, pluralAntecedent } from "./quote-actors.ts";
import { type Clause, agentAt, hypothetical, nearestBody, notAnAction, phraseAt, subjectPhrase } from "./sanction-context.ts";
import { bloc, imposerBefore, possessor } from "./sanction-imposers.ts";
import { governingVerb } from "./sanction-governing.ts";
import { listClause } from "./sanction-list-clauses.ts";
import { reasonAfter } from "./sanction-reasons.ts";
import { tokenAtOrAfter } from "./sanction-patterns.ts";

export const PARTICIPLE = /^\s*,?\s*(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|be)\s+)?(?:(?:also|further|now|already|first|later|subsequently|[a-z]+ly)\s+)?(imposed|brought|announced|levied|placed|introduced|adopted|approved|slapped|unveiled|ordered|issued|agreed)\b/i;

/** A date phrase right ahead ("on Monday", "last week"), skipped between the parts of a clause. */
export const DATE_AHEAD = /^\s*,?\s*(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?(?:\s+\d{1,2}\b)?|(?:last|earlier\s+this|this)\s+(?:week|month|year)|in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|\d{4})(?=\s+(?:on|against|upon|targeting)\b)|yesterday|today)/;

/** "sanctions" as a noun: governing verb before it, participle and agent after it, or a possessor. */
export function nounClause(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | undefined {
  const { text } = ix;
  const regime = regimeCreated(ix, s, trigger);
  if (regime) return regime;
  if (/^\s+(?:list|lists|blacklist|register)\b/i.test(text.slice(trigger.end, s.end))) return listClause(ix, s, trigger);
  // "the EU's 20th sanctions package, adopted on Friday, targets Y": the package is the sanctions
  let pos = trigger.end + (/^\s+(?:package|packages)\b/i.exec(text.slice(trigger.end, s.end))?.[0].length ?? 0);
  let imposers: string[] | undefined;
  let how: Clause["imposerHow"] = "agent";
  let target: Span | undefined;
  let agentEnd: number | undefined;
  // "the sanctions it imposed on Y": a relative clause with its own subject
  const relative = /^\s+(?:that\s+|which\s+)?(it|they)\s+(?:had\s+|has\s+|have\s+)?(?:first\s+|later\s+)?(?:imposed|slapped|placed|levied|introduced)\b/i.exec(text.slice(pos, s.end));
  // "the sanctions that the EU adopted in March against Y": a named subject of the relative clause
  const namedRelative = relative ? null : /^\s+(?:that|which)\s+((?:the\s+)?[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4})\s+(?:had\s+|has\s+|have\s+)?(?:first\s+|later\s+|jointly\s+)?(?:imposed|slapped|placed|levied|introduced|adopted|announced|approved)\b/u.exec(text.slice(pos, s.end));
  const namedAgent = namedRelative && agentAt(ix, pos + namedRelative[0].indexOf(namedRelative[1], 1), s.end);
  if (namedRelative && namedAgent) {
    imposers = namedAgent.keys;
    how = "verb";
    pos += namedRelative[0].length;
  } else if (relative) {
    const at = pos + relative[0].indexOf(relative[1]);
    imposers = relative[1].toLowerCase() === "they" ? pluralAntecedent(ix, at) : nearestBody(ix, at, s.start);
    if (!imposers) return undefined;
    how = "verb";
    pos += relative[0].length;
  }
  const participle = relative ? null : PARTICIPLE.exec(text.slice(pos, s.end));
  if (participle) pos += participle[0].length;
  // "Y was hit with new sanctions by X": the passive subject is the target
  const hitWith =
    /\b(?:was|were|been|being|is|are|be)\s+(?:(?:hit|slapped|targeted|punished|sanctioned)\s+with|placed\s+under)\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(text.slice(s.start, trigger.start)) ??
    /\b(?:faces|faced|face|facing|received|suffered)\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(text.slice(s.start, trigger.start));
  if (hitWith) target = subjectPhrase(ix, s.start, s.start + hitWith.index);
  // "Y was sanctioned by A, after being placed under sanctions by B": the participle's subject is the sentence's
  const sharesSubject = !!hitWith && /\b(?:after|before|following|since|upon)\s+(?:having\s+)?$/i.test(text.slice(Math.max(s.start, s.start + hitWith.index - 20), s.start + hitWith.index));
  // "X targeted Y with new sanctions" / "for new economic and visa restrictions": the object is hit, the subject imposes
  // "X targeted Y in a new round of sanctions", "X placed Y under sanctions"
  const targetedWith = hitWith ? null :
    /\b(?:targeted|targets|targeting|hit|hits|struck|strikes|slapped|slaps|punished|punishes)\s+(?!back\b)((?:[^;:,.]|(?<=\b\p{Lu})\.){2,80}?)\s+(?:(?:with|for)\s+(?:[\p{L}-]+\s+){0,4}|in\s+(?:a|an|its|their|the)\s+(?:[\p{L}-]+\s+){0,2}(?:round|package|wave|batch|tranche|set)\s+of\s+(?:[\p{L}-]+\s+){0,2})$/iu.exec(text.slice(s.start, trigger.start)) ??
    /\b(?:placed|places|placing|put|puts|putting)\s+((?:[^;:,.]|(?<=\b\p{Lu})\.){2,80}?)\s+under\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(text.slice(s.start, trigger.start));
  if (targetedWith && !/^(?:them|it|him|her)$/i.test(targetedWith[1])) {
    const from = s.start + targetedWith.index + targetedWith[0].indexOf(targetedWith[1], targetedWith[0].search(/\s/));
    target = { start: from, end: from + targetedWith[1].length };
    if (notAnAction(ix, s.start, s.start + targetedWith.index)) return undefined;
    const subject = imposerBefore(ix, s, s.start + targetedWith.index, target);
    if (subject) {
      imposers = subject;
      how = "verb";
    }
  }
  // after the noun (and participle): on/against TARGET and by AGENT, in either order
  for (let k = 0; k < 4; k++) {
    const rest = text.slice(pos, s.end);
    const when = DATE_AHEAD.exec(rest);
    if (when) {
      pos += when[0].length;
      continue;
    }
    const on = /^\s*(?:on|against|targeting|upon)\s+/i.exec(rest) ?? /^\s*,?\s*(?:which\s+|that\s+)?(?:target|targets|targeted|hit|hits|cover|covers)\s+/i.exec(rest);
    // "sanctions by A and B on Y": a bare "by" agent only when the target follows it
    const bareBy = !participle && !hitWith && !target && /^\s*by\s+/i.exec(rest);
    const bareAgent = bareBy && agentAt(ix, pos + bareBy[0].length, s.end);
    const by = participle || hitWith ? /^\s*(?:by|from)\s+/i.exec(rest) : bareAgent && /^\s*(?:on|against)\s/i.test(text.slice(bareAgent.end, s.end)) ? bareBy : /^\s*from\s+/i.exec(rest);
    if (on && !target) {
      target = phraseAt(ix, pos + on[0].length, s.end);
      if (!target) break;
      pos = target.end;
    } else if (by && !imposers) {
      const agent = agentAt(ix, pos + by[0].length, s.end);
      if (!agent) break;
      imposers = agent.keys;
      agentEnd = pos = agent.end;
    } else break;
  }
  // "Ostbay's existing sanctions on Norland, which already cover its navy": the relative clause names whom they hit
  const covering = target && /^\s*,\s*(?:which|that)\s+(?:already\s+|also\s+)?(?:cover|covers|covered|include|includes|included|target|targets|targeted)\s+/i.exec(text.slice(target.end, s.end));
  const covered = covering && phraseAt(ix, target!.end + covering[0].length, s.end);
  if (covered) target = covered;
  // "extended sanctions against Y by adding 23 people to its list": the people added are the new targets
  const adding = target && /^\s*,?\s*by\s+(?:adding|including|putting|placing|listing|designating)\s+/i.exec(text.slice(target.end, s.end));
  const added = adding && phraseAt(ix, target!.end + adding[0].length, s.end);
  if (added) target = added;
  let relativeAfter = false;
  if (target && !imposers) {
    // "sanctions against Y, which A and B imposed after Z": the relative clause names the imposers
    const rel = /^\s*,\s*(?:which|that)\s+/i.exec(text.slice(target.end, s.end));
    const agent = rel && agentAt(ix, target.end + rel[0].length, s.end);
    const verb = agent && /^\s+(?:(?:had|has|have|first|jointly|later|also)\s+){0,2}(?:imposed|slapped|placed|levied|introduced|adopted|announced|approved)\b/i.exec(text.slice(agent.end, s.end));
    if (agent && verb) {
      imposers = agent.keys;
      how = "verb";
      agentEnd = pos = agent.end + verb[0].length;
      relativeAfter = true;
    }
  }
  if (!target && !participle && !hitWith) {
    // "its unilateral sanctions and unjustified crackdowns on China and Russia"
    const later = /^\s*(?:and|or)\s+(?:[\p{L}-]+\s+){1,3}?(?:on|against)\s+/u.exec(text.slice(pos, s.end));
    if (later) target = phraseAt(ix, pos + later[0].length, s.end);
  }
  const pre = text.slice(s.start, trigger.start);
  // "urging X to release the sanctions against Y imposed when Z": the sanctions X is asked to lift are X's,
  // and the participle after the target tells they were imposed
  const imposedAfter = !imposers && target ? /^\s*,?\s*(?:(?:which|that)\s+(?:were|it)\s+)?(?:first\s+)?(?:imposed|introduced|levied)\b/i.exec(text.slice(target.end, s.end)) : null;
  const asked = imposedAfter && LIFT_ASKED.exec(pre);
  const askedAgent = asked && agentAt(ix, s.start + asked.index + asked[0].length - asked[1].length - asked[2].length, s.end);
  if (imposedAfter && askedAgent) {
    imposers = askedAgent.keys;
    how = "verb";
    pos = target!.end + imposedAfter[0].length;
  }
  if (!imposers) {
    const verb = governingVerb(ix.a.tokens, s, trigger.start);
    if (verb !== undefined) {
      if (notAnAction(ix, s.start, verb)) return undefined;
      const subject = imposerBefore(ix, s, verb, target);
      if (subject) {
        imposers = subject;
        how = "verb";
      }
    }
  }
  if (!imposers) {
    const modifier = possessor(ix, s, trigger.start);
    if (modifier) {
      imposers = modifier;
      how = "modifier";
    }
  }
  if (!imposers && last) {
    // "The sanctions include travel bans on Y": the action reported before, on further targets;
    // "the sanctions imposed on Y in 2023": an earlier action of the same imposer
    const sentence = text.slice(s.start, s.end);
    const details = /^(?:The|These|Those|Its|Their)\s+(?:new\s+|latest\s+)?(?:sanctions|measures|penalties)\s+(?:also\s+)?(?:include|included|includes|consist\s+of)\b/.test(sentence);
    const past = participle && /imposed|placed|levied|introduced|slapped/i.test(participle[1]) && target;
    if ((details && target) || past) {
      imposers = last.imposers;
      how = "context";
    }
  }
  // "Before the summit closed, sanctions were slapped on Y": a passive with no agent and no action before
  // it; the bloc whose meeting the text tells of (named within two sentences) imposed them
  if (!imposers && !last && target && participle && /^\s*,?\s*(?:were|was|have\s+been|has\s+been)\s/i.test(participle[0]) && /imposed|slapped|levied/i.test(participle[1]) && !hypothetical(ix, s.start, trigger.start)) {
    const body = bloc(ix, s);
    if (body) {
      imposers = body;
      how = "context";
    }
  }
  if (!imposers) return undefined;
  // a target before the noun ("targeted Y for new restrictions"): the reason comes after the noun
  let reason = reasonAfter(ix, Math.max(target?.end ?? pos, pos), s.end);
  // the relative clause is set off by commas: its reason ends at the next one
  const comma = relativeAfter && reason ? text.slice(reason.start, reason.end).indexOf(",") : -1;
  if (reason && comma > 0) reason = { start: reason.start, end: reason.start + comma };
  // "existing / previous sanctions": an earlier action told as background, not the one just reported
  const tokens = ix.a.tokens;
  const t = tokenAtOrAfter(tokens, trigger.start);
  const background = [tokens[t - 1], tokens[t - 2]].some((w) => w && EARLIER.has(w.lower));
  return { imposers, imposerHow: how, agentEnd, target, reason, ...(background ? { background } : {}), ...(namedAgent && target ? { own: true } : {}), ...(added ? { list: true } : {}), ...(sharesSubject && !target ? { sharesSubject } : {}) };
}

const EARLIER = new Set(["existing", "previous", "earlier", "prior", "past"]);

/** "urged X to lift (the) …": `1` is X and what follows it, `2` the request's verb and article. */
export const LIFT_ASKED = /\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|push(?:es|ed|ing)?)\s+((?:[^,;.]|(?<=\b\p{Lu})\.){2,60}?)(\s+to\s+(?:release|lift|ease|remove|drop|unfreeze|end)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+)?)$/iu;

/** "the sanctions regime, which the Council first created in 2006 in response to Z": who set up the sanctions, and why. */
export function regimeCreated(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const rel = /^\s+(?:list|regime|programme|program)\s*,?\s+(?:which|that)\s+/i.exec(ix.text.slice(trigger.end, s.end));
  if (!rel) return undefined;
  const agent = agentAt(ix, trigger.end + rel[0].length, s.end);
  if (!agent) return undefined;
  const verb = /^\s+(?:first\s+|originally\s+)?(?:created|established|set\s+up|imposed|introduced)\b/i.exec(ix.text.slice(agent.end, s.end));
  if (!verb) return undefined;
  const reason = reasonAfter(ix, agent.end + verb[0].length, s.end);
  if (!reason) return undefined;
  return { imposers: agent.keys, imposerHow: "verb", reason };
}
