// The day a statement was made, where its attribution fixes it: "…," she said on Monday. /
// On Tuesday, the ministry said: "…" / "…," the spokesman told reporters in Geneva yesterday.
// Only the attribution counts, never a date inside quotation marks (the speaker's own "today"),
// and only a date in the speech verb's own clause ("X, who met Y on Monday, said …" gives none).
import type { Document, QuoteFact } from "../model.ts";
import { findTimes, referenceDate } from "./dates.ts";
import { lexiconSet } from "./quote-lexicon.ts";

const SPEECH_VERBS = lexiconSet("speech-verbs.txt");
const SPEECH_NOUNS = lexiconSet("speech-nouns.txt");
/** Quoted stretches in the evidence: masked, so no date is read from the speaker's own words. */
const QUOTED = /[“"«„][^“”"«»„]*[”"»]|‘[^‘’]*’(?![\p{L}])/gu;
/** Words that open a clause of their own between a date and the speech verb. */
const OTHER_CLAUSE = /\b(?:who|whom|whose|which|that|after|before|when|since|following|while|where|as|until|because|if|during|ahead\s+of)\b/i;

/** Sets `date` on the quotes whose attribution fixes the day they were said. */
export function dateStatements(doc: Document, quotes: QuoteFact[]): void {
  const reference = referenceDate(doc);
  if (!reference) return;
  for (const q of quotes) {
    const date = attributionDay(doc.text, q, reference);
    if (date) q.date = date;
  }
}

function attributionDay(text: string, q: QuoteFact, reference: string): string | undefined {
  const { start, end } = q.evidence;
  let masked = text.slice(start, end);
  const blank = (from: number, to: number) => (masked = masked.slice(0, from) + "\u0000".repeat(to - from) + masked.slice(to));
  for (const m of masked.matchAll(QUOTED)) blank(m.index, m.index + m[0].length);
  if (q.span.start < end && q.span.end > start) blank(Math.max(0, q.span.start - start), Math.min(end - start, q.span.end - start));
  // the attribution's stretches: between quotations and sentence ends
  let best: { date: string; distance: number } | undefined;
  for (const seg of masked.matchAll(/[^\u0000.!?]+/g)) {
    const part = seg[0];
    const words = [...part.matchAll(/\p{L}+/gu)];
    const verbs = words.filter((w, i) => isSpeech(w[0], words[i + 1]?.[0]));
    if (!verbs.length) continue;
    for (const t of findTimes(part, reference)) {
      if (!t.date) continue;
      // "Strand, who met the envoy on Wednesday, said": the day is a relative clause's
      const ownClause = part.slice(Math.max(0, part.lastIndexOf(",", t.span.start) + 1), t.span.start);
      if (OTHER_CLAUSE.test(ownClause)) continue;
      for (const v of verbs) {
        const [from, to] = v.index < t.span.start ? [v.index + v[0].length, t.span.start] : [t.span.end, v.index];
        const between = part.slice(from, to);
        if (OTHER_CLAUSE.test(between) || /[;:()]/.test(between) || between.length > 60) continue;
        const distance = to - from;
        if (!best || distance < best.distance) best = { date: t.date, distance };
      }
    }
  }
  return best?.date;
}

/** A speech verb ("said", "told") or a statement noun ("statement", "press release"). */
function isSpeech(word: string, next = ""): boolean {
  const lower = word.toLowerCase();
  return SPEECH_VERBS.has(lower) || SPEECH_NOUNS.has(lower) || SPEECH_NOUNS.has(`${lower} ${next.toLowerCase()}`);
}
