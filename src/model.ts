/**
 * The typed model at the centre of the pipeline: plain data that the readers produce, whatever the
 * shape the ladder is kept in, and every renderer consumes. Key order here is the key order of
 * `ladders model`, which is a documented data contract (docs/model.md, schemas/ladder-model.schema.json).
 */

/** The version of the model's JSON; raised whenever a key is renamed, removed or changes meaning. */
export const modelSchemaVersion = 2;

/** Where an element was written: a path relative to the working folder, 1-based line and column. */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

/** One rung of a competency's scale, lowest first: rank 1 is the entry rung. */
export interface Rung {
  rank: number;
  keyword: string;
  description: string;
  source: SourcePlace;
}

/**
 * One competency positions are measured on, such as Technology or Delivery. In the Engineering
 * Ladders shape it is an axis with a scale of ranked keywords; in other shapes it often has no scale.
 */
export interface Competency {
  id: string;
  name: string;
  /** The group the ladder files it under (`Craft`, `Impact`); null when it names none. */
  group: string | null;
  /** What the competency is about, in a sentence or a paragraph; empty when nothing says. */
  summary: string;
  /** The ordered rungs a position can sit on, lowest first; empty when the competency has no scale. */
  scale: Rung[];
  source: SourcePlace;
}

/** The ladder's title, what it is for and the competencies every role is measured on. */
export interface Framework {
  title: string;
  /** What the framework is for, in a sentence or a paragraph; empty when nothing says. */
  summary: string;
  version: string | null;
  /** Without a level table, positions from this level up are senior. */
  firstSeniorLevel: number;
  /** The language the ladder is written in (BCP 47, front matter `locale`); null when not given. */
  locale: string | null;
  competencies: Competency[];
  source: SourcePlace;
}

/** One statement of what is expected: a paragraph or a bullet, as safe inline Markdown (see `Guide.text`). */
export interface Statement {
  kind: 'paragraph' | 'bullet';
  text: string;
  /** The ladder marks it as new since the level before (a spreadsheet's bold text). */
  isNew: boolean;
  source: SourcePlace;
}

/** Where a position sits on a competency's scale, with what its page says about it. */
export interface CellRung {
  rank: number;
  keyword: string;
  /** What the position's page says next to the keyword, as plain text. */
  description: string;
}

/** What one position (or every position of a role) expects on one competency. */
export interface Cell {
  competency: string;
  /** The rung of the competency's scale, when the ladder names one. */
  rung: CellRung | null;
  /** What is expected, in the ladder's words; empty when the rung says it all. */
  statements: Statement[];
  /** Examples of meeting it, kept apart from what is expected. */
  examples: Statement[];
  source: SourcePlace;
}

/** A named fact about a position, such as `Impact radius: Peers (2-5)`, as plain text. */
export interface Attribute {
  name: string;
  value: string;
  source: SourcePlace;
}

/** One level of one role, such as EM6. */
export interface Position {
  code: string;
  /** The position's level: its order within the role, lowest first. */
  level: number;
  title: string;
  senior: boolean;
  /** What the ladder says of the position as a whole, as plain text; empty when nothing says. */
  summary: string;
  attributes: Attribute[];
  /** One cell a competency the position names, in the framework's competency order. */
  cells: Cell[];
  source: SourcePlace;
}

/** One career track, read from one page or a folder of pages. */
export interface Role {
  id: string;
  title: string;
  /** The page's first paragraph, for handouts. */
  summary: string;
  /** Everything the page says before its first position, as safe Markdown (see `Guide.text`). */
  text: string;
  path: string;
  /** What holds at every level of the role, kept once and shown with every position. */
  everyLevel: Cell[];
  positions: Position[];
  source: SourcePlace;
}

/**
 * A page of advice that defines no positions, or a section of the introduction page that is
 * neither its axes nor its levels (FAQs, how to use the ladder).
 */
export interface Guide {
  id: string;
  title: string;
  /** The first paragraph, as plain text. */
  summary: string;
  /**
   * The content as GitHub-flavoured Markdown, made safe: no raw HTML, images inlined as `data:`
   * URLs, links to ladder pages written `ladders:role/<id>`, `ladders:position/<code>`,
   * `ladders:guide/<id>[#fragment]` or `ladders:index`, other links only to mail addresses.
   */
  text: string;
  path: string;
  source: SourcePlace;
}

/** The whole ladder: the framework, its roles ordered by their lowest level, and its guides in page order. */
export interface Ladder {
  schemaVersion: typeof modelSchemaVersion;
  framework: Framework;
  roles: Role[];
  guides: Guide[];
}

/** The competencies that have a scale: those a chart or a rung can be drawn for. */
export function hasScale(competency: Competency): boolean {
  return competency.scale.length > 0;
}

/** A cell that sits on a rung, flattened: what the rung-based outputs (charts, ranks, keywords) read. */
export interface RungCell extends CellRung {
  competency: string;
  source: SourcePlace;
}

/** The position's cells that sit on a rung, in competency order. */
export function rungCellsOf(position: Position): RungCell[] {
  return position.cells.flatMap((cell) => (cell.rung ? [{ competency: cell.competency, ...cell.rung, source: cell.source }] : []));
}
