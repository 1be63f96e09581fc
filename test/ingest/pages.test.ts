// Hand-written pages (fictional countries and people) in the page layouts of common news sites:
// the furniture of each must go, the story's parts must keep their kinds.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";

const page = (name: string) => {
  const doc = ingestText(name, readFileSync(new URL(`../fixtures/ingest/pages/${name}`, import.meta.url), "utf8"));
  const kinds = doc.blocks.map((b) => `${b.kind}: ${doc.text.slice(b.start, b.end)}`);
  return { doc, kinds };
};

describe("news site layouts", () => {
  it("BBC style: navigation, relative times, image source and related links go; caption and two bylines stay", () => {
    const { doc, kinds } = page("bbc.txt");
    expect(doc.title).toBe("Valdoria election: Opposition claims victory in tight race");
    expect(kinds).toEqual([
      "headline: Valdoria election: Opposition claims victory in tight race",
      "caption: Image caption, Opposition leader Marta Kovac addressed supporters in Port Elm on Sunday",
      "byline: By Peter Lund",
      "byline: BBC News, Port Elm",
      "body: Valdoria's opposition has claimed victory in Sunday's parliamentary election, with results from most districts counted.",
      'body: "The people have spoken," Ms Kovac told cheering supporters.',
      "body: The governing party has not yet conceded.",
    ]);
    expect(doc.publisher).toBe("BBC");
  });

  it("Reuters style: reading time, licensing and trust principles go; numbered caption and credits stay", () => {
    const { doc, kinds } = page("reuters.txt");
    expect(kinds[0]).toBe("headline: Valdoria imposes sanctions on Ruritanian officials");
    expect(kinds).toContain("caption: [1/3] Valdorian Foreign Minister Jan Holm speaks during a news conference in Port Elm, Valdoria, March 2, 2022. REUTERS/Karl Sand");
    expect(kinds).toContain("dateline: PORT ELM, March 2 (Reuters)");
    expect(kinds[kinds.length - 1]).toBe("byline: Reporting by Anna Berg; Editing by Tom Fisk");
    expect(kinds.join("\n")).not.toMatch(/Register now|Standards|Licensing|minute read/);
    expect(doc.publisher).toBe("Reuters");
    expect(doc.dateline?.place).toBe("Port Elm");
  });

  it("AP style: share bar, separators and the coverage link go; the contributor line stays", () => {
    const { doc, kinds } = page("ap.txt");
    expect(kinds).toEqual([
      "headline: Valdoria, Ruritania agree to reopen border crossing",
      "byline: By ELIN DAHL",
      "dateline: PORT ELM, Valdoria (AP)",
      "body: Valdoria and Ruritania agreed Saturday to reopen their main border crossing, officials said.",
      "body: Interior Minister Sven Moe said the crossing would open on Monday.",
      'body: "It is a first step," Moe said.',
      "byline: Associated Press writer Ola Berg in Ruritania contributed to this report.",
    ]);
    expect(doc.published).toBe("2022-03-05");
    expect(doc.publisher).toBe("Associated Press");
  });

  it("Guardian style: age warning, newsletter promotion and topic tags go; 'Name in Place' is a byline", () => {
    const { doc, kinds } = page("guardian.txt");
    expect(kinds.slice(0, 4)).toEqual([
      "headline: Valdoria and Ruritania trade barbs at UN",
      "subheadline: Foreign ministers clash over border as diplomats call for calm",
      "byline: Lena Strand in Geneva",
      "caption: Valdoria's foreign minister, Jan Holm, at the UN in Geneva. Photograph: Fabrice Coffrini/AFP/Getty Images",
    ]);
    expect(kinds.join("\n")).not.toMatch(/newsletter|Privacy|Explore|Reuse|Most viewed|more than 2 years/);
    expect(kinds).toHaveLength(6);
    expect(doc.published).toBe("2022-03-05");
  });

  it("Al Jazeera style: a standfirst with a full stop is a subheadline; the source line names the publisher", () => {
    const { doc, kinds } = page("aljazeera.txt");
    expect(kinds[1]).toBe("subheadline: Foreign ministry says troops crossed the frontier twice this week.");
    expect(kinds.filter((k) => k.startsWith("body"))).toHaveLength(2);
    expect(doc.publisher).toBe("Al Jazeera");
    expect(doc.published).toBe("2022-03-05");
  });

  it("TASS style dateline with the agency between slashes", () => {
    const { doc, kinds } = page("tass.txt");
    expect(kinds[1]).toBe("dateline: MOSCOW, March 5. /TASS/.");
    expect(doc.publisher).toBe("TASS");
  });

  it("CNN style: a dateline alone on its line credits the outlet and names no place", () => {
    const { doc, kinds } = page("cnn.txt");
    expect(kinds).toContain("dateline: CNN");
    expect(doc.dateline?.place).toBeUndefined();
    expect(doc.publisher).toBe("CNN");
    expect(doc.published).toBe("2022-03-05");
  });
});
