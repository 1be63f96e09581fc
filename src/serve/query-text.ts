// Reads just enough of a SPARQL query's text to serve it: its form (which decides the
// result formats on offer) and whether it names its own dataset (FROM / FROM NAMED).
// Oxigraph parses the query for real in the worker; a query this lexer cannot read is
// still sent there, so the client gets Oxigraph's own syntax error.

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
