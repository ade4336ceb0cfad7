import type { BookView, ContentsEntryView } from './book-view.js';

/** A book's view with each contents entry's page filled in from `pages` (anchor → page number); an anchor it lacks stays empty. */
export function numberContents(view: BookView, pages: ReadonlyMap<string, number>): BookView {
  const number = (entries: ContentsEntryView[]): ContentsEntryView[] =>
    entries.map((entry) => ({ ...entry, page: String(pages.get(entry.anchor) ?? ''), entries: number(entry.entries) }));
  return { ...view, contents: number(view.contents) };
}

/** Every anchor the contents links to, in order. */
export function contentsAnchors(view: BookView): string[] {
  const anchors = (entries: ContentsEntryView[]): string[] => entries.flatMap((entry) => [entry.anchor, ...anchors(entry.entries)]);
  return anchors(view.contents);
}
