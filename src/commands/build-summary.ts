import type { MessageData } from '../format-messages.js';

/** What a build did, for `--json`. */
export interface BuildSummary {
  written: string[];
  current: string[];
  removed: string[];
  /** `--check`: each output that is not as a build would leave it, and why. */
  differences: { path: string; state: 'missing' | 'stale' | 'modified' | 'extra' }[];
  messages: MessageData[];
  timings: Record<string, number>;
  exitCode: number;
}
