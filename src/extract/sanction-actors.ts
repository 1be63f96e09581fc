// Collective actors that impose sanctions without being a state: "the West". The names pass knows
// states and organisations; when it has no entity for such an actor named as one, this adds it.
import type { LocalEntity } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";

/** "the West" as an actor (not "the West Bank", not "the west of the country"). */
const COLLECTIVES: Array<{ re: RegExp; key: string; name: string }> = [
  { re: /\bthe\s+(West)\b(?!\s+(?:of\b|[A-Z]))/g, key: "org/the-west", name: "the West" },
];

export function ensureCollectiveActors(a: AnnotatedDocument): void {
  const { text } = a.doc;
  for (const c of COLLECTIVES) {
    for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
      const start = m.index + m[0].length - m[1].length - 4; // "the " included
      const end = m.index + m[0].length;
      if (a.mentions.some((x) => x.span.start < end && start < x.span.end)) continue;
      let entity = a.entities.find((e) => e.names.some((n) => n.toLowerCase().replace(/^the\s+/, "") === m![1].toLowerCase()));
      if (!entity) {
        entity = { key: c.key, kind: "organisation", name: c.name, names: [c.name], orgType: "other" } satisfies LocalEntity;
        a.entities.push(entity);
      }
      const sentence = Math.max(0, a.doc.sentences.findIndex((s) => start >= s.start && start < s.end));
      a.mentions.push({ span: { start, end }, surface: text.slice(start, end), entity: entity.key, sentence, via: "name" });
    }
    c.re.lastIndex = 0;
  }
  a.mentions.sort((x, y) => x.span.start - y.span.start);
}
