// The offline gazetteer: Wikidata records and an index from normalised name to records.
//
// Shipped as one text file (data/wikidata/gazetteer.tsv, built by build-gazetteer.ts): a
// header line, one line per record, then the index as lines "K<TAB>key<TAB>codes" sorted by
// key. Loading reads the file's bytes and finds where its lines start, nothing more (FileLines:
// no 17 MB text decoded, no 300k line strings): a lookup is a binary search over the key lines'
// bytes, and a record line is decoded and parsed only when a lookup reaches it. So the 97k-record
// file loads in a few tens of ms of CPU, and only when linking needs it.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { NORMALISER_VERSION, nameKey } from "./normalise.ts";
import { type MatchVia, type PlaceClass, VIA_CODES, type RecordType, type WikidataRecord, postsFromDescription } from "./record.ts";

export const GAZETTEER_FILE = fileURLToPath(new URL("../../data/wikidata/gazetteer.tsv", import.meta.url));
const MAGIC = "#newsgraph-gazetteer";
const TYPE_ORDER: RecordType[] = ["country", "organisation", "place", "person"];

/** The lines of the file after its header, by number (a string[] is one). */
export interface Lines {
  readonly length: number;
  at(i: number): string | undefined;
}

/**
 * The lines of a UTF-8 file kept as its bytes: a line is decoded when asked for. Key lines are
 * compared as bytes where that orders them as strings do (see compareKey).
 */
export class FileLines implements Lines {
  /** Where line i starts (byte offset); starts[length] is one past the last line's newline. */
  private readonly starts: Uint32Array;
  readonly length: number;

  /** The lines of `bytes` from byte `from` on (a last line without a newline counts; an empty last line does not). */
  constructor(private readonly bytes: Buffer, from = 0) {
    let count = 0;
    for (let at = bytes.indexOf(10, from); at >= 0; at = bytes.indexOf(10, at + 1)) count++;
    const open = bytes.length > from && bytes[bytes.length - 1] !== 10;
    this.length = count + (open ? 1 : 0);
    this.starts = new Uint32Array(this.length + 1);
    let i = 0;
    this.starts[0] = from;
    for (let at = bytes.indexOf(10, from); at >= 0; at = bytes.indexOf(10, at + 1)) this.starts[++i] = at + 1;
    if (open) this.starts[this.length] = bytes.length + 1;
  }

  at(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.bytes.toString("utf8", this.starts[i], this.starts[i + 1] - 1);
  }

  /** Whether line i starts with these ASCII characters. */
  startsWith(i: number, ascii: string): boolean {
    const at = this.starts[i];
    if (i < 0 || i >= this.length || this.starts[i + 1] - 1 - at < ascii.length) return false;
    for (let k = 0; k < ascii.length; k++) if (this.bytes[at + k] !== ascii.charCodeAt(k)) return false;
    return true;
  }

  /** The text of line i up to its first tab (the whole line without one). */
  firstField(i: number): string {
    const at = this.starts[i];
    const end = this.starts[i + 1] - 1;
    const tab = this.bytes.indexOf(9, at);
    return this.bytes.toString("utf8", at, tab < 0 || tab > end ? end : tab);
  }

  /**
   * Compares `key` (as UTF-8 bytes) with the key of line i ("X<TAB>key<TAB>value"): negative when
   * the line's key sorts first, 0 when equal. Byte order is code point order, which is the order of
   * JavaScript strings (code units) for every pair in which one has no character at or above
   * U+D800: callers compare bytes only for such keys.
   */
  compareKey(i: number, key: Buffer): number {
    const at = this.starts[i] + 2;
    const end = this.starts[i + 1] - 1;
    let tab = this.bytes.indexOf(9, at);
    if (tab < 0 || tab > end) tab = end;
    return this.bytes.compare(key, 0, key.length, at, tab);
  }

