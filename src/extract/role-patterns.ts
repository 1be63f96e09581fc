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
import { lexicons } from "./lexicon.ts";
import { pattern, type Element, type TokenTest } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { pluralPost as pluralPostOf } from "./names.ts";
import { FUNCTION_WORDS } from "./words.ts";

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
  const lower = word.toLowerCase();
  if (!lower.endsWith("s")) return undefined;
  const forms = [lower.slice(0, -1), lower.endsWith("ies") ? `${lower.slice(0, -3)}y` : lower, lower.endsWith("es") ? lower.slice(0, -2) : lower];
  return forms.find((w) => w !== lower && lexicons().titleHeads.has(w));
}
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
