// The role pass's sentence shapes as declarative token patterns (patterns.ts): the posts persons
// hold, written before or after their names. Each pattern has an invented example; the captures
// name its parts ("post", "owner", ...). What a captured part means (which entity a name is, which
// state "the country's" stands for) is roles.ts's glue, which reads the entity table.
//
// The annotation's names (a person's, a state's or body's, a post's capitalised title) are whole
// spans of tokens here: PERSON_NAME, OWNER_NAME, TITLE match exactly one name the annotation found,
// through the token facts roles.ts binds to the token array (bindRoleFacts), as the quotation
// frames do (quote-frames.ts). Every pattern is matched at a known position (matchAt / matchBefore
// a name) or scanned once over the article, so the pass stays linear in the article's length.
import { lexicons, perWord } from "./lexicon.ts";
import { pattern, tokenPredicate as tokenTest, type Element, type TokenTest } from "./patterns.ts";
import { ALIAS_MARK, type Token } from "./tokens.ts";
import { isTitleHead, isTitleWord, lexiconMatch, pluralPost as pluralPostOf } from "./names.ts";
import { FUNCTION_WORDS, PERSON_NOUNS } from "./words.ts";

const pluralPost = (word: string) => pluralPostOf(lexicons(), word);

/** What the annotation says about each token, for the patterns' tests (set by roles.ts). */
export interface RoleTokenFacts {
  /** Index of the person's name holding the token (a segment whose entity is a person), else -1. */
  person: Int32Array;
  /** Index of the state's or body's name holding the token, else -1. */
  owner: Int32Array;
  /** Index of the capitalised post (a title segment) holding the token, else -1. */
  title: Int32Array;
  /** 1 where the state's or body's name holding the token is an organisation's (not a state's). */
  organisation: Uint8Array;
  /** 1 for an honorific before a name ("Mr", "Sheikh", "Hon"). */
  honorific: Uint8Array;
}

const FACTS = new WeakMap<readonly Token[], RoleTokenFacts>();
let lastTokens: readonly Token[] | undefined;
let lastFacts: RoleTokenFacts | undefined;

/** Makes `facts` the annotation the role patterns read for `tokens`. */
export function bindRoleFacts(tokens: readonly Token[], facts: RoleTokenFacts): void {
  FACTS.set(tokens, facts);
  lastTokens = undefined;
}

const factsOf = (ts: readonly Token[]): RoleTokenFacts | undefined => {
  if (ts !== lastTokens) {
    lastTokens = ts;
    lastFacts = FACTS.get(ts);
  }
  return lastFacts;
};

type Layer = "person" | "owner" | "title";
/** Token i opens a name of that layer. */
const opens = (layer: Layer) => (_: Token, i: number, ts: readonly Token[]) => {
  const a = factsOf(ts)?.[layer];
  return !!a && a[i] >= 0 && (i === 0 || a[i - 1] !== a[i]);
};
/** Token i goes on with the name token i - 1 is in. */
const goesOn = (layer: Layer) => (_: Token, i: number, ts: readonly Token[]) => {
  const a = factsOf(ts)?.[layer];
  return !!a && i > 0 && a[i] >= 0 && a[i - 1] === a[i];
};
/** One whole name of a layer: its first token, the rest of it, and no more of it after. */
const wholeName = (layer: Layer): Element => ({
  seq: [{ test: opens(layer) }, { test: goesOn(layer), op: [0, 24] }, { aheadNot: { test: goesOn(layer) } }],
});

// ---- words -----------------------------------------------------------------------------------

/** Nouns that stand for a state: "the country's foreign minister". */
export const STATE_NOUNS = new Set(["country", "nation", "kingdom", "republic", "state", "island"]);
/** Nouns that stand for a body of their kind named before: "the bloc's foreign policy chief", "the group's spokesman". */
export const BODY_NOUNS = new Set(["bloc", "alliance", "union", "ministry", "agency", "commission", "council", "committee", "party", "group", "militia", "movement", "company", "firm"]);
/** Body words before a post that leave the body to be found by name: "foreign ministry spokesman Jon Doe". */
export const BARE_BODY_WORDS = new Set(["ministry", "embassy", "consulate"]);
/** Words after which a clause goes on with something else than the post ("... and", "... who"). */
export const CLAUSE_BREAKS = new Set(["and", "or", "but", "who", "which", "while", "whose", "where"]);
/** Verbs of holding a post and the post they name ("Jane Roe, who heads the Audit Office"). */
export const HEADING_VERBS: Record<string, string> = { heads: "head", headed: "head", chairs: "chair", chaired: "chair", leads: "leader", led: "leader", directs: "director", commands: "commander", commanded: "commander", runs: "head" };

