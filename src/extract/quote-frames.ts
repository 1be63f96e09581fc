// The attribution frames of the quotation pass: the sentence shapes that say who speaks, as
// declarative token patterns (patterns.ts) with a named capture for the speaker phrase.
//
//   “…,” Anna Berg said. / “…,” she told reporters.            SAID_AFTER_QUOTE
//   “…,” said Norwegian Trade Minister Anna Berg.               SAID_BEFORE_SPEAKER
//   “…” – Norwegian Trade Minister Anna Berg.                   SIGNED_AFTER_QUOTE
//   “…,” the agency quoted Berg as saying.                      QUOTED_AS
//   Berg said (that) “…” / Berg told reporters: “…”             SUBJECT_OF_VERB (of the last speech verb before the quote)
//   Berg was quoted by the agency as saying “…”                 QUOTED_PASSIVE
//   “…”, the talks went on, Berg said.                          SENTENCE_FINAL
//   … according to Berg / according to the ministry's website  ACCORDING_TO
//   Berg was blunt: “…”                                         COLON_INTRO
//   In a statement, the ministry said: / Berg wrote on X:       (SUBJECT_OF_VERB on the introducing line)
// and the shapes of a speaker phrase itself: "a spokesperson for X" (SPOKESPERSON_FOR), "X's
// embassy" (OWNER), "the two ministers" (GROUP), "Statement by X" / "In a joint statement, X …" /
// "X issued a statement" (statement frames).
//
// Which frame applies where (after the quote, before it, at the sentence's end, the order they are
// tried in) is quotes.ts; what a captured phrase names ("he", "the ministry", a name) is
// quote-actors.ts. Every pattern is matched at a known start or in a bounded window of tokens, so
// the pass stays linear (patterns.ts runs all starts in lock-step and bounds every repeat).
import type { Token } from "./tokens.ts";
import { pattern, type Element, type TokenTest } from "./patterns.ts";
import { lexiconEntries, lexiconSet } from "./quote-lexicon.ts";
import { MONTHS, WEEKDAYS } from "./words.ts";

/** What the annotation says about each token, for the frames' token tests (set by buildActorIndex). */
export interface TokenFacts {
  /** The outermost mention of a person, state or organisation holding the token (index into ActorIndex.mentions), else -1. */
  actor: Int32Array;
  /** 1 where that mention is a person's. */
  person: Uint8Array;
  /** 1 inside a quoted passage. */
  quoted: Uint8Array;
  /** 1 for a speech verb outside quotes. */
  speech: Uint8Array;
}

const FACTS = new WeakMap<readonly Token[], TokenFacts>();

/** Makes `facts` the annotation the frames read for `tokens`. */
export function bindFacts(tokens: readonly Token[], facts: TokenFacts): void {
  FACTS.set(tokens, facts);
  lastTokens = undefined;
}

// the frames' tests ask at every token they try: the last answer saves most WeakMap look-ups
let lastTokens: readonly Token[] | undefined;
let lastFacts: TokenFacts | undefined;
const factsOf = (ts: readonly Token[]) => {
  if (ts !== lastTokens) {
    lastTokens = ts;
    lastFacts = FACTS.get(ts);
  }
  return lastFacts;
};
const isActor = (_: Token, i: number, ts: readonly Token[]) => (factsOf(ts)?.actor[i] ?? -1) >= 0;
const isPerson = (_: Token, i: number, ts: readonly Token[]) => factsOf(ts)?.person[i] === 1;
const isSpeech = (_: Token, i: number, ts: readonly Token[]) => factsOf(ts)?.speech[i] === 1;
const isQuoted = (_: Token, i: number, ts: readonly Token[]) => factsOf(ts)?.quoted[i] === 1;

// ---- words ------------------------------------------------------------------------------------

