import { UnexpectedPdfError, type PdfLayout } from './read-pdf-layout.js';
import { readPdfObject } from './read-pdf-object.js';

/** The object numbers of a PDF's pages in page order, found by walking its page tree from the catalog `root`. */
export function listPdfPages(text: string, layout: PdfLayout, root: number): number[] {
  const tree = /\/Pages\s+(\d+)\s+0\s+R/.exec(readPdfObject(text, layout, root));
  if (!tree) throw new UnexpectedPdfError('its catalog names no page tree');
  const pages: number[] = [];
  // Skia writes a balanced tree for long documents: a node's kids are pages or further nodes.
  const visit = (node: number, depth: number) => {
    if (depth > 32) throw new UnexpectedPdfError('its page tree is deeper than any printed document needs');
    const body = readPdfObject(text, layout, node);
    if (!/\/Type\s*\/Pages\b/.test(body)) {
      pages.push(node);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    if (!kids) throw new UnexpectedPdfError(`its page tree node ${node} has no \`/Kids\``);
    for (const [, kid] of kids[1]!.matchAll(/(\d+)\s+0\s+R/g)) visit(Number(kid), depth + 1);
  };
  visit(Number(tree[1]), 0);
  return pages;
}
