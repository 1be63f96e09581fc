// The role pass's token patterns (src/extract/role-patterns.ts), each on invented sentences:
// what the pattern reads, and a near miss it must not read.
import { describe, expect, it } from "vitest";
import { singularPost } from "../../src/extract/role-patterns.ts";
import { isListEntryBlock } from "../../src/extract/names.ts";
import { tokenize } from "../../src/extract/tokens.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { annotateText, roleLines } from "./annotate-helpers.ts";

const rolesOf = (text: string) => roleLines(annotateText(text));

describe("posts before a name", () => {
  it("LOWER_POST_BEFORE: up to three lower-case modifiers and a post's head word, with or without a comma", () => {
    expect(rolesOf("Norway's external security commissioner Halvard Stenmo arrived.")).toContain("Halvard Stenmo | external security commissioner | Norway");
    expect(rolesOf("The talks were led by the deputy defence minister, Ilka Varro.")).toContain("Ilka Varro | deputy defence minister | -");
  });

  it("LOWER_POST_BEFORE: the post before a rank before a name is the person's post, the rank is none", () => {
    const lines = rolesOf("The junta's spokesman Colonel Amadou Sarr read the statement.");
    expect(lines).toContain("Amadou Sarr | spokesman | -");
    expect(lines.some((l) => l.includes("| Colonel |"))).toBe(false);
  });

  it("LOWER_POST_BEFORE: a lower-case word that is no post gives no role", () => {
    expect(rolesOf("The cheerful farmer Halvard Stenmo arrived.").filter((l) => l.startsWith("Halvard Stenmo"))).toEqual([]);
  });

  it("COUNTERPART_BEFORE: a counterpart takes the post of the person named before, with its own state", () => {
    expect(rolesOf("Norwegian Trade Minister Ilka Varro met her Chilean counterpart, Teodor Baske, on Friday.")).toContain("Teodor Baske | Trade Minister | Chile");
  });

  it("LOWER_POST_OF_OWNER_COMMA: 'the post of the STATE, Name' gives the state; 'to the STATE' keeps the destination in the post", () => {
    expect(rolesOf("The talks were opened by the president of the Republic of Peru, Aron Melik.")).toContain("Aron Melik | president | Peru");
    expect(rolesOf("Norway's ambassador to Chile, Teodor Baske, was summoned.")).toContain("Teodor Baske | ambassador to Chile | Norway");
  });
});

describe("owners before a post", () => {
  it("OWNER_BEFORE: a possessive name, and a state's adjective, own the post", () => {
    expect(rolesOf("Norway's deputy foreign minister Ilka Varro spoke.")).toContain("Ilka Varro | deputy foreign minister | Norway");
    expect(rolesOf("Norwegian Foreign Minister Ilka Varro spoke.")).toContain("Ilka Varro | Foreign Minister | Norway");
  });

  it("OWNER_BEFORE: 'the country's' is the state named last, 'its' the body named last", () => {
    expect(rolesOf("Protests spread across Norway on Sunday. The country's chief justice Halvard Stenmo resigned.")).toContain("Halvard Stenmo | chief justice | Norway");
    expect(rolesOf("The Baltic Grain Council met in Riga. Its deputy head Ilka Varro said prices would rise.")).toContain("Ilka Varro | deputy head | Baltic Grain Council");
  });

  it("OWNER_BEFORE: 'the bloc's' is the last body whose name has a word of that kind", () => {
    expect(rolesOf("The Northern Trade Union met on Monday. The bloc's foreign policy chief Ilka Varro said talks would go on.")).toContain("Ilka Varro | foreign policy chief | Northern Trade Union");
  });

  it("POSSESSIVE_BEFORE: a possessive a few lower-case words before the post owns it", () => {
    expect(rolesOf("Chile's outspoken spokeswoman Ilka Varro declined to comment.")).toContain("Ilka Varro | spokeswoman | Chile");
  });
});

describe("posts after a name", () => {
  it("BRACKETED_POST: a bracket holding a capitalised post and nothing else", () => {
    expect(rolesOf("The list names Ilka Varro (Minister of Health of Norway) and others.").some((l) => l.startsWith("Ilka Varro | Minister of Health"))).toBe(true);
    expect(rolesOf("The list names Ilka Varro (1961) and others.").filter((l) => l.startsWith("Ilka Varro"))).toEqual([]);
  });

  it("WHO_HEADS: ', who heads the BODY' gives the body; 'chairs the budget committee' keeps a lower-case body in the post", () => {
    expect(rolesOf("Halvard Stenmo, who heads the Norwegian State Audit Office, testified.")).toContain("Halvard Stenmo | head | Norwegian State Audit Office");
    expect(rolesOf("Ilka Varro, who also chairs the budget committee, voted against.")).toContain("Ilka Varro | chair of the budget committee | -");
  });

  it("WHO_HEADS: a lower-case phrase that runs on into more words is no body", () => {
    expect(rolesOf("Ilka Varro, who chairs the budget committee meetings in winter, voted against.").filter((l) => l.startsWith("Ilka Varro"))).toEqual([]);
  });
});

