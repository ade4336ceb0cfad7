import type { VFile } from 'vfile';
import { quote, report } from '../../messages.js';
import type { Competency, Rung } from '../../model.js';
import { makeId } from '../make-id.js';
import type { Sheet } from './sheet.js';

/** A sheet that defines competencies: named `Competencies`, or headed `Competency`. */
export function isCompetencySheet(sheet: Sheet): boolean {
  const first = sheet.rows.find((row) => row.some((cell) => cell.text !== ''))?.[0]?.text.trim() ?? '';
  return /^competenc/iu.test(sheet.name) || /^competenc(?:y|ies)$/iu.test(first);
}

/**
 * Read a sheet of competencies: a row each, headed `Competency`, `Group`, `Summary` and then a column a
 * rung of its scale (`**Keyword**: description`), lowest first. Columns are found by their headers.
 */
export function readCompetencySheet(sheet: Sheet, file: VFile): Competency[] {
  const rows = sheet.rows.filter((row) => row.some((cell) => cell.text !== ''));
  const headers = (rows[0] ?? []).map((cell) => cell.text.replace(/\*\*/g, '').trim().toLowerCase());
  const column = (name: RegExp) => headers.findIndex((header) => name.test(header));
  const nameAt = column(/^competenc/u);
  const groupAt = column(/^group$/u);
  const summaryAt = column(/^(?:summary|description)$/u);
  const firstRung = Math.max(nameAt, groupAt, summaryAt) + 1;
  const competencies: Competency[] = [];
  for (const row of rows.slice(1)) {
    const nameCell = row[nameAt];
    const name = nameCell?.text.replace(/\*\*/g, '').trim() ?? '';
    if (!nameCell || !name) continue;
    const scale: Rung[] = [];
    for (const cell of row.slice(firstRung)) {
      if (!cell.text) continue;
      const rung = /^\*\*(.+?)\*\*\s*[:：]?\s*([\s\S]*)$/u.exec(cell.text) ?? /^([^:：]+)[:：]\s*([\s\S]*)$/u.exec(cell.text);
      if (!rung) {
        report(
          file,
          'warning',
          `Unexpected ${quote(cell.text)} in the cell ${quote(cell.label)}, expected \`**Keyword**: description\``,
          cell.place,
          'bad-rung-cell',
        );
        continue;
      }
      scale.push({
        rank: scale.length + 1,
        keyword: (rung[1] ?? '').trim(),
        description: (rung[2] ?? '').replace(/\s+/g, ' ').trim(),
        source: cell.place,
      });
    }
    const text = (index: number) => (index >= 0 ? (row[index]?.text.replace(/\s+/g, ' ').trim() ?? '') : '');
    competencies.push({ id: makeId(name), name, group: text(groupAt) || null, summary: text(summaryAt), scale, source: nameCell.place });
  }
  return competencies;
}
