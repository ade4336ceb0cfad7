import type { SourcePlace } from '../../model.js';

/** One cell of a spreadsheet: its text as Markdown (a workbook's bold runs become `**bold**`) and where it is. */
export interface SheetCell {
  text: string;
  /** Where messages about the cell point: a CSV cell's line and column in the file; a workbook cell's row and column. */
  place: SourcePlace;
  /** How a person finds the cell: `Levels!C7` in a workbook, `C7` in a CSV file. */
  label: string;
}

/** One sheet of a workbook, or the one sheet of a CSV file: rows of cells, top to bottom. */
export interface Sheet {
  name: string;
  rows: SheetCell[][];
}

/** The column's letters, as spreadsheets name them: 1 is `A`, 27 is `AA`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
