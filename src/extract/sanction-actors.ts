// Collective actors that impose sanctions without being a state: "the West". The names pass knows
// states and organisations; when it has no entity for such an actor, this adds one for the
// sanctions pass, which keeps it only where it imposes or is hit by sanctions.
import type { LocalEntity, Mention } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import type { Token } from "./tokens.ts";

/** "the West" as an actor (not "the West Bank", not "the west of the country"): "the" and `word`, then no "of" and no capitalised word. */
const COLLECTIVES: Array<{ word: string; key: string; name: string }> = [
  { word: "West", key: "org/the-west", name: "the West" },
];
const isCapitalAscii = (t: Token | undefined) => !!t && t.text.charCodeAt(0) >= 65 && t.text.charCodeAt(0) <= 90;

export interface Added {
  entities: LocalEntity[];
  mentions: Mention[];
}

/** Index of the first item whose start is >= `pos` (items sorted by start). */
function firstFrom<T>(items: readonly T[], pos: number, start: (t: T) => number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start(items[mid]) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function ensureCollectiveActors(a: AnnotatedDocument): Added {
  const { text } = a.doc;
  const added: Added = { entities: [], mentions: [] };
  // the annotation's mentions, sorted by start, and the longest of them: an overlap test is a binary search
  const existing = [...a.mentions].sort((x, y) => x.span.start - y.span.start);
  const longest = existing.reduce((n, x) => Math.max(n, x.span.end - x.span.start), 0);
  const overlaps = (start: number, end: number) => {
    for (let i = firstFrom(existing, start - longest, (x) => x.span.start); i < existing.length && existing[i].span.start < end; i++) if (start < existing[i].span.end) return true;
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
      const si = firstFrom(a.doc.sentences, start + 1, (s) => s.start) - 1;
      const sentence = si >= 0 && start < a.doc.sentences[si].end ? si : 0;
      const mention: Mention = { span: { start, end }, surface: text.slice(start, end), entity: entity.key, sentence, via: "name" };
      a.mentions.push(mention);
      added.mentions.push(mention);
    }
  }
  a.mentions.sort((x, y) => x.span.start - y.span.start);
  return added;
}

/** Takes back what `ensureCollectiveActors` added for entities no fact uses. */
export function dropUnusedActors(a: AnnotatedDocument, added: Added, used: Set<string>): void {
  const unused = new Set(added.entities.filter((e) => !used.has(e.key)).map((e) => e.key));
  const addedMentions = new Set(added.mentions.filter((m) => !used.has(m.entity)));
  if (!unused.size && !addedMentions.size) return;
  a.entities.splice(0, a.entities.length, ...a.entities.filter((e) => !unused.has(e.key)));
  a.mentions.splice(0, a.mentions.length, ...a.mentions.filter((m) => !addedMentions.has(m)));
}
