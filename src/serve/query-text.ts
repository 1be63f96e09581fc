// Reads just enough of a SPARQL query's text to serve it: its form (which decides the
// result formats on offer), whether it names its own dataset (FROM / FROM NAMED), and how
// deeply nested and how long its chains of operators are (see ENGINE_LIMITS).
// Oxigraph parses the query for real in the worker; a query this lexer cannot read is
// still sent there, so the client gets Oxigraph's own syntax error.
import { HttpError } from "./http-error.ts";

export type QueryForm = "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE";

export interface QueryShape {
  form?: QueryForm;
  /** The query has FROM or FROM NAMED clauses. */
  hasDataset: boolean;
}

// Tokens that can hide keywords: comments, strings (long and short), IRIs, variables and
// prefixed names. What is left are bare words, among them the keywords we look for.
const TOKEN =
  /#[^\n\r]*|"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|[?$][\w\u00b7\u00c0-\uffff]+|[\w\u00c0-\uffff.-]*:[\w\u00c0-\uffff.:%\\-]*|[A-Za-z_][\w-]*/g;

const FORMS = new Set<string>(["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]);

export function inspectQuery(query: string): QueryShape {
  let form: QueryForm | undefined;
  let hasDataset = false;
  for (const [token] of query.matchAll(TOKEN)) {
    if (!/^[A-Za-z]/.test(token) || token.includes(":")) continue;
    const word = token.toUpperCase();
    if (!form && FORMS.has(word)) form = word as QueryForm;
    else if (form && word === "FROM") hasDataset = true;
  }
  return { form, hasDataset };
}

/**
 * What the query engine can take. Oxigraph's parser and evaluator recurse once per level of
 * nesting and once per operator of a chain (`a + b + c`, `{…} UNION {…} UNION …`, a run of
 * OPTIONALs or BINDs), on a fixed 1 MB WebAssembly stack: past it the engine traps ("memory
 * access out of bounds") and is unusable afterwards. Measured on oxigraph 0.5 (test/serve/
 * engine-limits.test.ts): nested FILTER EXISTS traps at 191 levels, nested function calls at
 * 225, nested groups at 683; chains of OPTIONAL or BIND at 820, of `+` at 2,187. These limits
 * keep the worst combination of both well inside the stack, and far above what people write.
 */
export const ENGINE_LIMITS = {
  /** Brackets ({ ( [) open at once. */
  nesting: 64,
  /** Operators and group-combining keywords in the whole request. */
  operators: 400,
};

export interface QueryMeasure {
  /** The most brackets open at once. */
  depth: number;
  /** Operators (+ - * / && || ! = < > | ^ …) and UNION, OPTIONAL, MINUS, BIND, FILTER, EXISTS, SERVICE, GRAPH. */
  operators: number;
}

// As TOKEN, plus brackets and operators; strings, IRIs and comments are skipped whole.
const MEASURE =
  /#[^\n\r]*|"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|[?$][\w\u00b7\u00c0-\uffff]+|[\w\u00c0-\uffff.-]*:[\w\u00c0-\uffff.:%\\-]*|[A-Za-z_][\w-]*|&&|\|\||!=|<=|>=|\^\^|[{}()[\]]|[-+*/!=<>|^]/g;
const OPERATOR_WORDS = new Set(["UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "EXISTS", "SERVICE", "GRAPH"]);

export function measureQuery(text: string): QueryMeasure {
  let open = 0;
  let depth = 0;
  let operators = 0;
  for (const [token] of text.matchAll(MEASURE)) {
    const c = token[0];
    if (c === "{" || c === "(" || c === "[") depth = Math.max(depth, ++open);
    else if (c === "}" || c === ")" || c === "]") open = Math.max(0, open - 1);
    else if (token === "^^") continue;
    else if ("-+*/!=<>|^&".includes(c) && token.length <= 2) operators++;
    else if (/^[A-Za-z]/.test(c) && !token.includes(":") && OPERATOR_WORDS.has(token.toUpperCase())) operators++;
  }
  return { depth, operators };
}

/** 400 for a query or update the engine cannot take (see ENGINE_LIMITS); checked before any worker sees it. */
export function checkEngineLimits(text: string, what: "query" | "update"): void {
  const { depth, operators } = measureQuery(text);
  if (depth > ENGINE_LIMITS.nesting) {
    throw new HttpError(400, `The ${what} is nested ${depth} levels deep (braces, parentheses, brackets); this server takes at most ${ENGINE_LIMITS.nesting}. Flatten it.`);
  }
  if (operators > ENGINE_LIMITS.operators) {
    throw new HttpError(400, `The ${what} has ${operators} operators and UNION/OPTIONAL/MINUS/BIND/FILTER clauses; this server takes at most ${ENGINE_LIMITS.operators}. Split it, or use VALUES or IN for long lists.`);
  }
}
