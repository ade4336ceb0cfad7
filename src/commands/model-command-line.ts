import { defineCommandLine, laddersFlag } from './command-line.js';
import { loadSettings } from './load-settings.js';
import { requireLadderFolder } from './require-ladder-folder.js';

/** `ladders model`: its flags and help. */
export const modelCommandLine = defineCommandLine({
  name: 'model',
  operands: '',
  maxOperands: 0,
  summary: "Print the ladders' model as JSON",
  about: "Print the ladders' model as JSON on stdout; messages go to stderr, and nothing is printed on stdout when there are errors.",
  readsConfiguration: true,
  flags: { ladders: laddersFlag },
  async run(values, _operands, io) {
    const settings = await loadSettings(values.ladders, io);
    if (typeof settings === 'number') return settings;
    await requireLadderFolder(settings.ladders, io.cwd);
    return (await import('./model.js')).model({ ladders: settings.ladders, reading: settings.reading }, io);
  },
});
