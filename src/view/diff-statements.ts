import { diffArrays, diffWords } from 'diff';

/** How two lists of statements differ: indexes into `before` removed, into `after` added, and pairs reworded. */
export interface StatementDiff {
  removed: number[];
  added: number[];
  reworded: { before: number; after: number }[];
}

// A statement replaced by one sharing at least this share of its words is the same statement reworded.
const rewordedShare = 0.5;

/**
 * Compare two lists of statements (as plain text) in order: what stays is matched first (a longest
 * common subsequence, by the `diff` package), then, within each run replaced, a removed statement and
 * an added one that share most of their words are paired as one statement reworded.
 */
export function diffStatements(before: readonly string[], after: readonly string[]): StatementDiff {
  const result: StatementDiff = { removed: [], added: [], reworded: [] };
  let from = 0;
  let to = 0;
  let removedRun: number[] = [];
  let addedRun: number[] = [];
  const settleRun = () => {
    pairRun(removedRun, addedRun, before, after, result);
    removedRun = [];
    addedRun = [];
  };
  for (const part of diffArrays([...before], [...after])) {
    const count = part.value.length;
    if (part.removed) {
      for (let index = 0; index < count; index++) removedRun.push(from++);
    } else if (part.added) {
      for (let index = 0; index < count; index++) addedRun.push(to++);
    } else {
      settleRun();
      from += count;
      to += count;
    }
  }
  settleRun();
  return result;
}

function pairRun(removed: number[], added: number[], before: readonly string[], after: readonly string[], result: StatementDiff): void {
  const open = new Set(added);
  for (const index of removed) {
    const match = added.find(
      (candidate) => open.has(candidate) && sharedShare(before[index] ?? '', after[candidate] ?? '') >= rewordedShare,
    );
    if (match === undefined) {
      result.removed.push(index);
      continue;
    }
    open.delete(match);
    result.reworded.push({ before: index, after: match });
  }
  result.added.push(...added.filter((index) => open.has(index)));
  result.reworded.sort((a, b) => a.after - b.after);
}

/** The share of two texts' words they have in common, 0 to 1. */
function sharedShare(a: string, b: string): number {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const total = words(a) + words(b);
  if (total === 0) return 1;
  const kept = diffWords(a, b)
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + words(part.value), 0);
  return (2 * kept) / total;
}
