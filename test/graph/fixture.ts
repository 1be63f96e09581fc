// A small hand-made extraction (invented names and sentences) so the graph stage and the queries
// can be tested without the extractor.
import type { Document, Extraction, Links, Span } from "../../src/model.ts";
import { resolve } from "../../src/resolve/index.ts";

export function doc(id: string, text: string, meta: Partial<Document> = {}): Document {
  const sentences: Span[] = [];
  for (const m of text.matchAll(/[^\s.!?][^.!?\n]*[.!?]?["”]?/g)) if (m[0].trim()) sentences.push({ start: m.index!, end: m.index! + m[0].length });
  return { id, fileName: `${id}.txt`, sha256: id.padEnd(64, "0"), text, blocks: [{ start: 0, end: text.length, kind: "body" }], sentences, ...meta };
}

const span = (text: string, part: string, from = 0): Span => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: '${part}' not in text`);
  return { start, end: start + part.length };
};

export const TEXT_A =
  'Nordland Foreign Minister Anna Berg met officials in Ostbay. "We will answer every sanction with dialogue," Berg said. ' +
  "On Monday the Southern Union imposed sanctions on two Nordland officials over border violations.";
export const TEXT_B =
  'Anna Berg, the foreign minister of Nordland, spoke again. "We will answer every sanction with dialogue," she said. ' +
  "Tomas Kern, director of the Ostbay Institute, disagreed — “firmly”\tand at length.";

export function sampleExtractions(): Extraction[] {
  const a = doc("art_a", TEXT_A, { title: "Berg meets officials", publisher: "The Daily Test", published: "2024-05-07" });
  const b = doc("art_b", TEXT_B, { title: "Berg speaks again", published: "2024-05-08" });
  const quoteA = '"We will answer every sanction with dialogue,"';
  const qa = span(TEXT_A, quoteA);
  const qb = span(TEXT_B, quoteA);
  return [
    {
      doc: a,
      entities: [
        { key: "e1", kind: "person", name: "Anna Berg", names: ["Anna Berg", "Berg"] },
        { key: "e2", kind: "country", name: "Nordland", names: ["Nordland"], orgType: "country", iso3: "NRD" },
        { key: "e3", kind: "place", name: "Ostbay", names: ["Ostbay"] },
        { key: "e4", kind: "organisation", name: "Southern Union", names: ["Southern Union"], orgType: "international" },
      ],
      mentions: [],
      roles: [{ holder: "e1", title: "Foreign Minister", organisation: "e2", evidence: a.sentences[0], confidence: 0.9 }],
      quotes: [
        { speaker: "e1", text: "We will answer every sanction with dialogue,", span: { start: qa.start + 1, end: qa.end - 1 }, evidence: a.sentences[1], confidence: 0.85 },
      ],
      sanctions: [
        {
          imposers: ["e4"], targetText: "two Nordland officials", targets: ["e2"], reason: "border violations", date: "2024-05-06",
          evidence: a.sentences[2], confidence: 0.8,
        },
      ],
    },
    {
      doc: b,
      entities: [
        { key: "p1", kind: "person", name: "Anna Berg", names: ["Anna Berg"] },
        { key: "p2", kind: "country", name: "Nordland", names: ["Nordland"], orgType: "country" },
        { key: "p3", kind: "person", name: "Tomas Kern", names: ["Tomas Kern"] },
        { key: "p4", kind: "organisation", name: "Ostbay Institute", names: ["Ostbay Institute"], orgType: "academic" },
      ],
      mentions: [],
      roles: [
        { holder: "p1", title: "Foreign Minister", organisation: "p2", evidence: b.sentences[0], confidence: 0.9 },
        { holder: "p3", title: "director", organisation: "p4", evidence: b.sentences[2], confidence: 0.9 },
      ],
      quotes: [
        { speaker: "p1", text: "We will answer every sanction with dialogue,", span: { start: qb.start + 1, end: qb.end - 1 }, evidence: b.sentences[1], date: "2024-05-08", confidence: 0.8 },
      ],
      sanctions: [],
    },
  ];
}

export function sampleGraphInput() {
  const extractions = sampleExtractions();
  const resolution = resolve(extractions);
  const nordland = resolution.entities.find((e) => e.label === "Nordland")!;
  const berg = resolution.entities.find((e) => e.label === "Anna Berg")!;
  const ostbay = resolution.entities.find((e) => e.label === "Ostbay")!;
  const links: Links = new Map([
    [nordland.id, { qid: "Q999001", score: 0.97, method: "gazetteer", candidates: [{ qid: "Q999001", label: "Nordland", score: 0.97 }] }],
    [ostbay.id, { qid: "Q999004", score: 0.9, method: "gazetteer", candidates: [], geo: { lat: 59.91273, long: -10.75 } }],
    [berg.id, { score: 0.4, method: "gazetteer", candidates: [{ qid: "Q999002", label: "Anna Berg", score: 0.4 }, { qid: "Q999003", label: "Anna Berg", score: 0.3 }] }],
  ]);
  return { extractions, resolution, links };
}
