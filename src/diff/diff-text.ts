import { diffWords } from 'diff';
import type { TextPart } from '../ladder-diff.js';

/** Two texts word by word, as runs kept, removed and added; null when they are the same. */
export function diffText(before: string, after: string): TextPart[] | null {
  if (before === after) return null;
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
}
