import { diffArrays, diffWords } from 'diff';
import type { StatementChange, TextPart } from '../ladder-diff.js';

export type { StatementChange };

// A removed and an added statement side by side are one statement reworded when at least this share of their words is kept.
const keptShare = 0.5;

/**
 * What differs between two lists of statements, in the order of the later list (a statement removed
 * where it stood): statements kept as they were are left out; a statement removed next to one added is
 * the same one reworded when most of its words stay. Built on jsdiff, which also words `diffText`.
 */
export function diffStatements(before: readonly string[], after: readonly string[]): StatementChange[] {
  const changes: StatementChange[] = [];
  let removed: string[] = [];
  const flush = (added: readonly string[]) => {
    for (let index = 0; index < Math.max(removed.length, added.length); index += 1) {
      const old = removed[index];
      const now = added[index];
      if (old !== undefined && now !== undefined) {
        const words = diffWords(old, now).map((part): TextPart => ({
          text: part.value,
          change: part.added ? 'added' : part.removed ? 'removed' : 'same',
        }));
        if (shareKept(words) >= keptShare) {
          changes.push({ change: 'reworded', before: old, after: now, words });
          continue;
        }
      }
      if (old !== undefined) changes.push({ change: 'removed', before: old, after: null, words: null });
      if (now !== undefined) changes.push({ change: 'added', before: null, after: now, words: null });
    }
    removed = [];
  };
  for (const part of diffArrays([...before], [...after])) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) flush(part.value);
    else flush([]);
  }
  flush([]);
  return changes;
}

/** The share of the words of the longer side that both sides keep. */
function shareKept(words: readonly TextPart[]): number {
  const count = (change: TextPart['change']) =>
    words.filter((part) => part.change === change).reduce((sum, part) => sum + (part.text.match(/\S+/g)?.length ?? 0), 0);
  const same = count('same');
  const longer = same + Math.max(count('added'), count('removed'));
  return longer === 0 ? 1 : same / longer;
}
