import type { VFile } from 'vfile';
import { closestMatch } from '../closest-match.js';
import { quote, quoteList, report } from '../../messages.js';
import type { DataEntry, DataNode, DataPlace } from './data-node.js';

/** The keys of a map that a reader knows, each once, with the place of the map itself. */
export interface DataFields {
  place: DataPlace;
  get(key: string): DataEntry | undefined;
}

/** Reads the parts of a data tree strictly: each part that is not what the shape needs is a message at its place. */
export interface DataReader {
  /** The map's known keys; a key it does not know is a warning (with the closest known one), a repeated key an error. */
  map(node: DataNode, what: string, known: readonly string[], options?: { otherKeys?: 'ignore' | 'warn' }): DataFields | null;
  /** The items of a list; a missing value (`key:` with nothing after it) is an empty list. */
  list(node: DataNode | undefined, what: string): DataNode[] | null;
  /** A piece of text (a number is taken as its digits); a missing value is null without a message unless `required`. */
  text(node: DataNode | undefined, what: string, options?: { required?: DataPlace }): string | null;
  /** A whole number from 1. */
  whole(node: DataNode | undefined, what: string, options?: { required?: DataPlace }): number | null;
}

/** A reader of data trees whose messages go to `file`. */
export function makeDataReader(file: VFile): DataReader {
  const wrong = (node: DataNode, what: string, expected: string) => {
    report(file, 'error', `Expected ${what} to be ${expected}, found ${describe(node)}`, node.place, 'bad-data-value');
    return null;
  };
  const missing = (place: DataPlace, what: string) => {
    report(file, 'error', `Missing ${what}`, place, 'missing-data-key');
    return null;
  };
  return {
    map(node, what, known, options = {}) {
      if (node.kind !== 'map') return wrong(node, what, 'a map of keys and values');
      const byKey = new Map<string, DataEntry>();
      for (const entry of node.entries) {
        const first = byKey.get(entry.key);
        if (first) {
          const cause = { file: file.path, place: first.keyPlace, reason: `${quote(entry.key)} first given here` };
          report(file, 'error', `Key ${quote(entry.key)} is given twice in ${what}`, entry.keyPlace, 'bad-data-value', cause);
        } else if (known.includes(entry.key)) {
          byKey.set(entry.key, entry);
        } else if (options.otherKeys !== 'ignore') {
          const suggestion = closestMatch(entry.key, known);
          const hint = suggestion ? `; did you mean ${quote(suggestion)}?` : '';
          const reason = `Unknown key ${quote(entry.key)} in ${what}, expected ${quoteList(known)}${hint}`;
          report(file, 'warning', reason, entry.keyPlace, 'unknown-data-key');
        }
      }
      return { place: node.place, get: (key) => byKey.get(key) };
    },
    list(node, what) {
      if (!node || (node.kind === 'scalar' && node.value === null)) return [];
      return node.kind === 'list' ? node.items : wrong(node, what, 'a list');
    },
    text(node, what, options = {}) {
      if (!node || (node.kind === 'scalar' && node.value === null)) return options.required ? missing(options.required, what) : null;
      if (node.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value).trim();
      return wrong(node, what, 'text');
    },
    whole(node, what, options = {}) {
      if (!node || (node.kind === 'scalar' && node.value === null)) return options.required ? missing(options.required, what) : null;
      if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 1) return node.value;
      return wrong(node, what, 'a whole number from 1');
    },
  };
}

function describe(node: DataNode): string {
  if (node.kind === 'map') return 'a map';
  if (node.kind === 'list') return 'a list';
  if (node.value === null) return 'nothing';
  return typeof node.value === 'string'
    ? `the text ${quote(node.value.length > 40 ? node.value.slice(0, 40) + '…' : node.value)}`
    : quote(String(node.value));
}
