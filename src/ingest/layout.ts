// Paragraphs → blocks: finds the headline, subheadlines, bylines, captions, the dateline and the
// body, and leaves page furniture out. Also collects what the page says about itself
// (publication date, publisher) from the lines it leaves out.
import type { Block, BlockKind } from "../model.ts";
import { furnitureOf, isKicker } from "./boilerplate.ts";
import { deskCodesStart, hasPhotoCredit, sourceCreditStart, isByline, isCredit, isLabelledByline, staffCreditStart, isPictureDescription, isDeskCodeLine, isHeading, wordCount } from "./cues.ts";
import { parseDateline, type Dateline } from "./dateline.ts";
import { gluedConjunction, gluedPieces } from "./glue.ts";
import { copyrightHolder, outletsNamed, publisherFromCredit } from "./metadata.ts";
import { paragraphs } from "./paragraphs.ts";
import { type CalendarDay, type Stamp, type StampEntry, readStamp } from "./stamps.ts";
import { dayAt, issuedDay, pageDates } from "./published.ts";

export interface Layout {
  blocks: Block[];
  title?: string;
  dateline?: Dateline;
  published?: string;
  /** The day the story's dateline gives: ISO, or "--MM-DD" when it prints no year. */
  datelineDay?: string;
  publisher?: string;
}

/** How many blurb paragraphs after a newsletter prompt are kept as asides at most. */
const MAX_ASIDE = 4;
/** Body paragraphs needed before an end marker ("Share it", a paywall) can close the story. */
const MIN_BODY_BEFORE_END = 2;

type Phase = "before-headline" | "head" | "body" | "after-end";

