// Part-of-speech tags and lemmas from wink-nlp's English model (universal POS tags, shipped in the
// npm package, no download at run time), aligned onto our own tokens by character offsets.
// Our tokenizer stays the authority on token boundaries: other passes rely on its splits
// ("China" + "'s", "al-Assad" as one word); wink's tokens only lend their tags.
import winkNLP from "wink-nlp";
import { winkModel } from "./wink-model.ts";

/** Universal POS tags (https://universaldependencies.org/u/pos/), "X" when untagged. */
export type Tag = "ADJ" | "ADP" | "ADV" | "AUX" | "CCONJ" | "DET" | "INTJ" | "NOUN" | "NUM" | "PART" | "PRON" | "PROPN" | "PUNCT" | "SCONJ" | "SYM" | "VERB" | "X" | "SPACE";

export interface Tagged {
  tag: Tag;
  lemma: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function tagger(): Nlp {
  // "pos" alone: our own sentence splitter decides sentences; wink's would only cost time
  nlp ??= winkNLP(winkModel(), ["pos"]);
  return nlp;
}

/**
 * wink's tokens of `text` with their offsets (wink keeps every character: spaces precede tokens),
 * as parallel arrays (one document's worth of small objects was garbage): token k spans
 * [start[k], end[k]) and has wink's tag and lemma number `index[k]`.
 */
interface Pieces {
  count: number;
  start: Int32Array;
  end: Int32Array;
  index: Int32Array;
  tags: Tag[];
  lemmas: string[];
}

function pieces(text: string): Pieces {
  const n = tagger();
  const its = n.its;
  const tokens = n.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as Tag[];
  // the typings of `its.lemma` disagree with `out` though it works as documented
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const start = new Int32Array(values.length);
  const end = new Int32Array(values.length);
  const index = new Int32Array(values.length);
  let count = 0;
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    const v = values[i];
    // a token wink normalised in place (never seen, but then skip rather than misalign)
    if (!text.startsWith(v, at)) {
      const found = text.slice(at, at + v.length + 64).indexOf(v);
      if (found < 0) continue;
      at += found;
    }
    start[count] = at;
    end[count] = at + v.length;
    index[count] = i;
    count++;
    at += v.length;
  }
  return { count, start, end, index, tags, lemmas };
}

/**
 * Tags for the spans of `text` [starts[k] - offset, ends[k] - offset) (sorted, non-overlapping), written
 * to `tagOut` and `lemmaOut`. A span that covers several of wink's tokens ("al-Assad" → al, -, Assad;
 * "can't" → ca, n't) takes a proper noun's tag if one is among them, else its last content token's.
 */
export function tagSpansInto(text: string, offset: number, count: number, starts: ArrayLike<number>, ends: ArrayLike<number>, tagOut: Tag[], lemmaOut: string[]): void {
  const ps = pieces(text);
  const { start: pStart, end: pEnd, index: pIndex, tags, lemmas } = ps;
  let j = 0;
  for (let k = 0; k < count; k++) {
    const s = starts[k] - offset;
    const e = ends[k] - offset;
    while (j < ps.count && pEnd[j] <= s) j++;
    let last = j;
    while (last < ps.count && pStart[last] < e) last++;
    // wink's tokens j .. last-1 cover the span
    if (last === j) {
      tagOut[k] = "X";
      lemmaOut[k] = text.slice(s, e).toLowerCase();
      continue;
    }
    if (last === j + 1 && pStart[j] === s && pEnd[j] === e) {
      tagOut[k] = tags[pIndex[j]];
      lemmaOut[k] = lemmas[pIndex[j]].toLowerCase();
      continue;
    }
    let propn = -1;
    let content = -1;
    for (let p = j; p < last; p++) {
      const tag = tags[pIndex[p]];
      if (tag === "PROPN" && propn < 0) propn = p;
      if (tag !== "PUNCT" && tag !== "PART") content = p;
    }
    const pick = propn >= 0 ? propn : content >= 0 ? content : last - 1;
    tagOut[k] = tags[pIndex[pick]];
    // the lemma of a token wink split is the word itself
    lemmaOut[k] = text.slice(s, e).toLowerCase();
  }
}

/** Tags for spans of `text` (sorted, non-overlapping, offsets into `text`): tagSpansInto for a list of spans. */
export function tagSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): Tagged[] {
  const tags: Tag[] = [];
  const lemmas: string[] = [];
  tagSpansInto(text, 0, spans.length, spans.map((s) => s.start), spans.map((s) => s.end), tags, lemmas);
  return tags.map((tag, k) => ({ tag, lemma: lemmas[k] }));
}
