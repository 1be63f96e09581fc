// Paragraphs → blocks: finds the headline, subheadlines, bylines, captions, the dateline and the
// body, and leaves page furniture out. Also collects what the page says about itself
// (publication date, publisher) from the lines it leaves out.
import type { Block, BlockKind } from "../model.ts";
import { furnitureOf, isKicker } from "./boilerplate.ts";
import { deskCodesStart, hasPhotoCredit, isByline, isCredit, isPictureDescription, isDeskCodeLine, isHeading, wordCount } from "./cues.ts";
import { parseDateline, type Dateline } from "./dateline.ts";
import { copyrightHolder, dateStamp, isoDate, outletsNamed, publisherFromCredit } from "./metadata.ts";
import { paragraphs } from "./paragraphs.ts";

export interface Layout {
  blocks: Block[];
  title?: string;
  dateline?: Dateline;
  published?: string;
  publisher?: string;
}

/** How many blurb paragraphs after a newsletter prompt are kept as asides at most. */
const MAX_ASIDE = 4;
/** Body paragraphs needed before an end marker ("Share it", a paywall) can close the story. */
const MIN_BODY_BEFORE_END = 2;

type Phase = "before-headline" | "head" | "body" | "after-end";

export function layOut(text: string): Layout {
  const paras = paragraphs(text);
  const blocks: Block[] = [];
  const out: Layout = { blocks };
  const stamps: { updated: boolean; date?: string }[] = [];
  const furnitureOutlets: string[] = [];
  let copyright: string | undefined;
  let phase: Phase = "before-headline";
  let bodyCount = 0;
  let asideLeft = 0;
  let previousKept = "";

  const push = (kind: BlockKind, start: number, end: number) => {
    blocks.push({ kind, start, end });
    previousKept = text.slice(start, end);
  };
  const noteFurniture = (line: string) => {
    furnitureOutlets.push(...outletsNamed(line));
    copyright ??= /©|\(c\)|copyright/i.test(line) ? copyrightHolder(line) : undefined;
  };

  for (let i = 0; i < paras.length; i++) {
    const { start } = paras[i];
    let { end } = paras[i];
    const line = text.slice(start, end);

    if (phase === "after-end") {
      if (isCredit(line)) push("byline", start, end);
      else noteFurniture(line);
      continue;
    }
    const furniture = furnitureOf(line);
    if (furniture) {
      noteFurniture(line);
      if (furniture === "end" && bodyCount >= MIN_BODY_BEFORE_END) phase = "after-end";
      asideLeft = furniture === "promo" ? MAX_ASIDE : 0;
      continue;
    }
    const stamp = dateStamp(line);
    if (stamp) {
      stamps.push(stamp);
      continue;
    }
    if (isDeskCodeLine(line) && phase === "body") continue;
    if (line === previousKept) continue; // scraped twice (image alt text + caption)
    if (isCredit(line)) {
      push("byline", start, end);
      if (bodyCount >= MIN_BODY_BEFORE_END) phase = "after-end";
      continue;
    }
    if (asideLeft > 0) {
      asideLeft--;
      push("aside", start, end);
      continue;
    }

    if (phase === "before-headline") {
      // A short section label ("International relations") above the real headline.
      const next = paras[i + 1] ? text.slice(paras[i + 1].start, paras[i + 1].end) : "";
      if (isKicker(line) || (wordCount(line) < 3 && next && !furnitureOf(next) && wordCount(next) > wordCount(line) && isHeading(next))) continue;
      push("headline", start, end);
      out.title = line;
      phase = "head";
      continue;
    }
    if (phase === "head") {
      const dateline = isPictureDescription(line) ? null : parseDateline(text, start, end);
      if (!dateline && (isPictureDescription(line) || hasPhotoCredit(line))) push("caption", start, end);
      else if (!dateline && isByline(line)) push("byline", start, end);
      else if (!dateline && isHeading(line) && wordCount(line) >= 3) push("subheadline", start, end);
      else {
        phase = "body";
        if (dateline) {
          out.dateline = dateline;
          push("dateline", dateline.span.start, dateline.span.end);
          bodyCount++;
          push("body", dateline.bodyStart, trimDeskCodes(text, dateline.bodyStart, end));
        } else {
          bodyCount++;
          push("body", start, trimDeskCodes(text, start, end));
        }
      }
      continue;
    }
    // body
    end = trimDeskCodes(text, start, end);
    const content = text.slice(start, end);
    if (hasPhotoCredit(content)) push("caption", start, end);
    else if (isHeading(content, 12) && !/["“”]/.test(content)) push("subheadline", start, end);
    else {
      bodyCount++;
      push("body", start, end);
    }
  }

  out.published = stamps.find((s) => s.date && !s.updated)?.date ?? stamps.find((s) => s.date)?.date ?? (out.dateline?.dateText ? isoDate(out.dateline.dateText) : undefined);
  out.publisher = (out.dateline?.credit && publisherFromCredit(out.dateline.credit)) || copyright || mostFrequent(furnitureOutlets);
  return out;
}

function trimDeskCodes(text: string, start: number, end: number): number {
  const at = deskCodesStart(text.slice(start, end));
  return at === null ? end : start + at;
}

/** The most frequent value; ties go to the one seen first. */
function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
