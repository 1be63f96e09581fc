// Candidate names: runs of capitalised tokens ("chunks"), cut into segments that are a title,
// an honorific, a person's name, an organisation, a state, a place or not yet known.
import type { OrgType } from "../model.ts";
import { lexicons, lookupKey, perWord, type Lexicons } from "./lexicon.ts";
import { LIST_ENTRY_LINE } from "./role-patterns.ts";
import type { Token } from "./tokens.ts";
import { BUILDING_WORDS, MONTHS, NAME_CONNECTORS, NAME_PARTICLES, SPEECH_VERBS, WEEKDAYS } from "./words.ts";

export type SegmentKind = "person" | "organisation" | "country" | "place" | "title" | "honorific" | "unknown";

export interface Segment {
  /** Token range [from, to). */
  from: number;
  to: number;
  kind: SegmentKind;
  /** How the segment names its entity (a lexicon label, a demonym, a capital...). */
  via: "name" | "alias" | "acronym" | "demonym" | "capital";
  /** Canonical label from a lexicon ("United States" for "U.S."). */
  label?: string;
  iso3?: string;
  orgType?: OrgType;
  /** The capital city this segment names, when it is one (metonymy or place is decided later). */
  capitalOf?: string;
  /** Seat-of-power name ("Kremlin") standing for a state or body. */
  metonymOf?: string;
  /** The surface is no name of its own ("Foreign Ministry" after "Peru's"): the label names it. */
  unnamed?: boolean;
  /** How the text itself names the body when the label is made ("Peru's Foreign Ministry" for "Peruvian Foreign Ministry"): kept as one of its names. */
  written?: string;
  /** Inside a title-case line (headline): trusted only when the name is known from elsewhere. */
  headline: boolean;
  /** The body a post's "of" phrase names, inside that post's title segment ("Head of [the Security Service]"). */
  inTitle?: boolean;
  /** Index of the chunk it came from. */
  chunk: number;
}

export interface Chunk {
  from: number;
  to: number;
}

const lower = (t: Token) => t.text.toLowerCase();

function isMonthOrDay(tokens: Token[], i: number): boolean {
  const t = tokens[i].text;
  const title = t.charAt(0) + t.slice(1).toLowerCase();
  // "Jan Egeland", "Mar Roig": a month's short form is a month only beside a number or a time word
  if (t === "May" || title === "May" || (/^\p{Lu}\p{Ll}{2,3}$/u.test(t) && MONTHS.has(t) && !/^(?:June|July)$/.test(t) && lexicons().givenNames.has(t))) {
    // "May" is a month next to a number or after "in/on/since/last/next/early/late"
    // ("SEOUL, Jan. 30 (Agency)": the short form's full stop between it and the number)
    const next = tokens[i + 1]?.text === "." ? tokens[i + 2]?.text ?? "" : tokens[i + 1]?.text ?? "";
    const prev = tokens[i - 1]?.text.toLowerCase() ?? "";
    // ("VARNESK, 5 May (Agency) –": a day's number before it, too)
    return /^\d/.test(next) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(prev) || ["in", "on", "since", "last", "next", "early", "late", "mid", "until", "by"].includes(prev);
  }
  return MONTHS.has(title) || WEEKDAYS.has(title) || MONTHS.has(t) || WEEKDAYS.has(t);
}

/** Is this word the head of an organisation's name ("Ministry", "University")? */
export const orgHeadType = perWord((lex, word): OrgType | undefined => lex.orgHeads.get(word) ?? lex.orgHeads.get(word.charAt(0) + word.slice(1).toLowerCase()));

export const isTitleWord = perWord((lex, word): boolean => {
  // "President-elect", "Minister-designate", "ex-President"
  const w = word.toLowerCase().replace(/-(elect|designate|at-large)$/, "").replace(/^ex-/, "");
  return lex.titleHeads.has(w) || lex.titleModifiers.has(w) || !!pluralPost(lex, word) || hyphenatedPost(lex, w);
});

/** "Chief-of-Staff", "Chief-of-General-Staff", "Head-of-Mission": a post and its "of" phrase written as one word. */
function hyphenatedPost(lex: Lexicons, lower: string): boolean {
  const m = /^(\p{L}+)-of-\p{L}/u.exec(lower);
  return !!m && lex.titleHeads.has(m[1]);
}

/** "Senators", "Ministers", "Secretaries" written with a capital: the post the plural names ("Senator"), or undefined. */
export const pluralPost = perWord((lex, word): string | undefined => {
  if (!/^\p{Lu}\p{Ll}+s$/u.test(word)) return undefined;
  const w = word.toLowerCase();
  const one = [w.slice(0, -1), w.replace(/ies$/, "y"), w.replace(/es$/, "")].find((x) => x !== w && lex.titleHeads.has(x));
  return one ? word.charAt(0) + one.slice(1) : undefined;
});

/** Lines written in title case (headlines, section heads): every longer word capitalised, no full stop. */
export function isTitleCaseBlock(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((t) => t.isWord && t.text.length > 3);
  if (words.length < 3) return false;
  // running text ends its sentences; headlines do not
  if (tokens.slice(from, to).some((t) => t.text === ".")) return false;
  if (words.filter((t) => t.cap).length / words.length < 0.75) return false;
  // names are capitalised too: title case shows in capitalised common words ("Pledge Closer Ties")
  const common = lexicons().commonWords;
  const lex = lexicons();
  const capitalisedCommon = words.filter((t, i) => i > 0 && t.cap && !t.allCaps && common.has(t.text.toLowerCase()) && !isTitleWord(lex, t.text) && !orgHeadType(lex, t.text)).length;
  return capitalisedCommon >= 2 && capitalisedCommon / words.length >= 0.4;
}

/** A party's members in a parliament, written after the party's name ("Green Party TD X"). */
const MEMBER_POSTS = new Set(["MP", "MEP", "MLA", "MSP", "TD", "Senator", "senator", "Councillor", "councillor", "lawmaker", "legislator"]);
/** Letters after a person's name: a seat or an honour, not part of the name ("Jane Roe MP"). */
const POST_NOMINALS = new Set(["MP", "MEP", "MLA", "MSP", "MPP", "MHA", "MNA", "TD", "QC", "KC", "SC", "OBE", "MBE", "CBE", "KBE", "DBE"]);

/**
 * A line of a designation list: a name of two to six capitalised (or all-caps) words, a separator,
 * and a post within the next words ("NAME – Deputy Minister of X", "Name (born 1970), head of the
 * Y", "SURNAME Given: Chief of the Z"): the shape is LIST_ENTRY_LINE (role-patterns.ts). Such a line
 * is story text, not a section heading, even though it ends with no full stop.
 */
export function isListEntryBlock(tokens: Token[], from: number, to: number): boolean {
  const lex = lexicons();
  const name = LIST_ENTRY_LINE.matchAt(tokens, from, { to, within: "anywhere" })?.get("name");
  if (!name) return false;
  // a person's name: no body head, no lexicon name (a state or body before a dash is a heading)
  if (findOrgHead(lex, tokens, name.from, name.to) >= 0 || lexiconMatch(lex, tokens, name.from, name.to)) return false;
  // (a name in capitals may hold English words: "TAN KYAW MIN")
  const words = tokens.slice(name.from, name.to);
  return words.every((t) => t.allCaps) || words.filter((t) => lex.commonWords.has(t.text.toLowerCase()) && !lex.givenNames.has(t.text) && !lex.surnames.has(t.text.toLowerCase())).length <= 1;
}

/**
 * A minister's header in a press release: a line with a person's name ("The Hon Jane Roe MP",
 * "Senator the Hon John Doe"), then lines that are each one post ("Minister for Defence"). Such
 * lines are no headings: their segments lose the headline mark (so the person and posts count).
 */
export function headerPostBlocks(tokens: Token[], segments: Segment[]): void {
  const byBlock: Segment[][] = [];
  let current: Segment[] = [];
  for (const s of segments) {
    if (current.length && tokens[current[0].from].block !== tokens[s.from].block) { byBlock.push(current); current = []; }
    current.push(s);
  }
  if (current.length) byBlock.push(current);
  // every word of the block is in one of its segments, or is "the" (a header line is short: longer blocks are not)
  const covered = (segs: Segment[]) => {
    const block = tokens[segs[0].from].block;
    let i = segs[0].from;
    while (i > 0 && tokens[i - 1].block === block) i--;
    const start = i;
    let k = 0, until = -1;
    for (; i < tokens.length && tokens[i].block === block; i++) {
      if (i - start > 24) return false;
      // segments are in text order: the ones starting by i cover it up to the furthest end
      while (k < segs.length && segs[k].from <= i) until = Math.max(until, segs[k++].to);
      if (i >= until && tokens[i].isWord && !/^the$/i.test(tokens[i].text) && !POST_NOMINALS.has(tokens[i].text)) return false;
    }
    return true;
  };
  const postOnly = (segs: Segment[]) => segs[0].kind === "title" && segs.length <= 3 && segs.every((s) => s === segs[0] || (s.inTitle && s.to <= segs[0].to)) && covered(segs);
  for (let b = 0; b + 1 < byBlock.length; b++) {
    const segs = byBlock[b];
    const name = segs[segs.length - 1];
    if (!segs[0].headline || (name.kind !== "person" && name.kind !== "unknown") || name.to - name.from < 2) continue;
    if (segs.length > 4 || !segs.slice(0, -1).every((s) => s.kind === "title" || s.kind === "honorific") || !covered(segs)) continue;
    if (tokens[byBlock[b + 1][0].from].block !== tokens[name.from].block + 1 || !postOnly(byBlock[b + 1])) continue;
    for (const s of segs) s.headline = false;
    for (let n = b + 1; n < byBlock.length && n < b + 5 && postOnly(byBlock[n]) && tokens[byBlock[n][0].from].block === tokens[byBlock[n - 1][0].from].block + 1; n++) for (const s of byBlock[n]) s.headline = false;
  }
}