export const SPEECH_VERBS = lexiconSet("speech-verbs.txt");
/** Statement nouns: the last word of each entry ("statement", "release" of "press release"). */
const STATEMENT_ENTRIES = lexiconEntries("speech-nouns.txt").map((e) => e.split(/\s+/));
export const STATEMENT_HEADS = new Set(STATEMENT_ENTRIES.map((ws) => ws[ws.length - 1]));
const STATEMENT_ENTRIES_BY_HEAD = new Map<string, string[][]>();
for (const ws of STATEMENT_ENTRIES) {
  const head = ws[ws.length - 1];
  STATEMENT_ENTRIES_BY_HEAD.set(head, [...(STATEMENT_ENTRIES_BY_HEAD.get(head) ?? []), ws]);
}
/** A statement noun at token `i` ("statement", "press release", not "release" alone). */
export function isStatementNoun(ts: readonly Token[], i: number): boolean {
  return statementNounStart(ts, i) >= 0;
}
/** The first token of the statement noun ending at token `i` ("press" of "press release"; the latest start when entries overlap), else -1. */
export function statementNounStart(ts: readonly Token[], i: number): number {
  // (asked at every token: only the entries ending with the token's word can match)
  const entries = ts[i] ? STATEMENT_ENTRIES_BY_HEAD.get(ts[i].lower) : undefined;
  let start = -1;
  if (!entries) return start;
  for (const ws of entries) {
    const first = i - (ws.length - 1);
    let k = 0;
    while (k < ws.length - 1 && ts[first + k]?.lower === ws[k]) k++;
    if (k === ws.length - 1) start = Math.max(start, first);
  }
  return start;
}
/** Words a post is made of, standing before a name ("Deputy Foreign Minister", "envoy"). */
export const TITLE_WORDS = new Set([...lexiconSet("titles.txt"), ...lexiconSet("title-modifiers.txt"), "of", "the", "counterpart"]);
/** People who speak for a body: "a spokesperson for X" gives the words to X. */
const SPOKES_NOUNS = ["spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"];
/** What a body or person has that speaks for them: "Berg's spokesperson", "Norway's embassy in Santiago". */
const OWNED_NOUNS = ["spokesperson", "spokesman", "spokeswoman", "lawyer", "lawyers", "attorney", "attorneys", "representative", "office", "embassy", "government", "mission", "delegation", "ministry", "cabinet", "presidency"];
/** Heads of a speaker phrase that name nobody: "a senior official", "two diplomats", "sources". */
export const UNNAMED_HEADS = new Set(
  "official officials diplomat diplomats source sources analyst analysts expert experts observer observers resident residents witness witnesses people person aide aides spokesman spokesmen spokeswoman spokeswomen spokesperson spokespersons lawmaker lawmakers critic critics activist activists insider insiders member members".split(" "),
);
/** Nouns of a group that speaks together: "the leaders said", "the three governments said". */
const GROUP_NOUNS = ["leaders", "governments", "allies", "partners", "presidents", "premiers", "nations"];
export const NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven"];
/** Verbs that put out a statement: "X issued a joint statement". */
const ISSUE_VERBS = ["issued", "released", "published", "signed", "adopted", "sent", "made", "put"];

const POSSESSIVE: Element = { text: ["'s", "’s"] };
const DETERMINER: Element = { lower: ["a", "an", "the", "this", "that", "its", "their", "his", "her"] };
/** Punctuation that closes a clause or opens a quotation: no phrase of a frame runs over it. */
const STOPS = new Set([",", ";", ":", ".", "!", "?", "“", "”", '"', "«", "»", "„", "‘", "’", "'"]);
const WORD_IN_CLAUSE: TokenTest = { not: { in: STOPS } };

// ---- the speaker phrase ----------------------------------------------------------------------

