import type { PhrasingContent, Table } from 'mdast';
import { placeOf, plainText } from '../markdown-text.js';
import type { Grid, GridCell } from './grid.js';

/** A Markdown pipe table as a grid. */
export function toPipeGrid(table: Table, filePath: string): Grid {
  return {
    rows: table.children.map((row) => ({
      cells: row.children.map((cell): GridCell => ({
        text: plainText(cell),
        mark: markOf(cell.children),
        span: 1,
        content: { kind: 'markdown', nodes: cell.children },
        source: placeOf(filePath, cell.position?.start),
      })),
      source: placeOf(filePath, row.position?.start),
    })),
    source: placeOf(filePath, table.position?.start),
  };
}

/** `**Craft**` or `*Testing*`: a cell whose only content is one bold or italic run. */
function markOf(nodes: readonly PhrasingContent[]): GridCell['mark'] {
  const content = nodes.filter((node) => !(node.type === 'text' && !node.value.trim()));
  const only = content.length === 1 ? content[0] : undefined;
  return only?.type === 'strong' || only?.type === 'emphasis' ? only.type : null;
}
