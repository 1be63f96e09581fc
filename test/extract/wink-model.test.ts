// The tagger's model is loaded by wink-model.ts (one JSON parse, no deep copy): it must be the
// model the package's own loader gives, and tag as it does.
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { loadCoreModel, winkModel } from "../../src/extract/wink-model.ts";

const require = createRequire(import.meta.url);

describe("the wink model loaded without the package's copy", () => {
  it("is the core model the package's loader builds", () => {
    const ours = loadCoreModel();
    const theirs = (model.core as () => unknown)();
    expect(isDeepStrictEqual(ours, theirs)).toBe(true);
    expect(ours.lexicon).toBeInstanceOf(Uint32Array);
    // each call gives a model of its own (wink-nlp grows the lexeme list it is given)
    expect(loadCoreModel().features.lexeme).not.toBe(ours.features.lexeme);
  });

  it("has the package's other parts, and tags invented sentences as the package's model does", () => {
    const ours = winkModel() as unknown as Record<string, unknown>;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(model).sort());
    expect(ours.pos).toBe(require("wink-eng-lite-web-model/dist/load-pos-model.js"));
    const text = "The Freedonian foreign minister, Ana Marlo, said on Tuesday that talks in Fredville would resume. “We can't wait,” she added.";
    const tags = (m: Parameters<typeof winkNLP>[0]) => {
      const nlp = winkNLP(m, ["pos"]);
      const t = nlp.readDoc(text).tokens();
      return [t.out(nlp.its.value), t.out(nlp.its.pos), t.out(nlp.its.lemma as unknown as typeof nlp.its.value)];
    };
    expect(tags(ours as never)).toEqual(tags(model));
  });
});
