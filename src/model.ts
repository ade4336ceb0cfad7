/**
 * The typed model at the centre of the pipeline: plain data that the reader
 * produces and every renderer consumes. Key order here is the key order of
 * `ladders model`, which is a documented data contract.
 */

/** Where an element was written: a path relative to the working folder, 1-based line and column. */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

/** One rank of an axis, lowest first: rank 1 is the entry level. */
export interface AxisLevel {
  rank: number;
  keyword: string;
  description: string;
  source: SourcePlace;
}

/** One axis of the framework, such as Technology, with its ranked keywords. */
export interface Axis {
  id: string;
  name: string;
  summary: string;
  levels: AxisLevel[];
  source: SourcePlace;
}

/** The axes and keywords every role is measured against, read from the introduction page. */
export interface Framework {
  title: string;
  /** What the framework is for, in a sentence or a paragraph; empty when nothing says. */
  summary: string;
  version: string | null;
  /** Without a level table, positions from this level up are senior. */
  firstSeniorLevel: number;
  /** The language the ladder is written in (BCP 47, front matter `locale`); null when not given. */
  locale: string | null;
  axes: Axis[];
  source: SourcePlace;
}

/** What one position expects on one axis. */
export interface Expectation {
  axis: string;
  rank: number;
  keyword: string;
  description: string;
  source: SourcePlace;
}

/** One level of one role, such as EM6. */
export interface Position {
  code: string;
  level: number;
  title: string;
  senior: boolean;
  expectations: Expectation[];
  source: SourcePlace;
}

/** One career track, read from one Markdown page. */
export interface Role {
  id: string;
  title: string;
  /** The page's first paragraph, for handouts. */
  summary: string;
  /** Everything the page says before its first position, as safe Markdown (see `Guide.text`). */
  text: string;
  path: string;
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
  framework: Framework;
  roles: Role[];
  guides: Guide[];
}