/** Lower-case words between a place's name and its local body ("the Kherson regional military administration"). */
const LOCAL_BODY_MODIFIERS = new Set(["city", "regional", "region", "oblast", "provincial", "province", "state", "district", "municipal", "military", "county", "local", "civil", "civilian", "town", "village"]);
const LOCAL_BODY_HEADS = new Set(["administration", "council", "government", "assembly", "legislature", "authorities", "authority", "hall"]);

/**
 * "the Kherson regional administration", "the Kyiv city council": a place's name, lower-case
 * words of local government, and a body's noun make one organisation. A person's name before
 * "administration" is not a place's ("the X administration" of a president takes no modifier).
 */
export function localBody(tokens: Token[], s: Segment): Segment | undefined {
  if (s.headline || (s.kind !== "place" && s.kind !== "unknown") || s.metonymOf) return undefined;
  let k = s.to;
  while (k < s.to + 3 && tokens[k]?.isWord && !tokens[k].cap && LOCAL_BODY_MODIFIERS.has(tokens[k].text) && tokens[k].block === tokens[s.from].block) k++;
  const head = tokens[k];
  if (k === s.to || !head || head.cap || head.block !== tokens[s.from].block || !LOCAL_BODY_HEADS.has(head.text)) return undefined;
  // "city hall" is a building; "authorities" are no named body
  if (head.text === "hall" || head.text === "authorities") return undefined;
  return { ...s, to: k + 1, kind: "organisation", via: "name", label: undefined, capitalOf: undefined, orgType: "government" };
}

/** Runs of capitalised tokens in one block, joined by name connectors where a name goes on. */
/** Groups of people whose possessive stands inside a body's name after its "of": "Ministry of People's Armed Forces". */
const COLLECTIVE_POSSESSORS = new Set(["People", "Women", "Children", "Workers", "Peoples", "Nations", "Veterans", "Martyrs", "Farmers", "Citizens"]);

const NICK_OPEN = new Set(["“", "\"", "‘", "'"]);
const NICK_CLOSE = new Set(["”", "\"", "’", "'"]);

export function findChunks(tokens: Token[]): Chunk[] {
  const lex = lexicons();
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap || isMonthOrDay(tokens, i)) { i++; continue; }
    const from = i;
    let to = i + 1;
    for (;;) {
      const next = tokens[to];
      if (!next || next.block !== tokens[from].block) break;
      if (next.cap && !isMonthOrDay(tokens, to)) { to++; continue; }
      // "Kestrel Systems plc": a lower-case company suffix ends the name it follows
      if (/^\p{Ll}+$/u.test(next.text) && orgHeadType(lex, next.text) === "company") { to++; continue; }
      // "People's Liberation Army", "People's Bank of China": a common word's possessive inside a name
      // ("Sudan People's Liberation Army", "Democratic People's Republic of Korea")
      if (/^['’]s$/.test(next.text) && lex.commonWords.has(tokens[to - 1].text.toLowerCase()) && findOrgHead(lex, tokens, from, to) < 0 && !lexiconMatch(lex, tokens, from, to) && tokens[to + 1]?.cap && tokens[to + 1].block === tokens[from].block
        && (possessiveJoinsName(lex, tokens, to + 1) || possessiveJoinsLexiconName(lex, tokens, from, to + 1))) { to += 2; continue; }
      // "Ministry of People's Armed Forces", "Ministry of Women's Affairs": after a body's "of", a
      // people's possessive (never the body's own) goes on into the capitalised words after it
      if (/^['’]s$/.test(next.text) && COLLECTIVE_POSSESSORS.has(tokens[to - 1].text) && tokens[to - 2]?.text === "of" && tokens[to + 1]?.cap && tokens[to + 1].block === tokens[from].block) { to += 2; continue; }
      // "Acme (Gems and Jewellery) Co., Ltd.": a bracketed part of a company's name before its legal suffix
      if (next.text === "(") {
        const close = bracketInCompanyName(lex, tokens, from, to);
        if (close > 0) { to = close + 1; continue; }
      }
      // 'Omar Saleh "Falcon" Haddad': a nickname in quotes inside a person's name (a given name first)
      if (NICK_OPEN.has(next.text) && lex.givenNames.has(tokens[from].text)) {
        let q = to + 1;
        while (q < to + 4 && tokens[q]?.cap && tokens[q].block === next.block) q++;
        if (q > to + 1 && NICK_CLOSE.has(tokens[q]?.text ?? "") && tokens[q + 1]?.cap && !tokens[q + 1].sentenceStart && tokens[q + 1].block === next.block) { to = q + 2; continue; }
      }
      // "Ambassador at Large": the post's own words, not a place after "at"
      if (next.text === "at" && tokens[to + 1]?.text === "Large" && /^Ambassadors?$/i.test(tokens[to - 1].text) && tokens[to + 1].block === next.block) { to += 2; continue; }
      // connectors: "Ministry of Foreign Affairs", "Secretary of State", "Ursula von der Leyen"
      let k = to;
      while (tokens[k] && tokens[k].block === tokens[from].block && NAME_CONNECTORS.has(tokens[k].text) && k - to < 2) k++;
      if (k === to || !tokens[k]?.cap || tokens[k].block !== tokens[from].block || isMonthOrDay(tokens, k)) break;
      if (!connectorJoins(lex, tokens, from, to, k)) break;
      to = k + 1;
    }
    // "Imperial Jade Co., Ltd.", "Acme Holdings, Inc.": a company's legal suffix after a comma is part of its name
    {
      const dot = tokens[to]?.text === "." && tokens[to + 1]?.text === "," ? 1 : 0;
      const suffix = tokens[to + dot + 1];
      if (tokens[to + dot]?.text === "," && orgHeadType(lex, tokens[to - 1].text) === "company" && suffix && suffix.block === tokens[from].block && /^(?:Ltd|Inc|LLC|PLC|plc|Co|GmbH|JSC|LLP|AG)\.?$/.test(suffix.text)) {
        to += dot + 2;
        if (tokens[to]?.text === "." && !/\.$/.test(suffix.text) && !tokens[to + 1]?.sentenceStart) to++;
      }
    }
    // "Vostok Co. Ltd.", "Arvan Trading Co. Limited": the legal form after "Co." is the firm's name still
    if (tokens[to - 1]?.text === "Co" && tokens[to]?.text === "." && /^(?:Ltd|Limited|Inc|LLC|JSC|PLC)$/.test(tokens[to + 1]?.text ?? "") && tokens[to + 1].block === tokens[from].block) {
      to += 2;
      if (tokens[to]?.text === "." && !tokens[to + 1]?.sentenceStart) to++;
    }
    // "Walter K. Ames, Jr.": a generational suffix after a comma is part of the name
    if (tokens[to]?.text === "," && /^(?:Jr|Sr)\.?$/.test(tokens[to + 1]?.text ?? "") && tokens[to + 1].block === tokens[from].block && to - from >= 2) to += 2;
    to = listedPortfolios(lex, tokens, from, to);
    to = bodyTail(lex, tokens, from, to);
    chunks.push({ from, to });
    i = to;
  }
  return chunks;
}

/**
 * The closing bracket of "(Gems and Jewellery)" in "Acme (Gems and Jewellery) Co., Ltd." (the
 * bracket opening at token `to`): capitalised words and connectors inside, a company's head word
 * right after it ("Co", "Limited", "Corporation"); else -1 (a bracket after a name is an alias or an
 * aside: "the Ministry of Trade (MOT)", "Acme (Norway)").
 */
function bracketInCompanyName(lex: Lexicons, tokens: Token[], from: number, to: number): number {
  let k = to + 1;
  while (k < tokens.length && k - to <= 6 && tokens[k].block === tokens[from].block && (tokens[k].cap || NAME_CONNECTORS.has(tokens[k].text) || tokens[k].text === "&")) k++;
  const after = tokens[k + 1];
  if (k === to + 1 || tokens[k]?.text !== ")" || !after || after.block !== tokens[from].block || !after.cap || after.start !== tokens[k].end + 1) return -1;
  // the words inside are no acronym, no state's name
  const inside = tokens.slice(to + 1, k);
  if (inside.length === 1 && (inside[0].allCaps || lex.countries.has(lookupKey(inside[0].text)))) return -1;
  return orgHeadType(lex, after.text) === "company" ? k : -1;
}

/**
 * "Foreign, Commonwealth and Development Office", "Agriculture, Water and Environment Ministry":
 * portfolio words listed with commas before one body's head word are one name; the end of it.
 */
function listedPortfolios(lex: Lexicons, tokens: Token[], from: number, to: number): number {
  const portfolio = (k: number) => !!tokens[k] && tokens[k].cap && !tokens[k].allCaps && tokens[k].block === tokens[from].block
    && !orgHeadType(lex, tokens[k].text) && !isTitleHead(lex, tokens[k].text) && !lex.honorifics.has(tokens[k].text) && !lex.countries.has(lookupKey(tokens[k].text)) && !lex.demonyms.has(tokens[k].text);
  const first = ["The", "THE", "A", "An"].includes(tokens[from].text) ? from + 1 : from;
  if (tokens[to]?.text !== "," || to - first !== 1) return to;
  // a sentence's first word before a comma is most often an adverb ("However, ..."); an adjective
  // there ("From: Foreign, Trade and Development Office") may open a body's name
  const adverb = tokens[first].tag === "ADV" || /ly$/.test(tokens[first].text);
  if (!portfolio(first) || !lex.commonWords.has(tokens[first].text.toLowerCase()) || (tokens[first].sentenceStart && adverb)) return to;
  let k = to;
  for (let items = 0; items < 3 && tokens[k]?.text === ","; items++) {
    k++;
    if (!portfolio(k)) return to;
    while (portfolio(k)) k++;
  }
  if (tokens[k]?.text !== "and" && tokens[k]?.text !== "&") return to;
  k++;
  while (portfolio(k)) k++;
  return tokens[k]?.cap && tokens[k].block === tokens[from].block && k > to + 3 && orgHeadType(lex, tokens[k].text) === "government" ? k + 1 : to;
}

/**
 * The end of a body's name that goes on past the chunk [from, to):
 * "Ministry of Popular Power for Science, Technology, and Light Industries" (portfolios listed
 * with commas in the "of"/"for" phrase of a body), "Court of First Instance in Control Functions"
 * (an "in" phrase of common words), "Stabilization Mission in Mali (MISM)" (an "in" phrase that a
 * bracketed acronym closes).
 */
function bodyTail(lex: Lexicons, tokens: Token[], from: number, to: number): number {
  const block = tokens[from].block;
  const run = (k: number) => { let e = k; while (tokens[e]?.cap && tokens[e].block === block && e - k < 4) e++; return e; };
  // capitalised English words, no post, no given name, no known name ("Industries" may head a portfolio)
  const plain = (k: number, e: number, heads = false) => e > k && tokens.slice(k, e).every((t) => !t.allCaps && lex.commonWords.has(t.text.toLowerCase()) && !isTitleHead(lex, t.text) && (heads || !orgHeadType(lex, t.text)) && !lex.givenNames.has(t.text)) && !lexiconMatch(lex, tokens, k, e);
  const hasBodyOf = tokens.slice(from, to).some((t, i) => (t.text === "of" || t.text === "for") && i > 0 && orgHeadType(lex, tokens[from + i - 1].text));
  if (hasBodyOf && tokens[to]?.text === "," && plain(to - 1, to)) {
    // ", Technology, and Light Industries": plain capitalised portfolios, the last after "and"
    let k = to;
    for (let items = 0; items < 6 && tokens[k]?.text === ","; items++) {
      let j = k + 1;
      const and = tokens[j]?.text === "and";
      if (and) j++;
      const e = run(j);
      if (!plain(j, e, true)) return to;
      k = e;
      if (and) return k;
    }
    if (tokens[k]?.text === "and" && plain(k + 1, run(k + 1), true)) return run(k + 1);
    return to;
  }
  if (tokens[to]?.text === "in" && tokens[to].block === block && to - from >= 3 && findOrgHead(lex, tokens, from, to) >= 0 && !isTitleHead(lex, tokens[from].text)) {
    const e = run(to + 1);
    if (plain(to + 1, e)) return e;
    const acronym = tokens[e]?.text === "(" && /^[\p{Lu}-]{3,}$/u.test(tokens[e + 1]?.text ?? "") && tokens[e + 2]?.text === ")";
    if (e > to + 1 && acronym) return e;
  }
  return to;
}

/** Is the chunk [from, to) inside the "of" phrase of a post or body ("Minister of Popular Power ...")? */
function inOfTail(lex: Lexicons, tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to - 1; j++) {
    if (tokens[j + 1].text !== "of" && tokens[j + 1].text !== "for") continue;
    if (isTitleHead(lex, tokens[j].text) || orgHeadType(lex, tokens[j].text)) return true;
  }
  return false;
}