/** The tokens of one name the annotation found, even where the tagger split it ("James/PROPN Cleverly/ADV"). */
const NAME: Element = { seq: [{ test: isActor, not: { test: isQuoted } }], op: [1, 8] };
const PERSON_NAME: Element = { seq: [{ test: isPerson, not: { test: isQuoted } }], op: [1, 8] };
/** A capitalised word the annotation left unmarked, maybe a bare surname ("Cleverly/ADV said"). */
const CAPITALISED: Element = { cap: true, tag: ["PROPN", "NOUN", "ADJ", "ADV", "VERB", "X"], not: { test: isQuoted } };
/** A name or a base noun phrase outside quotes. */
const NOMINAL: Element = { any: [{ phrase: { test: (p, ts) => !isQuoted(ts[p.from], p.from, ts) } }, NAME, CAPITALISED] };
/**
 * "Secretary of State Ana Velkar", "Berg of the Ministry of Fisheries", "Minister for Health Ana
 * Velkar": a post's "of" (or a capitalised post's "for") with a capitalised name stays in the phrase.
 */
const TITLED: Element = {
  seq: [
    NOMINAL,
    {
      seq: [
        { any: [{ lower: ["of", "to"] }, [{ behind: { cap: true, test: (t) => TITLE_WORDS.has(t.lower) } }, { lower: "for" }]] },
        {
          any: [
            // "to the UN Anna Berg": one phrase from "the", with a capitalised word after it
            [{ ahead: { lower: "the" } }, { phrase: { test: (p, ts) => p.to - p.from > 1 && ts[p.from + 1].cap && !isQuoted(ts[p.from], p.from, ts) } }],
            [{ lower: "the", op: "?" }, { ahead: { cap: true } }, NOMINAL],
          ],
        },
      ],
      op: [0, 2],
    },
  ],
};
/** Words a time phrase opens with: "“…” Monday, and X said" coordinates no speaker with "Monday". */
const TIME_STARTS = [...WEEKDAYS, ...[...WEEKDAYS].map((d) => d.toLowerCase()), "today", "Today", "yesterday", "Yesterday", "tonight", "last", "Last", "this", "This", "next", "earlier", "later"];
/** "Wang and Lavrov", "Norway, Chile and Peru". */
const COORDINATED: Element = { seq: [{ aheadNot: { text: TIME_STARTS } }, TITLED, { seq: [{ text: "," }, TITLED], op: [0, 4] }, { text: ",", op: "?" }, { lower: ["and", "&"] }, TITLED] };
/** "a spokesperson for the Ministry of Fisheries", "a press office of X": the body, captured as "body", speaks. */
const SPOKESPERSON_OF_BODY: Element = {
  seq: [{ phrase: { test: (p, ts) => SPOKES_NOUNS.includes(ts[p.head].lower) || (ts[p.head].lower === "office" && ts[p.head - 1]?.lower === "press") } }, { lower: ["for", "of", "at"] }, { as: "body", seq: [TITLED] }],
};
/** The speaker phrase, captured as "speaker". */
const SPEAKER: Element = { as: "speaker", any: [SPOKESPERSON_OF_BODY, COORDINATED, TITLED] };
/** "of the central bank", "in Santiago": attached to the speaker, not part of the name. */
const ATTACHMENT: Element = { seq: [{ lower: ["of", "to", "at", "from", "for", "in", "with"] }, NOMINAL, { seq: [{ lower: ["and", "&"] }, { ahead: { cap: true } }, NOMINAL], op: "?" }] };
/** Words of a post before a name in apposition: "Its head, Federal Councillor NAME,". */
const POST_WORDS: Element = { test: (t, i, ts) => (t.cap || TITLE_WORDS.has(t.lower)) && t.isWord && !isActor(t, i, ts) && !isQuoted(t, i, ts), op: [0, 5] };

/** Words of a post before a person's name, a state's name among them: "Westland President" (NAME). */
const POST_OF_PERSON: Element = { test: (t, i, ts) => (t.cap || TITLE_WORDS.has(t.lower)) && t.isWord && !isPerson(t, i, ts) && !isQuoted(t, i, ts), op: [0, 5] };

