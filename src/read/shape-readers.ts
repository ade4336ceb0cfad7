import { frontMatterTopicsReader } from './front-matter-topics/read-front-matter-topics.js';
import { jobFamilyReader } from './job-family/read-job-family.js';
import type { ShapeReader } from './shape-reader.js';
import { sectionsReader } from './sections/read-sections.js';
import { spreadsheetReader } from './spreadsheet/read-spreadsheet.js';
import { tableReader } from './table/read-table.js';

/**
 * The readers of every shape but the Engineering Ladders one, in the order they are asked whether a
 * file is theirs: a file goes to the first that recognises it (or to the one the configuration names).
 */
export const shapeReaders: readonly ShapeReader[] = [
  frontMatterTopicsReader,
  jobFamilyReader,
  tableReader,
  sectionsReader,
  spreadsheetReader,
];
