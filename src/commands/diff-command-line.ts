import { UsageError } from '../failures.js';
import { defineCommandLine, handoutLookFlags, laddersFlag } from './command-line.js';
import { parseChoice } from './flag-values.js';
import { handoutLookOf } from './handout-look-of.js';
import { loadSettings } from './load-settings.js';

/** `ladders diff A B`: its flags and help. */
export const diffCommandLine = defineCommandLine({
  name: 'diff',
  operands: 'A B',
  maxOperands: Infinity,
  summary: 'Print what changed from version A of the ladder to version B, position by position',
  about:
    'Print what changed from version A of the ladder to version B, position by position;\n' +
    'A and B are git revisions (of --ladders) or folders. With --out DIR, also write a changelog handout there.',
  readsConfiguration: true,
  flags: {
    ladders: laddersFlag,
    format: {
      type: 'string',
      value: 'FORMAT',
      help: "What is printed: text (default), md or json;\nwith --out, the handout's comma-separated formats of pdf, html and md",
    },
    json: { type: 'boolean', help: 'Print the changes as JSON (as --format json)' },
    out: { type: 'string', value: 'DIR', help: 'Also write a changelog handout into this folder' },
    ...handoutLookFlags,
  },
  leftWhenStopped: 'nothing was written',
  async run(values, operands, io) {
    const settings = await loadSettings(values.ladders, io);
    if (typeof settings === 'number') return settings;
    // Without `--out`, `--format` says what is printed, not which files are written.
    const look = handoutLookOf('diff', { ...values, format: values.out === undefined ? undefined : values.format }, settings, io);
    const printed = values.json
      ? 'json'
      : values.format === undefined || values.out !== undefined
        ? 'text'
        : parseChoice('format', values.format, ['text', 'md', 'json']);
    if (values.json && values.format !== undefined)
      throw new UsageError('`--json` and `--format` each choose what `diff` prints; give one');
    if (values.out !== undefined && values.json)
      throw new UsageError('`--json` prints the changes instead of writing them: `--out` and `--json` do not go together');
    const out = values.out === undefined ? null : { out: values.out, ...look };
    const { ladders, reading } = settings;
    return (await import('./diff.js')).diff({ ladders, reading, sides: operands, format: printed, out }, io);
  },
});