/** "'s" as its own token ("Norland 's"). */
export const POSSESSIVE: TokenTest = { text: ["'s", "’s"] };
/** A post's head word in lower case ("minister", "spokesman", "director"). */
export const LOWER_POST_HEAD: TokenTest = { word: true, cap: false, test: (t) => lexicons().titleHeads.has(t.text) };
/** A lower-case word that may stand inside a post's name ("senior", "external security", "deputy"). */
export const MODIFIER: TokenTest = { word: true, cap: false, test: (t) => !FUNCTION_WORDS.has(t.text) && (lexicons().titleModifiers.has(t.text) || lexicons().titleHeads.has(t.text)) };

// ---- names the annotation found ----------------------------------------------------------------

/** A person's name: "Jane Roe". */
export const PERSON_NAME = wholeName("person");
/** A state's or body's name: "Norland", "the Ministry of Fisheries" (its words, not "the"). */
export const OWNER_NAME = wholeName("owner");
/** A body's name (not a state's): "Audit Board". */
export const BODY_NAME: Element = { seq: [{ ahead: { test: (_, i, ts) => factsOf(ts)?.organisation[i] === 1 } }, OWNER_NAME] };
/** A capitalised post: "Deputy Minister of Defence". */
export const TITLE = wholeName("title");

// ---- posts before a name -----------------------------------------------------------------------

const HONORIFIC: TokenTest = { test: (_, i, ts) => factsOf(ts)?.honorific[i] === 1 };
/**
 * A capitalised post right before a name: "Foreign Minister Jane Roe" (roles.ts reads the state or
 * body named before the post in the same run: "Norwegian Foreign Minister Jane Roe"), "State
 * Councillor and Foreign Minister Jon Doe" (both posts), "Major General (Maj. Gen.) Jon Doe" (a short
 * form in brackets), "Supreme Leader Ayatollah Jon Doe", "Senator the Hon Jane Roe" (an honorific between).
 */
export const TITLED_NAME = pattern([
  { seq: [{ as: "firstOwner", ...OWNER_NAME, op: "?" }, { as: "firstTitle", ...TITLE }, { text: "and" }], op: "?" },
  { as: "title", ...TITLE },
  { any: [{ as: "short", seq: [{ text: "(" }, { not: { text: ")" }, op: [1, 3] }, { text: ")" }] }, [{ lower: "the" }, { as: "honorific", ...HONORIFIC }], { as: "honorific", ...HONORIFIC }], op: "?" },
  { as: "person", ...PERSON_NAME },
]);

/** After a name: "President Jon Doe of Norway": the state or body after "of" owns the post before the name. */
export const OF_OWNER_AFTER_NAME = pattern([{ text: "of" }, { text: "the", op: "?" }, { as: "owner", ...OWNER_NAME }]);

/** A lower-case post: up to three modifiers and a head word ("deputy foreign minister", "spokesman"). */
const LOWER_POST: Element = { as: "post", seq: [{ ...MODIFIER, op: [0, 3] }, LOWER_POST_HEAD] };

/**
 * Right before a name (or before a rank before a name): "the external security commissioner Jane
 * Roe", "the deputy defence minister, Jane Roe", "the junta spokesman Colonel Jon Doe".
 */
export const LOWER_POST_BEFORE = pattern([LOWER_POST, { text: ",", op: "?" }]);

/** Right before a name: "his Norlandic counterpart Jane Roe", "her counterpart, Jane Roe". */
export const COUNTERPART_BEFORE = pattern([{ text: "counterpart", as: "counterpart" }, { text: ",", op: "?" }]);

/**
 * Right before a name: "the president of the Republic of Norland, Jane Roe", "Norland's ambassador
 * to Sorland, Jon Doe" (a destination after "to" is part of the post).
 */
