// Posts as real pages write them: designation lists, ranks, posts with capitalised tails and
// copulas ("X is the Commander of ..."). Invented names and bodies throughout.
import { describe, expect, it } from "vitest";
import { annotateText, kindOf, roleLines } from "./annotate-helpers.ts";

describe("ranks", () => {
  it("keeps a rank as written, full or abbreviated, and bridges a bracketed short form", () => {
    const a = annotateText("The three officers are Major General (Maj. Gen.) Oren Talbek Vassi, Lieutenant General (Lt. Gen.) Piet Moran Ackle, and Maj. Gen. Ruud Castel Wenn.");
    const lines = roleLines(a);
    expect(lines).toContain("Oren Talbek Vassi | Major General | -");
    expect(lines).toContain("Piet Moran Ackle | Lieutenant General | -");
    expect(lines).toContain("Ruud Castel Wenn | Maj. Gen. | -");
    // the next person's rank is not an apposition of the one before
    expect(lines.filter((l) => l.startsWith("Oren Talbek Vassi"))).toEqual(["Oren Talbek Vassi | Major General | -"]);
  });

  it("reads one rank once, however often it is written", () => {
    const a = annotateText("Major General (Maj. Gen.) Oren Talbek Vassi led the unit. Maj. Gen. Vassi later left.");
    expect(roleLines(a).filter((l) => l.startsWith("Oren Talbek Vassi"))).toEqual(["Oren Talbek Vassi | Major General | -"]);
  });

  it("keeps a modifier before an abbreviated rank ('retired Brig. Gen. X')", () => {
    const a = annotateText("The list names retired Brig. Gen. Hallo Temba and Col. Mirek Dusa.");
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Hallo Temba | retired Brig. Gen. | -", "Mirek Dusa | Col. | -"]));
  });

  it("splits a capitalised post followed by a rank into both ('Defence Minister Colonel X')", () => {
    const a = annotateText("The Treasury designated Malian Defense Minister Colonel Sadio Kamar, Air Force Chief of Staff Colonel Alou Bai Diarro, and Deputy Chief of Staff Lieutenant Colonel Adam Bagayo.");
    const lines = roleLines(a);
    expect(lines).toEqual(expect.arrayContaining([
      "Sadio Kamar | Defense Minister | Mali", "Sadio Kamar | Colonel | -",
      "Alou Bai Diarro | Chief of Staff | Air Force", "Alou Bai Diarro | Colonel | -",
      "Adam Bagayo | Deputy Chief of Staff | -", "Adam Bagayo | Lieutenant Colonel | -",
    ]));
  });

  it("does not split 'Secretary General' into a post and a rank", () => {
    const a = annotateText("OAS Secretary General Gustavo Arrend said the vote mattered.");
    expect(roleLines(a).some((l) => l.includes("| General |"))).toBe(false);
  });
});

describe("posts with capitalised tails", () => {
  it("makes the body of 'Head of the X Service' an organisation and the whole phrase the post", () => {
    const a = annotateText("Head of the Border Security Service Ivan Petrenko and the Chair of the Joint Audit Committee Mara Allessan were named.");
    const lines = roleLines(a);
    expect(lines).toContain("Ivan Petrenko | Head of the Border Security Service | Border Security Service");
    expect(lines).toContain("Mara Allessan | Chair of the Joint Audit Committee | Joint Audit Committee");
    expect(kindOf(a, "Joint Audit Committee")).toBe("organisation");
    expect(a.entities.some((e) => e.kind === "person" && /Committee|Service/.test(e.name))).toBe(false);
  });

  it("never takes the last word of a post for a person ('Chief of the Defence Staff X')", () => {
    const a = annotateText("Among those listed are the Chief of the Defence Staff Alan Rudkin and the Chair of Kestrel Systems plc Cora Hagg.");
    const lines = roleLines(a);
    expect(lines).toContain("Alan Rudkin | Chief of the Defence Staff | -");
    expect(lines).toContain("Cora Hagg | Chair of Kestrel Systems plc | Kestrel Systems plc");
    expect(a.entities.some((e) => e.kind === "person" && /Staff/.test(e.name))).toBe(false);
  });

  it("keeps a portfolio after 'of' in the post, not in the name ('Secretary of Defense X')", () => {
    const a = annotateText("Secretary of State Ann Blake and Secretary of Defense Lloyd Auster met. The Minister of Energy Security spoke.");
    const lines = roleLines(a);
    expect(lines.some((l) => l.startsWith("Lloyd Auster | Secretary of Defense"))).toBe(true);
    expect(a.entities.some((e) => e.name === "Energy Security" || e.name === "Security")).toBe(false);
  });

  it("reads a post with the body's acronym in brackets before the name", () => {
    const a = annotateText("The State Department designated former Director of the Office for Security and Intelligence (OSI) Sasho Milkov.");
    expect(roleLines(a)).toContain("Sasho Milkov | former Director of the Office for Security and Intelligence | Office for Security and Intelligence");
  });
});

