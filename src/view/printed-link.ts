/**
 * Where links from a printed page point while it prints. Chromium writes a link into a PDF only when
 * its target is an absolute URL, so links between PDFs are printed under this origin (a reserved,
 * unresolvable name) and made relative again when the PDF is stamped.
 */
export const printedLinkOrigin = 'https://ladders.invalid/';

/** The absolute URL a printed page links to for `path`, relative to the output folder. */
export function printedLink(path: string): string {
  return `${printedLinkOrigin}${path}`;
}
