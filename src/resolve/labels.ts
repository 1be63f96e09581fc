// The canonical label of a merged entity (its fullest, most common name) and its other forms.
import type { EntityKind } from "../model.ts";
import { isAcronym, isGenericOrgName, isPersonLabel, isProperLabel, personKey } from "./names.ts";

export interface Form {
  text: string;
  /** How many local entities use it as their fullest name. */
  asName: number;
  /** How many local entities use it at all. */
  uses: number;
}

const spacingKey = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();

/** How full a form is for its kind: a full name beats a surname, a name beats an acronym or generic name. */
function fullness(kind: EntityKind, text: string): number {
  if (kind === "person") return personKey(text) ? 2 : /^(?:mr|mrs|ms|dr|miss)\.?\s/i.test(text) ? 0 : 1;
  if (kind === "place") return 1;
  return isAcronym(text) ? 0 : isGenericOrgName(text) ? 1 : 2;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const capitals = (s: string): number => s.match(/\p{Lu}/gu)?.length ?? 0;

/**
 * Label and sorted altLabels from the surface forms of a merged entity. Forms that differ only
 * in case or spacing count as one (the most used spelling is kept); pronouns and titles are dropped.
 */
export function chooseLabels(kind: EntityKind, forms: Form[]): { label: string; altLabels: string[] } {
  const valid = forms.filter((f) => (kind === "person" ? isPersonLabel(f.text) : isProperLabel(f.text)));
  const pool = valid.length ? valid : forms;
  const merged = new Map<string, Form & { best: Form }>();
  for (const f of pool) {
    const text = f.text.trim().replace(/\s+/g, " ");
    const key = spacingKey(text);
    const m = merged.get(key);
    const form = { ...f, text };
    if (!m) merged.set(key, { ...form, best: form });
    else {
      m.asName += f.asName;
      m.uses += f.uses;
      if (rankSpelling(form, m.best) < 0) m.best = form;
    }
  }
  const candidates = [...merged.values()].map((m) => ({ text: m.best.text, asName: m.asName, uses: m.uses }));
  candidates.sort(
    (a, b) =>
      fullness(kind, b.text) - fullness(kind, a.text) ||
      b.asName - a.asName ||
      b.uses - a.uses ||
      b.text.split(" ").length - a.text.split(" ").length ||
      b.text.length - a.text.length ||
      byCodePoint(a.text, b.text),
  );
  const [label, ...rest] = candidates.map((c) => c.text);
  return { label, altLabels: rest.sort(byCodePoint) };
}

/** Of two spellings of one form, the more used; then the properly capitalised one. */
function rankSpelling(a: Form, b: Form): number {
  return b.asName - a.asName || b.uses - a.uses || capitals(b.text) - capitals(a.text) || byCodePoint(a.text, b.text);
}
