import type { MeasuredPage, PlacedText } from './measure-pdf.js';

/** A line of printed text: the runs on one baseline that sit close together, as a reader groups them. */
interface PrintedLine {
  text: string;
  x: number;
  right: number;
  top: number;
  size: number;
}

// A word: letters and digits, with an apostrophe inside (`team's`) and nothing else.
const letters = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const lastWord = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*$/u;
const firstWord = /^[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/u;

/**
 * Every word of the pages, in lower case: the vocabulary a piece of a split word is looked up in. Read
 * from whole lines, since a PDF may hold a word as one run a glyph (as Chromium prints Hangul).
 */
export function wordsOf(pages: MeasuredPage[]): Set<string> {
  return new Set(pages.flatMap((page) => toLines(page).flatMap((line) => line.text.toLowerCase().match(letters) ?? [])));
}

/**
 * Where a line ends inside a word: the line's last word and the next line's first, read together, make
 * a word that `words` holds whole (printed unbroken somewhere else). The next line is the one just
 * below that starts where this one starts (or, right to left, ends where it ends): the same paragraph
 * or table cell. Returns `page 6: Evangelize|s` for each.
 */
export function findBrokenWords(pages: MeasuredPage[], words: Set<string>): string[] {
  const found: string[] = [];
  for (const page of pages) {
    const lines = toLines(page);
    for (const line of lines) {
      const below = lines.find(
        (other) =>
          other.top > line.top + 0.5 * line.size &&
          other.top < line.top + 1.9 * line.size &&
          Math.abs(other.size - line.size) < 0.5 &&
          (Math.abs(other.x - line.x) < 1.5 || Math.abs(other.right - line.right) < 1.5),
      );
      if (!below) continue;
      const end = line.text.match(lastWord)?.[0];
      const start = below.text.match(firstWord)?.[0];
      // Numbers stacked one above another (a chart's scale) are not a word broken in two.
      if (!end || !start || !/\p{L}/u.test(end) || !/\p{L}/u.test(start)) continue;
      const joined = `${end}${start}`.toLowerCase();
      if (words.has(joined)) found.push(`page ${page.number}: ${end}|${start}`);
    }
  }
  return found;
}

/** The page's runs of text joined into lines: runs on one baseline less than an em apart belong together. */
function toLines(page: MeasuredPage): PrintedLine[] {
  const baseline = (text: PlacedText) => text.top + text.size * 0.8;
  const runs = [...page.texts].sort((a, b) => baseline(a) - baseline(b) || a.x - b.x);
  const lines: PrintedLine[] = [];
  let current: PrintedLine | null = null;
  for (const run of runs) {
    if (current && continues(current, run)) {
      current.text += (run.x - current.right > run.size * 0.15 ? ' ' : '') + run.text;
      current.right = Math.max(current.right, run.right);
      continue;
    }
    current = { text: run.text, x: run.x, right: run.right, top: run.top, size: run.size };
    lines.push(current);
  }
  return lines;
}

function continues(line: PrintedLine, run: PlacedText): boolean {
  return Math.abs(run.top + run.size * 0.8 - (line.top + line.size * 0.8)) < 1 && run.x - line.right < run.size * 0.6 && run.x >= line.x;
}