/** A word of an apposition that neither quotes nor speaks. */
const PLAIN_CLAUSE_WORD: TokenTest = { not: { in: STOPS }, test: (t, i, ts) => !isQuoted(t, i, ts) && !isSpeech(t, i, ts) };
/** What may stand between a subject and its verb without changing who speaks. */
const INSERT: Element = {
  any: [
    // ", who is visiting Oslo,"
    [{ text: "," }, { lower: ["who", "which", "whose", "whom"] }, { ...WORD_IN_CLAUSE, op: [1, 24] }, { text: "," }],
    // "(Chile)", "(KINU)"
    [{ text: "(" }, { not: { text: [")", "("] }, op: [1, 12] }, { text: ")" }],
    // "— speaking in Oslo —"
    [{ text: ["—", "–"] }, { not: { text: ["—", "–", ".", "“", "”", '"'] }, op: [1, 20] }, { text: ["—", "–"] }],
    // ", 54,", ", the bloc's trade chief,", ", a researcher at the Korea Institute for X (X),", ", in a statement,",
    // ", nicknamed “the Iron Lady” by the press," (a quoted name inside)
    [{ text: "," }, { seq: [{ any: [WORD_IN_CLAUSE, { test: isQuoted }, [{ text: "(" }, { not: { text: [")", "("] }, op: [1, 6] }, { text: ")" }]] }], op: [1, 20] }, { text: "," }],
    // two in a row sharing a comma, the first short, neither quoting nor speaking: ", R-Ohio, a member of the Foreign Relations Committee,"
    [{ text: "," }, { ...PLAIN_CLAUSE_WORD, op: [1, 4] }, { text: "," }, { ...PLAIN_CLAUSE_WORD, op: [1, 16] }, { text: "," }],
  ],
};
/** Words between a subject and its verb that change nothing: "also", "had", "on Tuesday", "in a statement". */
const ADVERBIAL: Element = {
  any: [
    { lower: ["also", "again", "then", "later", "previously", "earlier", "further", "however", "now", "once", "first", "too", "had", "has", "have", "was", "were", "is", "would", "will", "been", "did", "does", "do", "not", "never"] },
    { tag: "ADV", test: (t) => /^[a-z]+ly$/.test(t.text) },
    [{ lower: "on" }, { text: [...WEEKDAYS] }, { seq: [{ text: "(" }, { not: { text: [")", "("] }, op: [1, 6] }, { text: ")" }], op: "?" }],
    [{ lower: "on" }, { text: [...MONTHS] }, { text: ".", op: "?" }, { tag: "NUM" }],
    [{ lower: "earlier", op: "?" }, { lower: ["last", "this", "next"] }, { lower: ["week", "month", "year"] }],
    [{ lower: "in" }, DETERMINER, { word: true, op: [0, 2] }, { lemmaIn: STATEMENT_HEADS }],
    // "with Putin responding by wishing Biden …"
    [{ tag: "VERB", test: (t) => /ing$/.test(t.lower) }, { lower: "by" }],
  ],
};
/**
 * The subject of a verb with what may stand between them: "Berg", "Lavrov, who is visiting Beijing,",
 * "Dennis Roe (Chile), President of the Assembly,", "a spokesperson for the ministry", "the Chilean
 * ministry spokesperson, Ana Ruiz," (the name in apposition speaks), then adverbials.
 */
