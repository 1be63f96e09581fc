// Page furniture: lines of a scraped page that are not the article (data/lexicons/boilerplate.txt
// plus a few shape rules the lexicon cannot express).
import { GlobSet } from "./glob.ts";
import { readLexicon } from "./lexicon.ts";

/** end: furniture, and the article is over. drop: furniture. promo: a newsletter prompt. */
export type Furniture = "end" | "drop" | "promo";

const lexicon = readLexicon("boilerplate.txt");
const compile = (section: string): GlobSet => new GlobSet((lexicon.get(section) ?? []).map(normaliseSpacing));
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
  let out = s.toLowerCase();
  if (/[\u2018\u2019\u201b\u2032\u201c\u201d\u201e\u2033]/.test(out)) out = out.replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"');
  if (/\s\s|[^\S ]|\u200b/.test(out)) out = out.replace(/[\s\u200b]+/g, " ");
  return out.trim();
}

const LEADING = new Set([..." •·▪●◦‣∙*>|–—-(["]);
const TRAILING = new Set([..." .!:;,…|»›>-)]"]);

/** Lower-case, straight quotes, collapsed spaces, no leading bullets or trailing punctuation. */
export function normaliseLine(line: string): string {
  const s = normaliseSpacing(line);
  let start = 0, end = s.length;
  while (start < end && LEADING.has(s[start])) start++;
  while (end > start && TRAILING.has(s[end - 1])) end--;
  return s.slice(start, end);
}

/** Furniture lines are short; longer paragraphs are content unless they carry a template placeholder. */
const MAX_FURNITURE_LENGTH = 500;

/** How a line counts as page furniture, or null when it may be content. */
export function furnitureOf(line: string): Furniture | null {
  if (line.length > MAX_FURNITURE_LENGTH) return line.includes("{{") ? "drop" : null;
  const norm = normaliseLine(line);
  if (!norm || !/\p{L}/u.test(norm)) return "drop";
  if (line.includes("{{")) return END.matches(norm) ? "end" : "drop";
  if (END.matches(norm)) return "end";
  if (DROP.matches(norm)) return "drop";
  if (PROMO.matches(norm)) return "promo";
  if (/^\d+\s*[x×:]\s*\d+\s+(?:image|photo|picture|video)s?$/.test(norm)) return "drop";
  if (/^(?:\d+|an?|one|two|three|few)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/.test(norm)) return "drop";
  if (/^(?:https?:\/\/|www\.)\S+$/.test(norm) || (norm.length < 200 && /https?:\/\//.test(norm))) return "drop";
  if (isIconStrip(line)) return "drop";
  return null;
}

/** A section label shown above a headline ("World", "International relations"). */
export const isKicker = (line: string): boolean => KICKER.matches(normaliseLine(line));

/** Words glued by a scraper from icon sprites: mostly UI words once camel case is split. */
function isIconStrip(line: string): boolean {
  if (/[.!?"”]$/.test(line)) return false;
  const words = line.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z-]+/).filter(Boolean);
  if (words.length < 3) return false;
  let ui = 0;
  for (const w of words) if (UI_WORDS.has(w)) ui++;
  return ui / words.length >= 0.6;
}
