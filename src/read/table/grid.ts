import type { PhrasingContent } from 'mdast';
import type { ElementContent } from 'hast';
import type { SourcePlace } from '../../model.js';

/** What a table cell holds: Markdown inline nodes (a pipe table) or HTML nodes (an HTML table). */
export type CellContent = { kind: 'markdown'; nodes: PhrasingContent[] } | { kind: 'html'; nodes: ElementContent[] };

/** One cell of a table, whichever way it was written. */
export interface GridCell {
  /** Its words, white space folded. */
  text: string;
  /** Whether the whole cell is set in bold (a group of competencies) or italics (a sub-competency). */
  mark: 'strong' | 'emphasis' | null;
  /** How many columns it spans (an HTML `colspan`); 1 in a pipe table. */
  span: number;
  content: CellContent;
  source: SourcePlace;
}

/** A table as rows of cells, the first row its header; the same for pipe and HTML tables. */
export interface Grid {
  rows: { cells: GridCell[]; source: SourcePlace }[];
  source: SourcePlace;
}

/** A problem found while reading tables, reported on the page once it is read. */
export interface TableProblem {
  severity: 'error' | 'warning' | 'info';
  reason: string;
  source: SourcePlace;
  ruleId: string;
}
