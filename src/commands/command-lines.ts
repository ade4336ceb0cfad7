import { assessCommandLine } from './assess-command-line.js';
import { buildCommandLine } from './build-command-line.js';
import { checkCommandLine } from './check-command-line.js';
import type { CommandLine, Flags } from './command-line.js';
import { compareCommandLine } from './compare-command-line.js';
import { diffCommandLine } from './diff-command-line.js';
import { initCommandLine } from './init-command-line.js';
import { modelCommandLine } from './model-command-line.js';
import { serveCommandLine } from './serve-command-line.js';

/** Every command, in the order the help lists them. */
export const commandLines: readonly CommandLine<Flags>[] = [
  checkCommandLine,
  modelCommandLine,
  buildCommandLine,
  compareCommandLine,
  diffCommandLine,
  assessCommandLine,
  initCommandLine,
  serveCommandLine,
];
