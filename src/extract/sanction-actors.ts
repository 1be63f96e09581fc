// Collective actors that impose sanctions without being a state: "the West". The names pass knows
// states and organisations; when it has no entity for such an actor, this adds one for the
// sanctions pass, which keeps it only where it imposes or is hit by sanctions.
import type { LocalEntity, Mention } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import type { Token } from "./tokens.ts";
import { countryByIso3 } from "./lexicon.ts";
import { lowerBound } from "./sorted.ts";

/** "the West" as an actor (not "the West Bank", not "the west of the country"): "the" and `word`, then no "of" and no capitalised word. */
const COLLECTIVES: Array<{ word: string; key: string; name: string }> = [
  { word: "West", key: "org/the-west", name: "the West" },
];
const isCapitalAscii = (t: Token | undefined) => !!t && t.text.charCodeAt(0) >= 65 && t.text.charCodeAt(0) <= 90;

export interface Added {
  entities: LocalEntity[];
  mentions: Mention[];
}


export function ensureCollectiveActors(a: AnnotatedDocument): Added {
  const { text } = a.doc;
  const added: Added = { entities: [], mentions: [] };
  // the annotation's mentions, sorted by start, and the longest of them: an overlap test is a binary search
  const existing = [...a.mentions].sort((x, y) => x.span.start - y.span.start);
  const longest = existing.reduce((n, x) => Math.max(n, x.span.end - x.span.start), 0);
  const overlaps = (start: number, end: number) => {
    for (let i = lowerBound(existing, start - longest, (x) => x.span.start); i < existing.length && existing[i].span.start < end; i++) if (start < existing[i].span.end) return true;
    return false;
  };
  const tokens = a.tokens;
  for (const c of COLLECTIVES) {
    let entity: LocalEntity | undefined;
    const word = c.word.toLowerCase();
    for (let i = 0; i + 1 < tokens.length; i++) {
      const next = tokens[i + 2];
      if (tokens[i].text !== "the" || tokens[i + 1].text !== c.word || next?.lower === "of" || isCapitalAscii(next)) continue;
      const start = tokens[i].start; // "the " included
      const end = tokens[i + 1].end;
      if (overlaps(start, end)) continue;
      entity ??= a.entities.find((e) => e.names.some((n) => {
        const lower = n.toLowerCase();
        return (lower.startsWith("the ") ? lower.slice(4).trimStart() : lower) === word;
      }));
      if (!entity) {
        entity = { key: c.key, kind: "organisation", name: c.name, names: [c.name], orgType: "other" } satisfies LocalEntity;
        a.entities.push(entity);
        added.entities.push(entity);
      }
      const si = lowerBound(a.doc.sentences, start + 1, (s) => s.start) - 1;
      const sentence = si >= 0 && start < a.doc.sentences[si].end ? si : 0;
      const mention: Mention = { span: { start, end }, surface: text.slice(start, end), entity: entity.key, sentence, via: "name" };
      a.mentions.push(mention);
      added.mentions.push(mention);
    }
  }
  administrations(a, added, overlaps);
  a.mentions.sort((x, y) => x.span.start - y.span.start);
  return added;
}

/** The state whose government is called an "administration" after its head when the text names no state for that person. */
const ADMINISTRATION_STATE = "USA";
const POSSESSIVE = new Set(["'s", "’s"]);
const ADMINISTRATION_OF_TITLES = new Set(["president", "prime", "minister", "premier", "chancellor", "former", "then", "then-president", "us", "u.s.", "american"]);

/**
 * "the Varn administration", "President Varn's administration", "the administration of President Varn"
 * (invented): a government called after the person who heads it. Its word "administration" becomes a
 * mention of that person's state: the state of their post where the text gives one, the state named in
 * the phrase ("the US administration of President Varn"), else the United States, the state whose
 * governments are called so (the entity is added when the text names it only so).
 */
function administrations(a: AnnotatedDocument, added: Added, overlaps: (start: number, end: number) => boolean): void {
  const { tokens, mentions } = a;
  const byKey = new Map(a.entities.map((e) => [e.key, e]));
  const personEndingAt = (end: number) => mentions.find((m) => m.span.end === end && byKey.get(m.entity)?.kind === "person");
  const personStartingAt = (start: number) => mentions.find((m) => m.span.start === start && byKey.get(m.entity)?.kind === "person");
  let usa: LocalEntity | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.lower !== "administration") continue;
    if (overlaps(t.start, t.end)) continue;
    // the person before ("the Varn administration", "Varn's administration") or after ("the administration of President Varn")
    const prev = tokens[i - 1];
    let person = POSSESSIVE.has(prev.text) && i > 1 ? personEndingAt(tokens[i - 2].end) : personEndingAt(prev.end);
    let phraseStart = person?.span.start ?? t.start;
    if (!person && tokens[i + 1]?.lower === "of") {
      let k = i + 2;
      while (k < tokens.length && k < i + 6 && ADMINISTRATION_OF_TITLES.has(tokens[k].lower) && !personStartingAt(tokens[k].start)) k++;
      person = k < tokens.length ? personStartingAt(tokens[k].start) : undefined;
      phraseStart = t.start;
    }
    if (!person) continue;
    const phraseEnd = Math.max(t.end, person.span.end);
    // a state named in the phrase ("US President Varn's administration") is read as it is
    const opener = tokens.slice(Math.max(0, i - 6), i).find((x) => x.start >= phraseStart - 20 && x.start < phraseStart && mentions.some((m) => m.span.start === x.start && byKey.get(m.entity)?.kind === "country"));
    if (opener || mentions.some((m) => m.span.start >= phraseStart && m.span.end <= phraseEnd && byKey.get(m.entity)?.kind === "country")) continue;
    const post = a.roles.find((r) => r.holder === person!.entity && r.organisation && byKey.get(r.organisation)?.kind === "country");
    let state = post ? byKey.get(post.organisation!) : a.entities.find((e) => e.kind === "country" && e.iso3 === ADMINISTRATION_STATE);
    if (!state) {
      usa ??= (() => {
        const info = countryByIso3(ADMINISTRATION_STATE);
        const e: LocalEntity = { key: "country/administration-state", kind: "country", name: info?.label ?? ADMINISTRATION_STATE, names: [info?.label ?? ADMINISTRATION_STATE], orgType: "country", iso3: ADMINISTRATION_STATE };
        a.entities.push(e);
        added.entities.push(e);
        return e;
      })();
      state = usa;
    }
    const si = lowerBound(a.doc.sentences, t.start + 1, (s) => s.start) - 1;
    const mention: Mention = { span: { start: t.start, end: t.end }, surface: t.text, entity: state.key, sentence: si >= 0 && t.start < a.doc.sentences[si].end ? si : 0, via: "name" };
    mentions.push(mention);
    added.mentions.push(mention);
  }
}

/** Takes back what `ensureCollectiveActors` added for entities no fact uses. */
export function dropUnusedActors(a: AnnotatedDocument, added: Added, used: Set<string>): void {
  const unused = new Set(added.entities.filter((e) => !used.has(e.key)).map((e) => e.key));
  const addedMentions = new Set(added.mentions.filter((m) => !used.has(m.entity)));
  if (!unused.size && !addedMentions.size) return;
  a.entities.splice(0, a.entities.length, ...a.entities.filter((e) => !unused.has(e.key)));
  a.mentions.splice(0, a.mentions.length, ...a.mentions.filter((m) => !addedMentions.has(m)));
}