/** Does the chunk hold a body's head word before an "of" or "for" ("Ministry of …", "Council for …"), and no post's? */
function bodyOfTail(lex: Lexicons, tokens: Token[], from: number, to: number): boolean {
  let body = false;
  for (let j = from; j < to; j++) {
    if (isTitleHead(lex, tokens[j].text)) return false;
    if (j < to - 1 && (tokens[j + 1].text === "of" || tokens[j + 1].text === "for") && orgHeadType(lex, tokens[j].text)) body = true;
  }
  return body;
}

/** Do the words before a possessive and the capitalised run after it make a lexicon name? */
function possessiveJoinsLexiconName(lex: Lexicons, tokens: Token[], from: number, i: number): boolean {
  let end = i;
  while (end < tokens.length && end - i < 6 && (tokens[end].cap || (NAME_CONNECTORS.has(tokens[end].text) && tokens[end + 1]?.cap))) end++;
  for (let e = end; e > i; e--) if (tokens[e - 1].cap && lexiconMatch(lex, tokens, from, e)) return true;
  return false;
}

/** Does an organisation's head word follow in the capitalised run from token i? */
function possessiveJoinsName(lex: Lexicons, tokens: Token[], i: number): boolean {
  // ("Kelmar People's Republic": a common word's possessive inside the run, a state's head word at its end)
  const possessive = (k: number) => /^['’]s$/.test(tokens[k]?.text ?? "");
  let owned = possessive(i - 1);
  for (let k = i; k < tokens.length && (tokens[k].cap || (k > i && possessive(k))) && k - i < 6; k++) {
    owned ||= possessive(k);
    if (orgHeadType(lex, tokens[k].text) || (owned && STATE_HEADS.has(tokens[k].text.replace(/s$/, "")))) return true;
  }
  return false;
}

/**
 * Does a person's name start at token i, right after a capitalised common word of a post's
 * portfolio ("… and Financial Intelligence Jane Roe")? A given name that another capitalised
 * word follows, after a plain English word.
 */
function holderAfterPortfolio(lex: Lexicons, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1], t = tokens[i], next = tokens[i + 1];
  if (!prev?.cap || !next?.cap || next.block !== t.block || prev.block !== t.block || t.allCaps || next.allCaps) return false;
  if (!lex.givenNames.has(t.text) || lex.givenNames.has(prev.text) || !lex.commonWords.has(prev.text.toLowerCase()) || isTitleHead(lex, prev.text)) return false;
  // (the name's next word is a name's: not a body's head or a post)
  return !orgHeadType(lex, next.text) && !isTitleWord(lex, next.text) && !lex.commonWords.has(next.text.toLowerCase()) || /^\p{Lu}\.$/u.test(next.text);
}

/** "M23", "G7", "P5": a capitalised word with a digit is a code, never a portfolio of a body's name. */
const hasDigit = (t: Token | undefined) => !!t && /\p{L}/u.test(t.text) && /\d/.test(t.text);

/** May the connector words tokens[to..k) join the chunk tokens[from..to) to the capitalised tokens[k]? */
function connectorJoins(lex: Lexicons, tokens: Token[], from: number, to: number, k: number): boolean {
  const connectors = tokens.slice(to, k).map(lower);
  const last = tokens[to - 1].text;
  if (connectors.every((c) => NAME_PARTICLES.has(c))) return to - from >= 1 && !orgHeadType(lex, last) && !isTitleWord(lex, last);
  const first = connectors[0];
  /** Where the capitalised words from tokens[k] on end, in the chunk's block (at most `max` of them). */
  const capitalsEnd = (max = Infinity) => {
    let end = k;
    while (tokens[end]?.cap && tokens[end].block === tokens[from].block && end - k < max) end++;
    return end;
  };
  // "the Forces for the Liberation of X and M23", "M23 and the Y Forces": a code of letters and digits is a name of its own
  if ((first === "and" || first === "&") && (hasDigit(tokens[k]) || (to - from === 1 && hasDigit(tokens[from])))) return false;
  const headBefore = !!orgHeadType(lex, last) || lex.titleHeads.has(last.toLowerCase()) || PLACE_HEADS.has(last);
  // "Minister of Popular Power for Foreign Affairs", "Vice Minister of Scientific and Technological
  // Development": after a post's or body's "of", capitalised words and connectors are its name
  if (inOfTail(lex, tokens, from, to) && connectors.length === 1 && (first === "of" || first === "for" || first === "and" || first === "on")) {
    if (first !== "and") return true;
    let end = capitalsEnd();
    // "the Government of X and the rebels' front": a state's government, then another name
    if (governmentOfState(lex, tokens, from, to) && !governmentOfState(lex, tokens, from, end)) return false;
    // "… for Terrorism and Financial Intelligence Jane Roe": the portfolio's words join, the holder's name does not
    for (let g = k + 1; g < end; g++) if (holderAfterPortfolio(lex, tokens, g)) { end = g; break; }
    const run = tokens.slice(k, end);
    return !run.some((t) => isTitleHead(lex, t.text) || lex.givenNames.has(t.text) || lex.honorifics.has(t.text)) && !lexiconMatch(lex, tokens, k, k + 1) && !lexiconMatch(lex, tokens, k, end);
  }
  // "Ministry of Foreign Affairs of the Russian Federation", "Council for the Protection of the Homeland":
  // after a body's "of"/"for" phrase, "of the" and a state's name, or plain capitalised words, go on with its name
  if (connectors.length === 2 && first === "of" && connectors[1] === "the" && bodyOfTail(lex, tokens, from, to)) {
    const end = capitalsEnd(4);
    if (lexiconMatch(lex, tokens, k, end)?.kind === "country") return true;
    const run = tokens.slice(k, end);
    return !lexiconMatch(lex, tokens, k, end) && run.every((t) => lex.commonWords.has(t.text.toLowerCase()) && !isTitleHead(lex, t.text) && !lex.givenNames.has(t.text) && !orgHeadType(lex, t.text));
  }
  // "Horn of Africa", "Isle of Man": a listed place's name with "of" inside, whatever its head word
  if (first === "of" && connectors.length === 1 && lex.places.has(lookupKey(tokens.slice(from, k + 1).map((t) => t.text).join(" ")))) return true;
  // "Victims of Communism Memorial Foundation": common words, then "of", then a body's name
  const commonBefore = tokens.slice(from, to).every((t) => lex.commonWords.has(t.text.toLowerCase()) && !isTitleWord(lex, t.text));
  if ((first === "of" || first === "for") && !headBefore && commonBefore) return possessiveJoinsName(lex, tokens, k);
  if (first === "of" || first === "for" || first === "on") return headBefore;
  if (first === "to") return ["ambassador", "envoy", "representative", "consul", "adviser", "advisor"].includes(last.toLowerCase());
  if ((first === "and" || first === "&") && connectors.length > 1) return false; // "X and the Y" are two names
  // "Dorrel & Finch", "Harbour Studies & Design": an ampersand between plain capitalised words is
  // inside one firm's name (not between two states, "Norland & Estovia", nor before a post or a person)
  if (first === "&") {
    const end = capitalsEnd(4);
    const plain = (a: number, b: number) => !lexiconMatch(lex, tokens, a, b) && !tokens.slice(a, b).some((t) => isTitleWord(lex, t.text) || lex.honorifics.has(t.text) || lex.demonyms.has(t.text));
    if (plain(from, to) && plain(k, end) && end - from <= 6) return true;
  }
  if (first === "and" || first === "&") {
    // "Ministry of Trade and Industry", "Bosnia and Herzegovina"
    const inner = tokens.slice(from, to).map(lower);
    const hasTitle = tokens.slice(from, to).some((t) => lex.titleHeads.has(lower(t)));
    if (!hasTitle && (inner.includes("of") || inner.includes("for"))) {
      // "Center for Strategic and International Studies", not "... and Foreign Minister X"
      const end = capitalsEnd();
      // "the Republic of X and Bosnia and Herzegovina": a whole name, then another
      const known = lexiconMatch(lex, tokens, from, to) ?? governmentOfState(lex, tokens, from, to);
      if (known && known.kind !== "unknown") return false;
      for (let e = end; e > k; e--) if (lexiconMatch(lex, tokens, k, e)?.kind === "country") return false;
      return !tokens.slice(k, end).some((t) => isTitleWord(lex, t.text) && lex.titleHeads.has(lower(t)) || lex.givenNames.has(t.text) || lex.honorifics.has(t.text));
    }
    const joined = lookupKey(tokens.slice(from, k + 1).map((t) => t.text).join(" "));
    if (lex.countries.has(joined) || lex.orgs.has(joined) || lex.places.has(joined)) return true;
    // "Xinjiang Production and Construction Corps": one body whose head ends the second part
    const left = tokens.slice(from, to);
    const plainLeft = !lexiconMatch(lex, tokens, from, to) && left.every((t) => !orgHeadType(lex, t.text) && !lex.titleHeads.has(lower(t)) && !lex.givenNames.has(t.text));
    return plainLeft && possessiveJoinsName(lex, tokens, k);
  }
  return false;
}

