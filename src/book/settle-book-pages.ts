import { RenderFailure } from '../failures.js';

/** How many times a book is printed at most: once to find where its parts start, once with those numbers, and once more if that moved a part. */
export const maxBookPrints = 3;

/** A print of a book, and the page numbers its contents showed when it was rendered (null in the first print). */
export interface BookPrint {
  path: string;
  /** The anchors the contents link to, in order. */
  anchors: readonly string[];
  shown: ReadonlyMap<string, number> | null;
  /** This print's number, from 1. */
  print: number;
}

/** The contents of a book would not stop moving its parts, or a part has no place in the print: exit 3. */
export class BookPagesError extends RenderFailure {}

/**
 * Decide from where each part starts in this print (`found`) whether the book is finished: when every
 * page its contents showed is where the part starts, it is ('done'); otherwise the numbers to render
 * and print it with again. A part the print does not place (a template that dropped its anchor), or
 * numbers still moving after `maxBookPrints` prints, fail loudly rather than print a wrong contents.
 */
export function settleBookPages(book: BookPrint, found: ReadonlyMap<string, number>): 'done' | Map<string, number> {
  const missing = book.anchors.filter((anchor) => !found.has(anchor));
  if (missing.length > 0)
    throw new BookPagesError(
      `Cannot number the contents of ${book.path}: no page starts ${missing.map((anchor) => `\`#${anchor}\``).join(', ')} (the template must give each contents entry's target that id)`,
    );
  const pages = new Map(book.anchors.map((anchor) => [anchor, found.get(anchor)!]));
  const moved = book.shown === null ? book.anchors : book.anchors.filter((anchor) => book.shown!.get(anchor) !== pages.get(anchor));
  if (moved.length === 0) return 'done';
  if (book.print >= maxBookPrints)
    throw new BookPagesError(
      `Cannot number the contents of ${book.path}: after ${book.print} prints, ${moved.length} of its parts still move (the first is \`#${moved[0]}\`, now on page ${pages.get(moved[0]!)}, shown as ${book.shown?.get(moved[0]!)})`,
    );
  return pages;
}
