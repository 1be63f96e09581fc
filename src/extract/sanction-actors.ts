// Collective actors that impose sanctions without being a state: "the West". The names pass knows
// states and organisations; when it has no entity for such an actor, this adds one for the
// sanctions pass, which keeps it only where it imposes or is hit by sanctions.
import type { LocalEntity, Mention } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";

/** "the West" as an actor (not "the West Bank", not "the west of the country"). */
const COLLECTIVES: Array<{ re: RegExp; key: string; name: string }> = [
  { re: /\bthe\s+(West)\b(?!\s+(?:of\b|[A-Z]))/g, key: "org/the-west", name: "the West" },
];

export interface Added {
  entities: LocalEntity[];
  mentions: Mention[];
}

export function ensureCollectiveActors(a: AnnotatedDocument): Added {
  const { text } = a.doc;
  const added: Added = { entities: [], mentions: [] };
  for (const c of COLLECTIVES) {
    for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
      const start = m.index + m[0].length - m[1].length - 4; // "the " included
      const end = m.index + m[0].length;
      if (a.mentions.some((x) => x.span.start < end && start < x.span.end)) continue;
      let entity = a.entities.find((e) => e.names.some((n) => n.toLowerCase().replace(/^the\s+/, "") === m![1].toLowerCase()));
      if (!entity) {
        entity = { key: c.key, kind: "organisation", name: c.name, names: [c.name], orgType: "other" } satisfies LocalEntity;
        a.entities.push(entity);
        added.entities.push(entity);
      }
      const sentence = Math.max(0, a.doc.sentences.findIndex((s) => start >= s.start && start < s.end));
      const mention: Mention = { span: { start, end }, surface: text.slice(start, end), entity: entity.key, sentence, via: "name" };
      a.mentions.push(mention);
      added.mentions.push(mention);
    }
    c.re.lastIndex = 0;
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
