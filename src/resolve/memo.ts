// Memoising functions of a name: the same names recur in thousands of articles, entities and
// candidates, and their normal forms cost more than a look-up.

/**
 * `fn` memoised by its argument. With `max`, the memo is emptied when it holds that many values
 * (a long-lived process that sees ever new names keeps a bounded memo).
 */
export function memoByString<T>(fn: (s: string) => T, max = Infinity): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= max) cache.clear();
      cache.set(s, (v = fn(s)));
    }
    return v as T;
  };
}
