// The incremental build links with linkEntitiesLazily: an entity's articles are read only when its
// decision reads them. Checked on invented articles through the real chain and the shipped
// gazetteer: the lazy links equal linkEntities' links, states and names no record ends with link
// without their articles, and a body named after its parent's name still finds the parent's record.
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { linkEntities, linkEntitiesLazily } from "../../src/link/index.ts";
import { NeedsArticles, buildContexts, shallowContext } from "../../src/link/context.ts";
import { loadGazetteer } from "../../src/link/gazetteer.ts";
import { foldText, keyEndings, nameKey } from "../../src/link/normalise.ts";
import type { Entity } from "../../src/model.ts";
import { resolve } from "../../src/resolve/index.ts";
import { NO_OVERRIDES } from "./articles.ts";

const TEXTS = [
  "Council meets on shipping\n\nNEW YORK, May 4, 2022 (Test Wire). The United Nations Security Council met on Tuesday. Later the Security Council said talks would go on, the United Nations said.\n",
  "Ministers meet in Paris\n\nThe Foreign Minister of France, Ana Lorvik, met the Brightwater Harbour Trust in Paris on Monday. Germany and France agreed on shipping rules.\n",
  "Trust report\n\nThe Brightwater Harbour Trust published a report on Friday. Its chair, Olav Trennick, said costs had risen in Germany.\n",
];

describe("linking lazily", () => {
  it("gives the links linkEntities gives, reading the articles only of entities whose decision needs them", async () => {
    const extractions = TEXTS.map((t, i) => extract(ingestText(`lazy-${i}.txt`, t)));
    const resolution = resolve(extractions);
    const full = await linkEntities(resolution, extractions, { overridesFile: NO_OVERRIDES });
    const asked: string[] = [];
    const lazy = await linkEntitiesLazily(
      resolution.entities,
      async (entities) => {
        asked.push(...entities.map((e) => e.id));
        return { resolution, extractions };
      },
      { overridesFile: NO_OVERRIDES },
    );
    expect([...lazy].sort()).toEqual([...full].sort());
    const byLabel = (kind: Entity["kind"], label: string) => resolution.entities.find((e) => e.kind === kind && e.label.includes(label))!;
    // A state links by its ISO code; an invented body's name ends no gazetteer name: neither reads its articles.
    expect(asked).not.toContain(byLabel("country", "France").id);
    expect(asked).not.toContain(byLabel("organisation", "Brightwater").id);
    // "Security Council" alone is the end of a record's name: its articles (naming the United Nations) are read.
    const council = resolution.entities.find((e) => e.kind === "organisation" && e.label === "Security Council");
    if (council) expect(asked).toContain(council.id);
  });

  it("a context reads the article list of the linked entity only, not of the bodies and states co-mentioned with it", async () => {
    const gaz = await loadGazetteer();
    const extractions = TEXTS.map((t, i) => extract(ingestText(`lazy-${i}.txt`, t)));
    const resolution = resolve(extractions);
    const person = resolution.entities.find((e) => e.kind === "person" && e.label.includes("Lorvik"))!;
    const only = new Set([person.id]);
    // the others as an incremental build gives them: their article lists made only when read (here: never)
    const guarded = resolution.entities.map((e) =>
      only.has(e.id) ? e : Object.defineProperty({ ...e }, "articles", { get: () => expect.fail(`read the articles of ${e.id}`) }),
    );
    const contexts = buildContexts({ entities: guarded, entityOf: resolution.entityOf }, extractions, gaz, only);
    const expected = buildContexts(resolution, extractions, gaz, only);
    expect(contexts.get(person.id)).toEqual(expected.get(person.id));
    expect([...expected.get(person.id)!.articleOrganisations]).toContain(resolution.entities.find((e) => e.label.includes("Brightwater"))!.label);
  });

  it("a shallow context gives what the entity says and throws for what its articles say", async () => {
    const gaz = await loadGazetteer();
    const e: Entity = { id: "organisation/chinese-foreign-ministry", kind: "organisation", label: "Chinese Foreign Ministry", altLabels: [], articles: ["a"], orgType: "government" };
    const ctx = shallowContext(e, gaz);
    expect(ctx.orgType).toBe("government");
    expect([...ctx.nameStates]).toEqual(["CHN"]);
    expect(() => ctx.articleOrganisations).toThrow(NeedsArticles);
    expect(() => ctx.dates).toThrow(NeedsArticles);
  });

  it("the key of any parent's name followed by a body's name ends with one of the body name's endings", () => {
    for (const name of ["Security Council", "Mr Smith Foundation", "the Dr Ruiz Institute", "Comité Général"]) {
      const own = foldText(name.replace(/^the\s+/i, "")); // as organisationHits words it
      const endings = keyEndings(own);
      for (const parent of ["United Nations", "The", "Mr", "Dr Mrs", "Ministry of Health", "Łódź City"]) {
        const key = nameKey(`${parent} ${own}`);
        expect(endings.some((w) => key === w || key.endsWith(` ${w}`)), `${parent} + ${name}: ${key}`).toBe(true);
      }
    }
    expect(keyEndings("Mr Smith Foundation")).toHaveLength(2);
  });
});