describe("posts counted out", () => {
  it("PLURAL_POST_LIST: a plural post, then two or more names joined by commas and 'and'", () => {
    const lines = rolesOf("Two former prime ministers, Halvard Stenmo and Ilka Varro, signed the letter.");
    expect(lines).toContain("Halvard Stenmo | former prime minister | -");
    expect(lines).toContain("Ilka Varro | former prime minister | -");
  });

  it("PLURAL_POST_LIST: one name after a plural post counts nobody", () => {
    expect(rolesOf("The ministers Halvard Stenmo spoke of were absent.").filter((l) => l.includes("minister"))).toEqual([]);
  });

  it("singularPost: the singular a plural post stands for", () => {
    expect(singularPost("ministers")).toBe("minister");
    expect(singularPost("secretaries")).toBe("secretary");
    expect(singularPost("chiefs")).toBe("chief");
    expect(singularPost("farmers")).toBeUndefined();
  });
});

describe("appositions: posts after a name", () => {
  it("POST_AFTER_NAME + OWNER_IN_CLAUSE: ', post of the BODY at the BODY' gives the first body named in the clause", () => {
    expect(rolesOf("Ilka Varro, senior fellow at the Baltic Policy Institute in Riga, said the vote was close.")).toContain("Ilka Varro | senior fellow | Baltic Policy Institute");
  });

  it("POST_AFTER_NAME: 'who is also', 'was appointed the' and 'serves as' lead to the post", () => {
    expect(rolesOf("Halvard Stenmo, who is also party treasurer, spoke first.")).toContain("Halvard Stenmo | party treasurer | -");
    expect(rolesOf("Ilka Varro was appointed the director of the Baltic Policy Institute last year.")).toContain("Ilka Varro | director | Baltic Policy Institute");
    expect(rolesOf("Teodor Baske serves as chief negotiator for the Baltic Policy Institute.")).toContain("Teodor Baske | chief negotiator | Baltic Policy Institute");
  });

  it("POST_AFTER_NAME: a possessive owner, a state's adjective and a destination after 'to'", () => {
    expect(rolesOf("Piotr Lasko, Chile's ambassador to the United States, said visas would be eased.")).toContain("Piotr Lasko | ambassador to the United States | Chile");
    expect(rolesOf("Ilka Varro, the former Chilean prime minister, said the vote was close.")).toContain("Ilka Varro | former prime minister | Chile");
  });

  it("POST_AFTER_NAME: the post is never read shorter than its last head word when the next person's name follows", () => {
    const lines = rolesOf("The guests were Ilka Varro, executive director Teodor Baske and others.");
    expect(lines.filter((l) => l.startsWith("Ilka Varro"))).toEqual([]);
  });

  it("POST_AFTER_NAME: a relative's post is no post; the post after 'and' is read", () => {
    const lines = rolesOf("Halvard Stenmo, the president's brother and head of the Baltic Policy Institute, was detained.");
    expect(lines).toContain("Halvard Stenmo | head | Baltic Policy Institute");
    expect(lines.some((l) => l.includes("president"))).toBe(false);
  });

  it("POST_AFTER_NAME: a dash in a list's line; a colon only in a list's line", () => {
    expect(rolesOf("1. HALVARD STENMO – deputy minister of health").some((l) => l.includes("deputy minister of health"))).toBe(true);
    expect(rolesOf("Reporters asked Ilka Varro: minister of health, will you resign?").filter((l) => l.startsWith("Ilka Varro"))).toEqual([]);
    expect(rolesOf("Ilka Varro: minister of health").some((l) => l.startsWith("Ilka Varro | minister of health"))).toBe(true);
  });

  it("NAME_TRAILER: a bracket or an age between the name and its apposition", () => {
    expect(rolesOf("Ilka Varro (born 1961), director of the Baltic Policy Institute, was listed.")).toContain("Ilka Varro | director | Baltic Policy Institute");
    expect(rolesOf("Ilka Varro, 54, director of the Baltic Policy Institute, was listed.")).toContain("Ilka Varro | director | Baltic Policy Institute");
  });

  it("LOWER_OF_TAIL: a lower-case 'of' phrase that names no body stays in the post", () => {
    expect(rolesOf("Teodor Baske, the chief of the defence staff, said troops would stay.")).toContain("Teodor Baske | chief of the defence staff | -");
  });

  it("CHAINED_POST + NEXT_POST + GAP_BEFORE_NEXT_POST: each post of 'A (years) and later as B'", () => {
    const lines = rolesOf("Halvard Stenmo served as finance minister (2005-2009) and later as prime minister.");
    expect(lines).toContain("Halvard Stenmo | finance minister | -");
    expect(lines).toContain("Halvard Stenmo | prime minister | -");
  });

  it("POST_OPENING + SUBJECT_AFTER_OPENING: a post opening the sentence with 'As' is its subject's", () => {
    expect(rolesOf("As commander of the Baltic Coastal Brigade, Teodor Baske oversaw the drills.")).toContain("Teodor Baske | commander | Baltic Coastal Brigade");
  });
});

