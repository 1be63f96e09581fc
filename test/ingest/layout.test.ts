import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { parseDateline } from "../../src/ingest/dateline.ts";
import { furnitureOf } from "../../src/ingest/boilerplate.ts";
import type { Document } from "../../src/model.ts";

const blocks = (doc: Document) => doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)]);

describe("page furniture", () => {
  it.each([
    "Share this article",
    "Icon FacebookIcon TwitterIcon Print",
    "You have {{articlesLeft}} free stories left",
    "Advertisement",
    "Read more: Ministers clash over tariffs",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Sponsored Content",
    "Accessibility links",
    "· 6 min read",
    "• 4x3 Image",
    "Try 2 months for $1",
    "Skip to main content",
  ])("%s is furniture", (line) => expect(furnitureOf(line)).not.toBeNull());

  it.each(["Two ministers met on Monday.", "Trade talks collapse in Valdoria", "Ana Ruiz"])("%s is content", (line) => expect(furnitureOf(line)).toBeNull());
});

const PAGE = [
  "Skip to main content",
  "Icon FacebookIcon TwitterIcon Mail",
  "World",
  "Valdoria and Ruritania agree to cut tariffs",
  "Ministers hope to end a two-year trade dispute",
  "Ruritanian Trade Minister Ana Ruiz (left) greets her Valdorian counterpart in Port Elm. PHOTO: AFP",
  "By Tomas Berg",
  "Published 4 May 2022",
  "PORT ELM, May 3 (AFP) - Valdoria and Ruritania agreed on Tuesday to cut tariffs on grain.",
  "Advertisement",
  "“This is a good day,” Ruiz told reporters.",
  "Sign up for our Morning Brief newsletter",
  "Morning Brief is written by Karin Holm, who reads the news so you do not have to.",
  "Sign up here",
  "The deal still needs the approval of both parliaments.",
  "What comes next",
  "Officials said a vote could come in June. AFP TB KH",
  "Reporting by Tomas Berg; Editing by Lena Voss",
  "Share it",
  "Related articles",
  "You have {{count}} free articles left this month",
  "  • Unlimited access on all devices",
  "Subscribe now",
].join("\n\n");

describe("a news page", () => {
  const doc = ingestText("page.txt", PAGE);

  it("keeps headline, subheadline, caption, byline, dateline, body, aside and credits; drops furniture", () => {
    expect(blocks(doc)).toEqual([
      ["headline", "Valdoria and Ruritania agree to cut tariffs"],
      ["subheadline", "Ministers hope to end a two-year trade dispute"],
      ["caption", "Ruritanian Trade Minister Ana Ruiz (left) greets her Valdorian counterpart in Port Elm. PHOTO: AFP"],
      ["byline", "By Tomas Berg"],
      ["dateline", "PORT ELM, May 3 (AFP)"],
      ["body", "Valdoria and Ruritania agreed on Tuesday to cut tariffs on grain."],
      ["body", "“This is a good day,” Ruiz told reporters."],
      ["aside", "Morning Brief is written by Karin Holm, who reads the news so you do not have to."],
      ["body", "The deal still needs the approval of both parliaments."],
      ["subheadline", "What comes next"],
      ["body", "Officials said a vote could come in June."],
      ["byline", "Reporting by Tomas Berg; Editing by Lena Voss"],
    ]);
  });

  it("reads title, dateline place, publication date and publisher", () => {
    expect(doc.title).toBe("Valdoria and Ruritania agree to cut tariffs");
    expect(doc.dateline?.place).toBe("Port Elm");
    expect(doc.text.slice(doc.dateline!.span.start, doc.dateline!.span.end)).toBe("PORT ELM, May 3 (AFP)");
    expect(doc.published).toBe("2022-05-04");
    expect(doc.publisher).toBe("Agence France-Presse");
  });

  it("gives every block sentences that lie inside it", () => {
    for (const s of doc.sentences) expect(doc.blocks.some((b) => b.start <= s.start && s.end <= b.end)).toBe(true);
    for (const b of doc.blocks) expect(doc.sentences.some((s) => b.start <= s.start && s.end <= b.end)).toBe(true);
    expect(doc.sentences.map((s) => doc.text.slice(s.start, s.end))).toContain("“This is a good day,” Ruiz told reporters.");
  });
});

