#!/usr/bin/env node
import { commandOf, runCli } from './run-cli.js';

// Ctrl-C (SIGINT) or SIGTERM: a build stops printing, closes its browser, keeps every output either
// old and complete or new and complete, and exits 130 or 143; a diff stops its readers and removes
// the revisions it copied out. Other commands stop at once, as does any on a second signal.
const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
const controller = new AbortController();
const stopsCleanly = ['build', 'compare', 'diff', 'serve'].includes(commandOf(process.argv.slice(2)) ?? '');
for (const [signal, code] of Object.entries(exitCodes)) {
  process.on(signal, () => {
    if (!stopsCleanly || controller.signal.aborted) process.exit(code);
    controller.abort(signal);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY,
  signal: controller.signal,
});
