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
  version: string | null;
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
  summary: string;
  path: string;
  positions: Position[];
  source: SourcePlace;
}

/** The whole ladder: the framework and its roles, roles ordered by their lowest level. */
export interface Ladder {
  framework: Framework;
  roles: Role[];
}