const SUBJECT: Element[] = [
  {
    any: [
      // "the Dutch envoy to the UN, NAME, said", "Its head, Federal Councillor NAME, said": the name in apposition speaks
      [NOMINAL, { seq: [ATTACHMENT], op: [0, 2] }, { text: "," }, POST_WORDS, { as: "speaker", seq: [PERSON_NAME] }, { text: "," }],
      // "Norland's minister for foreign affairs NAME said": a post's lower-case portfolio, then the name, speaks
      [NOMINAL, { lower: ["for", "of"] }, { test: (t, i, ts) => t.isWord && !t.cap && !isQuoted(t, i, ts), op: [1, 4] }, { as: "speaker", seq: [PERSON_NAME] }],
      // "NAME, First Minister and Green Party leader, acknowledged": a person's posts between commas, however
      // they are joined (read before the coordination "A, B and C said", which they would look like)
      [{ as: "speaker", seq: [PERSON_NAME] }, { text: "," }, { ...WORD_IN_CLAUSE, op: [0, 12] }, { test: (t) => t.isWord && t.lower !== "of" && t.lower !== "the" && TITLE_WORDS.has(t.lower) }, { ...WORD_IN_CLAUSE, op: [0, 8] }, { text: "," }],
      [SPEAKER, { as: "attached", seq: [{ seq: [ATTACHMENT], op: [0, 2] }] }, { seq: [INSERT], op: [0, 2] }],
    ],
  },
  // "Wang and Lavrov's statement, which insisted"
  { seq: [{ text: ",", op: "?" }, { lower: ["which", "that", "who"] }], op: "?" },
  { seq: [ADVERBIAL], op: [0, 4] },
];
const SPEECH_VERB: Element = { as: "verb", test: isSpeech };
/** Punctuation between a quote's closing mark and its attribution. */
const AFTER_MARK: Element = { text: [",", "—", "–", "-"], op: [0, 2] };

// ---- frames after the quote (matched at the first token after the closing mark) -------------------

/** “…,” Anna Berg said / “…,” Lavrov, who is visiting Beijing, said / “…,” the ministry spokesperson, Ana Ruiz, said. */
export const SAID_AFTER_QUOTE = pattern([AFTER_MARK, ...SUBJECT, SPEECH_VERB]);

/** What may follow a speech verb that says nothing more: "in a statement", "on Tuesday", "to reporters", "at a news conference in Oslo". */
const BARE_ADJUNCT: Element = {
  any: [
    ADVERBIAL,
    // "told reporters", "told the press"
    [{ ...DETERMINER, op: "?" }, { lower: ["reporters", "journalists", "press", "media", "parliament", "lawmakers", "delegates"] }],
    [{ lower: ["to", "at", "in", "during", "from", "on", "after", "before", "via"] }, { ...DETERMINER, op: "?" }, { test: (t) => t.isWord && (t.cap || ["NOUN", "ADJ", "PROPN", "NUM"].includes(t.tag)) && !SPEECH_VERBS.has(t.lower) && t.lower !== "that", op: [1, 4] }],
    { text: "," },
  ],
};
/**
 * A paragraph under a quote paragraph that only says who spoke: "Anna Berg, Norland's foreign minister,
 * said in a statement." / "Foreign Minister Anna Berg said on Tuesday." (the sentence ends after the verb's adjuncts).
 */
export const ATTRIBUTION_LINE = pattern([...SUBJECT, SPEECH_VERB, { seq: [BARE_ADJUNCT], op: [0, 6] }, { text: ["."] }]);

/** “…,” said Norwegian Trade Minister Anna Berg / “…,” said the statement / “…,” said Tomas Lind of the central bank. */
export const SAID_BEFORE_SPEAKER = pattern([AFTER_MARK, SPEECH_VERB, SPEAKER]);

/** “…” – Norwegian Trade Minister Anna Berg. / “…” — Berg, speaking in Lima: a person's name after a dash signs the quote (nothing but a post before it). */
export const SIGNED_AFTER_QUOTE = pattern([
  { text: [",", "."], op: "?" },
  { text: ["—", "–", "-"] },
  { as: "speaker", seq: [POST_WORDS, PERSON_NAME] },
  // then the sentence or the paragraph ends, or an apposition follows
  { aheadNot: { test: (t, i, ts) => t.block === ts[i - 1].block && !SIGNATURE_ENDS.has(t.text) } },
]);
const SIGNATURE_ENDS = new Set([".", ",", ";", "("]);

