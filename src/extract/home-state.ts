// The state a national post belongs to when the text names none beside it ("Foreign Minister X"):
// the one state that is the scene of its sentence ("in Bolivia", "told reporters in Tokyo"), the
// subject opening the sentence before in the same paragraph, or "the country's".
// Only when exactly one state fits, and not in a sentence about travel or talks abroad.
import type { Document, LocalEntity, Mention, RoleFact } from "../model.ts";
import { lexicons } from "./lexicon.ts";

/** Posts of a national government: presidents, prime ministers, ministers, cabinet secretaries. */
const NATIONAL_POST = /^(?:former\s+|acting\s+|interim\s+)?(?:(?:deputy|vice|first)\s+)?(?:president|prime\s+minister|premier|chancellor|(?:[\p{L}-]+\s+){0,3}minister|(?:chief\s+)?cabinet\s+secretary)$/iu;
/** A sentence that may put the post holder in another state's capital. */
const ABROAD = /\b(?:arriv(?:e|ed|es|ing)|visit(?:s|ed|ing)?|travell?(?:ed|ing|s)?|flew|fly(?:ing)?|met|meets|meeting|talks\s+with|hosted|hosting|counterpart|summit|trip|tour)\b/i;

export function assignHomeStates(doc: Document, entities: LocalEntity[], mentions: Mention[], roles: RoleFact[]): void {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const stateOfIso = new Map<string, string>();
  for (const e of entities) if (e.kind === "country" && e.iso3 && !stateOfIso.has(e.iso3)) stateOfIso.set(e.iso3, e.key);
  const sentenceOf = (pos: number) => doc.sentences.findIndex((s) => pos >= s.start && pos < s.end);
  const blockOf = (pos: number) => doc.blocks.findIndex((b) => pos >= b.start && pos < b.end);
  const lex = lexicons();
  for (const r of roles) {
    if (r.organisation || !NATIONAL_POST.test(r.title)) continue;
    const si = sentenceOf(r.evidence.start);
    if (si < 0) continue;
    const s = doc.sentences[si];
    const sentence = doc.text.slice(s.start, s.end);
    if (ABROAD.test(sentence)) continue;
    const states = new Set<string>();
    // A state named near the post is often what the holder acts on ("Sweden's bid goes to President
    // X"), so only two positions count: the scene of the post's own sentence ("in Bolivia", "in
    // Lima"), and the subject that opens the sentence before ("Chile's government answered.").
    const inFront = (m: Mention) => /\bin\s+$/.test(doc.text.slice(Math.max(0, m.span.start - 4), m.span.start));
    const opens = (m: Mention, k: number) => /^[\s"“‘']*$/.test(doc.text.slice(doc.sentences[k].start, m.span.start));
    const statesIn = (k: number) => {
      // the sentence before counts only when a state opens it; then every state it names counts
      // (so "Chile and Peru signed…" gives two, and no owner)
      const opened = k !== si && mentions.some((m) => m.sentence === k && byKey.get(m.entity)?.kind === "country" && opens(m, k));
      for (const m of mentions) {
        if (m.sentence !== k) continue;
        if (k === si ? !inFront(m) : !opened) continue;
        const e = byKey.get(m.entity);
        if (e?.kind === "country") states.add(e.key);
        // "in Tokyo": a capital as the scene
        else if (e?.kind === "place" && k === si) {
          const iso = lex.capitals.get(e.name)?.iso3;
          const key = iso ? stateOfIso.get(iso) : undefined;
          if (key) states.add(key);
          else states.add(`?${e.name}`); // a capital of a state the text does not name: no owner can be sure
        }
      }
    };
    statesIn(si);
    // the sentence before, in the same paragraph ("Venezuela's government responded. Foreign Minister X said …")
    const prev = doc.sentences[si - 1];
    if (prev && blockOf(prev.start) === blockOf(s.start)) statesIn(si - 1);
    // "the country's": the state named last before it
    if (/\bthe\s+country['’]s\b/i.test(sentence)) {
      const at = s.start + sentence.search(/\bthe\s+country['’]s\b/i);
      const last = [...mentions].reverse().find((m) => m.span.start < at && byKey.get(m.entity)?.kind === "country" && si - m.sentence <= 2);
      if (last) states.add(last.entity);
    }
    if (states.size !== 1) continue;
    const [only] = states;
    if (only.startsWith("?") || only === r.holder) continue;
    r.organisation = only;
    r.confidence = Math.min(r.confidence, 0.6);
  }
}