export const LOWER_POST_OF_OWNER_COMMA = pattern([
  LOWER_POST,
  { as: "connector", text: ["of", "for", "to"] },
  { text: "the", op: "?" },
  { as: "owner", ...OWNER_NAME },
  { text: "," },
]);

/**
 * Right before a name, with no comma: "the spokesman for the Department of Trade Jane Roe" — a body's
 * name (not a state's: "the president of Norland Jane Roe" is rare and ambiguous) ends where the name begins.
 */
export const LOWER_POST_OF_BODY = pattern([
  LOWER_POST,
  { as: "connector", text: ["of", "for"] },
  { text: "the", op: "?" },
  { as: "owner", ...BODY_NAME },
]);

// ---- owners before a post ------------------------------------------------------------------------

/**
 * Right before a post, who owns it: a name ("Norland's", "Norlandic", "the Audit Board"), "the
 * country's" (the state named last), "the bloc's" (the body of that kind named last), "its".
 */
export const OWNER_BEFORE = pattern([
  {
    any: [
      // "Norland's deputy foreign minister", "Norlandic Foreign Minister"
      [{ as: "named", ...OWNER_NAME }, { ...POSSESSIVE, op: "?" }],
      // "the country's chief justice"
      [{ as: "stateNoun", text: [...STATE_NOUNS] }, POSSESSIVE],
      // "the bloc's foreign policy chief", "the armed group's spokesman"
      [{ lower: "the" }, { word: true, cap: false, op: "?" }, { as: "bodyNoun", text: [...BODY_NOUNS] }, POSSESSIVE],
      // "its deputy head"
      { as: "its", lower: "its" },
    ],
  },
]);

/** Before a post, a possessive a few lower-case words back: "Norland's foreign ministry spokeswoman". */
export const POSSESSIVE_BEFORE = pattern([POSSESSIVE, { word: true, cap: false, op: [0, 3] }]);

/** Before a post, a body word and maybe its portfolio: "foreign ministry spokesman Jon Doe", "embassy spokeswoman". */
export const BARE_BODY_BEFORE = pattern([{ as: "portfolio", word: true, not: { in: FUNCTION_WORDS }, op: "?" }, { as: "body", in: BARE_BODY_WORDS }]);

// ---- posts after a name --------------------------------------------------------------------------

/** After a name: "(Minister of Health)", "(Chief of the General Staff)": a bracket that holds one post and nothing else. */
export const BRACKETED_POST = pattern([{ text: "(" }, { as: "title", ...TITLE }, { text: ")" }]);

/**
 * After a name: ", who heads the State Audit Office", ", who also chairs Norland's Audit Board" (the
 * inner body owns the post), ", who chairs the budget committee" (a lower-case body is part of the post).
 */
export const WHO_HEADS = pattern([
  { text: "," },
  { text: "who" },
  { text: ["also", "now", "currently"], op: "?" },
  { as: "verb", text: Object.keys(HEADING_VERBS) },
  {
    any: [
      [{ text: "the", op: "?" }, { as: "body", ...OWNER_NAME }, { seq: [POSSESSIVE, { as: "inner", ...BODY_NAME }], op: "?" }],
      [{ as: "lower", seq: [{ text: "the", op: "?" }, { word: true, cap: false, not: { in: FUNCTION_WORDS }, op: [1, 3] }] }, { aheadNot: { word: true, not: { text: [...CLAUSE_BREAKS] } } }],
    ],
  },
]);

// ---- posts counted out ---------------------------------------------------------------------------

/** The singular of a plural post ("ministers" → "minister", "secretaries" → "secretary"), or undefined. */
export function singularPost(word: string): string | undefined {
  return singularOf(lexicons(), word);
}
const singularOf = perWord((lex, word): string | undefined => {
  const lower = word.toLowerCase();
  if (!lower.endsWith("s")) return undefined;
  const forms = [lower.slice(0, -1), lower.endsWith("ies") ? `${lower.slice(0, -3)}y` : lower, lower.endsWith("es") ? lower.slice(0, -2) : lower];
  return forms.find((w) => w !== lower && lex.titleHeads.has(w));
});
/** A plural post in lower case ("ministers"), or capitalised as a post ("Senators"). */
const PLURAL_POST: TokenTest = { word: true, test: (t) => (!t.cap || !!pluralPost(t.text)) && !!singularPost(t.text) };
const LIST_JOINER: Element = { any: [[{ text: "," }, { text: "and", op: "?" }], { text: "and" }] };