/** “…,” the agency quoted Berg as saying / the agency quoted a press release issued after the talks as saying “…”. */
export const QUOTED_AS = pattern([
  { lower: "quoted" },
  { aheadNot: { lower: "by" } },
  { as: "speaker", seq: [{ not: { in: new Set([...STOPS, "as"]) }, op: [1, 14] }] },
  { lower: "as" },
  { as: "verb", lower: ["saying", "telling"] },
]);
/** "… was quoted by the agency as saying": from "quoted" to "saying" (the subject is SUBJECT_OF_VERB's of "quoted"). */
export const QUOTED_PASSIVE = pattern([{ lower: "quoted" }, { not: { in: new Set([".", ";", "“", "”", '"']) }, op: [0, 14] }, { lower: "as" }, { as: "verb", lower: "saying" }]);

// ---- frames before the quote or around it -----------------------------------------------------------

/**
 * A subject and the verb it speaks with, the verb last: "Berg said", "Nordic Wire quoted Berg as
 * saying" (Berg speaks), "Lind, 54, told". Matched in a window that ends at a known verb (quote-actors'
 * subjectOfVerb), the longest subject winning.
 */
export const SUBJECT_OF_VERB = pattern([...SUBJECT, { as: "verb", word: true }]);

/** “…”, the talks went on, Berg said. — after a comma, the verb closing the sentence or followed by a time. */
export const SENTENCE_FINAL = pattern([
  { text: "," },
  ...SUBJECT,
  SPEECH_VERB,
  { aheadNot: { not: { lower: [".", ",", ";", "on", "in", "at", "during", "after", "when", "while", "last", "this", "yesterday", "today", "later", "earlier"] } } },
]);

/** What a quote is called when the sentence after it names its speaker: "That was the message from X." */
const WORDS_NOUNS = ["message", "warning", "verdict", "view", "word", "words", "reaction", "response", "assessment", "answer", "reply", "conclusion", "promise", "pledge", "vow", "advice", "plea", "appeal", "argument", "position", "line", "comment", "comments", "remark", "remarks", "sentiment", "take"];
/**
 * The sentence right after a quote that gives its speaker without a speech verb of its own (matched
 * at the sentence's first token): "That was the message from X.", "Such was the blunt verdict of X",
 * "Those were the words of X", "So said X", "The warning came from X".
 */
export const NEXT_SENTENCE_SPEAKER = pattern([
  {
    any: [
      [{ lower: ["that", "this", "such", "those", "these"] }, { lower: ["was", "were", "is", "are"] }, { lower: ["the", "his", "her", "their", "its"] }, { word: true, cap: false, op: [0, 2] }, { lower: WORDS_NOUNS }, { lower: ["of", "from"] }],
      [{ lower: "so" }, { lower: ["said", "says", "wrote", "warned", "argued"] }],
      [{ lower: ["the", "that", "this", "those", "these"] }, { word: true, cap: false, op: [0, 2] }, { lower: WORDS_NOUNS }, { lower: ["came", "come", "comes"] }, { lower: "from" }],
    ],
  },
  SPEAKER,
]);

/** "according to Berg", "according to Ruritanian Foreign Minister Piet Moran", "according to the Ministry of Fisheries's website" (the owner), "according to a statement by X". */
export const ACCORDING_TO = pattern([
  { lower: "according" },
  { lower: "to" },
  {
    any: [
      [{ lower: "the", op: "?" }, { test: (t) => TITLE_WORDS.has(t.lower) || t.cap, op: [0, 4] }, { as: "owner", seq: [NAME] }, POSSESSIVE],
      // "according to a statement by foreign ministry spokesman Jon Doe": the author speaks
      [DETERMINER, { word: true, cap: false, op: [0, 2] }, { lemmaIn: STATEMENT_HEADS }, { lower: ["by", "from"] }, SPEAKER],
      SPEAKER,
    ],
  },
]);

