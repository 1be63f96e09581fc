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
import { FUNCTION_WORDS } from "./words.ts";

/** What the annotation says about each token, for the patterns' tests (set by roles.ts). */
export interface RoleTokenFacts {
  /** Index of the person's name holding the token (a segment whose entity is a person), else -1. */
  person: Int32Array;
  /** Index of the state's or body's name holding the token, else -1. */
  owner: Int32Array;
  /** Index of the capitalised post (a title segment) holding the token, else -1. */
  title: Int32Array;
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
