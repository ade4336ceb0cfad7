import path from 'node:path';

/**
 * Where links from a printed page point while it prints. Chromium writes a link into a PDF only when
 * its target is an absolute URL, so links between PDFs are printed under this origin (a reserved,
 * unresolvable name) and made relative again when the PDF is stamped.
 */
export const printedLinkOrigin = 'https://ladders.invalid/';

const printedUri = new RegExp(String.raw`/S\s*/URI\s*/URI\s*\(${printedLinkOrigin.replace(/[.\\/]/g, '\\$&')}([^()\\]*)\)`, 'g');

/**
 * Turn the links a page printed under `printedLinkOrigin` into links to sibling PDFs: a remote go-to
 * (`/GoToR`) opening the file by its path relative to `pdfPath` (the PDF's own path in the output
 * folder), which PDF readers follow on disk. The action is padded with spaces to its old length, so
 * no byte offset moves and the cross-reference table stays right.
 */
export function linkPdfsRelatively(pdf: string, pdfPath: string): string {
  return pdf.replace(printedUri, (action, target: string) => {
    const relative = path.posix.relative(path.posix.dirname(pdfPath), target);
    const goTo = `/S /GoToR /F (${relative}) /D [0 /Fit]`;
    // The printed URL holds the output folder's path and more, so the relative file's action is never longer.
    if (goTo.length > action.length) throw new Error(`The link to ${target} does not fit where the browser wrote it`);
    return goTo.padEnd(action.length, ' ');
  });
}
