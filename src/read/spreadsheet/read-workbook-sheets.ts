import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import { maxColumns, maxRows } from './read-csv-sheet.js';
import { columnLetters, type Sheet, type SheetCell } from './sheet.js';

/** A workbook's parts may inflate to this much in all; a ladder's workbook is a few hundred kilobytes. */
export const maxWorkbookInflatedBytes = 64 * 1024 * 1024;

/**
 * Read a workbook's sheets. Its parts are first inflated and counted, so a small file that inflates
 * to gigabytes is refused before the workbook library sees it; cells then keep their text only: a
 * formula is its text, never its value, and a link keeps its words, never its address.
 * Null when the workbook cannot be read (the problem is reported on `file`).
 */
export async function readWorkbookSheets(bytes: Uint8Array, file: VFile): Promise<Sheet[] | null> {
  const inflated = inflatedSize(bytes);
  if (inflated === null) {
    report(file, 'error', 'Cannot read the workbook: it is not an .xlsx file (a ZIP archive)', undefined, 'broken-workbook');
    return null;
  }
  if (inflated > maxWorkbookInflatedBytes) {
    const reason = `The workbook inflates to more than ${maxWorkbookInflatedBytes / 1024 / 1024} MiB, more than a ladder holds`;
    report(file, 'error', reason, undefined, 'workbook-too-large');
    return null;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    report(
      file,
      'error',
      `Cannot read the workbook: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      'broken-workbook',
    );
    return null;
  }
  const sheets: Sheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.rowCount > maxRows || worksheet.columnCount > maxColumns) {
      const reason = `The sheet ${quote(worksheet.name)} has more than ${maxRows} rows or ${maxColumns} columns, more than a ladder holds`;
      report(file, 'error', reason, undefined, 'sheet-too-large');
      return null;
    }
    sheets.push({ name: worksheet.name, rows: readRows(worksheet, file) });
  }
  return sheets;
}

/** The bytes the archive's parts inflate to, counted as they inflate and stopped past the limit; null when it is no ZIP archive. */
function inflatedSize(bytes: Uint8Array): number | null {
  let total = 0;
  let entries = 0;
  let broken = false;
  const unzip = new Unzip((entry) => {
    entries += 1;
    entry.ondata = (error, chunk) => {
      if (error) broken = true;
      total += chunk?.length ?? 0;
      if (total > maxWorkbookInflatedBytes) entry.terminate();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    return null;
  }
  return broken || entries === 0 ? null : total;
}

function readRows(worksheet: ExcelJS.Worksheet, file: VFile): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber++) {
    const row = worksheet.getRow(rowNumber);
    const cells: SheetCell[] = [];
    for (let column = 1; column <= worksheet.columnCount; column++) {
      const label = `${columnLetters(column)}${rowNumber}`;
      const place = { file: file.path, line: rowNumber, column };
      const text = cellText(row.getCell(column), file, `${worksheet.name}!${label}`, place);
      cells.push({ text, place, label: `${worksheet.name}!${label}` });
    }
    while (cells.length > 0 && cells[cells.length - 1]?.text === '') cells.pop();
    rows.push(cells);
  }
  return rows;
}

/** A cell's text as Markdown: bold runs of rich text as `**bold**`, a formula as its text, a link as its words. */
function cellText(cell: ExcelJS.Cell, file: VFile, label: string, place: { line: number; column: number }): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return (cell.font?.bold ? bold(value) : value).trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((run) => (run.font?.bold ? bold(run.text) : run.text))
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    report(file, 'warning', `The cell ${quote(label)} holds a formula; it is kept as its text, never worked out`, place, 'formula-cell');
    return `=${formula}`;
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text.trim() : '';
  if ('error' in value) return '';
  return '';
}

/** Bold Markdown around the words, the white space kept outside so that the marks still read as bold. */
function bold(text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  return match?.[2] ? `${match[1]}**${match[2]}**${match[3]}` : text;
}
