import { printedLinkOrigin } from '../pdf/link-pdfs-relatively.js';

/** The absolute URL a printed page links to for `path`, relative to the output folder. */
export function printedLink(path: string): string {
  return `${printedLinkOrigin}${path}`;
}