/** Nouns of a speech act that a possessor makes: "X's announcement that …", "X's warning: …". */
const SPEECH_ACT_NOUNS = ["announcement", "pledge", "promise", "vow", "warning", "remarks", "comments", "claim", "call", "threat", "insistence", "assertion", "message", "words", "reply", "response"];
/**
 * "President X's surprise announcement in Riyadh that he would order “…”", "X's warning: “…”", "the
 * words of X with his wish to “…”": the possessor speaks. Matched in the quote's sentence, ending at the quote's opening mark.
 */
export const POSSESSED_SPEECH = pattern([
  {
    any: [
      [{ as: "speaker", seq: [NAME] }, POSSESSIVE, { word: true, cap: false, op: [0, 2] }, { lower: SPEECH_ACT_NOUNS }],
      // "the words of President X", "the remarks by X"
      [{ lower: "the" }, { word: true, cap: false, op: [0, 2] }, { lower: SPEECH_ACT_NOUNS }, { lower: ["of", "by"] }, POST_OF_PERSON, { as: "speaker", seq: [PERSON_NAME] }],
    ],
  },
  { not: { in: STOPS }, op: [0, 8] },
  { any: [[{ text: ":" }], [{ lower: "that" }, { not: { in: new Set([".", ";", ":", "“", "”", '"']) }, op: [0, 14] }], [{ text: ",", op: "?" }]] },
  { ahead: { test: isQuoted } },
]);

/** "Lavrov was blunt:" — a person, then the rest of the clause up to a colon. */
export const COLON_INTRO = pattern([{ as: "speaker", seq: [PERSON_NAME] }, { not: { in: new Set([":", ".", "“", "”", '"']) }, op: [0, 40] }, { text: ":" }]);

// ---- the shapes of a speaker phrase (matched at the phrase's first token) ---------------------------

/** "a spokesperson for the Ministry of Fisheries", "a representative of X": the body speaks. */
export const SPOKESPERSON_FOR = pattern([SPOKESPERSON_OF_BODY]);

/**
 * A body described, not named: "the ministry", "the social media company", "the foreign ministry"
 * (matched over a whole phrase; "head" its last word). Lower-case words only, so "the Chilean
 * ministry" (a demonym: another state's body, maybe) is no description of the body named before.
 */
export const DESCRIBED_BODY = pattern([{ lower: "the" }, { as: "modifiers", seq: [{ word: true, cap: false, op: [0, 3] }] }, { as: "head", word: true, cap: false }]);

/**
 * "a ministry spokesperson", "a foreign ministry spokeswoman", "the company's spokesman": a body
 * described in lower-case words before who speaks for it (matched over a whole phrase; "head" the
 * body's noun).
 */
export const DESCRIBED_BODY_SPOKESPERSON = pattern([
  { lower: ["a", "an", "the"] },
  { as: "modifiers", seq: [{ word: true, cap: false, not: { test: isActor }, op: [0, 2] }] },
  { as: "head", word: true, cap: false, not: { test: isActor } },
  { ...POSSESSIVE, op: "?" },
  { lower: SPOKES_NOUNS },
]);

/** "Berg's spokesperson", "Norway's embassy", "President Berg's office", "the Chilean government's press office": the owner speaks. */
export const OWNER = pattern([
  { lower: "the", op: "?" },
  // "Chilean President NAME's office": a post before the owner's name
  POST_WORDS,
  { as: "owner", seq: [NAME] },
  POSSESSIVE,
  { word: true, cap: false, op: [0, 2] },
  { as: "owned", lower: OWNED_NOUNS },
  { seq: [{ lower: "press", op: "?" }, { lower: "office" }], op: "?" },
]);

