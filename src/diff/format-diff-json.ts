import type { LadderDiff } from '../ladder-diff.js';
import { summarizeDiff } from './summarize-diff.js';

/** The diff as indented JSON: the `LadderDiff` data (see `ladder-diff.ts`) with its summary line first. */
export function formatDiffJson(diff: LadderDiff): string {
  return JSON.stringify({ summary: summarizeDiff(diff), ...diff }, null, 2) + '\n';
}