describe("datelines", () => {
  const parse = (s: string) => {
    const d = parseDateline(s, 0, s.length);
    return d && { dateline: s.slice(d.span.start, d.span.end), body: s.slice(d.bodyStart, d.bodyStart + 5), place: d.place, date: d.dateText, credit: d.credit };
  };
  it.each([
    ["LISBON, Mar 23 (PTI) Portugal said", { dateline: "LISBON, Mar 23 (PTI)", body: "Portu", place: "Lisbon", date: "Mar 23", credit: "PTI" }],
    ["Lisbon, Mar 23 (PTI) Portugal said", { dateline: "Lisbon, Mar 23 (PTI)", place: "Lisbon", credit: "PTI" }],
    ["OSLO -- Norway said", { dateline: "OSLO", body: "Norwa", place: "Oslo" }],
    ["OSLO (NORDIC DAILY/EUROPE NEWS NETWORK) - Norway said", { dateline: "OSLO (NORDIC DAILY/EUROPE NEWS NETWORK)", credit: "NORDIC DAILY/EUROPE NEWS NETWORK" }],
    ["ROME (Reuters) - Italy said", { dateline: "ROME (Reuters)", credit: "Reuters" }],
    ["LIMA, Peru (AP) — Peru said", { dateline: "LIMA, Peru (AP)", place: "Lima", credit: "AP" }],
    ["SAN JOSE, Mar 23, 2021, XYZ. Costa Rica said", { dateline: "SAN JOSE, Mar 23, 2021, XYZ", place: "San Jose", date: "Mar 23, 2021", credit: "XYZ" }],
    ["NEW DELHI: India said", { dateline: "NEW DELHI", place: "New Delhi" }],
    // a government's press release: the date day first with dots
    ["Lisbon, 28.02.2022 - At its meeting, the Council said", { dateline: "Lisbon, 28.02.2022", body: "At it", place: "Lisbon", date: "28.02.2022" }],
  ])("%s", (text, expected) => expect(parse(text)).toMatchObject(expected));

  it("dates a page by a dotted day-first dateline", () => {
    expect(ingestText("p.txt", "Valdoria adopts sanctions\n\nLisbon, 03.02.2022 - At its meeting on 3 February 2022, the Council decided to adopt the sanctions.\n").published).toBe("2022-02-03");
  });

  it.each(["Portugal and Spain on Tuesday agreed", "Lisbon and Madrid agreed", "EU President Ana Ruiz said", "In Lisbon, officials said"])("%s is no dateline", (text) =>
    expect(parse(text)).toBeNull(),
  );
});

describe("publisher and date from the page itself", () => {
  it("a date without a year stays unknown", () => {
    const doc = ingestText("a.txt", "Talks in Lisbon\n\nLISBON, Mar 23 (PTI) Portugal said so.\n\nIt said more.");
    expect(doc.published).toBeUndefined();
    expect(doc.publisher).toBe("Press Trust of India");
  });

  it("the site's name in its furniture names the publisher when no dateline credits one", () => {
    const doc = ingestText("a.txt", "Talks in Lisbon\n\nPortugal said so on Monday.\n\nIt said more on Tuesday.\n\nSubscribe to read The Straits Times\n\nYour free trial of The Straits Times has ended");
    expect(doc.publisher).toBe("The Straits Times");
  });

  it("a bare date line and an updated line: the published date wins", () => {
    const doc = ingestText("a.txt", "Talks in Lisbon\n\nUpdated: June 2, 2023 10:00 GMT\n\nJune 1, 2023\n\nPortugal said so on Monday.");
    expect(doc.published).toBe("2023-06-01");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["headline", "body"]);
  });
});