/** "the two ministers", "both sides" (count 2), "the three governments", "the leaders" (any count). */
export const GROUP = pattern([
  {
    any: [
      [{ lower: "the" }, { as: "count", lower: NUMBER_WORDS }, { word: true, cap: false, op: [0, 1] }, { word: true, cap: false }],
      [{ as: "count", lower: "both" }, { word: true, cap: false, op: [0, 1] }, { word: true, cap: false }],
      [{ lower: "the" }, { word: true, cap: false, op: [0, 1] }, { lower: GROUP_NOUNS }],
    ],
  },
]);

/** Posts of a state's delegate at a meeting, one for another: "the representative of X" may refer back to "the speaker for X, NAME". */
export const DELEGATE_NOUNS = new Set(["representative", "delegate", "ambassador", "envoy", "speaker", "observer"]);
/** Words for a state's executive: "the government said", "Chile's new administration". */
export const GOVERNMENT_NOUNS = new Set(["government", "administration", "cabinet", "authorities"]);
/** "…'s government", "… new administration": what follows a state's name when its government is meant (matched right after the name). */
export const STATE_WITH_GOVERNMENT = pattern([{ ...POSSESSIVE, op: "?" }, { word: true, cap: false, op: [0, 1] }, { lower: [...GOVERNMENT_NOUNS] }]);

// ---- statements and their authors (matched around a statement noun) ---------------------------------

/** A statement noun: "statement", "communiqué", "press release" (not "release" alone). */
const STATEMENT_NOUN: Element = { test: (_, i, ts) => isStatementNoun(ts, i) };
const NOT_A_MODIFIER = new Set(["a", "an", "the", "this", "that", "its", "their"]);

/** "Wang and Lavrov's statement", "a foreign ministry statement": the authors before the noun (matched ending at it). */
export const AUTHORS_BEFORE_NOUN = pattern([
  { as: "author", seq: [NAME] },
  { ...POSSESSIVE, op: "?" },
  { test: (t) => /^[a-z-]+$/.test(t.text) && !/ed$/.test(t.text) && !NOT_A_MODIFIER.has(t.text), op: [0, 3] },
  { as: "noun", ...STATEMENT_NOUN },
]);

/** "In a joint statement, Beijing and Moscow defended …", "In their statement, the two ministers …" (matched at "in"): the subject after the comma. */
export const IN_A_STATEMENT = pattern([
  { lower: ["in", "with"] },
  DETERMINER,
  { word: true, op: [0, 1] },
  { as: "noun", ...STATEMENT_NOUN },
  { ...WORD_IN_CLAUSE, op: [0, 8] },
  { text: "," },
  {
    any: [
      { as: "plural", any: [[{ lower: "the" }, { lower: "two" }], { lower: "both" }, { lower: "they" }] },
      [{ test: (t, i, ts) => (TITLE_WORDS.has(t.lower) || t.cap) && !isActor(t, i, ts), op: [0, 5] }, { as: "author", seq: [NAME] }],
    ],
  },
]);

/** "X issued a joint statement", "X said in a statement": the verb before the noun (its subject is the author; matched ending at the noun). */
export const VERB_BEFORE_NOUN = pattern([
  { any: [{ as: "verb", lower: ISSUE_VERBS }, [{ as: "verb", test: isSpeech }, { lower: "in" }]] },
  { lower: "out", op: "?" },
  { ...DETERMINER, op: "?" },
  { word: true, op: [0, 2] },
  { as: "noun", ...STATEMENT_NOUN },
]);

/** "a statement issued by X", "a statement from X", "The statement, signed by X," (matched at the noun): the author after it. */
export const AUTHOR_AFTER_NOUN = pattern([
  STATEMENT_NOUN,
  { text: ",", op: "?" },
  { word: true, cap: false, not: { lower: ["by", "from"] }, op: [0, 2] },
  { lower: ["by", "from"] },
  { lower: "the", op: "?" },
  // "signed by Norwegian Trade Minister Anna Berg": a post before the name
  POST_WORDS,
  { as: "author", seq: [NAME] },
]);
