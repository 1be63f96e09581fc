// wink-eng-lite-web-model, loaded for less CPU at start-up. The package's core model (3 MB of
// JSON) is parsed by require(), copied with JSON.parse(JSON.stringify()) (its loader hands each
// caller a fresh copy, which wink-nlp then grows) and has its base64 arrays decoded one character
// at a time: ~0.3 s of CPU per process. Here the JSON is parsed once from the file, the arrays
// are decoded by Buffer, and the result is built as the package's own read-core-model.js and
// load-core-model.js build it (test/extract/wink-model.test.ts compares the two). The other parts
// (sentence, POS, NER ... machines, stemmer, lemmatizer) are the package's own modules.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type winkNLP from "wink-nlp";

type Model = Parameters<typeof winkNLP>[0];

const require = createRequire(import.meta.url);
/** The package's dist/ folder (it has no "exports" map: its modules are reachable by path). */
const DIST = dirname(require.resolve("wink-eng-lite-web-model"));
/** The package version this loader was written for: another one gets the package's own loader. */
const KNOWN_VERSION = "1.8.1";

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: Array<string | Set<number>> } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** The bytes of a base64 text in an ArrayBuffer of their own (as the package's atob loop gives). */
function bytesOf(base64: string): ArrayBuffer {
  return new Uint8Array(Buffer.from(base64, "base64")).buffer;
}

/** The core model as the package's load-core-model.js returns it, read from its JSON file. */
export function loadCoreModel(): CoreModel {
  const model = JSON.parse(readFileSync(join(DIST, "languages", "cur", "models", "eng-core-web-model.json"), "utf8")) as CoreModel;
  // read-core-model.js
  const { packing, features, pos } = model;
  model.lexicon = new Uint32Array(bytesOf(model.lexicon as string));
  model.xpansions = new Uint32Array(bytesOf(model.xpansions as string));
  for (const f in packing.layout) {
    if (packing.layout[f][3] !== 0) continue;
    features[f].hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < features[f].list.length; k += 1) features[f].hash![features[f].list[k]] = k;
  }
  features.lexeme.hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < features.lexeme.list.length; k += 1) features.lexeme.hash[features.lexeme.list[k]] = k;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split("_").map((e) => pos.hash[e] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** The model object of the package's dist/model.js, with the core model loaded by loadCoreModel. */
export function winkModel(): Model {
  const version = (require(join(DIST, "..", "package.json")) as { version: string }).version;
  if (version !== KNOWN_VERSION) return require("wink-eng-lite-web-model") as Model;
  const part = (name: string) => require(join(DIST, name)) as unknown;
  const model = Object.create(null) as Record<string, unknown>;
  model.core = loadCoreModel;
  model.sbd = part("load-sbd-model.js");
  model.pos = part("load-pos-model.js");
  model.ner = part("load-ner-model.js");
  model.negation = part("load-negation-model.js");
  model.sa = part("load-sa-model.js");
  model.metaCER = part("load-cer-meta-model.js");
  model.featureFn = part("feature.js");
  model.addons = Object.create(null);
  (model.addons as Record<string, unknown>).stem = part("porter-stemmer.js");
  (model.addons as Record<string, unknown>).lemmatize = part("lemmatize.js");
  (model.addons as Record<string, unknown>).readabilityStats = part("readability-stats.js");
  (model.addons as Record<string, unknown>).wordVectors = undefined;
  return model as unknown as Model;
}
