import { parse } from 'csv-parse/sync';
import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import { columnLetters, type Sheet, type SheetCell } from './sheet.js';

/** More rows or columns than a ladder has by far: a sheet past these is refused before it is modelled. */
export const maxRows = 2000;
export const maxColumns = 200;

/**
 * Read a CSV file into one sheet named after it. Each cell keeps the line and column where its text
 * starts, found again from the raw text of its record, so a message can point into the file.
 * Null when the file is not CSV (the problem is reported at its place).
 */
export function readCsvSheet(text: string, file: VFile, name: string): Sheet | null {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    const options = { raw: true, info: true, relax_column_count: true, skip_empty_lines: false, bom: true } as const;
    const parsed: unknown = parse(text.replace(/^\uFEFF/, ''), options);
    records = parsed as typeof records;
  } catch (error) {
    const found = error as { message?: string; lines?: number; code?: string };
    const line = typeof found.lines === 'number' ? found.lines : undefined;
    const reason = `Cannot read the CSV: ${String(found.message ?? error).replace(/^Invalid [^:]*: /, '')}`;
    report(file, 'error', reason, line ? { line, column: 1 } : undefined, 'broken-csv');
    return null;
  }
  if (records.length > maxRows || records.some((entry) => entry.record.length > maxColumns)) {
    report(
      file,
      'error',
      `The CSV has more than ${maxRows} rows or ${maxColumns} columns, more than a ladder holds`,
      undefined,
      'sheet-too-large',
    );
    return null;
  }
  const rows: SheetCell[][] = [];
  let line = 1;
  records.forEach((entry, rowIndex) => {
    rows.push(placeCells(entry.record, entry.raw, line, rowIndex + 1, file.path));
    line += (entry.raw.match(/\r\n|\r|\n/g) ?? []).length;
  });
  const width = rows[0]?.length ?? 0;
  for (const row of rows) {
    if (row.length === width || row.every((cell) => cell.text === '')) continue;
    const first = row[0];
    const reason = `Row ${quote(first?.label.replace(/^[A-Z]+/, '') ?? '')} has ${row.length} cells, expected ${width} as in the first row`;
    report(file, 'error', reason, first?.place, 'ragged-row');
  }
  return { name, rows };
}

/** The cells of one record, each placed at the line and column its text starts on. */
function placeCells(values: string[], raw: string, firstLine: number, row: number, path: string): SheetCell[] {
  const cells: SheetCell[] = [];
  let offset = 0;
  let line = firstLine;
  let lineStart = 0;
  values.forEach((value, index) => {
    const quoted = raw[offset] === '"';
    const textStart = quoted ? offset + 1 : offset;
    cells.push({
      text: value.trim(),
      place: { file: path, line, column: textStart - lineStart + 1 },
      label: `${columnLetters(index + 1)}${row}`,
    });
    // Step over the field: a quoted one ends at the quote not doubled; a plain one at the next comma.
    let end = textStart;
    if (quoted) {
      while (end < raw.length && !(raw[end] === '"' && raw[end + 1] !== '"')) end += raw[end] === '"' ? 2 : 1;
      end += 1;
    } else {
      while (end < raw.length && raw[end] !== ',' && raw[end] !== '\n' && raw[end] !== '\r') end += 1;
    }
    for (let at = offset; at < end; at++) {
      if (raw[at] === '\n') {
        line += 1;
        lineStart = at + 1;
      }
    }
    offset = end + 1;
  });
  return cells;
}
