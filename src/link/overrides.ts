// Hand-made decisions that beat the linker: data/wikidata/overrides.json pins an entity to an
// item or forbids a link (one item, or any), matching the entity by id or by label.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Entity, EntityKind } from "../model.ts";
import { nameKey } from "./normalise.ts";

export const OVERRIDES_FILE = fileURLToPath(new URL("../../data/wikidata/overrides.json", import.meta.url));

export interface OverrideRule {
  /** Entity id ("person/jane-doe"), or... */
  entity?: string;
  /** ...its label (normalised as names are: case, diacritics, punctuation), optionally of one kind. */
  label?: string;
  kind?: EntityKind;
  /** pin: the item to link; forbid: the item never to link (absent: no link at all). */
  qid?: string;
  note?: string;
}

export interface OverridesFile {
  pin?: OverrideRule[];
  forbid?: OverrideRule[];
}

export class Overrides {
  constructor(private readonly data: OverridesFile = {}) {}

  /** The pinned item for the entity, if a rule pins one. */
  pinned(entity: Entity): string | undefined {
    return (this.data.pin ?? []).find((r) => r.qid && applies(r, entity))?.qid;
  }

  /** Does a rule keep the entity unlinked whatever the item? */
  forbidsAll(entity: Entity): boolean {
    return (this.data.forbid ?? []).some((r) => applies(r, entity) && !r.qid);
  }

  /** Is linking the entity to `qid` forbidden? */
  forbids(entity: Entity, qid: string): boolean {
    return (this.data.forbid ?? []).some((r) => applies(r, entity) && (!r.qid || r.qid === qid));
  }
}

function applies(rule: OverrideRule, entity: Entity): boolean {
  if (rule.entity) return rule.entity === entity.id;
  if (!rule.label || (rule.kind && rule.kind !== entity.kind)) return false;
  return nameKey(rule.label) === nameKey(entity.label);
}

export async function loadOverrides(file = OVERRIDES_FILE): Promise<Overrides> {
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return "{}";
    throw e;
  });
  let data: OverridesFile;
  try {
    data = JSON.parse(text) as OverridesFile;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  for (const rule of [...(data.pin ?? []), ...(data.forbid ?? [])]) {
    if (!rule.entity && !rule.label) throw new Error(`${file}: every rule needs "entity" or "label": ${JSON.stringify(rule)}`);
    if (rule.qid !== undefined && !/^Q\d+$/.test(rule.qid)) throw new Error(`${file}: "${rule.qid}" is not a Wikidata item id`);
  }
  for (const rule of data.pin ?? []) if (!rule.qid) throw new Error(`${file}: a pin needs a "qid": ${JSON.stringify(rule)}`);
  return new Overrides(data);
}
