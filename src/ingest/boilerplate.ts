// Page furniture: lines of a scraped page that are not the article (data/lexicons/boilerplate.txt
// plus a few shape rules the lexicon cannot express).
import { readLexicon } from "./lexicon.ts";

/** end: furniture, and the article is over. drop: furniture. promo: a newsletter prompt. */
export type Furniture = "end" | "drop" | "promo";

const lexicon = readLexicon("boilerplate.txt");
const compile = (section: string): RegExp => {
  const globs = lexicon.get(section) ?? [];
  const alternatives = globs.map((g) => normaliseSpacing(g).split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*"));
  return new RegExp(`^(?:${alternatives.join("|") || "(?!)"})$`);
};
const END = compile("end");
const DROP = compile("drop");
const PROMO = compile("promo");
const KICKER = compile("kicker");

/** Words of share bars and icon sprites ("Icon FacebookIcon Twitter"). */
const UI_WORDS = new Set(
  ("icon icons arrow artboard created with sketch title chevron facebook twitter linkedin linked in whatsapp telegram reddit " +
    "pinterest mail email e-mail contact path layer positive negative print share copy link close menu search " +
    "instagram youtube tiktok flipboard messenger line wechat weibo vk rss feed button logo svg group rectangle " +
    "combined shape oval fill stroke icon-").split(" "),
);

function normaliseSpacing(s: string): string {
  return s.toLowerCase().replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"').replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/** Lower-case, straight quotes, collapsed spaces, no leading bullets or trailing punctuation. */
export function normaliseLine(line: string): string {
  return normaliseSpacing(line)
    .replace(/^[\s•·▪●◦‣∙*>|–—-]+/, "")
    .replace(/[\s.!:;,…|»›>-]+$/, "")
    .trim();
}

/** How a line counts as page furniture, or null when it may be content. */
export function furnitureOf(line: string): Furniture | null {
  const norm = normaliseLine(line);
  if (!norm || !/\p{L}/u.test(norm)) return "drop";
  if (line.includes("{{")) return END.test(norm) ? "end" : "drop";
  if (END.test(norm)) return "end";
  if (DROP.test(norm)) return "drop";
  if (PROMO.test(norm)) return "promo";
  if (/^\d+\s*[x×:]\s*\d+\s+(?:image|photo|picture|video)s?$/.test(norm)) return "drop";
  if (/^(?:https?:\/\/|www\.)\S+$/.test(norm)) return "drop";
  if (isIconStrip(line)) return "drop";
  return null;
}

/** A section label shown above a headline ("World", "International relations"). */
export const isKicker = (line: string): boolean => KICKER.test(normaliseLine(line));

/** Words glued by a scraper from icon sprites: mostly UI words once camel case is split. */
function isIconStrip(line: string): boolean {
  const words = line.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z-]+/).filter(Boolean);
  if (words.length < 3) return false;
  let ui = 0;
  for (const w of words) if (UI_WORDS.has(w)) ui++;
  return ui / words.length >= 0.6;
}