describe("posts before a comma before a name", () => {
  it("CAPITALISED_POST_COMMA: 'the Post, Name' and 'the Post and Post of STATE, Name'", () => {
    expect(rolesOf("The talks were opened by the Secretary of State, Ilka Varro.").some((l) => l.startsWith("Ilka Varro | Secretary of State"))).toBe(true);
    const lines = rolesOf("The guests included the Vice President and First Lady of Chile, Ilka Varro.");
    expect(lines.some((l) => l.startsWith("Ilka Varro | Vice President"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Ilka Varro | First Lady"))).toBe(true);
  });

  it("CAPITALISED_POST_COMMA: no 'the' or possessive before the post, no post ('X, Secretary of State, Y' lists)", () => {
    expect(rolesOf("Halvard Stenmo, Secretary of State, Ilka Varro and others met.").filter((l) => l.startsWith("Ilka Varro"))).toEqual([]);
  });

  it("LOWER_POST_OF_PHRASE_COMMA + OWNER_IN_PHRASE: a body named in the 'of' phrase owns the post, else the phrase is the post's", () => {
    expect(rolesOf("The letter was signed by the head of Chile's Audit Board, Maria Lenz.")).toContain("Maria Lenz | head | Audit Board");
    expect(rolesOf("The letter was signed by the minister of health, Teodor Baske.")).toContain("Teodor Baske | minister of health | -");
  });
});

describe("a minister's header", () => {
  it("HEADER_POSTS: each line after the name's line that is one capitalised post", () => {
    const lines = rolesOf("The Hon Ilka Varro MP\nDeputy Prime Minister\nMinister for Fisheries\n\nThe minister said the quota would rise.");
    expect(lines).toContain("Ilka Varro | Deputy Prime Minister | -");
    expect(lines).toContain("Ilka Varro | Minister for Fisheries | -");
  });

  it("HEADER_POSTS: a name's line with more words after the name has no post lines", () => {
    const lines = rolesOf("Ilka Varro spoke today\nDeputy Prime Minister\n\nThe minister said the quota would rise.");
    expect(lines.filter((l) => l.startsWith("Ilka Varro"))).toEqual([]);
  });
});

describe("a capitalised post in the name's run", () => {
  it("TITLED_NAME: '[State] Post Name', with the state named before the post as owner", () => {
    expect(rolesOf("Chilean Trade Minister Ilka Varro arrived on Monday.")).toContain("Ilka Varro | Trade Minister | Chile");
  });

  it("TITLED_NAME: 'Post and Post Name' gives both posts", () => {
    const lines = rolesOf("Chilean State Councillor and Foreign Minister Teodor Baske arrived.");
    expect(lines.some((l) => l.startsWith("Teodor Baske | State Councillor"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Teodor Baske | Foreign Minister"))).toBe(true);
  });

  it("TITLED_NAME: a bracketed short form, or 'the' and an honorific, between the post and the name", () => {
    expect(rolesOf("The unit is led by Major General (Maj. Gen.) Teodor Baske.").some((l) => l.startsWith("Teodor Baske | Major General"))).toBe(true);
    expect(rolesOf("The bill was tabled by Senator the Hon Ilka Varro on Monday.")).toContain("Ilka Varro | Senator | -");
  });

  it("TITLED_NAME: a post line is not the post of the name on the next line ('Minister for X' / 'The Hon Name')", () => {
    const lines = rolesOf("Minister for Fisheries\n\nThe Hon Ilka Varro MP\nMinister for Forestry\n\nThe minister said the quota would rise.");
    expect(lines).toContain("Ilka Varro | Minister for Forestry | -");
    expect(lines.some((l) => l.startsWith("Ilka Varro | Minister for Fisheries"))).toBe(false);
  });

  it("OF_OWNER_AFTER_NAME: 'President Name of STATE' gives the state", () => {
    expect(rolesOf("The summit was opened by President Teodor Baske of Chile.")).toContain("Teodor Baske | President | Chile");
  });
});

describe("a designation list's line", () => {
  /** Is the line, the last of a short article, a list's line? */
  const listLine = (line: string) => {
    const ts = tokenize(ingestText("t.txt", `Invented headline for the tests\n\nThe council listed the following persons on Monday.\n\n${line}`));
    const from = ts.findIndex((t) => t.block === ts[ts.length - 1].block);
    return isListEntryBlock(ts, from, ts.length);
  };

  it("LIST_ENTRY_LINE: a name, a separator and a post's head word within five words", () => {
    expect(listLine("1. HALVARD STENMO – Deputy Minister of Fisheries")).toBe(true);
    expect(listLine("Ilka Varro (born 1961), head of the coastal guard")).toBe(true);
    expect(listLine("VARRO Ilka: Chief of the General Staff")).toBe(true);
  });

  it("LIST_ENTRY_LINE: a state's name before a dash, or no post after the separator, is no list line", () => {
    expect(listLine("Chile – Ministry of Fisheries")).toBe(false);
    expect(listLine("Ilka Varro – in her own words about the long winter")).toBe(false);
  });
});
