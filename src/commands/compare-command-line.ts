import { defineCommandLine, handoutLookFlags, laddersFlag } from './command-line.js';
import { handoutLookOf } from './handout-look-of.js';
import { loadSettings } from './load-settings.js';
import { requireLadderFolder } from './require-ladder-folder.js';

/** `ladders compare A B`: its flags and help. */
export const compareCommandLine = defineCommandLine({
  name: 'compare',
  operands: 'A B',
  maxOperands: Infinity,
  summary: 'Print what changes from position A to position B, axis by axis',
  about: 'Print what changes from position A to position B, axis by axis; with --out DIR, also write\na comparison handout there.',
  readsConfiguration: true,
  flags: {
    ladders: laddersFlag,
    out: { type: 'string', value: 'DIR', help: 'Also write a comparison handout into this folder' },
    format: { type: 'string', value: 'LIST', help: "The handout's comma-separated formats of pdf, html and md (default: all)" },
    ...handoutLookFlags,
  },
  leftWhenStopped: 'nothing was written',
  async run(values, operands, io) {
    const settings = await loadSettings(values.ladders, io);
    if (typeof settings === 'number') return settings;
    await requireLadderFolder(settings.ladders, io.cwd);
    const look = handoutLookOf('compare', values, settings, io);
    const options = { ladders: settings.ladders, reading: settings.reading, codes: operands, out: values.out ?? null, ...look };
    return (await import('./compare.js')).compare(options, io);
  },
});
