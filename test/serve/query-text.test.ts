// The little lexer that tells a query's form and whether it names its own dataset.
import { describe, expect, it } from "vitest";
import { inspectQuery } from "../../src/serve/query-text.ts";
import { parseExample } from "../../src/serve/examples.ts";

describe("inspectQuery", () => {
  it("finds the form after prefixes, comments and base", () => {
    expect(inspectQuery("PREFIX ex: <http://e/#select>\n# ASK me\nBASE <http://b/>\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }")).toEqual({ form: "CONSTRUCT", hasDataset: false });
    expect(inspectQuery("ask { ?s ?p ?o }").form).toBe("ASK");
    expect(inspectQuery("DESCRIBE <http://x>").form).toBe("DESCRIBE");
    expect(inspectQuery("SELECT * { ?s ?p ?o }").form).toBe("SELECT");
  });

  it("sees FROM / FROM NAMED clauses but not the word inside strings, IRIs, variables or names", () => {
    expect(inspectQuery("SELECT * FROM <http://g> WHERE { ?s ?p ?o }").hasDataset).toBe(true);
    expect(inspectQuery("SELECT * FROM NAMED <http://g> WHERE { GRAPH ?g { ?s ?p ?o } }").hasDataset).toBe(true);
    expect(inspectQuery('SELECT ?from WHERE { ?s ex:from "from" . ?s <http://x/from> ?from } # from here').hasDataset).toBe(false);
    expect(inspectQuery("SELECT * WHERE { ?s ?p '''FROM\n<x>''' }").hasDataset).toBe(false);
  });

  it("leaves the form unknown for text that is not a query (Oxigraph then reports the error)", () => {
    expect(inspectQuery("SELEC * WHERE {}").form).toBeUndefined();
  });
});

describe("parseExample", () => {
  it("takes the title and description from the leading comment lines", () => {
    const example = parseExample("posts", "# Who holds which post\n# Every person with a post,\n# and the article.\nSELECT * {}\n# not header");
    expect(example).toMatchObject({ name: "posts", title: "Who holds which post", description: "Every person with a post, and the article." });
    expect(parseExample("03-co-mentions", "SELECT * {}").title).toBe("co mentions");
  });
});
