import { defineCommandLine } from './command-line.js';

/** `ladders init`: its flags and help. */
export const initCommandLine = defineCommandLine({
  name: 'init',
  operands: '[DIR]',
  maxOperands: 1,
  summary: 'Start a new ladder repository in DIR (default: here), which must be empty',
  about: 'Start a new ladder repository in DIR (default: here), which must be new or empty.',
  readsConfiguration: false,
  flags: {
    from: {
      type: 'string',
      value: 'SPEC',
      help: 'Install ladders there from a git URL or a tarball (default: as this one was)',
    },
  },
  // A new repository has no configuration yet, and the folder init runs from may have one that is not its.
  async run(values, operands, io) {
    return (await import('./init.js')).init({ dir: operands[0] ?? '.', from: values.from ?? null }, io);
  },
});