/** Last words of places' names ("Spratly Islands", "Golan Heights"). */
const PLACE_NAME_HEADS = new Set(["Island", "Islands", "Strait", "Straits", "Sea", "Peninsula", "Valley", "Mountains", "River", "Bay", "Province", "Region", "Oblast", "Krai", "County", "District", "Prefecture", "Desert", "Plateau", "Basin", "Heights", "Coast", "Canal", "Lake", "Gulf", "Archipelago", "Corridor", "Oblast's"]);

/** Last words of landmarks' names that are also family names ("Gorky Park", "X Gas Field"). */
const LANDMARK_HEADS = new Set(["Park", "Field", "Oilfield", "Gasfield", "Hills", "Forest", "Dam", "Reservoir", "Gorge", "Lagoon", "Delta", "Steppe"]);

/** Last words of names of documents, agreements and events ("Paris Agreement", "Resolution"). */
export const EVENT_WORDS = new Set(["Resolution", "Resolutions", "Agreement", "Accord", "Accords", "Act", "Treaty", "Deal", "Summit", "Talks", "Declaration",
  "Charter", "Convention", "Protocol", "Law", "Bill", "Order", "Plan", "Strategy", "Report", "Award", "Prize", "Conference", "Games", "Cup",
  "War", "Crisis", "Initiative", "Doctrine", "Pact", "Memorandum", "Communique", "Statement", "Dialogue", "Exercise", "Operation",
  // legal acts: "Council Implementing Decision (CFSP) 2024/512", "Council Regulation (EU) No 269/2014", "Presidential Decree"
  "Decision", "Regulation", "Directive", "Decree", "Proclamation"]);

/** Words that make an act of the body before them ("Council Implementing Regulation"): no part of a body's name. */
const ACT_MODIFIERS = new Set(["Implementing", "Delegated", "Framework", "Executive"]);
/** Act words after which a lone body word is the act's author, not a body named in the text ("Council Decision"). */
const LEGAL_ACT_WORDS = new Set(["Decision", "Regulation", "Directive", "Decree", "Proclamation"]);
/** "the Official Journal of the European Union", "the Official Gazette": where acts are published, not a body. */
const OFFICIAL_PUBLICATIONS = new Set(["Journal", "Gazette", "Bulletin"]);

/** Words that head a state's name and take "of" ("Republic of X", "Principality of Y"). */
const STATE_HEADS = new Set(["Republic", "Kingdom", "Federation", "Commonwealth", "Emirate", "Sultanate", "Principality"]);

/** Words that head a place's name and take "of" ("Republic of Korea", "Gulf of Aden"). */
const PLACE_HEADS = new Set(["Republic", "Kingdom", "Gulf", "Sea", "Strait", "Straits", "Bay", "Isle", "Islands", "Province", "Region", "City", "State", "Federation", "Union", "Commonwealth", "Emirate", "Sultanate", "Principality"]);

type LexiconHit = Omit<Segment, "from" | "to" | "headline" | "chunk">;
const hitCache = new Map<string, LexiconHit | null>();