  /** The text after the key of line i ("X<TAB>key<TAB>value"). */
  valueOf(i: number): string {
    const at = this.starts[i] + 2;
    const end = this.starts[i + 1] - 1;
    const tab = this.bytes.indexOf(9, at);
    return tab < 0 || tab > end ? "" : this.bytes.toString("utf8", tab + 1, end);
  }

  /** Whether some line in [from, to) contains `text` (which has no newline). */
  someLineIncludes(text: string, from: number, to: number): boolean {
    if (from >= to) return false;
    const found = this.bytes.indexOf(text, this.starts[from], "utf8");
    return found >= 0 && found + Buffer.byteLength(text) <= this.starts[to] - 1;
  }
}

/** Keys whose every character is below U+D800 compare (and match) as bytes exactly as they do as strings. */
const BYTE_COMPARABLE = /^[\u0000-\ud7ff]*$/;

export interface NameHit {
  record: WikidataRecord;
  via: MatchVia;
}

export class Gazetteer {
  /** Record lines of the shipped file, then its sorted key lines. */
  private readonly lines: Lines;
  private readonly recordCount: number;
  /** Where the key lines end and the surname-count lines ("S<TAB>surname<TAB>count") begin. */
  private readonly keyEnd: number;
  private readonly parsed = new Map<number, WikidataRecord>();
  /** Records added in memory (online answers, tests), numbered after the file's. */
  private readonly added: WikidataRecord[] = [];
  private readonly addedIndex = new Map<string, number[]>();
  private readonly addedSurnames = new Map<string, number>();
  private readonly addedSurnameCodes = new Map<string, number[]>();
  private readonly byQidMap = new Map<string, number>();
  private readonly byIso3Map = new Map<string, number>();
  private qidsScanned = false;
  private surnames?: Map<string, { count: number; codes: number[] }>;
  /** namesakes() by surname key, asked for every candidate of every person (emptied when records are added). */
  private readonly namesakesOf = new Map<string, number>();

  constructor(records: Iterable<WikidataRecord> = [], lines: Lines = [], recordCount = 0) {
    this.lines = lines;
    this.recordCount = recordCount;
    const s = firstLineStarting(lines, "S\t", recordCount);
    this.keyEnd = s < 0 ? lines.length : s;
    // States and organisations are few and wanted by id: parse them now; places and persons stay lazy.
    for (let i = 0; i < recordCount && /^[^\t]*\t(country|organisation)\t/.test(lines.at(i)!); i++) this.remember(this.record(i), i);
    this.add(records);
  }

  /** Parses the shipped text form (see toText). */
  static fromText(text: string, file = "gazetteer"): Gazetteer {
    const lines = text.split("\n");
    const header = lines.shift() ?? "";
    if (!header.startsWith(MAGIC)) throw new Error(`${file}: not a newsgraph gazetteer`);
    const normaliser = Number(/\tnormaliser=(\d+)/.exec(header)?.[1]);
    if (lines.at(-1) === "") lines.pop();
    let recordCount = lines.findIndex((l) => l.startsWith("K\t"));
    if (recordCount < 0) recordCount = lines.length;
    if (normaliser === NORMALISER_VERSION) return new Gazetteer([], lines, recordCount);
    // Keys made by another normaliser version would miss names: index the records anew.
    const base = new Gazetteer([], lines.slice(0, recordCount), recordCount);
    return new Gazetteer(base.allRecords());
  }

  /** Reads the shipped text form from its bytes (the same gazetteer as fromText of their text). */
  static fromBytes(bytes: Buffer, file = "gazetteer"): Gazetteer {
    const headerEnd = bytes.indexOf(10);
    const header = bytes.toString("utf8", 0, headerEnd < 0 ? bytes.length : headerEnd);
    if (!header.startsWith(MAGIC)) throw new Error(`${file}: not a newsgraph gazetteer`);
    if (Number(/\tnormaliser=(\d+)/.exec(header)?.[1]) !== NORMALISER_VERSION) return Gazetteer.fromText(bytes.toString("utf8"), file);
    const lines = new FileLines(bytes, headerEnd < 0 ? bytes.length : headerEnd + 1);
    let recordCount = firstLineStarting(lines, "K\t", 0);
    if (recordCount < 0) recordCount = lines.length;
    return new Gazetteer([], lines, recordCount);
  }

