import type { Root, RootContent } from 'mdast';
import { placeOf } from '../markdown-text.js';
import type { Grid, TableProblem } from './grid.js';
import { maxDepth, readHtmlTable } from './html-grid.js';
import { toPipeGrid } from './pipe-grid.js';

/** A page's top-level content: each table found as a grid (with the Markdown nodes it spans), the rest as it is. */
export type Block = { kind: 'table'; grid: Grid; nodes: RootContent[]; closed: boolean } | { kind: 'node'; node: RootContent };

/** The tables of a page and what is around them, with the problems of tables that cannot be read. */
export interface PageTables {
  blocks: Block[];
  problems: TableProblem[];
}

/**
 * Find the pipe tables and raw HTML tables at the top level of a page. Raw HTML is parsed as HTML;
 * a table whose run of HTML ends at a blank line is followed until its `</table>`, at the latest
 * up to the next heading.
 */
export function findTables(tree: Root, text: string, filePath: string): PageTables {
  const blocks: Block[] = [];
  const problems: TableProblem[] = [];
  const nodes = tree.children;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    if (!node) continue;
    if (node.type === 'table') {
      blocks.push({ kind: 'table', grid: toPipeGrid(node, filePath), nodes: [node], closed: true });
      continue;
    }
    const start = node.position?.start;
    if (node.type !== 'html' || start?.offset === undefined) {
      blocks.push({ kind: 'node', node });
      continue;
    }
    const point = { line: start.line, column: start.column, offset: start.offset };
    const first = readHtmlTable(node.value, point, filePath);
    if (first === 'too-deep') {
      problems.push(tooDeep(placeOf(filePath, start)));
      continue;
    }
    if (!first) {
      blocks.push({ kind: 'node', node });
      continue;
    }
    if (first.closed) {
      blocks.push({ kind: 'table', grid: first.grid, nodes: [node], closed: true });
      continue;
    }
    // A blank line inside the table ends the Markdown parser's run of HTML: read on up to the next heading.
    let stop = index + 1;
    while (stop < nodes.length && nodes[stop]?.type !== 'heading') stop++;
    const endOffset = nodes[stop]?.position?.start.offset ?? text.length;
    const read = readHtmlTable(text.slice(start.offset, endOffset), point, filePath);
    if (read === 'too-deep') problems.push(tooDeep(placeOf(filePath, start)));
    const whole = read === 'too-deep' ? null : read;
    let last = index;
    while (last + 1 < stop && (nodes[last + 1]?.position?.start.offset ?? Infinity) < (whole?.endOffset ?? endOffset)) last++;
    const spanned = nodes.slice(index, last + 1);
    index = last;
    blocks.push({ kind: 'table', grid: (whole ?? first).grid, nodes: spanned, closed: whole?.closed === true });
    if (whole?.closed || read === 'too-deep') continue;
    problems.push({
      severity: 'error',
      reason: 'Unclosed HTML table: no `</table>` before the next heading or the end of the page',
      source: placeOf(filePath, start),
      ruleId: 'table-unclosed',
    });
  }
  return { blocks, problems };
}

function tooDeep(source: TableProblem['source']): TableProblem {
  const reason = `The HTML table nests its elements more than ${maxDepth} deep; no ladder needs that many`;
  return { severity: 'error', reason, source, ruleId: 'too-deeply-nested' };
}
