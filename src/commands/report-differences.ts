import path from 'node:path';
import { plural } from '../messages.js';
import type { OutputState } from '../plan/output-states.js';
import { exitCode } from '../failures.js';
import type { BuildContext } from './build-context.js';
import { shownFolder } from './shown-folder.js';

const why = {
  missing: 'missing',
  stale: 'stale: its inputs changed',
  modified: 'modified since it was built',
  extra: 'extra: nothing makes it any more',
};

/** `build --check`: list each output that differs from what a build would leave, and exit 1 if any does. */
export function reportDifferences(
  { io, summary, options, outDir, progress }: BuildContext,
  states: Map<string, OutputState>,
  extra: string[],
): number {
  summary.differences = [
    ...[...states].flatMap(([file, state]) => (state === 'current' ? [] : [{ path: file, state }])),
    ...extra.map((file) => ({ path: file, state: 'extra' as const })),
  ];
  summary.current = [...states].flatMap(([file, state]) => (state === 'current' ? [file] : []));
  const out = shownFolder(outDir, io.cwd);
  if (!options.json) for (const { path: file, state } of summary.differences) io.stderr(`${path.join(out, file)}: ${why[state]}\n`);
  const differing = summary.differences.length;
  if (differing > 0) {
    const verb = differing === 1 ? 'is' : 'are';
    io.stderr(
      `ladders: ${plural(differing, 'output')} in ${out} ${verb} not current; run \`ladders build\` to update ${differing === 1 ? 'it' : 'them'}\n`,
    );
    return exitCode.contentError;
  }
  progress.phase(states.size === 1 ? `The one output in ${out} is current` : `All ${states.size} outputs in ${out} are current`);
  return exitCode.ok;
}
