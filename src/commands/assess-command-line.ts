import { defineCommandLine, handoutLookFlags, laddersFlag } from './command-line.js';
import { handoutLookOf } from './handout-look-of.js';
import { loadSettings } from './load-settings.js';
import { requireLadderFolder } from './require-ladder-folder.js';

/** `ladders assess FILE…`: its flags and help. */
export const assessCommandLine = defineCommandLine({
  name: 'assess',
  operands: 'FILE…',
  maxOperands: Infinity,
  summary: 'Read filled worksheets into an assessment and print it',
  about:
    'Read filled worksheets (a self copy, a manager copy, or one) into an assessment and print it;\n' +
    'with --out DIR, also write its handout there, readable by you alone.',
  readsConfiguration: true,
  flags: {
    ladders: laddersFlag,
    out: { type: 'string', value: 'DIR', help: "Also write the assessment's handout into this folder, for you alone" },
    format: { type: 'string', value: 'LIST', help: "The handout's comma-separated formats of pdf, html and md (default: all)" },
    ...handoutLookFlags,
    json: { type: 'boolean', help: 'Print the assessment as JSON' },
  },
  leftWhenStopped: 'nothing was written',
  async run(values, operands, io) {
    const settings = await loadSettings(values.ladders, io);
    if (typeof settings === 'number') return settings;
    await requireLadderFolder(settings.ladders, io.cwd);
    const options = {
      ladders: settings.ladders,
      reading: settings.reading,
      files: operands,
      // Only where `--out` says: an assessment is personal, and no folder is a safe default for it.
      out: values.out ?? null,
      sharedOut: settings.configOut,
      json: values.json,
      ...handoutLookOf('assess', values, settings, io),
    };
    return (await import('./assess.js')).assess(options, io);
  },
});
