// Fast matching of many `*` globs against short lines: exact phrases by set lookup, anchored
// globs bucketed by first character, floating globs by indexOf. No backtracking regexes.

export class GlobSet {
  private readonly exact = new Set<string>();
  private readonly anchored = new Map<string, string[][]>();
  private readonly floating: string[][] = [];
  /** One scan that finds whether any floating glob's longest literal occurs at all. */
  private readonly floatingHint: RegExp;

  constructor(globs: Iterable<string>) {
    for (const glob of globs) {
      const parts = glob.split("*");
      if (parts.length === 1) this.exact.add(glob);
      else if (parts[0] === "") this.floating.push(parts);
      else {
        const key = parts[0][0];
        const bucket = this.anchored.get(key) ?? [];
        bucket.push(parts);
        this.anchored.set(key, bucket);
      }
    }
    const literals = this.floating.map((parts) => parts.reduce((a, b) => (b.length > a.length ? b : a)));
    this.floatingHint = new RegExp(literals.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|") || "(?!)");
  }

  /** Whether the whole of `s` matches one of the globs. */
  matches(s: string): boolean {
    if (this.exact.has(s)) return true;
    for (const parts of this.anchored.get(s[0]) ?? []) if (matchParts(s, parts)) return true;
    if (this.floating.length && this.floatingHint.test(s)) for (const parts of this.floating) if (matchParts(s, parts)) return true;
    return false;
  }
}

/** parts = glob.split("*"): literal pieces with a wildcard between each two. */
function matchParts(s: string, parts: string[]): boolean {
  const first = parts[0], last = parts[parts.length - 1];
  if (!s.startsWith(first) || s.length < first.length + last.length || !s.endsWith(last)) return false;
  let at = first.length;
  const stop = s.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = s.indexOf(parts[i], at);
    if (found < 0 || found + parts[i].length > stop) return false;
    at = found + parts[i].length;
  }
  return true;
}
