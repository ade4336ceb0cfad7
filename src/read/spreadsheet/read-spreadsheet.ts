import type { Competency, Role } from '../../model.js';
import { makeIdMaker } from '../make-id.js';
import type { ShapeReader } from '../shape-reader.js';
import { isCompetencySheet, readCompetencySheet } from './read-competency-sheet.js';
import { readMatrixSheet } from './read-matrix-sheet.js';

/**
 * The reader of ladders kept as spreadsheets: CSV files and workbooks. A sheet of competencies
 * (and their scales) is read first; every other sheet is a role, a row per level and a column per
 * competency or the other way round.
 */
export const spreadsheetReader: ShapeReader = {
  shape: 'spreadsheet',
  recognises: (file) => Boolean(file.sheets),
  read(files, context) {
    const known = new Map<string, Competency>();
    for (const file of files)
      for (const sheet of file.sheets ?? [])
        if (isCompetencySheet(sheet)) for (const competency of readCompetencySheet(sheet, file.file)) known.set(competency.id, competency);
    const competencies = new Map(known);
    const roles: Role[] = [];
    const makeRoleId = makeIdMaker();
    for (const file of files) {
      const sheets = (file.sheets ?? []).filter((sheet) => !isCompetencySheet(sheet));
      for (const sheet of sheets) {
        const reading = readMatrixSheet(sheet, file.file, makeRoleId(sheet.name), known, context.richText(file.file));
        if (!reading) continue;
        roles.push(reading.role);
        for (const competency of reading.competencies) if (!competencies.has(competency.id)) competencies.set(competency.id, competency);
      }
    }
    return { competencies: [...competencies.values()], roles, guides: [] };
  },
};