/** "two former prime ministers, Jane Roe and Jon Doe", "Senators Jane Roe, Jon Doe and Ann Poe": one post each. */
export const PLURAL_POST_LIST = pattern([
  { as: "post", seq: [{ ...MODIFIER, op: [0, 3] }, { as: "plural", ...PLURAL_POST }] },
  { text: ",", op: "?" },
  { as: "holder", ...PERSON_NAME },
  { seq: [LIST_JOINER, { as: "holder", ...PERSON_NAME }], op: [1, 11] },
]);

// ---- appositions: posts after a name ---------------------------------------------------------------

/** Dashes between a listed name and its post ("JON DOE – deputy minister of X"). */
export const DASHES = new Set(["–", "—", "-", "--"]);
/** Verbs and adverbs between a name and its post: "X, who is also ...", "X was appointed the ...", "X, as ...". */
const COPULA_WORDS = new Set(["who", "is", "was", "also", "now", "currently", "then", "previously", "formerly", "has", "had", "been", "appointed", "named", "elected", "became", "becomes", "serves", "served", "as"]);
/** Verbs of holding or taking a post that "as" and the post may follow ("served as", "was elected as"). */
const TAKING_OFFICE_AS = new Set(["serves", "served", "elected", "appointed", "named"]);
/** Words between "and" and a person's next post ("... and later as interior minister"). */
export const CHAIN_WORDS = new Set(["later", "then", "subsequently", "afterwards", "also", "as"]);
/** Relatives: "the president's brother" holds no post of the president's. */
const KIN_NOUNS = new Set(["brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "cousin", "nephew", "niece", "uncle", "aunt", "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law", "widow", "grandson", "granddaughter", "stepson", "stepdaughter"]);
/** Prepositions that bring in the body a post belongs to ("director of", "fellow at", "envoy for"). */
const OWNER_PREPOSITIONS = ["of", "at", "for", "with", "to", "in"];
/** "the Dakar-based X": the place before the suffix is no owner, the body after it is. */
const PLACE_SUFFIXES = ["-based", "-headquartered"];
/** Words after a post's lower-case "of" phrase that end it ("minister of health said", "... in"). */
const TAIL_STOPS = new Set([...CLAUSE_BREAKS, "said", "in", "at", "on", "since", "until"]);

const titleHead = (t: Token) => lexicons().titleHeads.has(t.lower);
const titleModifier = (t: Token) => lexicons().titleModifiers.has(t.lower);
const isModifier = tokenTest(MODIFIER);
const isPossessive = tokenTest(POSSESSIVE);
/** A word of a lexicon's state or body name of `n` words starting here, a lower-case word after it ("the U.S. national security adviser"). */
const startsLexiconOwner = (n: number) => (t: Token, i: number, ts: readonly Token[]) => {
  const next = ts[i + n];
  if (!t.cap || !next || next.cap || !next.isWord) return false;
  const m = lexiconMatch(lexicons(), ts as Token[], i, i + n);
  return !!m && (m.kind === "country" || m.kind === "organisation") && m.via !== "demonym";
};
/** Token i opens a person's name in the block of the token before it. */
const personNext = (t: Token, i: number, ts: readonly Token[]) => opens("person")(t, i, ts) && i > 0 && ts[i - 1].block === t.block;
/** "(Lt. Gen.) Jon Doe": a short bracket, then a person's name. */
const bracketBeforePerson = (t: Token, i: number, ts: readonly Token[]) => {
  if (t.text !== "(") return false;
  for (let n = 1; n < 6 && ts[i + n]; n++) if (ts[i + n].text === ")" && opens("person")(ts[i + n + 1], i + n + 1, ts)) return true;
  return false;
};

/** A word before a post's head: a modifier, a capitalised word ("Central Asia correspondent"). */
const PREFIX_WORD: TokenTest = { word: true, test: (t) => !titleHead(t) && (isModifier(t, 0, []) || titleModifier(t) || t.cap) };
const DEMONYM: Element = { as: "demonym", test: (t) => lexicons().demonyms.has(t.text) };
/** No head word further on in the run of post words from token i (the post is read to its last head, never shorter). */
const noFurtherHead = (_: Token, i: number, ts: readonly Token[]) => {
  for (let k = i; ts[k] && (titleHead(ts[k]) || titleModifier(ts[k])); k++) if (titleHead(ts[k])) return false;
  return true;
};
/** A post's head and the head and modifier words that go on with it, to the last head ("prime minister", "director general"). */
const HEAD_WORDS: Element = {
  seq: [{ word: true, test: titleHead }, { seq: [{ test: (t) => titleHead(t) || titleModifier(t), op: "*" }, { test: titleHead }], op: "?" }, { aheadNot: { test: (t, i, ts) => !noFurtherHead(t, i, ts) } }],
};
/** The words of a post: "deputy foreign minister", "Central Asia correspondent"; a state's adjective among its first words is captured apart ("former Russian prime minister"). */
const POST_WORDS: Element = {
  as: "post",
  any: [
    [DEMONYM, { ...PREFIX_WORD, op: [0, 3] }, HEAD_WORDS],
    [{ ...PREFIX_WORD, cap: false }, DEMONYM, { ...PREFIX_WORD, op: [0, 2] }, HEAD_WORDS],
    [{ ...PREFIX_WORD, op: [0, 4] }, HEAD_WORDS],
  ],
};
/** The words between a name's apposition and its post: "who is also", "was appointed", "serves as". */
const COPULA: Element = {
  seq: [
    {
      any: [
        { in: COPULA_WORDS, not: { text: "as" }, test: (t) => !t.allCaps },
        [{ behind: { text: [...TAKING_OFFICE_AS] } }, { text: "as" }],
        // "was sworn in as", "re-elected as", ", speaking as"
        [{ text: ["sworn", "reappointed", "re-elected", "speaking", "writing"] }, { text: "in", op: "?" }, { text: "as" }],
      ],
    },
  ],
  op: "*",
};
/** Who owns the post, written before it: "Russia's" (possessive), "the U.S." (a lexicon's state or body before lower-case words). */
const OWNER_LEAD: Element = {
  op: "?",
  any: [
    [{ test: (t, i, ts) => !titleHead(t) && !isPossessive(t, i, ts), op: [0, 3] }, { as: "possessive", ...POSSESSIVE }],
    { as: "leadOwner", any: [[{ test: startsLexiconOwner(3) }, { op: [2, 2] }], [{ test: startsLexiconOwner(2) }, {}], { test: startsLexiconOwner(1) }] },
    // "…, First Minister and Green Party leader": a body's name the annotation found, then a lower-case post (after "and" only)
    [{ behind: { text: "and" } }, { as: "leadOwner", seq: [wholeName("owner")] }, { ahead: { word: true, cap: false } }],
  ],
};
/** The post itself, after its lead: "[the] [current] [Republican] [Russia's] [billionaire] deputy foreign minister [to the U.S.]". */
const POST_PHRASE: Element[] = [
  COPULA,
  { lower: ["the", "a", "an"], op: "*" },
  { lower: ["current", "incumbent"], op: "*" },
  // "the Republican chairman of ...": a party or bloc word is not part of the post
  // (not the first word of a place's or state's name: "the Northern Ireland First Minister")
  { test: (t, i, ts) => lexicons().groupWords.has(t.text) && !lexiconMatch(lexicons(), ts as Token[], i, i + 2), op: "*" },
  OWNER_LEAD,
  // "the billionaire founder of ...": a word that describes the person is no part of the post
  { seq: [{ word: true, cap: false, test: (t) => PERSON_NOUNS.has(t.text) && !lexicons().titleHeads.has(t.text) }, { ahead: MODIFIER }], op: "?" },
  POST_WORDS,
  {
    any: [
      // "X, the president's brother and head of the Y": the post is a relative's
      { as: "kin", seq: [POSSESSIVE, { test: (t) => KIN_NOUNS.has(t.lower) }] },
      [
        // "X, US Secretary of State Y", "X, Lieutenant General (Lt. Gen.) Y": the post is the next person's
        { aheadNot: { test: personNext } },
        { aheadNot: { test: bracketBeforePerson } },
        // "ambassador to the U.S.": a state after "to" is the post's destination
        { seq: [{ text: "to" }, { text: "the", op: "?" }, { as: "destination", seq: [{ cap: true, op: "+" }] }, { aheadNot: { cap: true } }], op: "?" },
      ],
    ],
  },
];

/**
 * After a name: ", director of the Y Centre", " – deputy minister of X" (a list's line), ": post" (a
 * list's line only, roles.ts checks), ", who is also state councillor", " was appointed the Minister of X".
 */
export const POST_AFTER_NAME = pattern([
  {
    any: [
      { text: [",", ":", ...DASHES] },
      { ahead: { text: ["is", "was", "serves", "served", "became", "who"] } },
      // "X has served as …", "X has been the …", "X took office as …"
      [{ text: "has" }, { ahead: { text: ["served", "been"] } }],
      [{ text: "took" }, { text: "office" }, { ahead: { text: "as" } }],
    ],
  },
  { text: "as", op: "?" },
  ...POST_PHRASE,
]);
/** After a post: "and later as interior minister", "and a former ambassador to X": the same person's next post. */
export const CHAINED_POST = pattern([{ text: "and" }, { text: [...CHAIN_WORDS], op: [0, 2] }, ...POST_PHRASE]);
/** "As commander of the X Division that ..., Jon Doe has ...": a post that opens the sentence. */
export const POST_OPENING = pattern([
  { any: [{ text: "As" }, [{ text: ["Speaking", "Writing"] }, { text: "as" }], [{ text: "In" }, { text: ["his", "her", "their"] }, { text: ["role", "capacity"] }, { text: "as" }]] },
  ...POST_PHRASE,
]);
/** The words a sentence-opening post (POST_OPENING) starts with. */
export const POST_OPENING_WORDS = new Set(["As", "Speaking", "Writing", "In"]);

/** Right after a post: "and a", "and former", "and later as interior minister", "and Chair of ...": another post of the same person follows. */
export const NEXT_POST = pattern([
  { text: "and" },
  {
    any: [
      [{ text: [...CHAIN_WORDS], op: [1, 2] }, { ahead: MODIFIER }],
      [{ text: [...CHAIN_WORDS], op: [0, 2] }, { any: [{ text: ["a", "an", "the", "former"] }, { ahead: { test: opens("title") } }] }],
      // "and Green Party leader"
      [{ ahead: { test: opens("owner") } }],
    ],
  },
]);
const startsNextPost = (_: Token, i: number, ts: readonly Token[]) => ts[i].text === "and" && NEXT_POST.matchAt(ts, i, { within: "anywhere" }) !== undefined;
const isYears = (t: Token) => [...t.text].every((c) => (c >= "0" && c <= "9") || c === "–" || c === "—" || c === "-");
/** Between a post and the next: "(2005-2015)", words of the post's body, ", and ...". */
export const GAP_BEFORE_NEXT_POST = pattern([
  {
    any: [
      [{ text: "(" }, { test: isYears, op: [0, 6] }, { text: ")" }],
      [{ text: "," }, { ahead: { test: startsNextPost } }],
      { test: (t, i, ts) => (t.isWord || t.text === "-" || isPossessive(t, i, ts)) && !startsNextPost(t, i, ts) },
    ],
    op: [0, 12],
  },
  { ahead: { test: startsNextPost } },
]);

/**
 * After a name, before its apposition: "(Norway)", "(born 1970)" before a comma, ", 54" (an age), ", a
 * longtime ally" before "who" (a description that holds no post: "who now serves as …" then gives one).
 */
export const NAME_TRAILER = pattern([
  { seq: [{ text: "(" }, { not: { text: ")" }, op: [0, 8] }, { text: ")" }, { ahead: { text: "," } }], op: "?" },
  { seq: [{ text: "," }, { test: (t) => t.text.length <= 3 && [...t.text].every((c) => c >= "0" && c <= "9") }, { ahead: { text: "," } }], op: "?" },
  { seq: [{ text: "," }, { text: ["a", "an"] }, { word: true, test: (t) => !titleHead(t) && t.text !== "who", op: [1, 5] }, { ahead: { text: "who" } }], op: "?" },
]);

/** A name's first word with only a list's bullet, number or letter before it since its line began ("1. JON DOE – ..."). */
export const LIST_LINE_NAME = pattern([
  { behindNot: { test: (t, i, ts) => ts[i + 1]?.block === t.block } },
  { not: { word: true, test: (t) => !((t.text.length <= 3 && [...t.text].every((c) => c >= "0" && c <= "9")) || (t.text.length === 1 && t.text >= "a" && t.text <= "z")) }, op: [0, 3] },
  { word: true },
]);

/** After a post: the first "of/at/for/with/to/in" of its clause ("director of the X programme at the Y Council"). */
export const OWNER_PREPOSITION = pattern([
  { test: (t, i, ts) => (t.isWord || t.text === "-" || isPossessive(t, i, ts)) && !OWNER_PREPOSITIONS.includes(t.text), op: [0, 13] },
  { as: "preposition", text: OWNER_PREPOSITIONS },
  { text: "the", op: "?" },
]);

/** A word of the clause a post's body is named in (no clause break before a lower-case word: "and the Y" may go on, "and said" does not). */
const CLAUSE_WORD: TokenTest = { test: (t, i, ts) => (t.isWord || t.text === "-" || PLACE_SUFFIXES.includes(t.text)) && !(CLAUSE_BREAKS.has(t.text) && !ts[i + 1]?.cap) };
/**
 * From a post's preposition on, the first state's or body's name of the clause ("a fellow at the X
 * Council's Y Center": the inner body; "the head of Norway's largest oil company, Y Corporation": the
 * body the description names after its comma).
 */
export const OWNER_IN_CLAUSE = pattern([
  { ...CLAUSE_WORD, not: { test: opens("owner") }, op: [0, 11] },
  { ahead: CLAUSE_WORD },
  { as: "owner", ...OWNER_NAME },
  {
    any: [
      [POSSESSIVE, { as: "inner", ...BODY_NAME }],
      [POSSESSIVE, { word: true, cap: false, not: { in: FUNCTION_WORDS }, op: [0, 3] }, { test: (t) => BODY_NOUNS.has(t.text) || DESCRIBED_BODY_NOUNS.has(t.text) }, { text: "," }, { as: "inner", ...BODY_NAME }],
    ],
    op: "?",
  },
]);
/** Nouns a body is described by before its name in apposition: "Norway's largest oil producer, Y Corporation". */
const DESCRIBED_BODY_NOUNS = new Set(["producer", "lender", "bank", "carrier", "airline", "operator", "exporter", "maker", "manufacturer", "insurer", "miner", "corporation", "conglomerate", "broadcaster", "newspaper", "university", "utility", "refiner", "supplier", "retailer"]);

/** After a post: "of health", "of the defence staff": a lower-case "of" phrase up to the clause's end is part of the post. */
export const LOWER_OF_TAIL = pattern([
  { text: "of" },
  { text: ["the", "a", "an"], op: "?" },
  { word: true, cap: false, not: { in: FUNCTION_WORDS }, op: [1, 3] },
  { aheadNot: { test: (t, i, ts) => t.isWord && t.block === ts[i - 1].block && !TAIL_STOPS.has(t.text) } },
]);

/** After an opening post's clause: ", [Lt. Gen.] Jon Doe": the sentence's subject. */
export const SUBJECT_AFTER_OPENING = pattern([{ not: { text: "," }, op: [0, 24] }, { text: "," }, { ...TITLE, op: "?" }, { as: "subject", ...PERSON_NAME }]);

// ---- posts before a comma before a name ------------------------------------------------------------

/**
 * Up to a comma before a name: "the Secretary of State, Jane Roe", "Norway's Foreign Minister, Jon
 * Doe", "the General Secretary of the Norland Party (NP), Jon Doe", "the Vice President and First
 * Lady of Norland, Jane Roe". Only after "the" or a possessive: "X, Secretary of State, Y" is an
 * apposition of the name before.
 */
export const CAPITALISED_POST_COMMA = pattern([
  { any: [{ lower: "the" }, POSSESSIVE] },
  { any: [[{ as: "firstTitle", ...TITLE }, { text: "and" }], { as: "owner", ...OWNER_NAME }], op: "?" },
  { as: "title", ...TITLE },
  { seq: [{ text: "(" }, {}, { text: ")" }], op: "?" },
  { text: "," },
]);

/**
 * "Under Secretary of the Treasury for X, Jane Roe, said": a capitalised post opening the sentence,
 * a comma, the name (the caller checks the post opens it: elsewhere "X, Secretary of State, Y" is
 * an apposition of the name before).
 */
export const OPENING_POST_COMMA = pattern([
  { as: "title", ...TITLE },
  { seq: [{ text: "(" }, {}, { text: ")" }], op: "?" },
  { text: "," },
]);

/** A post's "of"/"for" after its lower-case head ("head of", "minister for"). */
const POST_OF: TokenTest = { text: ["of", "for"], test: (_, i, ts) => i > 0 && !ts[i - 1].cap && lexicons().titleHeads.has(ts[i - 1].text) };
const isPostOf = tokenTest(POST_OF);
/**
 * Up to a comma before a name: "the head of Norway's Audit Board, Jane Roe", "the minister of
 * health, Jon Doe": a lower-case post after "the", its "of" phrase (the last one) up to the comma.
 */
export const LOWER_POST_OF_PHRASE_COMMA = pattern([
  { lower: "the" },
  LOWER_POST,
  { as: "of", ...POST_OF },
  { as: "phrase", seq: [{ test: (t, i, ts) => (t.isWord || isPossessive(t, i, ts) || t.text === "-") && !isPostOf(t, i, ts), op: [0, 8] }] },
  { text: "," },
]);
/** In a post's "of" phrase, the first state's or body's name ("Norway's Audit Board": the inner body). */
export const OWNER_IN_PHRASE = pattern([
  { not: { test: opens("owner") }, op: [0, 8] },
  { as: "owner", ...OWNER_NAME },
  { seq: [POSSESSIVE, { as: "inner", ...BODY_NAME }], op: "?" },
]);

// ---- a minister's header ---------------------------------------------------------------------------

/** Token i is in the block of the token before it. */
const sameBlock = (t: Token, i: number, ts: readonly Token[]) => i > 0 && ts[i - 1].block === t.block;
/** Letters after a name ("MP", "QC"): two to four capitals. */
const POST_NOMINAL: TokenTest = { test: (t) => t.text.length >= 2 && t.text.length <= 4 && [...t.text].every((c) => c >= "A" && c <= "Z") };
/**
 * After a name that ends its line: "The Hon Jane Roe MP" / "Deputy Prime Minister" / "Minister for
 * Defence": up to four lines that are each one capitalised post.
 */
export const HEADER_POSTS = pattern([
  { ...POST_NOMINAL, op: [0, 2] },
  { aheadNot: { test: sameBlock } },
  { seq: [{ ahead: { test: (t, i, ts) => i > 0 && t.block === ts[i - 1].block + 1 } }, { as: "post", ...TITLE }, { aheadNot: { test: sameBlock } }], op: [1, 4] },
]);

// ---- a designation list's line ------------------------------------------------------------------------

/** A list's bullet or number ("•", "1.", "12"). */
const BULLET: TokenTest = { test: (t) => !t.isWord || (t.text.length <= 3 && [...t.text].every((c) => c >= "0" && c <= "9")) };
/** Separators between a listed name and its post ("NAME – post", "Name, post", "NAME: post", "Name (born …), post"). */
const LIST_SEPARATORS = ["–", "—", "-", "--", ",", ":", ";"];
/**
 * A line of a designation list: "1. JON DOE – Deputy Minister of X", "Jane Roe (born 1970), head of the
 * Y", "DOE Jon: Chief of the Z": a name of two to six capitalised words (no post's word among them), a
 * separator, and a post's head word within the next five words. names.ts checks the name is no body's
 * or state's (isListEntryBlock).
 */
export const LIST_ENTRY_LINE = pattern([
  { ...BULLET, op: [0, 3] },
  { as: "name", seq: [{ cap: true, test: (t) => !isTitleWord(lexicons(), t.text), op: [2, 6] }] },
  { any: [[{ text: "(" }, { not: { text: ")" }, op: [0, 11] }, { text: ")" }, { text: ",", op: "?" }], { text: LIST_SEPARATORS }] },
  // "NAME, a.k.a. OTHER NAME, post": the other name is skipped
  { seq: [{ test: (t) => ALIAS_MARK.test(t.text) }, { cap: true, op: [0, 9] }, { text: ",", op: "?" }], op: "?" },
  { op: [0, 4] },
  { test: (t) => isTitleHead(lexicons(), t.text) },
]);
