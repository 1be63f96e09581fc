// A large set of words kept as one string and two typed arrays instead of a Set of strings: the
// lexicons' biggest sets (person names, surnames, common words: ~200k strings) are read back from
// the prepared cache (src/prepared-cache.ts) by every build worker before its first article, and
// V8 deserialises a Set by creating and hashing each string again (~0.1 s of the worker's start),
// where one string and two typed arrays are copied whole. Look-ups hash the word (FNV-1a over its
// UTF-16 units) into an open-addressing table of word numbers.

/** What a WordSet is made of: plain data, as V8's serializer keeps it (it drops the class). */
export interface WordSetData {
  /** The words, each followed by "\n". */
  text: string;
  /** Where word i starts in `text`; starts[size] is text.length. */
  starts: Uint32Array;
  /** Open-addressing table (a power of two in length, at most half full): word number + 1, or 0 for an empty slot. */
  table: Int32Array;
}

export class WordSet implements WordSetData {
  readonly text: string;
  readonly starts: Uint32Array;
  readonly table: Int32Array;

  private constructor(data: WordSetData) {
    this.text = data.text;
    this.starts = data.starts;
    this.table = data.table;
  }

  /** The set of these words (duplicates kept once, in their first place). Words may not contain "\n". */
  static of(words: Iterable<string>): WordSet {
    const unique = [...new Set(words)];
    const starts = new Uint32Array(unique.length + 1);
    let at = 0;
    unique.forEach((w, i) => {
      if (w.includes("\n")) throw new Error(`a word with a line break: ${JSON.stringify(w)}`);
      starts[i] = at;
      at += w.length + 1;
    });
    starts[unique.length] = at;
    let size = 2;
    while (size < unique.length * 2) size *= 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    unique.forEach((w, i) => {
      let slot = hashOf(w) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    });
    return new WordSet({ text: unique.map((w) => `${w}\n`).join(""), starts, table });
  }

  /** The WordSet of data read back from V8's serializer (or a WordSet as it is). */
  static from(data: WordSetData): WordSet {
    return data instanceof WordSet ? data : new WordSet(data);
  }

  /** Whether `data` has a WordSet's fields (what a cached file must hold). */
  static looksLike(data: unknown): data is WordSetData {
    const d = data as Partial<WordSetData> | null;
    return typeof d === "object" && d !== null && typeof d.text === "string" && d.starts instanceof Uint32Array && d.table instanceof Int32Array && d.table.length > 0 && (d.table.length & (d.table.length - 1)) === 0;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    const { table, starts, text } = this;
    const mask = table.length - 1;
    for (let slot = hashOf(word) & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot];
      if (entry === 0) return false;
      const from = starts[entry - 1];
      if (starts[entry] - from - 1 === word.length && text.startsWith(word, from)) return true;
    }
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.text.slice(this.starts[i], this.starts[i + 1] - 1);
  }
}

/** FNV-1a (32 bits) over the word's UTF-16 code units. */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