describe("designation lists and copulas", () => {
  it("reads 'NAME, Post' list lines with the body before the post as owner", () => {
    const a = annotateText("The Electoral Board (EB) of Ruritania arranged the vote.\n\n• Natalia Burova, EB Secretary, one of its senior officials.\n\n• Maj. Gen. Dorn Kessel, EB Chief of General Staff, was named too.");
    const lines = roleLines(a);
    expect(lines).toContain("Natalia Burova | Secretary | Electoral Board");
    expect(lines).toContain("Dorn Kessel | Chief of General Staff | Electoral Board");
  });

  it("reads 'X is the Commander of the Y' and 'X, as commander of the Y,'", () => {
    const a = annotateText("Gen. Tom Vassi is the Commander of the Presidential Guard Unit which led the attack. Maj. Gen. Ruud Wenn, as commander of the Northern Third Division, led an offensive.");
    const lines = roleLines(a);
    expect(lines).toContain("Tom Vassi | Commander of the Presidential Guard Unit | Presidential Guard Unit");
    expect(lines).toContain("Ruud Wenn | commander | Northern Third Division");
  });

  it("reads a post that opens the sentence with 'As' as its subject's", () => {
    const a = annotateText("As commander of the Northern Sector One that operates mainly in the hills, Lt. Gen. Piet Ackle has widened the conflict.");
    expect(roleLines(a)).toContain("Piet Ackle | commander | Northern Sector One");
  });

  it("reads 'was appointed the ...' and 'is the current ...' with the body after 'of'", () => {
    const a = annotateText("Jorge Ramon Tellez Ortuno was appointed the Moldovan Minister of Popular Power for Foreign Affairs in August 2017. From 2010 to 2011, Tellez was the Vice Minister of Scientific and Technological Development of the Ministry of Popular Power for Science. Bola Ade Tunde is the current Chairperson of ECOWAS.");
    const lines = roleLines(a);
    expect(lines).toContain("Jorge Ramon Tellez Ortuno | Minister of Popular Power for Foreign Affairs | Moldova");
    expect(lines).toContain("Jorge Ramon Tellez Ortuno | Vice Minister of Scientific and Technological Development | Ministry of Popular Power for Science");
    expect(lines).toContain("Bola Ade Tunde | Chairperson of ECOWAS | Economic Community of West African States");
  });

  it("takes a state's adjective inside an apposition as the owner, not as part of the post", () => {
    const a = annotateText("Dmitri Mevedko, the former Russian prime minister, spoke. Vladislav Putrin, the Russian president, announced it.");
    const lines = roleLines(a);
    expect(lines).toContain("Dmitri Mevedko | former prime minister | Russia");
    expect(lines).toContain("Vladislav Putrin | president | Russia");
  });

  it("reads one post once when a later sentence repeats it in lower case", () => {
    const a = annotateText("The State Department designated former Prime Minister of Moldova Nikola Gruvic. In his official capacity as prime minister, Gruvic took bribes.");
    expect(roleLines(a).filter((l) => l.startsWith("Nikola Gruvic"))).toEqual(["Nikola Gruvic | former Prime Minister of Moldova | Moldova"]);
  });
});

describe("list lines whose post names a body without a head word", () => {
  it("reads 'Name SURNAME, Head of the CITY division of the lower-case body' without failing", () => {
    const a = annotateText("The list:\n- Tomas VELKAR, Head of the Ostrava division of the river police\n- Ana MIRSK, Deputy Head of the Lund branch of the harbour guard");
    const lines = roleLines(a);
    expect(lines.some((l) => l.startsWith("Tomas VELKAR") || l.startsWith("Tomas Velkar"))).toBe(true);
  });
});
