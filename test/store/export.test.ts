// Every export format parses with an independent parser: Debian's rapper (raptor2), and for
// JSON-LD (which raptor does not read) jsonld-streaming-parser.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { JsonLdParser } from "jsonld-streaming-parser";
import { canonicalNQuads, graphQuads, ontologyQuads } from "../../src/graph/index.ts";
import { ENTITIES_GRAPH } from "../../src/graph/vocab.ts";
import { exportStore, type ExportFormat } from "../../src/store/export.ts";
import { sampleGraphInput } from "../graph/fixture.ts";

const { extractions, resolution, links } = sampleGraphInput();
const canonical = canonicalNQuads([...ontologyQuads(), ...graphQuads(extractions, resolution, links)]);
const store = new oxigraph.Store();
store.load(canonical, { format: "application/n-quads" });
const quadCount = canonical.trimEnd().split("\n").length;
const tripleCount = new Set(canonical.trimEnd().split("\n").map((l) => l.replace(/ <[^>]*> \.$/, ""))).size;
const dir = mkdtempSync(join(tmpdir(), "ng-export-"));

const RAPPER: Partial<Record<ExportFormat, string>> = { turtle: "turtle", trig: "trig", nquads: "nquads", ntriples: "ntriples", rdfxml: "rdfxml" };

/** Statements rapper reads from a file (it prints "Parsing returned N triples" on stderr). */
function rapperCount(format: string, text: string): number {
  const file = join(dir, `x.${format}`);
  writeFileSync(file, text);
  const run = spawnSync("rapper", ["-i", format, "-c", file], { encoding: "utf8" });
  const m = /returned (\d+) triples/.exec(run.stderr);
  if (run.status !== 0 || !m) throw new Error(`rapper failed (${run.status}): ${run.stderr}`);
  return Number(m[1]);
}

describe("export", () => {
  for (const [format, parser] of Object.entries(RAPPER)) {
    it(`${format} parses with rapper and holds every statement`, async () => {
      const text = await exportStore(store, { format: format as ExportFormat });
      const quads = format === "trig" || format === "nquads";
      expect(rapperCount(parser!, text)).toBe(quads ? quadCount : tripleCount);
    });
  }

  it("jsonld parses with an independent JSON-LD parser and holds every quad, also read as a stream (streaming profile: @id first)", async () => {
    const text = await exportStore(store, { format: "jsonld" });
    const count = (streamingProfile: boolean) =>
      new Promise<number>((resolve, reject) => {
        let n = 0;
        const parser = new JsonLdParser({ streamingProfile });
        parser.on("data", () => n++).on("error", reject).on("end", () => resolve(n));
        parser.write(text);
        parser.end();
      });
    expect(await count(false)).toBe(quadCount);
    expect(await count(true)).toBe(quadCount);
  });

  it("writes pretty Turtle: the project's prefixes, each subject once with its statements grouped", async () => {
    const text = await exportStore(store, { format: "turtle" });
    expect(text).toMatch(/^@prefix ng: <https:\/\/w3id\.org\/newsgraph\/ontology#>\./m);
    expect(text).toMatch(/^@prefix wd: <http:\/\/www\.wikidata\.org\/entity\/>\./m);
    expect(text).toContain("owl:sameAs wd:Q999001");
    const subjectStarts = text.split("\n").filter((l) => /^\S/.test(l) && !l.startsWith("@prefix"));
    expect(new Set(subjectStarts.map((l) => l.split(" ")[0])).size).toBe(subjectStarts.length);
  });

  it("writes TriG with named graphs, and N-Quads canonically (equal to the sorted build output)", async () => {
    const trig = await exportStore(store, { format: "trig" });
    expect(trig).toContain("<https://w3id.org/newsgraph/resource/graph/entities> {");
    expect(await exportStore(store, { format: "nquads" })).toBe(canonical);
  });

  it("--graph exports one named graph and refuses one that is not there", async () => {
    const nq = await exportStore(store, { format: "nquads", graph: ENTITIES_GRAPH });
    const lines = nq.trimEnd().split("\n");
    expect(lines.length).toBe(canonical.split("\n").filter((l) => l.endsWith(`<${ENTITIES_GRAPH}> .`)).length);
    expect(lines.every((l) => l.endsWith(`<${ENTITIES_GRAPH}> .`))).toBe(true);
    expect(rapperCount("turtle", await exportStore(store, { format: "turtle", graph: ENTITIES_GRAPH }))).toBe(lines.length);
    await expect(exportStore(store, { format: "turtle", graph: "https://example.org/no-such-graph" })).rejects.toThrow(/--graph https:\/\/example\.org\/no-such-graph: no such graph/);
    await expect(exportStore(store, { format: "turtle", graph: "not an iri" })).rejects.toThrow(/--graph not an iri: not an absolute IRI/);
  });
});
