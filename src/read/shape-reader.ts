import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Competency, Guide, Role } from '../model.js';
import type { Sheet } from './spreadsheet/sheet.js';

/**
 * The shapes a ladder can be kept in (docs/shapes.md). Like pandoc's readers, each shape has its own
 * reader into the one model, and nothing after reading knows which shape a ladder came from.
 */
export const ladderShapes = ['engineering-ladders', 'sections', 'table', 'front-matter-topics', 'job-family', 'spreadsheet'] as const;

/** One of the shapes a ladder can be kept in. */
export type LadderShape = (typeof ladderShapes)[number];

/** One file of a ladder folder, as a reader sees it. */
export interface LadderFile {
  /** Its messages go here; `file.path` is relative to the working folder. */
  file: VFile;
  /** The file's text, checked as UTF-8; null for a binary file such as a workbook. */
  text: string | null;
  /** The Markdown syntax tree, for a Markdown page; null otherwise. */
  tree: Root | null;
  /** The sheets of a CSV file or a workbook; null otherwise. */
  sheets?: Sheet[] | null;
}

/** What reading needs besides the files: how to keep Markdown as the model's safe rich text. */
export interface ShapeContext {
  /** The safe Markdown of a run of a page's nodes, links and pictures resolved (see `Guide.text`). */
  richText: (file: VFile) => (nodes: readonly RootContent[]) => string;
}

/** What a reader made of its files: parts of the one model, merged with every other reader's. */
export interface ShapeReading {
  competencies: Competency[];
  roles: Role[];
  guides: Guide[];
}

/** A reader of one shape. */
export interface ShapeReader {
  shape: Exclude<LadderShape, 'engineering-ladders'>;
  /** Whether the file is kept in this shape, judged from its name and content; called once a file. */
  recognises(file: LadderFile): boolean;
  /**
   * Read every file recognised as this shape (all at once: a folder of position pages makes one
   * role). Each problem is a message on its file, at its place; nothing is dropped silently.
   */
  read(files: readonly LadderFile[], context: ShapeContext): ShapeReading;
}