/** The lexicon entry a token range names, if any (memoised by surface: the lexicons do not change). */
export function lexiconMatch(lex: Lexicons, tokens: Token[], from: number, to: number): LexiconHit | undefined {
  let surface = tokens[from].text;
  for (let i = from + 1; i < to; i++) surface += (/^['’]s$/.test(tokens[i].text) ? "" : " ") + tokens[i].text;
  const cacheKey = (tokens[from].allCaps ? "!" : "") + surface;
  let hit = hitCache.get(cacheKey);
  if (hit === undefined) {
    if (hitCache.size > 100_000) hitCache.clear();
    hit = lexiconLookup(lex, tokens, from, to, surface) ?? null;
    hitCache.set(cacheKey, hit);
  }
  // (after the cache: the word before is no part of its key)
  if (hit?.kind === "place" && to - from === 1 && placeWordMisread(lex, tokens, from)) return undefined;
  return hit ?? undefined;
}

const COMPASS = new Map(Object.entries({ "N.": "North", "S.": "South", "E.": "East", "W.": "West" }));

function lexiconLookup(lex: Lexicons, tokens: Token[], from: number, to: number, surface: string): LexiconHit | undefined {
  // "N. Korea", "S. Sudan": a compass initial before a state's name is headline shorthand for it
  const compass = to - from >= 2 ? COMPASS.get(tokens[from].text) : undefined;
  if (compass) {
    const full = lex.countries.get(lookupKey(`${compass} ${surface.slice(3)}`));
    return full ? { kind: "country", via: "alias", label: full.label, iso3: full.iso3, orgType: "country" } : undefined;
  }
  const key = lookupKey(surface);
  if (lex.acronymKeys.has(key) && /\p{Ll}/u.test(surface)) return undefined;
  const country = lex.countries.get(key);
  if (country) return { kind: "country", via: key === lookupKey(country.label) ? "name" : "alias", label: country.label, iso3: country.iso3, orgType: "country" };
  const org = lex.orgs.get(key);
  if (org) {
    const acronym = /^[\p{Lu}.&/-]+$/u.test(surface) && surface.length <= 8;
    return { kind: "organisation", via: key === lookupKey(org.label) ? "name" : acronym ? "acronym" : "alias", label: org.label, orgType: org.orgType };
  }
  const capital = [surface, titleCase(surface)].map((s) => lex.capitals.get(s)).find(Boolean);
  const metonym = lex.metonyms.get(key);
  if (metonym) return { kind: "unknown", via: "capital", metonymOf: metonym, ...(capital ? { capitalOf: capital.iso3 } : {}) };
  if (to - from <= 2) {
    const t = to - from === 1 ? tokens[from].text : surface;
    const d = lex.demonyms.get(t) ?? lex.demonyms.get(t.replace(/s$/, "")) ?? (tokens[from].allCaps ? lex.demonyms.get(t.charAt(0) + t.slice(1).toLowerCase()) : undefined);
    if (d) return { kind: "country", via: "demonym", label: d.label, iso3: d.iso3, orgType: "country" };
  }
  if (capital) return { kind: "unknown", via: "capital", capitalOf: capital.iso3 };
  if (lex.places.has(key)) return { kind: "place", via: "name" };
  return undefined;
}

/**
 * One listed place's word that the text uses otherwise: "NAN" in capitals of three letters or fewer is
 * a body's acronym, not the town "Nan"; "the Centre" with an article is a body's short name, not a
 * state's administrative division "Centre" (regions the text names with an article, "the Gulf", are areas).
 */
function placeWordMisread(lex: Lexicons, tokens: Token[], at: number): boolean {
  const t = tokens[at];
  if (t.allCaps && t.text.length <= 3) return true;
  // ("the Mayo TD": the region as a modifier before a noun still names it)
  return /^the$/i.test(tokens[at - 1]?.text ?? "") && !tokens[at + 1]?.cap && lex.places.get(lookupKey(t.text)) === "region";
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());

/** "Government of [the] X", "X Government", "Government of X" for a state X: that state. */
function governmentOfState(lex: Lexicons, tokens: Token[], from: number, to: number): LexiconHit | undefined {
  if (/^the$/i.test(tokens[from].text)) from++;
  if (to - from < 2) return undefined;
  const isGov = (t: Token) => /^government$/i.test(t.text);
  let at = -1, end = to;
  if (isGov(tokens[from]) && tokens[from + 1].text === "of") at = tokens[from + 2]?.text === "the" ? from + 3 : from + 2;
  else if (isGov(tokens[to - 1])) { at = from; end = to - 1; }
  // "Niger Republic": a state's name, then "Republic" (not a demonym's: "Czech Republic" is listed)
  else if (tokens[to - 1].text === "Republic" && to - from === 2 && !lex.demonyms.has(tokens[from].text)) { at = from; end = to - 1; }
  if (at < 0 || at >= end) return undefined;
  const state = lexiconMatch(lex, tokens, at, end);
  return state?.kind === "country" && state.iso3 ? { kind: "country", via: "alias", label: state.label, iso3: state.iso3, orgType: "country" } : undefined;
}

/**
 * "German Varkov", "German Lisov" (invented): a state's adjective that is also a given name, right before one
 * word that ends the name and is a known surname (no post, body, place, state or English word: not
 * "German Chancellor X", "German Bundestag", "German Shepherd"), is the person's first name.
 */
function demonymAsGivenName(lex: Lexicons, tokens: Token[], i: number): boolean {
  const t = tokens[i], next = tokens[i + 1], after = tokens[i + 2];
  if (!lex.givenNames.has(t.text) || t.allCaps || !next || next.block !== t.block || !next.cap || next.allCaps || !next.isWord) return false;
  if (after && after.block === t.block && after.cap && after.isWord) return false;
  const w = next.text;
  return !isTitleWord(lex, w) && !orgHeadType(lex, w) && !lex.honorifics.has(w) && !lex.countries.has(lookupKey(w)) && !lex.demonyms.has(w)
    && !lex.commonWords.has(w.toLowerCase()) && lex.surnames.has(w.toLowerCase()) && !lexiconMatch(lex, tokens, i + 1, i + 2) && !PLACE_NAME_HEADS.has(w) && !LANDMARK_HEADS.has(w);
}

/**
 * "Sofia Marin", "Victoria Lendl": a capital's name that is also a given name, before one name word that
 * no lexicon lists (no English word, post, body, state or place), opens a person's name.
 */
function capitalAsGivenName(lex: Lexicons, tokens: Token[], i: number): boolean {
  const t = tokens[i], next = tokens[i + 1];
  if (!lex.givenNames.has(t.text) || t.allCaps || !next || next.block !== t.block || !next.cap || next.allCaps || !next.isWord || /-/.test(next.text)) return false;
  const w = next.text;
  return !isTitleWord(lex, w) && !orgHeadType(lex, w) && !lex.honorifics.has(w) && !lex.countries.has(lookupKey(w)) && !lex.demonyms.has(w) && !lex.capitals.has(w)
    && !lex.commonWords.has(w.toLowerCase()) && !lexiconMatch(lex, tokens, i + 1, i + 2) && !PLACE_NAME_HEADS.has(w) && !LANDMARK_HEADS.has(w);
}

/** Is the token name-like: could be part of a person's name? */
function personNameToken(lex: Lexicons, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (NAME_PARTICLES.has(t.text)) return true;
  if (!t.cap || isTitleHead(lex, t.text) || orgHeadType(lex, t.text) || lex.honorifics.has(t.text)) return false;
  // a title's modifier stands before a title word ("Foreign Minister"); before a name or at the
  // end it may be a name ("Samantha Power", "Staff Antony ...")
  const next = tokens[i + 1];
  // ("Secretary of Defense Lloyd Austin": after a title's "of" it is the portfolio)
  if (isTitleWord(lex, t.text) && ((next && next.block === t.block && next.cap && isTitleWord(lex, next.text)) || NAME_CONNECTORS.has(tokens[i - 1]?.text ?? ""))) return false;
  if (lex.countries.has(lookupKey(t.text)) || (lex.demonyms.has(t.text) && !demonymAsGivenName(lex, tokens, i))) return false;
  // "the UN Samantha Power": a known body's acronym is no part of a name
  if (t.allCaps && lexiconMatch(lex, tokens, i, i + 1)) return false;
  return true;
}

/**
 * Cuts one chunk into segments: [owner (state, demonym or organisation)] [title] [person],
 * [honorific] [person], or one name (lexicon entry, organisation by its head word, unknown).
 */
/** Words of a photo's credit line that pages glue after the name before them. */
const CAPTION_CREDIT_WORDS = new Set(["Photo", "Photos", "Photograph", "Picture", "Credit", "Credits", "Image"]);

export function segmentChunk(tokens: Token[], chunk: Chunk, chunkIndex: number, headline: boolean): Segment[] {
  const lex = lexicons();
  let { from, to } = chunk;
  // "AGENCY Photo/Jane Roe": the agency of a wire photo's credit, without the word "Photo"
  if (to - from === 2 && tokens[from].allCaps && tokens[from + 1].text === "Photo" && tokens[to]?.text === "/") return segmentChunk(tokens, { from, to: from + 1 }, chunkIndex, headline);
  // "Jane Roe Photo: Agency", "Jane Roe Credit: Agency": a caption's credit word glued after a name, before its colon or slash
  if (to - from >= 2 && CAPTION_CREDIT_WORDS.has(tokens[to - 1].text) && (tokens[to]?.text === ":" || tokens[to]?.text === "/" || tokens[to]?.block !== tokens[to - 1].block)) return segmentChunk(tokens, { from, to: to - 1 }, chunkIndex, headline);
  // "Jane Roe MP", "John Doe QC": a post-nominal after a person's name is neither name nor post
  // (dotted too: "Jane Roe T.D.")
  if (to - from >= 3 && POST_NOMINALS.has(tokens[to - 1].text.replace(/\./g, "")) && tokens[to - 2].cap && !tokens[to - 2].allCaps) return segmentChunk(tokens, { from, to: to - 1 }, chunkIndex, headline);
  // "Walter K. Ames, Jr.": the name before the suffix, which then ends the person's segment
  if (to - from >= 4 && tokens[to - 2].text === "," && /^(?:Jr|Sr)\.?$/.test(tokens[to - 1].text)) {
    const inner = segmentChunk(tokens, { from, to: to - 2 }, chunkIndex, headline);
    const last = inner[inner.length - 1];
    if (last && last.to === to - 2 && (last.kind === "person" || last.kind === "unknown")) last.to = to;
    return inner;
  }
  const seg0 = (rest: Omit<Segment, "from" | "to" | "headline" | "chunk">): Segment => ({ from, to, headline, chunk: chunkIndex, ...rest });
  if (!["The", "THE", "A", "An"].includes(tokens[from].text)) {
    const known = to - from > 1 ? lexiconMatch(lex, tokens, from, to) : undefined;
    if (known) return [seg0(known)];
  }
  // "Jane Doe Purchase Licensing Rights": common words after a person's first and last name are
  // the text that follows the name, not more of it
  // (a building named after a person is one name: "the Jane Doe Press Room")
  if (to - from >= 4 && lex.givenNames.has(tokens[from].text) && !tokens[from + 1].allCaps && !lex.commonWords.has(tokens[from + 1].text.toLowerCase()) && !BUILDING_WORDS.has(tokens[to - 1].text)) {
    let cut = to;
    while (cut > from + 2 && lex.commonWords.has(tokens[cut - 1].text.toLowerCase()) && !lex.givenNames.has(tokens[cut - 1].text)) cut--;
    if (to - cut >= 2) return segmentChunk(tokens, { from, to: cut }, chunkIndex, headline);
  }
  // Leading articles and sentence-initial common words ("Meeting in...", "The") are not names.
  // (a name listing portfolios with commas keeps its first word: "Foreign, Commonwealth and ... Office")
  const listed = tokens[from + 1]?.text === "," && to - from > 2;
  while (from < to && isDroppableLead(lex, tokens, from) && !(listed && tokens[from].cap && !["The", "THE", "A", "An"].includes(tokens[from].text))) from++;
  while (to > from && NAME_CONNECTORS.has(tokens[to - 1].text)) to--;
  // "Fighters of the X Movement" opening a sentence: the common word dropped, the name starts after its "of the"
  while (from < to && from > chunk.from && /^(?:of|for|and|the|on|to)$/.test(tokens[from].text)) from++;
  // "Berlin-based", "Kremlin-backed", "Cold War-era": adjectives made from names are no names
  if (to > from + 1 && isCompoundAdjective(lex, tokens[to - 1].text)) {
    // "Hong Kong-related": the name is the words and the adjective's stem together, not the words alone
    const stem = tokens[to - 1].text.replace(/-\p{Ll}+$/u, "");
    const joined = [...tokens.slice(from, to - 1), { ...tokens[to - 1], text: stem }];
    if (lexiconMatch(lex, joined, 0, joined.length)) return [];
  }
  while (to > from && isCompoundAdjective(lex, tokens[to - 1].text)) to--;
  while (from < to && isCompoundAdjective(lex, tokens[from].text)) from++;
  if (from >= to) return [];
  const seg = (f: number, t: number, rest: Partial<Segment> & { kind: SegmentKind }): Segment => ({ from: f, to: t, via: "name", headline, chunk: chunkIndex, ...rest });

  const whole = lexiconMatch(lex, tokens, from, to);
  if (whole) return [seg(from, to, whole)];
  // a byline "Nordpost Staff": the outlet's staff, not a person
  const blockStart = !tokens[from - 1] || tokens[from - 1].block !== tokens[from].block || /^by$/i.test(tokens[from - 1].text);
  if (to - from >= 2 && tokens[to - 1].text === "Staff" && blockStart && !lex.givenNames.has(tokens[from].text) && (!tokens[to] || tokens[to].block !== tokens[from].block || tokens[to].text === ",")) {
    return [seg(from, to - 1, { kind: "organisation", orgType: "media" })];
  }
  // "LISBON PORTUGAL", "WASHINGTON US" in a byline: a place, then its state
  if (to - from >= 2 && tokens.slice(from, to).every((t) => t.allCaps)) {
    const state = lexiconMatch(lex, tokens, to - 1, to);
    const place = lexiconMatch(lex, tokens, from, to - 1);
    if (state?.kind === "country" && place && (place.kind === "place" || place.capitalOf)) return [seg(from, to - 1, place), seg(to - 1, to, state)];
  }
  // "Government of Venezuela", "Cuban Government": the state itself, by another name
  const state = governmentOfState(lex, tokens, from, to);
  if (state) return [seg(from, to, state)];

  // "the Official Journal of the European Union": the publisher named after "of" still counts
  if (to - from > 1 && tokens[from].text === "Official" && OFFICIAL_PUBLICATIONS.has(tokens[from + 1].text)) {
    let k = from + 2;
    if (tokens[k]?.text === "of") k++;
    if (tokens[k]?.lower === "the") k++;
    return k > from + 2 && k < to ? segmentChunk(tokens, { from: k, to }, chunkIndex, headline) : [];
  }
  // "Security Council Resolution 2231", "Paris Agreement": a document or event, not a body; the
  // body it names first still counts ("Security Council").
  if (to - from > 1 && EVENT_WORDS.has(tokens[to - 1].text.replace(/-\p{L}+$/u, ""))) {
    let end = to - 1;
    if (LEGAL_ACT_WORDS.has(tokens[to - 1].text)) {
      while (end > from && ACT_MODIFIERS.has(tokens[end - 1].text)) end--;
      // "Council Decision", "Commission Implementing Regulation": one body word is the act's author, named no further
      if (end - from === 1 && orgHeadType(lex, tokens[from].text)) return [];
      if (end === from) return [];
    }
    const inner = segmentChunk(tokens, { from, to: end }, chunkIndex, headline);
    // "the APEC Summit", "an OSCE Conference": a body's acronym alone before the event is the body that holds it
    if (end - from === 1 && /^\p{Lu}[\p{Lu}\d]{1,7}$/u.test(tokens[from].text) && inner.every((s) => s.kind === "unknown" || s.kind === "organisation")) return [seg(from, end, { kind: "organisation", orgType: "international" })];
    return inner.filter((s) => s.kind === "organisation");
  }
  // A person's name at the end, after a title or an honorific.
  let nameFrom = to;
  // up to four name words, particles not counted ("Tamim bin Hamad Al Thani")
  const words = (f: number) => tokens.slice(f, to).filter((t) => !NAME_PARTICLES.has(t.text) && !/^Al$/.test(t.text)).length;
  while (nameFrom > from && personNameToken(lex, tokens, nameFrom - 1) && words(nameFrom - 1) <= 4) nameFrom--;
  while (nameFrom < to && NAME_PARTICLES.has(tokens[nameFrom].text)) nameFrom++;
  nameFrom = givenNameStart(lex, tokens, nameFrom, to);
  // "Minister of Energy Security": title words alone make no name
  if (tokens.slice(nameFrom, to).every((t) => isTitleWord(lex, t.text) && !lex.givenNames.has(t.text))) nameFrom = to;
  // "Minister of National Harmony": one English word after a post's "of" phrase is its portfolio
  if (nameFrom === to - 1 && nameFrom > from && lex.commonWords.has(tokens[nameFrom].text.toLowerCase()) && !lex.givenNames.has(tokens[nameFrom].text) && !lex.surnames.has(tokens[nameFrom].text.toLowerCase())
    && tokens.slice(from, nameFrom).some((t) => t.text === "of" || t.text === "for")) nameFrom = to;
  // "Consul General of Saudi Arabia": name words that end a state's name ("Arabia") are the state's, no person's
  for (let k = nameFrom - 1; nameFrom < to && k > from && k >= nameFrom - 3; k--) if (lexiconMatch(lex, tokens, k, to)?.kind === "country") nameFrom = to;
  if (nameFrom > from && nameFrom < to) {
    const before = tokens[nameFrom - 1].text;
    if (lex.honorifics.has(before)) {
      // "the Rt Hon Jane Roe": honorifics in a row are one
      let h = nameFrom - 1;
      while (h > from && lex.honorifics.has(tokens[h - 1].text)) h--;
      let t = h > from && isTitleHead(lex, tokens[h - 1].text) ? titleStart(lex, tokens, from, h) : -1;
      if (t > from) t = portfolioStart(lex, tokens, from, t);
      const title = t >= 0 ? [...segmentPrefix(tokens, from, t, seg), seg(t, h, { kind: "title" })] : segmentPrefix(tokens, from, h, seg);
      return [...title, seg(h, nameFrom, { kind: "honorific" }), seg(nameFrom, to, { kind: "person" })];
    }
    if (isTitleHead(lex, before) || titleStart(lex, tokens, from, nameFrom) >= 0) {
      let t = titleStart(lex, tokens, from, nameFrom);
      // "Kazakh Ecology Minister X": words between the owner and the title are the portfolio
      // "Green Party TD X", "Freedom Party MP X": a party named by capitalised words and one of its members of parliament
      if (t > from && tokens[t].text === "Party" && t + 2 === nameFrom && MEMBER_POSTS.has(tokens[t + 1].text) && tokens[t - 1].cap) t++;
      else if (t > from) t = portfolioStart(lex, tokens, from, t);
      // "Ministry of Foreign Affairs Spokesperson X": a body's name ends with no "of"; the words after it are the body's
      if (t > from && (tokens[t - 1].text === "of" || tokens[t - 1].text === "for")) {
        let h = t;
        while (h < nameFrom && !isTitleHead(lex, tokens[h].text)) h++;
        if (h < nameFrom) t = h;
      }
      if (t >= 0) return [...segmentPrefix(tokens, from, t, seg), ...titleSegments(lex, tokens, t, nameFrom, seg), seg(nameFrom, to, { kind: "person" })];
    }
  }
  // "Office of the High Commissioner for Human Rights", "Office of the President": a body named after a post
  if (to - from > 2 && orgHeadType(lex, tokens[from].text) && tokens[from + 1].text === "of") {
    const post = tokens[from + 2].text === "the" ? from + 3 : from + 2;
    if (post < to && titleStart(lex, tokens, post, to) === post) return [seg(from, to, { kind: "organisation", orgType: orgHeadType(lex, tokens[from].text) })];
  }
  // A title alone ("US President", "Foreign Minister", "Commander of the National Guard"): keeps
  // its owner for coreference and roles.
  const t = titleStart(lex, tokens, from, to);
  if (t >= 0 && (lex.titleHeads.has(tokens[to - 1].text.toLowerCase()) || tokens.slice(t, to).some((w) => w.text === "of" || w.text === "for" || w.text === "to"))) return [...segmentPrefix(tokens, from, t, seg), ...titleSegments(lex, tokens, t, to, seg)];

  // "the Security Department Alexander Roe", "Management Committee of Acme Jane Doe": a body's name by its
  // head word, then a given name and one or two more name words: the body, then the person who serves it
  if (nameFrom > from && to - nameFrom >= 2 && to - nameFrom <= 3 && personAfterBody(lex, tokens, nameFrom, to)) {
    const bodyHead = findOrgHead(lex, tokens, from, nameFrom);
    if (bodyHead >= 0 && !isTitleHead(lex, tokens[nameFrom - 1].text)) return [seg(from, nameFrom, { kind: "organisation", orgType: orgTypeOf(lex, tokens, from, nameFrom, bodyHead) }), seg(nameFrom, to, { kind: "person" })];
  }
  // "the commander of the SOBR Alexander Roe": in running text, a body's acronym before a given name and a
  // surname is the body (not "ROE Alexander Ivanovich", a list's line opening with the family name)
  if (to - from >= 3 && to - from <= 4 && tokens[from].allCaps && /^\p{Lu}{2,}$/u.test(tokens[from].text) && personAfterBody(lex, tokens, from + 1, to)
    && !PATRONYMIC_END.test(tokens[to - 1].text) && tokens[from - 1]?.block === tokens[from].block && /^(?:the|\p{Ll}+)$/u.test(tokens[from - 1].text)) {
    return [seg(from, from + 1, { kind: "organisation", orgType: "other" }), seg(from + 1, to, { kind: "person" })];
  }
  // An organisation by its head word, anywhere in the chunk ("Centre for Russian Studies").
  const headAt = findOrgHead(lex, tokens, from, to);
  if (headAt >= 0) return [seg(from, to, { kind: "organisation", orgType: orgTypeOf(lex, tokens, from, to, headAt) })];

  // "Spratly Islands", "Kherson Oblast", "Gulf of Aden": a place by its head word
  if (to - from > 1 && PLACE_NAME_HEADS.has(tokens[to - 1].text)) return [seg(from, to, { kind: "place" })];
  // "Marinsky Park", "Meridian Gas Field" (not "Sally Field": a given name opens a person's name)
  if (to - from > 1 && LANDMARK_HEADS.has(tokens[to - 1].text) && !lex.givenNames.has(tokens[from].text) && !tokens.slice(from, to).some((t) => t.allCaps)) return [seg(from, to, { kind: "place" })];
  // "Republic of X Sergey Volkov": a given name and one more name word after the state's name are a person glued to it
  if (to - from > 4 && (STATE_HEADS.has(tokens[from].text) || PLACE_HEADS.has(tokens[from].text)) && tokens[from + 1].text === "of" && lex.givenNames.has(tokens[to - 2].text)
    && !lex.commonWords.has(tokens[to - 1].text.toLowerCase()) && !tokens.slice(from + 2, to - 2).some((t) => lex.givenNames.has(t.text) || !t.cap)) {
    return [...segmentChunk(tokens, { from, to: to - 2 }, chunkIndex, headline), seg(to - 2, to, { kind: "person" })];
  }
  // "Kelmar and Dravik People's Republics": two self-declared states sharing the words after the second name
  const and = tokens.slice(from, to).findIndex((t) => t.text === "and") + from;
  if (and > from && tokens[to - 1].text === "Republics" && to - and >= 4 && tokens.slice(and + 2, to - 1).some((t) => /^['’]s$/.test(t.text))) {
    const shared = tokens.slice(and + 2, to - 1).map((t) => (/^['’]s$/.test(t.text) ? "" : " ") + t.text).join("") + " Republic";
    const body = { kind: "organisation" as const, orgType: "government" as const };
    return [seg(from, and, { ...body, label: `${tokens.slice(from, and).map((t) => t.text).join(" ")}${shared}` }), seg(and + 1, to, { ...body, label: `${tokens[and + 1].text}${shared}` })];
  }
  // "Kelmar People's Republic" that no lexicon lists: a self-declared state's government (a body), not a person
  if (to - from > 2 && tokens[to - 1].text === "Republic" && /^['’]s$/.test(tokens[to - 2].text) && !tokens.slice(from, to).some((t) => lex.givenNames.has(t.text))) return [seg(from, to, { kind: "organisation", orgType: "government" })];
  // "Republic of X", "Kingdom of X" that no lexicon lists: a state (a body), not a place
  if (to - from > 2 && STATE_HEADS.has(tokens[from].text) && tokens[from + 1].text === "of") return [seg(from, to, { kind: "organisation", orgType: "country" })];
  if (to - from > 2 && PLACE_HEADS.has(tokens[from].text) && tokens[from + 1].text === "of") return [seg(from, to, { kind: "place" })];

  // "United States Richard Nolan" (what is left of "Coordinator for X of the United States Richard Nolan"): a state of
  // two or three words glued to a given name and one more name word
  for (let k = Math.min(3, to - from - 2); k >= 2; k--) {
    const state = lexiconMatch(lex, tokens, from, from + k);
    if (state?.kind === "country" && to - (from + k) === 2 && lex.givenNames.has(tokens[from + k].text) && !lex.commonWords.has(tokens[to - 1].text.toLowerCase())) {
      return [seg(from, from + k, state), seg(from + k, to, { kind: "person" })];
    }
  }
  // "China Andrey Denisov": a state or demonym glued to a following name.
  const lead = lexiconMatch(lex, tokens, from, from + 1);
  const rest = tokens.slice(from + 1, to);
  const personRest = lex.givenNames.has(rest[0]?.text ?? "") || rest.every((t) => !lex.commonWords.has(t.text.toLowerCase()));
  if (lead && to - from > 1 && (lead.kind === "country" || lead.capitalOf) && personRest && !(lead.via === "demonym" && to - from === 2 && demonymAsGivenName(lex, tokens, from))
    && !(lead.capitalOf && to - from === 2 && capitalAsGivenName(lex, tokens, from))) return [seg(from, from + 1, lead), ...segmentChunk(tokens, { from: from + 1, to }, chunkIndex, headline)];
  if (lex.honorifics.has(tokens[from].text) && to - from > 1) return [seg(from, from + 1, { kind: "honorific" }), seg(from + 1, to, { kind: "person" })];
  return [seg(from, to, { kind: "unknown" })];
}

const PATRONYMIC_END = /(?:ovich|evich|ovna|evna|ichna)$/;

/** A given name (not in capitals), then one or two name words that are no English words, posts or bodies. */
function personAfterBody(lex: Lexicons, tokens: Token[], from: number, to: number): boolean {
  if (!lex.givenNames.has(tokens[from].text) || tokens[from].allCaps) return false;
  for (let k = from + 1; k < to; k++) {
    const t = tokens[k];
    if (!t.cap || t.allCaps || lex.commonWords.has(t.text.toLowerCase()) || isTitleWord(lex, t.text) || orgHeadType(lex, t.text) || lexiconMatch(lex, tokens, k, k + 1)) return false;
  }
  return true;
}

/**
 * "Staff Antony Radakin", "Unit Mara Lind": a person's name starts at its given name; common
 * English words before it end the title or body before the name.
 */
function givenNameStart(lex: Lexicons, tokens: Token[], nameFrom: number, to: number): number {
  for (let k = nameFrom + 1; k < to - 1; k++) {
    if (!lex.givenNames.has(tokens[k].text)) continue;
    const before = tokens.slice(nameFrom, k);
    if (before.every((t) => lex.commonWords.has(t.text.toLowerCase()) && !lex.givenNames.has(t.text))) return k;
    return nameFrom;
  }
  // "Secretary of Foreign Affairs Perfecta R. Roe": no given name the lexicon knows; after a post's
  // "of"/"for", the portfolio's English words end where the first word no dictionary has begins
  if (!tokens.slice(Math.max(0, nameFrom - 6), nameFrom).some((t) => t.text === "of" || t.text === "for")) return nameFrom;
  const common = (t: Token) => lex.commonWords.has(t.text.toLowerCase()) && !lex.givenNames.has(t.text) && !/^\p{Lu}\.$/u.test(t.text);
  let k = nameFrom;
  while (k < to && common(tokens[k])) k++;
  return k > nameFrom && k < to - 1 && !lex.surnames.has(tokens[k - 1].text.toLowerCase()) ? k : nameFrom;
}

/**
 * "Head of the Security Service", "Prime Minister of the Republic of X": the first "of"/"for" in a
 * title whose capitalised words up to the next connector name a body (a lexicon entry or a name
 * with an organisation's head word). Returns the body's first token, or -1.
 */
export function ofPhraseAt(lex: Lexicons, tokens: Token[], from: number, to: number): number {
  for (let i = from + 1; i < to - 1; i++) {
    if (tokens[i].text !== "of" && tokens[i].text !== "for") continue;
    const start = tokens[i + 1].text === "the" ? i + 2 : i + 1;
    if (start >= to || !tokens[start].cap) continue;
    if (lexiconMatch(lex, tokens, start, to)) return start;
    let end = start;
    while (end < to && tokens[end].cap) end++;
    // a head word after a name word ("Security Service", "National Guard"); a portfolio alone
    // ("Minister of Energy") is no body
    const head = findOrgHead(lex, tokens, start, end);
    // "Department for Security" (a company's head word, "Energy", is a portfolio there)
    const namedHead = head === start && end === start + 1 && (tokens[end]?.text === "of" || tokens[end]?.text === "for") && end + 1 < to && orgHeadType(lex, tokens[start].text) !== "company";
    if ((head > start || namedHead) && !isTitleHead(lex, tokens[end - 1].text)) return start;
    // "Minister of Energy of the Republic of Norland": a state the lexicon does not list
    if (STATE_HEADS.has(tokens[start].text) && tokens[start + 1]?.text === "of" && start + 2 < to) return start;
  }
  return -1;
}

/** Bodies whose one word is their name, never a head that a "for" portfolio completes (unlike "Department for Education"). */
const SELF_NAMED_BODIES = new Set(["Treasury", "Exchequer"]);

/** A title segment, and the body its "of" phrase names as a segment of its own inside it. */
function titleSegments(lex: Lexicons, tokens: Token[], from: number, to: number, seg: (f: number, t: number, rest: Partial<Segment> & { kind: SegmentKind }) => Segment): Segment[] {
  const title = seg(from, to, { kind: "title" });
  // "Governor of X Province", "Mayor of Y": the place a post governs is a place where it stands
  const place = placeOfPost(lex, tokens, from, to);
  if (place >= 0) return [title, seg(place, to, { kind: "place", inTitle: true })];
  const at = ofPhraseAt(lex, tokens, from, to);
  if (at < 0) {
    // "Speaker National Assembly", "Chairman Senate": a post glued to its body's name, with no "of"
    const glued = to - from >= 2 && to - from <= 4 && isTitleHead(lex, tokens[from].text) && findOrgHead(lex, tokens, from + 1, to) === to - 1
      && tokens.slice(from + 1, to).every((t) => t.cap && !t.allCaps && !isTitleHead(lex, t.text));
    // (labelled: a body of one head word, "Senate", is named here, not a short form of another's name)
    const label = tokens.slice(from + 1, to).map((t) => t.text).join(" ");
    return glued ? [seg(from, from + 1, { kind: "title" }), seg(from + 1, to, { kind: "organisation", orgType: orgTypeOf(lex, tokens, from + 1, to, to - 1), inTitle: true, label })] : [title];
  }
  // "Under Secretary of the Treasury for Terrorism and Financial Intelligence": the Treasury, then the post's portfolio
  if (SELF_NAMED_BODIES.has(tokens[at].text) && tokens[at + 1]?.text === "for" && at + 2 < to) return [title, seg(at, at + 1, { kind: "organisation", orgType: "government", inTitle: true })];
  const body = lexiconMatch(lex, tokens, at, to);
  if (body && (body.kind === "country" || body.kind === "organisation")) return [title, seg(at, to, { ...body, inTitle: true })];
  if (STATE_HEADS.has(tokens[at].text) && tokens[at + 1]?.text === "of") return [title, seg(at, to, { kind: "organisation", orgType: "country", inTitle: true })];
  // a place or a capital after "of" ("Governor of the X Region") is no body with a head word
  const headAt = findOrgHead(lex, tokens, at, to);
  if (headAt < 0) return [title];
  return [title, seg(at, to, { kind: "organisation", orgType: orgTypeOf(lex, tokens, at, to, headAt), inTitle: true })];
}

/** Posts that govern a town or region: the name after their "of" is that place. */
const PLACE_POSTS = new Set(["governor", "mayor", "prefect", "premier", "vice-governor", "deputy governor", "deputy mayor", "lord mayor"]);

/**
 * "Governor of Karsk Province", "Mayor of the City of Brivna", "Deputy Governor of Tavan-e Sar": the
 * first token of the place after a governing post's "of" (one to four capitalised words naming no
 * state or body), or -1.
 */
function placeOfPost(lex: Lexicons, tokens: Token[], from: number, to: number): number {
  for (let i = from + 1; i < to - 1; i++) {
    if (tokens[i].text !== "of") continue;
    const post = tokens[i - 1].text.toLowerCase();
    if (!PLACE_POSTS.has(post) && !PLACE_POSTS.has(`${tokens[i - 2]?.text.toLowerCase()} ${post}`)) return -1;
    const start = tokens[i + 1].text === "the" ? i + 2 : i + 1;
    if (start >= to || to - start > 4 || !tokens.slice(start, to).every((t) => t.cap && !t.allCaps)) return -1;
    if (findOrgHead(lex, tokens, start, to) >= 0 || tokens.slice(start, to).some((t) => isTitleWord(lex, t.text))) return -1;
    const known = lexiconMatch(lex, tokens, start, to);
    if (known && (known.kind === "country" || known.kind === "organisation" || known.metonymOf)) return -1;
    if (STATE_HEADS.has(tokens[start].text)) return -1;
    // ("Governor of Karsk Jon Doe": a person's name after the place makes the run no place's name)
    for (let k = start + 1; k < to - 1; k++) if (lex.givenNames.has(tokens[k].text)) return -1;
    return start;
  }
  return -1;
}

/** The organisation type its words give: news words make media ("Central News Agency"). */
function orgTypeOf(lex: Lexicons, tokens: Token[], from: number, to: number, headAt: number): OrgType | undefined {
  if (tokens.slice(from, to).some((t) => ["News", "Broadcasting", "Television", "Radio", "Press"].includes(t.text))) return "media";
  // no head word in the phrase ("Head of the Tehran division of X"): no type rather than a guess
  return headAt < 0 ? undefined : orgHeadType(lex, tokens[headAt].text);
}

function findOrgHead(lex: Lexicons, tokens: Token[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (orgHeadType(lex, tokens[i].text) && (i > from || to - from === 1 || tokens[i].allCaps === false)) return i;
  return -1;
}

/**
 * The first token of the longest title that runs to `end` ("Secretary of State", "Ambassador to
 * China", "Deputy Prime Minister"), or -1. A title is title words, with one head word; after a
 * head, "of", "for" or "to" may bring in any capitalised words.
 */
/**
 * Moves a title's start left over capitalised portfolio words ("Water Resources Minister") up to
 * the owner: a leading state or demonym, or an organisation by its head word, stays the owner.
 */
function portfolioStart(lex: Lexicons, tokens: Token[], from: number, t: number): number {
  if (findOrgHead(lex, tokens, from, t) >= 0) return t;
  let ownerEnd = from;
  for (let n = Math.min(3, t - from); n >= 1; n--) {
    const m = lexiconMatch(lex, tokens, from, from + n);
    if (m && (m.kind === "country" || m.kind === "organisation" || m.capitalOf)) { ownerEnd = from + n; break; }
  }
  // portfolio words are English words ("Water Resources"); a name ("Rosneft CEO") owns the post
  for (let i = ownerEnd; i < t; i++) {
    const w = tokens[i].text;
    if (!tokens[i].cap || lex.honorifics.has(w) || lexiconMatch(lex, tokens, i, i + 1)) return t;
    if (!lex.commonWords.has(w.toLowerCase()) && !isTitleWord(lex, w)) return t;
  }
  return ownerEnd;
}

export const isTitleHead = perWord((lex, word): boolean => {
  const w = word.toLowerCase().replace(/-(elect|designate)$/, "").replace(/^ex-/, "");
  return lex.titleHeads.has(w) || !!pluralPost(lex, word) || hyphenatedPost(lex, w);
});

export function titleStart(lex: Lexicons, tokens: Token[], from: number, end: number): number {
  for (let f = from; f < end; f++) if (isTitleWord(lex, tokens[f].text) && isTitle(lex, tokens, f, end)) return f;
  return -1;
}

function isTitle(lex: Lexicons, tokens: Token[], from: number, end: number): boolean {
  let free = false;
  let head = false;
  for (let j = from; j < end; j++) {
    const w = tokens[j].text;
    if (free) {
      if (!tokens[j].cap && !NAME_CONNECTORS.has(w) && orgHeadType(lex, w) !== "company") return false;
    } else if (isTitleWord(lex, w)) {
      head ||= isTitleHead(lex, w);
    } else if (["of", "for", "to"].includes(w) && j > from && lex.titleHeads.has(tokens[j - 1].text.toLowerCase())) {
      free = true;
    } else return false;
  }
  return head && !NAME_CONNECTORS.has(tokens[end - 1].text);
}

/** The owner part of a chunk before a title: a state, demonym or organisation (possibly several). */
function segmentPrefix(tokens: Token[], from: number, to: number, seg: (f: number, t: number, rest: Partial<Segment> & { kind: SegmentKind }) => Segment): Segment[] {
  if (from >= to) return [];
  const lex = lexicons();
  const m = lexiconMatch(lex, tokens, from, to);
  if (m) return [seg(from, to, m)];
  const headAt = findOrgHead(lex, tokens, from, to);
  if (headAt >= 0) return [seg(from, to, { kind: "organisation", orgType: orgHeadType(lex, tokens[headAt].text) })];
  // "Rosneft CEO X": a name that owns a post is a body, unless it is a person's ("Biden adviser X")
  const words = tokens.slice(from, to);
  const personLike = words.some((w) => lex.surnames.has(w.text.toLowerCase()) || lex.givenNames.has(w.text)) || lex.personNames.has(lookupKey(words.map((w) => w.text).join(" ")));
  const plain = words.every((w) => !lex.commonWords.has(w.text.toLowerCase()) && !lex.groupWords.has(w.text) && !w.allCaps);
  return [seg(from, to, { kind: plain && !personLike ? "organisation" : "unknown" })];
}

function isCompoundAdjective(lex: Lexicons, word: string): boolean {
  const m = /^\p{Lu}[\p{L}.]*-(\p{Ll}+)$/u.exec(word);
  return !!m && lex.commonWords.has(m[1]) && !isTitleWord(lex, word); // "President-elect" stays
}

/** Adjectives of quantity that open a sentence before a body's name ("Several Ministry officials"). */
const QUANTIFIERS = new Set(["several", "many", "some", "most", "all", "both", "other", "few", "various", "numerous", "certain", "such", "each", "every", "further", "more", "senior", "junior", "former", "two", "three"]);

/**
 * "Silver Lake said", "Granite Peak said": two common English words, both capitalised, then a
 * speech verb, make a body's name (a place does not speak; a person's name has a given name or a
 * post first: "General Brown said"). An adverb opening the sentence stays out ("Meanwhile Berg said").
 */
function twoWordSpeaker(lex: Lexicons, tokens: Token[], i: number): boolean {
  const [t, next, verb] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!next || !verb || next.block !== t.block || verb.block !== t.block || !next.cap || next.allCaps || t.allCaps) return false;
  if (t.tag === "ADV" || /ly$/.test(t.text) || !lex.commonWords.has(next.text.toLowerCase()) || lex.givenNames.has(next.text) || isTitleWord(lex, t.text) || lex.honorifics.has(t.text) || lex.ranks.has(t.text.toLowerCase())) return false;
  return SPEECH_VERBS.has(verb.text) && verb.tag === "VERB";
}

function isDroppableLead(lex: Lexicons, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text === "The" || t.text === "THE" || t.text === "A" || t.text === "An") return true;
  // "Former Army chief X": a time word before a name or title belongs to neither
  if (t.text === "Former" || t.text === "Then" || t.text === "Late" || t.text === "Ex") return true;
  if (!t.sentenceStart && !t.allCaps) return false;
  // "TAN KYAW MIN (born 1958), Commander of X": a list's name in capitals keeps its English-looking words
  if (t.allCaps && tokens[i + 1]?.allCaps && tokens[i + 1].block === t.block) {
    let e = i;
    while (e < tokens.length && e - i < 40 && tokens[e].block === t.block) e++;
    if (isListEntryBlock(tokens, i, e)) return false;
  }
  const w = t.text.toLowerCase();
  if (!lex.commonWords.has(w)) return false;
  if (twoWordSpeaker(lex, tokens, i)) return false;
  // sentence-initial words that the lexicons know as names stay
  if ([1, 2, 3].some((n) => i + n <= tokens.length && tokens[i + n - 1].cap && lexiconMatch(lex, tokens, i, i + n)) || lex.givenNames.has(t.text) || lex.honorifics.has(t.text) || isTitleWord(lex, t.text) || orgHeadType(lex, t.text)) return false;
  // "Federal Department of X", "Supreme Court": an adjective before a body's head word is the body's
  const next = tokens[i + 1];
  if ((t.tag === "ADJ" || t.tag === "PROPN") && !QUANTIFIERS.has(w) && next?.cap && next.block === t.block && orgHeadType(lex, next.text) && !t.allCaps) return false;
  if (t.allCaps && !t.sentenceStart) return false;
  return true;
}
