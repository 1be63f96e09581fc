// The role pass's token patterns (src/extract/role-patterns.ts), each on invented sentences:
// what the pattern reads, and a near miss it must not read.
import { describe, expect, it } from "vitest";
import { singularPost } from "../../src/extract/role-patterns.ts";
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
