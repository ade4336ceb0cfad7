import { defineCommandLine, laddersFlag } from './command-line.js';
import { parseChoice } from './flag-values.js';
import { loadSettings } from './load-settings.js';
import { requireLadderFolder } from './require-ladder-folder.js';

/** `ladders check`: its flags and help. */
export const checkCommandLine = defineCommandLine({
  name: 'check',
  operands: '',
  maxOperands: 0,
  summary: 'Read the ladders, print every problem with its place, exit 1 on errors',
  about: 'Read the ladders and print every problem with its place; exit 1 on errors.',
  readsConfiguration: true,
  flags: {
    ladders: laddersFlag,
    strict: { type: 'boolean', help: 'Treat warnings as errors' },
    format: { type: 'string', value: 'text|sarif', help: 'The messages as lines (default), or as a SARIF 2.1.0 log' },
  },
  async run(values, _operands, io) {
    const settings = await loadSettings(values.ladders, io);
    if (typeof settings === 'number') return settings;
    await requireLadderFolder(settings.ladders, io.cwd);
    const { ladders, reading, elsewhere, file } = settings;
    const configFile = elsewhere && file ? file.path : null;
    const format = values.format === undefined ? 'text' : parseChoice('format', values.format, ['text', 'sarif']);
    // Each command is loaded on demand: `build`'s templates and browser would only slow `check` down.
    return (await import('./check.js')).check({ ladders, reading, strict: values.strict, format, configFile }, io);
  },
});
