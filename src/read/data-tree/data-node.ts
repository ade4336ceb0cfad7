/** A place in a file: 1-based line and column. */
export interface DataPlace {
  line: number;
  column: number;
}

/**
 * A value read from YAML or JSON with the place of every part, so that a reader of data can say
 * where a problem is whichever of the two the file was written in.
 */
export type DataNode =
  | { kind: 'map'; entries: DataEntry[]; place: DataPlace }
  | { kind: 'list'; items: DataNode[]; place: DataPlace }
  | { kind: 'scalar'; value: string | number | boolean | null; place: DataPlace };

/** One `key: value` of a map, with the place of its key. */
export interface DataEntry {
  key: string;
  keyPlace: DataPlace;
  value: DataNode;
}

/** The most nodes one file may hold (aliases expanded): far more than any ladder, far less than a bomb. */
export const maxDataNodes = 200_000;

/** Nesting deeper than this is no ladder, and stopping there keeps the readers' recursion short. */
export const maxDataDepth = 64;
