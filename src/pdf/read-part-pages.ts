import { readPdfLayout, UnexpectedPdfError } from './read-pdf-layout.js';

/**
 * Where each part of a printed book starts: the page number (from 1, as the footer counts) of every
 * named destination. Chromium writes one for each element a link of the page points at, as
 * `/name [page /XYZ x y 0]` in the catalog's `/Dests`, so the contents' own links name every part.
 */
export function readPartPages(bytes: Uint8Array): Map<string, number> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const layout = readPdfLayout(text);
  const objectText = (number: number) => {
    const at = layout.objects.get(number);
    if (at === undefined) throw new UnexpectedPdfError(`object ${number} is not in its cross-reference table`);
    return text.slice(at, text.indexOf('endobj', at));
  };
  const root = referenceIn(layout.trailer, 'Root');
  const catalog = objectText(root);
  const pageNumbers = new Map<number, number>();
  // The page tree in order, depth first: Skia nests it once a document has more than a few pages.
  const visit = (number: number) => {
    const node = objectText(number);
    if (!/\/Type \/Pages\b/.test(node)) {
      pageNumbers.set(number, pageNumbers.size + 1);
      return;
    }
    const kids = /\/Kids \[([^\]]*)\]/.exec(node)?.[1] ?? '';
    for (const [, kid] of kids.matchAll(/(\d+) 0 R/g)) visit(Number(kid));
  };
  visit(referenceIn(catalog, 'Pages'));
  const parts = new Map<string, number>();
  if (!/\/Dests\b/.test(catalog)) return parts;
  const dests = objectText(referenceIn(catalog, 'Dests'));
  for (const [, name, page] of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const number = pageNumbers.get(Number(page));
    if (number !== undefined) parts.set(decodeName(name!), number);
  }
  return parts;
}

function referenceIn(dictionary: string, key: string): number {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  if (!match) throw new UnexpectedPdfError(`it names no \`/${key}\``);
  return Number(match[1]);
}

/** A PDF name with its `#xx` escapes undone. */
function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