  /** The text form: header, record lines (states first), sorted key lines. */
  toText(sources: string[]): string {
    const records = [...this.allRecords()].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || qidNumber(a.qid) - qidNumber(b.qid));
    const index = new Map<string, number[]>();
    records.forEach((r, i) => {
      for (const [key, via] of namesOf(r)) {
        const code = i * 4 + VIA_CODES.indexOf(via);
        const list = index.get(key) ?? [];
        if (!list.includes(code)) list.push(code);
        index.set(key, list);
      }
    });
    const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const keys = [...index.keys()].filter((k) => !/[\t\n]/.test(k)).sort(byCodeUnits);
    const surnames = surnameIndex(records);
    const header = `${MAGIC}\tnormaliser=${NORMALISER_VERSION}\trecords=${records.length}\tkeys=${keys.length}\tsources=${sources.join(" ")}`;
    return [
      header,
      ...records.map(recordLine),
      ...keys.map((k) => `K\t${k}\t${index.get(k)!.join(",")}`),
      ...[...surnames.keys()].filter((k) => k && !/[\t\n]/.test(k)).sort(byCodeUnits).map((k) => `S\t${k}\t${surnames.get(k)!.count}\t${surnames.get(k)!.codes.join(",")}`),
    ].join("\n") + "\n";
  }

  get size(): number {
    return this.recordCount + this.added.length;
  }

  *allRecords(): Iterable<WikidataRecord> {
    for (let i = 0; i < this.size; i++) yield this.record(i);
  }

  /** Adds records; one with a QID already known replaces that record in lookups. */
  add(records: Iterable<WikidataRecord>): void {
    this.namesakesOf.clear();
    for (const r of records) {
      const i = this.recordCount + this.added.length;
      this.added.push(r);
      this.remember(r, i);
      if (r.type === "person") {
        this.addedSurnames.set(surnameKey(r.label), (this.addedSurnames.get(surnameKey(r.label)) ?? 0) + 1);
        for (const key of surnameKeysOf(r)) this.addedSurnameCodes.set(key, [...(this.addedSurnameCodes.get(key) ?? []), i]);
      }
      for (const [key, via] of namesOf(r)) {
        const code = i * 4 + VIA_CODES.indexOf(via);
        const list = this.addedIndex.get(key);
        if (!list) this.addedIndex.set(key, [code]);
        else if (!list.includes(code)) list.push(code);
      }
    }
  }

  /** Every record one of whose names has the key of `name`, with its best way of matching. */
  lookup(name: string): NameHit[] {
    const key = nameKey(name);
    if (!key || key === "^") return [];
    return this.lookupKey(key);
  }

  private lookupKey(key: string): NameHit[] {
    const best = new Map<string, { i: number; via: MatchVia }>();
    for (const code of [...this.fileCodes(key), ...(this.addedIndex.get(key) ?? [])]) {
      const i = Math.floor(code / 4);
      const via = VIA_CODES[code % 4];
      const qid = this.record(i).qid;
      if (this.replaced(qid, i)) continue; // replaced by an added record
      const seen = best.get(qid);
      if (!seen || VIA_CODES.indexOf(via) < VIA_CODES.indexOf(seen.via)) best.set(qid, { i, via });
    }
    return [...best.values()].map(({ i, via }) => ({ record: this.record(i), via }));
  }

  byQid(qid: string): WikidataRecord | undefined {
    if (!this.byQidMap.has(qid) && !this.qidsScanned) {
      this.qidsScanned = true; // first look-up of a person by id: index every id once
      for (let i = 0; i < this.recordCount; i++) {
        const id = this.lines instanceof FileLines ? this.lines.firstField(i) : this.lines.at(i)!.slice(0, this.lines.at(i)!.indexOf("\t"));
        if (!this.byQidMap.has(id)) this.byQidMap.set(id, i);
      }
    }
    const i = this.byQidMap.get(qid);
    return i === undefined ? undefined : this.record(i);
  }

  /** How many office holders share the last word of `name` ("Smith": many; a rare surname: one). */
  namesakes(name: string): number {
    const key = surnameKey(name);
    let count = this.namesakesOf.get(key);
    if (count === undefined) {
      const inFile = this.keyEnd < this.lines.length ? Number(this.surnameLine(key)?.split("\t")[0] ?? 0) : this.countedSurnames().get(key)?.count ?? 0;
      this.namesakesOf.set(key, (count = inFile + (this.addedSurnames.get(key) ?? 0)));
    }
    return count;
  }

  /** The office holders whose surname is `surname` ("Lavrov"; "Xi" for names written surname first). */
  bySurname(surname: string): WikidataRecord[] {
    const key = nameKey(surname);
    if (!key || key.includes(" ") || key.startsWith("^")) return [];
    const inFile = this.keyEnd < this.lines.length
      ? (this.surnameLine(key)?.split("\t")[1] ?? "").split(",").filter(Boolean).map(Number)
      : this.countedSurnames().get(key)?.codes ?? [];
    const seen = new Set<string>();
    const out: WikidataRecord[] = [];
    for (const i of [...inFile, ...(this.addedSurnameCodes.get(key) ?? [])]) {
      const r = this.record(i);
      if (seen.has(r.qid) || this.replaced(r.qid, i)) continue;
      seen.add(r.qid);
      out.push(r);
    }
    return out;
  }

  /** Every index key (a name folded by nameKey) that starts with `prefix`, with its records ("mohsen " → "mohsen rezae", ...). */
  keysWithPrefix(prefix: string, limit = 200): Array<{ key: string; hits: NameHit[] }> {
    const keys: string[] = [];
    let lo = this.recordCount;
    let hi = this.keyEnd - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.keyOfLine(mid) < prefix) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let i = lo; i < this.keyEnd && keys.length < limit; i++) {
      const key = this.keyOfLine(i);
      if (!key.startsWith(prefix)) break;
      keys.push(key);
    }
    for (const key of this.addedIndex.keys()) if (key.startsWith(prefix) && !keys.includes(key)) keys.push(key);
    return keys.map((key) => ({ key, hits: this.lookupKey(key) }));
  }

  private keyOfLine(i: number): string {
    const line = this.lines.at(i)!;
    return line.slice(2, line.indexOf("\t", 2));
  }

  private surnameLine(key: string): string | undefined {
    return this.searchLines(key, this.keyEnd, this.lines.length - 1);
  }

  /** Is record line `i` one whose QID an added record has since replaced? */
  private replaced(qid: string, i: number): boolean {
    const current = this.byQidMap.get(qid);
    return current !== undefined && current !== i && current >= this.recordCount;
  }

  /** For a file without surname lines: index once, on first use. */
  private countedSurnames(): Map<string, { count: number; codes: number[] }> {
    const counted = this.surnames ?? surnameIndex(Array.from({ length: this.recordCount }, (_, i) => this.record(i)));
    this.surnames = counted;
    return counted;
  }

  byIso3(iso3: string): WikidataRecord | undefined {
    const i = this.byIso3Map.get(iso3);
    return i === undefined ? undefined : this.record(i);
  }

  /** States named in a phrase by name or demonym ("Chinese Foreign Ministry" → CHN). */
  countriesIn(text: string): string[] {
    const tokens = text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}’'-]|\.(?=\p{L}))*\.?/gu) ?? [];
    const found = new Set<string>();
    for (let n = Math.min(6, tokens.length); n >= 1; n--) {
      for (let s = 0; s + n <= tokens.length; s++) {
        for (const hit of this.lookup(tokens.slice(s, s + n).join(" "))) {
          if (hit.record.type === "country" && hit.record.iso3 && hit.via !== "capital") found.add(hit.record.iso3);
        }
      }
    }
    return [...found];
  }

  private record(i: number): WikidataRecord {
    if (i >= this.recordCount) return this.added[i - this.recordCount];
    let r = this.parsed.get(i);
    if (!r) this.parsed.set(i, (r = parseRecordLine(this.lines.at(i)!)));
    return r;
  }

  private remember(r: WikidataRecord, i: number): void {
    this.byQidMap.set(r.qid, i);
    if (r.iso3) this.byIso3Map.set(r.iso3, i);
  }

  /**
   * Whether some name key is these words, or ends with them after a word: a name that ends no key
   * cannot complete a parent's name ("Security Council" after "United Nations"). A scan of the key
   * lines (a few ms): asked only where reading articles would cost more (linkEntitiesLazily).
   */
  endsSomeKey(words: string): boolean {
    if (this.searchLines(words, this.recordCount, this.keyEnd - 1) !== undefined) return true;
    const tail = ` ${words}\t`;
    if (this.lines instanceof FileLines && BYTE_COMPARABLE.test(words)) {
      if (this.lines.someLineIncludes(tail, this.recordCount, this.keyEnd)) return true;
    } else for (let i = this.recordCount; i < this.keyEnd; i++) if (this.lines.at(i)!.includes(tail)) return true;
    for (const key of this.addedIndex.keys()) if (key === words || key.endsWith(` ${words}`)) return true;
    return false;
  }

  /** The index codes of a key in the file. */
  private fileCodes(key: string): number[] {
    const found = this.searchLines(key, this.recordCount, this.keyEnd - 1);
    return found === undefined ? [] : found.split(",").map(Number);
  }

  /** Binary search over sorted lines "X<TAB>key<TAB>value" in [lo, hi]; the value of `key`. */
  private searchLines(key: string, lo: number, hi: number): string | undefined {
    const lines = this.lines;
    if (lines instanceof FileLines && BYTE_COMPARABLE.test(key)) {
      const bytes = Buffer.from(key, "utf8");
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = lines.compareKey(mid, bytes);
        if (c === 0) return lines.valueOf(mid);
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const line = lines.at(mid)!;
      const end = line.indexOf("\t", 2);
      const k = line.slice(2, end);
      if (k === key) return line.slice(end + 1);
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/** The first line from `from` on that starts with `prefix`, or -1. */
function firstLineStarting(lines: Lines, prefix: string, from: number): number {
  for (let i = from; i < lines.length; i++) if (lines instanceof FileLines ? lines.startsWith(i, prefix) : lines.at(i)!.startsWith(prefix)) return i;
  return -1;
}

const surnameKey = (name: string): string => nameKey(name).split(" ").at(-1) ?? "";

/** States whose names are written surname first ("Xi Jinping", "Kim Jong Un"): their first word is a surname too. */
const SURNAME_FIRST = new Set(["CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP"]);

/** The surnames a person is referred to by: the last word of each name, and the first for surname-first states. */
function surnameKeysOf(r: WikidataRecord): string[] {
  const keys = new Set<string>();
  const surnameFirst = r.countries.some((c) => SURNAME_FIRST.has(c));
  for (const name of [r.label, ...r.aliases]) {
    const words = nameKey(name).split(" ").filter(Boolean);
    if (words.length < 2 || words[0].startsWith("^")) continue;
    keys.add(words.at(-1)!);
    if (surnameFirst) keys.add(words[0]);
  }
  return [...keys];
}

/** Surname → how many office holders' labels end with it (namesakes) and every record known by it. */
function surnameIndex(records: Iterable<WikidataRecord>): Map<string, { count: number; codes: number[] }> {
  const index = new Map<string, { count: number; codes: number[] }>();
  const entry = (key: string) => index.get(key) ?? (index.set(key, { count: 0, codes: [] }), index.get(key)!);
  let i = -1;
  for (const r of records) {
    i++;
    if (r.type !== "person") continue;
    entry(surnameKey(r.label)).count++;
    for (const key of surnameKeysOf(r)) entry(key).codes.push(i);
  }
  return index;
}

/** The names a record is found by, each with its key. */
export function namesOf(r: WikidataRecord): Array<[string, MatchVia]> {
  const out: Array<[string, MatchVia]> = [];
  const push = (name: string | undefined, via: MatchVia) => {
    const key = name ? nameKey(name) : "";
    if (key && key !== "^") out.push([key, via]);
  };
  push(r.label, "label");
  for (const a of r.aliases) push(a, "alias");
  for (const d of r.demonyms ?? []) push(d, "demonym");
  push(r.capital, "capital");
  return out;
}

// Record line: qid, type, origin, label, aliases, description, countries, posts, iso3, demonyms, capital,
// then lat, long, place class, seat, population, admin1, division, organisation kind.
// Lists are "|"-separated. Gazetteer persons' posts are read off their description, not stored twice.
const clean = (s: string): string => s.replace(/[\t\n\r]+/g, " ").replace(/\|/g, "/");
const list = (xs: string[] | undefined): string => (xs ?? []).map(clean).join("|");
const unlist = (s: string | undefined): string[] => (s ? s.split("|") : []);

function recordLine(r: WikidataRecord): string {
  const derivedPosts = r.origin === "gazetteer" && r.type === "person";
  const num = (x: number | undefined) => (x === undefined ? "" : String(x));
  return [r.qid, r.type, r.origin === "online" ? "o" : "g", clean(r.label), list(r.aliases), clean(r.description), list(r.countries),
    derivedPosts ? "" : list(r.posts), r.iso3 ?? "", list(r.demonyms), clean(r.capital ?? ""),
    num(r.lat), num(r.long), r.placeClass ?? "", r.seat ?? "", num(r.population), clean(r.admin1 ?? ""), clean(r.division ?? ""), clean(r.orgKind ?? "")]
    .join("\t").replace(/\t+$/, "");
}

function parseRecordLine(line: string): WikidataRecord {
  const [qid, type, origin, label, aliases, description = "", countries, posts, iso3, demonyms, capital, lat, long, placeClass, seat, population, admin1, division, orgKind] = line.split("\t");
  const r: WikidataRecord = {
    qid, type: type as RecordType, label, aliases: unlist(aliases), description, countries: unlist(countries),
    posts: origin === "g" && type === "person" ? postsFromDescription(description) : unlist(posts),
    origin: origin === "o" ? "online" : "gazetteer",
  };
  if (type === "country") Object.assign(r, { demonyms: unlist(demonyms), ...(iso3 ? { iso3 } : {}), ...(capital ? { capital } : {}) });
  if (lat && long) Object.assign(r, { lat: Number(lat), long: Number(long) });
  if (placeClass) r.placeClass = placeClass as PlaceClass;
  if (seat) r.seat = seat as "national" | "regional";
  if (population) r.population = Number(population);
  if (admin1) r.admin1 = admin1;
  if (division) r.division = division;
  if (orgKind) r.orgKind = orgKind;
  return r;
}

const qidNumber = (qid: string): number => Number(qid.slice(1));

let shipped: Promise<Gazetteer> | undefined;

/** The shipped gazetteer, loaded on first use and shared by every caller in the process. */
export function loadGazetteer(file = GAZETTEER_FILE): Promise<Gazetteer> {
  if (file !== GAZETTEER_FILE) return readGazetteer(file);
  shipped ??= readGazetteer(file);
  return shipped;
}

async function readGazetteer(file: string): Promise<Gazetteer> {
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") throw new Error(`${file}: gazetteer missing; run \`npm run gazetteer\``);
    throw e;
  });
  return Gazetteer.fromBytes(bytes, file);
}