export function layOut(text: string): Layout {
  const paras = paragraphs(text).flatMap((p) => gluedPieces(text, p.start, p.end) ?? gluedConjunction(text, p.start, p.end) ?? [p]);
  const blocks: Block[] = [];
  const out: Layout = { blocks };
  const stamps: Array<StampEntry & { afterHeadline: boolean }> = [];
  let issued: CalendarDay | undefined;
  let datelineDay: CalendarDay | undefined;
  const furnitureOutlets: string[] = [];
  const bylineOutlets: string[] = [];
  let copyright: string | undefined;
  let phase: Phase = "before-headline";
  let bodyCount = 0;
  /** The blurb after a newsletter prompt; it must end in a call to action (furniture) to stay an aside. */
  let aside: { left: number; blocks: Block[] } | null = null;
  let previousKept = "";

  const push = (kind: BlockKind, start: number, end: number) => {
    blocks.push({ kind, start, end });
    previousKept = text.slice(start, end);
  };
  const noteFurniture = (line: string) => {
    furnitureOutlets.push(...outletsNamed(line));
    copyright ??= /©|\(c\)|copyright/i.test(line) ? copyrightHolder(line) : undefined;
  };

  const paraText = (i: number) => (paras[i] ? text.slice(paras[i].start, paras[i].end) : "");
  const furnitureCache: (ReturnType<typeof furnitureOf> | undefined)[] = [];
  const furnitureAt = (i: number) => (furnitureCache[i] === undefined ? (furnitureCache[i] = furnitureOf(paraText(i))) : furnitureCache[i]);
  /** The next paragraph that is not furniture, from index i on. */
  const nextContent = (i: number): string => {
    for (let j = i; j < paras.length && j < i + 6; j++) if (!furnitureAt(j)) return paraText(j);
    return "";
  };
  const hasLongerLineAhead = (i: number) => {
    for (let j = i + 1; j < paras.length && j < i + 8; j++) if (!furnitureAt(j) && wordCount(paraText(j)) >= 3) return true;
    return false;
  };
  /** Header material: what stands between headline and story (captions, bylines, headings without a full stop). */
  const parseDatelineOf = (line: string) => parseDateline(line, 0, line.length);
  const headMaterial = (line: string) => {
    if (isPictureDescription(line) || isLabelledByline(line)) return true;
    if (parseDatelineOf(line)) return false;
    return hasPhotoCredit(line) || isByline(line) || (isHeading(line) && wordCount(line) >= 3);
  };
  /** A one-sentence summary under the headline, followed by more header material (a date, a byline, a caption). */
  const isStandfirst = (i: number) => {
    const line = paraText(i);
    const next = nextContent(i + 1);
    if (!next || parseDatelineOf(line)) return false;
    const breaks = line.match(/[.!?]["”’]?\s+\p{Lu}/gu)?.length ?? 0;
    // two sentences above a date stamp or a byline still summarise the story ("… Minsk has promised a response.")
    if (breaks === 1 && wordCount(line) <= 45 && (stampOf(next) || isByline(next))) return true;
    if (wordCount(line) > 35 || breaks) return false;
    return Boolean(stampOf(next)) || isByline(next) || isPictureDescription(next) || hasPhotoCredit(next);
  };
  /**
   * A date stamp line. A line that also reads as a dateline is a stamp when labelled ("Published 4
   * May 2022") or when only a stamp follows the would-be dateline ("AGENCY NEWS - Sep 7, 2025 - 19:32").
   */
  // (a line asked about twice, as the next line of a standfirst and then as itself, is read once: chrono is costly)
  const stamps_ = new Map<string, Stamp | null>();
  const stampOf = (line: string): Stamp | null => {
    let known = stamps_.get(line);
    if (known === undefined) stamps_.set(line, (known = readStampLine(line)));
    return known;
  };
  const readStampLine = (line: string): Stamp | null => {
    const stamp = readStamp(line);
    if (!stamp) return null;
    const dateline = parseDatelineOf(line);
    const labelled = stamp.entries.some((e) => e.label !== "bare");
    return !dateline || labelled || (dateline.bodyStart < line.length && readStamp(line.slice(dateline.bodyStart))) ? stamp : null;
  };
  const pushByline = (start: number, end: number) => {
    // "Example Herald Staff": the block is the outlet's name, not a person's
    const staff = staffCreditStart(text.slice(start, end));
    if (staff !== null) end = start + staff;
    push("byline", start, end);
    const outlet = bylineOutlet(text.slice(start, end));
    if (outlet) bylineOutlets.push(outlet);
  };

  for (let i = 0; i < paras.length; i++) {
    const { start } = paras[i];
    let { end } = paras[i];
    const line = text.slice(start, end);

    if (phase === "after-end") {
      if (isCredit(line)) push("byline", start, end);
      else {
        // "Published 15 November 2021" in a footer still dates the page
        for (const e of stampOf(line)?.entries ?? []) if (e.label !== "bare") stamps.push({ ...e, afterHeadline: true });
        noteFurniture(line);
      }
      continue;
    }
    const stamp = stampOf(line);
    if (stamp) {
      for (const e of stamp.entries) stamps.push({ ...e, afterHeadline: phase !== "before-headline" });
      // the byline a stamp line carries ("By Jane Doe | 5 March 2024") stays
      for (const k of stamp.keep) pushByline(start + k.start, start + k.end);
      continue;
    }
    if (!issued && bodyCount < 3) issued = issuedDay(line);
    const furniture = furnitureAt(i);
    if (furniture) {
      noteFurniture(line);
      // the outlets a source line credits are named on the page (a caption's credit, not the story)
      const credited = furniture === "drop" && phase !== "before-headline" ? sourceCreditStart(line) : null;
      if (credited !== null) push("caption", start + credited, end);
      if (furniture === "end" && bodyCount >= MIN_BODY_BEFORE_END) phase = "after-end";
      aside = furniture === "promo" ? { left: MAX_ASIDE, blocks: [] } : null;
      continue;
    }
    if (isDeskCodeLine(line) && phase === "body") continue;
    if (line === previousKept) continue; // scraped twice (image alt text + caption)
    if (isCredit(line)) {
      pushByline(start, end);
      if (bodyCount >= MIN_BODY_BEFORE_END) phase = "after-end";
      continue;
    }
    if (aside && aside.left > 0) {
      aside.left--;
      push("aside", start, end);
      aside.blocks.push(blocks[blocks.length - 1]);
      continue;
    }
    if (aside) {
      // No call to action closed the blurb: the prompt stood in the story, which went on.
      for (const b of aside.blocks) b.kind = "body";
      bodyCount += aside.blocks.length;
      aside = null;
    }

    if (phase === "before-headline") {
      if (!looksLikeStoryText(line)) {
        // Navigation and section labels ("Home", "World", "International relations") above the
        // headline; but a short line followed by story text is itself the headline ("Beijing retaliates").
        if (isKicker(line) || (wordCount(line) < 3 && hasLongerLineAhead(i) && !looksLikeStoryText(nextContent(i + 1)))) continue;
        // a picture above the headline: its caption, or its alt text above the caption ("Jane Doe." / "… Photograph: …")
        if (hasPhotoCredit(line) || (/[.]$/.test(line) && hasPhotoCredit(nextContent(i + 1)))) {
          push("caption", start, end);
          continue;
        }
        push("headline", start, end);
        out.title = line;
        phase = "head";
        continue;
      }
      phase = "body"; // no headline at all: the page starts with its story
    }
    if (phase === "head" && !headMaterial(line)) {
      if (isStandfirst(i)) push("subheadline", start, end);
      else phase = "body";
    } else if (phase === "head") {
      if (isPictureDescription(line) || hasPhotoCredit(line)) push("caption", start, end);
      else if (isByline(line)) pushByline(start, end);
      else push("subheadline", start, end);
      continue;
    }
    if (phase !== "body") continue;
    end = trimDeskCodes(text, start, end);
    const content = text.slice(start, end);
    const dateline = !out.dateline && bodyCount < 2 && !isLabelledByline(content) ? parseDateline(text, start, end) : null;
    const heading = !dateline && !datelineDay && bodyCount < 2 ? dateHeading(text, start, end) : null;
    if (heading) {
      // "1 July 2015 - The Security Council today …": the date heads the story, which starts after it
      datelineDay = heading.day;
      bodyCount++;
      push("body", heading.bodyStart, end);
    } else if (dateline) {
      out.dateline = dateline;
      if (dateline.dateText) datelineDay = dayAt(dateline.dateText);
      // The story starts at its dateline: a paragraph before it was a standfirst or caption.
      const earlier = bodyCount === 1 ? [...blocks].reverse().find((b) => b.kind === "body") : undefined;
      if (earlier) {
        earlier.kind = "subheadline";
        bodyCount = 0;
      }
      push("dateline", dateline.span.start, dateline.span.end);
      if (dateline.bodyStart < end) {
        bodyCount++;
        push("body", dateline.bodyStart, end);
      }
    } else if (hasPhotoCredit(content)) push("caption", start, end);
    else if ((/^By\s+\p{Lu}/u.test(content) || isLabelledByline(content)) && isByline(content) && wordCount(content) <= 8) pushByline(start, end);
    else if (isHeading(content, 12) && !/["“”]/.test(content)) push("subheadline", start, end);
    else {
      bodyCount++;
      push("body", start, end);
    }
  }

  const dates = pageDates({ stamps, issued, dateline: datelineDay }, text);
  if (dates.published) out.published = dates.published;
  if (dates.storyDay) out.datelineDay = dates.storyDay;
  out.publisher = (out.dateline?.credit && publisherFromCredit(out.dateline.credit)) || bylineOutlets[0] || copyright || mostFrequent(furnitureOutlets);
  return out;
}

/** A date heading a story or press release: "1 July 2015 - The Council …", "March 5, 2024 — Today …". */
function dateHeading(text: string, start: number, end: number): { day: CalendarDay; bodyStart: number } | null {
  const head = text.slice(start, Math.min(end, start + 60));
  const m = /^((?:\p{L}+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4})\s*(?:--|[-–—:])\s*(?=[\p{Lu}"“])/u.exec(head);
  const day = m ? dayAt(m[1]) : undefined;
  return m && day?.year ? { day, bodyStart: start + m[0].length } : null;
}

/** A paragraph of story text, never a headline: long, or a full sentence of a dozen words or more. */
function looksLikeStoryText(line: string): boolean {
  const words = wordCount(line);
  return words > 30 || (words > 12 && /[.!?]["”’]?$/.test(line.trim()));
}

/** The outlet a byline names as the reporter's ("By Jane Doe, CNN", "BBC News, Geneva"), not a credit line's agencies. */
function bylineOutlet(line: string): string | undefined {
  if (isCredit(line)) return undefined;
  return outletsNamed(line)[0];
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
