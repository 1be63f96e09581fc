// Invented articles run through the real chain: ingest → extract → resolve → link, against the
// shipped gazetteer. The texts are written for the tests; no sample or corpus article is used.
import { join } from "node:path";
import { tmpdir } from "node:os";
import { extract } from "../../src/extract/index.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { linkEntities } from "../../src/link/index.ts";
import type { Entity, Link } from "../../src/model.ts";
import { resolve } from "../../src/resolve/index.ts";

export const NO_OVERRIDES = join(tmpdir(), "ng-no-overrides.json");

export interface LinkedArticles {
  entities: Entity[];
  links: Map<string, Link>;
  /** The entity of a kind with this label or surface form. */
  entity(kind: Entity["kind"], name: string): Entity | undefined;
  /** The linked QID of that entity (undefined: unlinked or absent). */
  qid(kind: Entity["kind"], name: string): string | undefined;
}

/** Each text is one article: a headline line, a blank line, the story. */
export async function linkArticles(...texts: string[]): Promise<LinkedArticles> {
  const extractions = texts.map((t, i) => extract(ingestText(`invented-${i}.txt`, t)));
  const resolution = resolve(extractions);
  const links = await linkEntities(resolution, extractions, { overridesFile: NO_OVERRIDES });
  const entity = (kind: Entity["kind"], name: string) =>
    resolution.entities.find((e) => e.kind === kind && (e.label === name || e.altLabels.includes(name)));
  return {
    entities: resolution.entities,
    links,
    entity,
    qid: (kind, name) => {
      const e = entity(kind, name);
      return e ? links.get(e.id)?.qid : undefined;
    },
  };
}
