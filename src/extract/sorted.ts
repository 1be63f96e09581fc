// Look-ups in arrays sorted by position (tokens, mentions, segments, sentences): every pass asks
// "the first item at or after this offset", and a binary search keeps each look-up logarithmic
// however long the article, so the passes stay linear.

/** Index of the first item whose key is >= `value` (items sorted by key); items.length if none. */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
