// The tagger's alignment of wink's tokens onto ours (src/extract/tagger.ts), on text where the two
// tokenizers split differently.
import { describe, expect, it } from "vitest";
import { tagSpans, tagSpansInto, type Tag } from "../../src/extract/tagger.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { tokenize } from "../../src/extract/tokens.ts";

const TAGS = new Set(["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE"]);

describe("tags aligned on our tokens", () => {
  it("gives a span wink splits the proper noun's tag and the word itself as lemma", () => {
    const text = "Officials met Bashar al-Assad and can't agree.";
    const span = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const spans = [span("al-Assad"), span("can't")];
    const [assad, cant] = tagSpans(text, spans);
    expect(assad).toEqual({ tag: "PROPN", lemma: "al-assad" });
    expect(cant.lemma).toBe("can't");
  });

  it("tags spans wink has no token for as X with the lower-case text, and keeps later spans aligned", () => {
    const text = "Talks   ended.\tThe ministry said";
    // a span over spaces only (no wink token), then real words
    const spans = [{ start: 5, end: 8 }, { start: text.indexOf("The"), end: text.indexOf("The") + 3 }, { start: text.indexOf("ministry"), end: text.indexOf("ministry") + 8 }];
    const out = tagSpans(text, spans);
    expect(out[0]).toEqual({ tag: "X", lemma: "   " });
    expect(out[1].tag).toBe("DET");
    expect(out[2]).toEqual({ tag: "NOUN", lemma: "ministry" });
  });

  it("reads offsets relative to a block's start into the caller's arrays", () => {
    const text = "The envoy imposed sanctions.";
    const tags: Tag[] = [];
    const lemmas: string[] = [];
    // the block starts at 100 in its document
    const at = (w: string) => 100 + text.indexOf(w);
    tagSpansInto(text, 100, 2, [at("imposed"), at("sanctions")], [at("imposed") + 7, at("sanctions") + 9], tags, lemmas);
    expect(lemmas).toEqual(["impose", "sanction"]);
    expect(tags[0]).toBe("VERB");
  });

  it("tags every token of odd text (emoji, dashes, glued punctuation, non-Latin script) with a known tag and a lower-case lemma", () => {
    const text = "HEADLINE — U.S.-led talks 🙂 in Kyiv/Київ;\n\n“Nope,” said Jean-Luc (R-Texas)...2024—05.\u00a0Done!!";
    const doc = ingestText("odd.txt", text);
    const tokens = tokenize(doc);
    expect(tokens.length).toBeGreaterThan(15);
    for (const t of tokens) {
      expect(TAGS.has(t.tag)).toBe(true);
      expect(t.lemma).toBe(t.lemma.toLowerCase());
      expect(t.lemma.length).toBeGreaterThan(0);
    }
    expect(tokens.find((t) => t.text === "Kyiv")?.tag).toBe("PROPN");
  });
});
