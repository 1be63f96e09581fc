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

interface Piece {
  start: number;
  end: number;
  tag: Tag;
  lemma: string;
}

/** wink's tokens of `text` with their offsets (wink keeps every character: spaces precede tokens). */
function pieces(text: string): Piece[] {
  const n = tagger();
  const its = n.its;
  const tokens = n.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as Tag[];
  // the typings of `its.lemma` disagree with `out` though it works as documented
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const out: Piece[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    const v = values[i];
    // a token wink normalised in place (never seen, but then skip rather than misalign)
    if (text.startsWith(v, at)) {
      out.push({ start: at, end: at + v.length, tag: tags[i], lemma: lemmas[i] });
      at += v.length;
    } else {
      const found = text.slice(at, at + v.length + 64).indexOf(v);
      if (found < 0) continue;
      at += found;
      out.push({ start: at, end: at + v.length, tag: tags[i], lemma: lemmas[i] });
      at += v.length;
    }
  }
  return out;
}

/**
 * Tags for spans of `text` (sorted, non-overlapping, offsets into `text`). A span that covers
 * several of wink's tokens ("al-Assad" → al, -, Assad; "can't" → ca, n't) takes a proper noun's
 * tag if one is among them, else its last content token's.
 */
export function tagSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): Tagged[] {
  const ps = pieces(text);
  const out: Tagged[] = [];
  let j = 0;
  for (const s of spans) {
    while (j < ps.length && ps[j].end <= s.start) j++;
    let k = j;
    const covering: Piece[] = [];
    while (k < ps.length && ps[k].start < s.end) covering.push(ps[k++]);
    if (!covering.length) {
      out.push({ tag: "X", lemma: text.slice(s.start, s.end).toLowerCase() });
      continue;
    }
    if (covering.length === 1 && covering[0].start === s.start && covering[0].end === s.end) {
      out.push({ tag: covering[0].tag, lemma: covering[0].lemma.toLowerCase() });
      continue;
    }
    const content = covering.filter((p) => p.tag !== "PUNCT" && p.tag !== "PART");
    const pick = covering.find((p) => p.tag === "PROPN") ?? content[content.length - 1] ?? covering[covering.length - 1];
    // the lemma of a token wink split is the word itself
    out.push({ tag: pick.tag, lemma: text.slice(s.start, s.end).toLowerCase() });
  }
  return out;
}
