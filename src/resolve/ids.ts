// Entity ids "{kind}/{slug}": readable, deterministic, and distinct for distinct entities.
import { createHash } from "node:crypto";
import type { EntityKind } from "../model.ts";
import { fold } from "./names.ts";

const MAX_SLUG = 80;

/** "Sergéi Lavrov" → "sergei-lavrov"; ASCII, lower case, hyphens. */
export function slugify(label: string): string {
  const slug = fold(label).replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, MAX_SLUG).replace(/-+$/, "");
  return slug || "unnamed";
}

export interface IdRequest {
  kind: EntityKind;
  label: string;
  /** Content-derived and order-independent: tells entities with the same slug apart. */
  signature: string;
  /** How many articles mention it: the most mentioned keeps the plain slug. */
  weight: number;
  /** Tells apart entities whose signatures are equal (e.g. the sorted "doc#key" of its members). */
  tiebreak: string;
}

/** The id an entity gets when no other entity has its slug. */
export const baseId = (r: Pick<IdRequest, "kind" | "label">): string => `${r.kind}/${slugify(r.label)}`;

/**
 * Ids in request order. Same slug → the heaviest (then smallest signature) keeps it, others get a hash suffix.
 * `takenElsewhere` says whether an id is the plain slug of an entity outside these requests (an
 * incremental build gives only the entities whose slugs it touches); a suffixed id can only meet
 * a plain slug or an id of its own slug (a hex suffix holds no hyphen).
 */
export function assignIds(requests: IdRequest[], takenElsewhere: (id: string) => boolean = () => false): string[] {
  const base = requests.map(baseId);
  const bySlug = new Map<string, number[]>();
  base.forEach((id, i) => bySlug.set(id, [...(bySlug.get(id) ?? []), i]));
  const ids = [...base];
  const taken = new Set(base);
  for (const [id, members] of bySlug) {
    if (members.length < 2) continue;
    const seed = (i: number) => (members.some((j) => j !== i && requests[j].signature === requests[i].signature) ? `${requests[i].signature}\n${requests[i].tiebreak}` : requests[i].signature);
    members.sort((a, b) => requests[b].weight - requests[a].weight || compare(seed(a), seed(b)));
    for (const i of members.slice(1)) {
      const hash = createHash("sha256").update(seed(i)).digest("hex");
      let len = 6;
      while (taken.has(`${id}-${hash.slice(0, len)}`) || takenElsewhere(`${id}-${hash.slice(0, len)}`)) len++;
      ids[i] = `${id}-${hash.slice(0, len)}`;
      taken.add(ids[i]);
    }
  }
  return ids;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
