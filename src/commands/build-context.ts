import type { VFile } from 'vfile';
import type { CommandIo } from '../command-io.js';
import type { RevisionPlace } from '../diff/locate-revision.js';
import type { RevisionName } from '../diff/name-revision.js';
import type { BuildOptions } from './build-options.js';
import type { BuildSummary } from './build-summary.js';
import type { Progress } from './progress.js';

/** What the stages of a build share. */
export interface BuildContext {
  options: BuildOptions;
  io: CommandIo;
  progress: Progress;
  summary: BuildSummary;
  outDir: string;
  /** The fingerprint of this build's raw inputs, recorded in the manifest. */
  inputs: string;
  /** The single files besides the folders that `inputs` covers (relative to the working folder), recorded in the manifest. */
  reads: string[];
  /** The fingerprint of the same folders and settings with other single files, for when reading finds that it read others. */
  fingerprint: (reads: readonly string[]) => Promise<string>;
  /** `--since`: where the revision is, the commit it named when the build started and how pages name it; null without `--since`. */
  since: (RevisionPlace & { name: RevisionName }) | null;
  /** Print warnings about the output folder (an edited manifest, an output left in place) and add them to the summary. */
  warn: (files: readonly VFile[]) => void;
}
