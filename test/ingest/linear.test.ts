// Blow-up guard for ingest: each pathological 1 MB article is ingested in bounded time. The bound
// is generous (a loaded 2-core machine; these take about a second of CPU each); before the sentence
// splitter read ICU's breaks window by window, one 480 KB paragraph of many segments took 238 s.
import { describe, expect, it } from "vitest";
import { ingestText, splitSentences } from "../../src/ingest/index.ts";
import { icuBreaks } from "../../src/ingest/sentences.ts";

const BOUND_S = 120;
const SIZE = 1_000_000;

/** Pieces joined by `sep` until the text reaches `SIZE` characters. */
function repeat(piece: (i: number) => string, sep = " "): string {
  const parts: string[] = [];
  for (let i = 0, n = 0; n < SIZE; i++) {
    const p = piece(i);
    parts.push(p);
    n += p.length + sep.length;
  }
  return parts.join(sep);
}

const WORDS = ["Alda", "Varn", "Minister", "of", "Harbour", "Council", "General", "Staff", "Maj.", "Gen.", "(HCA)", "and", "Northern", "People’s", "Guard"];
const PATHOLOGICAL: Record<string, () => string> = {
  "one endless sentence of capitalised words and abbreviations, no newline": () => repeat((i) => WORDS[i % WORDS.length]) + ".",
  "one paragraph of many short sentences": () => repeat((i) => `Alda Varn spoke on day ${i}.`),
  "short lines and date stamps": () => repeat((i) => (i % 2 ? `March ${1 + (i % 28)}, 2024 6:41 PM GMT+1` : `Line ${i} of Gen. Staff`), "\n"),
};

describe("ingest stays linear on pathological articles", () => {
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(`ingests 1 MB of ${name} in under ${BOUND_S} s`, { timeout: 2 * BOUND_S * 1000 }, () => {
      const text = "Invented headline about harbour measures\n\n" + make();
      const t0 = performance.now();
      const doc = ingestText("patho.txt", text);
      const seconds = (performance.now() - t0) / 1000;
      expect(doc.text.length).toBe(text.length);
      expect(doc.sentences.length).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(BOUND_S);
    });
  }

  it("reads ICU's breaks window by window exactly as one pass over the whole text would", () => {
    const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
    const text = repeat((i) => [`Alda Varn (HCA) said on Monday “we act.”`, "Gen. Staff met U.S. envoys.", `It rose ${i}.5 percent!`, "Why?"][i % 4]).slice(0, 20_000);
    const whole = [...segmenter.segment(text)].map((s) => [s.index, s.index + s.segment.length]);
    expect([...icuBreaks(text)]).toEqual(whole);
    expect(splitSentences(text, 0, text.length).length).toBeGreaterThan(300);
  });
});