describe("paragraphs", () => {
  it("joins the lines of text hard-wrapped at a fixed width, and keeps short last lines as paragraph ends", () => {
    const wrapped = [
      "Ministers agree on grain deal",
      "",
      "PORT ELM, May 3 (AFP) - Valdoria and Ruritania agreed on Tuesday to cut",
      "tariffs on grain, ending a dispute that had lasted for more than two",
      "years. Trade Minister Ana Ruiz said the deal would be signed in June by",
      "President Olaf Berg.",
      "",
      "Farmers in both countries welcomed the agreement, which had been in the",
      "works since the spring. Exporters said prices could fall quickly once",
      "the new rules apply.",
    ].join("\n");
    const doc = ingestText("w.txt", wrapped);
    expect(doc.blocks.map((b) => b.kind)).toEqual(["headline", "dateline", "body", "body"]);
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end).replace(/\n/g, " "));
    expect(sentences).toContain("Trade Minister Ana Ruiz said the deal would be signed in June by President Olaf Berg.");
  });
});

describe("the story starts at its dateline", () => {
  it("a plain paragraph between headline and dateline is not body", () => {
    const doc = ingestText("s.txt", "Grain deal signed\n\nThe deal ends a two-year dispute.\n\nPORT ELM, May 3 (AFP) - Valdoria signed the deal on Tuesday.\n\nRuritania signed too.");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["headline", "subheadline", "dateline", "body", "body"]);
  });
});

describe("date lines", () => {
  it.each([
    ["Published: 6:00pm, 3 Jun, 2023", "2023-06-03"],
    ["Jun 3, 2023 · 4 min read", "2023-06-03"],
    ["2023-06-03", "2023-06-03"],
    ["First Published: June 3, 2023, 10:00 IST", "2023-06-03"],
    ["Sat 3 Jun 2023 12.01 BST", "2023-06-03"],
  ])("%s gives the publication date and is not a block", (line, iso) => {
    const doc = ingestText("d.txt", `Grain deal signed\n\n${line}\n\nValdoria signed the deal on Tuesday.`);
    expect(doc.published).toBe(iso);
    expect(doc.blocks.map((b) => b.kind)).toEqual(["headline", "body"]);
  });

  it("a body sentence that starts like a stamp is still body", () => {
    const doc = ingestText("d.txt", "Grain deal signed\n\nValdoria signed the deal on Tuesday.\n\nPosted to the border in 2021, the troops never left, officials in the capital said on Monday.");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["headline", "body", "body"]);
  });
});

describe("bylines", () => {
  it("a name line under the headline is a byline; a title-case heading is not", () => {
    const doc = ingestText("b.txt", "Grain deal signed\n\nMarta Kovac\n\nCapital Denies Claims\n\nValdoria signed the deal on Tuesday, officials said.");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["headline", "byline", "subheadline", "body"]);
  });
});

describe("newsletter blurbs", () => {
  it("paragraphs after a newsletter prompt are body when no call to action closes them", () => {
    const paras = ["Grain deal signed", "Valdoria signed the deal on Tuesday.", "Sign up for our Farm Weekly newsletter"];
    for (let i = 1; i <= 6; i++) paras.push(`Officials gave detail number ${i} on Tuesday.`);
    const doc = ingestText("n.txt", paras.join("\n\n"));
    expect(doc.blocks.filter((b) => b.kind === "aside")).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.kind === "body")).toHaveLength(7);
  });
});

describe("a page whose headline is very short, or that has none", () => {
  it("keeps a two-word headline when story text follows it, and never makes story text a headline", () => {
    const text = "Lima responds\n\nPeru on Friday barred six foreign officials from entering the country over the mining dispute, the ministry said. The decision takes effect at once.\n";
    const doc = ingestText("short.txt", text, "");
    expect(doc.blocks.map((b) => [b.kind, text.slice(b.start, b.end).slice(0, 13)])).toEqual([
      ["headline", "Lima responds"],
      ["body", "Peru on Frida"],
    ]);
    const noHeadline = "Peru on Friday barred six foreign officials from entering the country over the mining dispute, the ministry said.\n\nThe decision takes effect at once.\n";
    const doc2 = ingestText("none.txt", noHeadline, "");
    expect(doc2.blocks.map((b) => b.kind)).toEqual(["body", "body"]);
    expect(doc2.title).toBeUndefined();
  });
});
