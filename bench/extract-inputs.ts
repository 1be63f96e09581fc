// Articles of any size for the extraction benchmark and the blow-up test: ordinary news-like text
// and pathological text. Invented names only; deterministic.

export const INPUT_KINDS = ["ordinary", "capitalised", "list", "triggers", "quotes", "owners"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

const GIVEN = ["Alda", "Borek", "Cilla", "Dorin", "Elsa", "Fenno", "Gala", "Hanno", "Ilse", "Jory"];
const FAMILY = ["Varn", "Tosk", "Merrow", "Quill", "Rask", "Stolle", "Umber", "Wendt", "Yarro", "Zell"];
const STATES = ["Norway", "Chile", "Peru", "Iceland", "Kenya", "Canada"];
const DEMONYMS = ["Norwegian", "Chilean", "Peruvian", "Icelandic", "Kenyan", "Canadian"];
const CAPS = ["Grand", "Harbour", "Council", "Northern", "Ridge", "Authority", "Office", "Union", "Trade", "Control", "Assets", "Foreign", "National", "Guard", "Staff"];

/** A tiny seeded generator, so every run sees the same text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ordinaryParagraph(pick: <T>(xs: readonly T[]) => T): string {
  const person = `${pick(GIVEN)} ${pick(FAMILY)}`;
  const s1 = pick(STATES), s2 = pick(STATES), d2 = pick(DEMONYMS);
  return [
    `${s1} on Monday imposed sanctions on three ${d2} shipping firms over illegal fishing near the coast.`,
    `Foreign Minister ${person} said the measures would stay in place "until the fleet leaves our waters", adding that talks with ${s2} would continue.`,
    `"We have no choice," ${person.split(" ")[1]} told reporters in the capital. The ${d2} embassy did not respond to a request for comment.`,
  ].join(" ");
}

/** About `bytes` characters of text of the given kind, headline first. */
export function makeInput(kind: InputKind, bytes: number, seed = 1): string {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const parts: string[] = ["Invented headline about regional trade measures", ""];
  let size = parts.join("\n").length;
  const push = (s: string, sep: string) => {
    parts.push(s);
    size += s.length + sep.length;
  };
  switch (kind) {
    case "ordinary":
      while (size < bytes) push(ordinaryParagraph(pick), "\n\n");
      return parts.slice(0, 2).join("\n") + "\n" + parts.slice(2).join("\n\n") + "\n";
    case "capitalised": {
      // one endless sentence of capitalised words, no full stop
      const words: string[] = [];
      let n = 0;
      while (size + n < bytes) {
        const w = pick(CAPS);
        words.push(w);
        n += w.length + 1;
      }
      return `${parts[0]}\n\n${words.join(" ")}\n`;
    }
    case "list":
      // a designation list: one person and post per line
      while (size < bytes) push(`${pick(GIVEN)} ${pick(FAMILY)} – Deputy Head of the ${pick(CAPS)} ${pick(CAPS)} of ${pick(STATES)}`, "\n");
      return `${parts[0]}\n\n${pick(STATES)} imposed sanctions on the following persons:\n${parts.slice(2).join("\n")}\n`;
    case "triggers": {
      // sanctions trigger phrases over and over, in one sentence
      const phrases = ["imposed sanctions on", "sanctions against", "were sanctioned by", "designated", "added to its sanctions list", "asset freeze and travel ban on", `${pick(STATES)}'s sanctions on`];
      const words: string[] = [];
      let n = 0;
      while (size + n < bytes) {
        const w = `${pick(phrases)} ${pick(DEMONYMS)} officials and`;
        words.push(w);
        n += w.length + 1;
      }
      return `${parts[0]}\n\n${pick(STATES)} ${words.join(" ")} banks.\n`;
    }
    case "quotes":
      // quotation marks opened and never closed, and speakers everywhere
      while (size < bytes) push(`${pick(GIVEN)} ${pick(FAMILY)} said “the measures will ${pick(["stay", "go", "grow"])} and ${pick(STATES)} told "reporters that`, " ");
      return `${parts[0]}\n\n${parts.slice(2).join(" ")}\n`;
    case "owners":
      // posts whose owner is "the state or body named last" ("the country's", "the bloc's", "his
      // counterpart"), paragraph after paragraph: each look-up back must not walk the whole article
      while (size < bytes) {
        const [a, b] = [`${pick(GIVEN)} ${pick(FAMILY)}`, `${pick(GIVEN)} ${pick(FAMILY)}`];
        push(`${pick(STATES)} and the ${pick(CAPS)} Union signed a pact. The country's foreign minister, ${a}, said the bloc's chief envoy ${b} agreed, and his ${pick(DEMONYMS)} counterpart ${pick(GIVEN)} ${pick(FAMILY)} and a foreign ministry spokesman ${pick(GIVEN)} ${pick(FAMILY)} did too.`, "\n\n");
      }
      return `${parts[0]}\n\n${parts.slice(2).join("\n\n")}\n`;
  }
}
