import { UsageError } from '../failures.js';
import { defineCommandLine, laddersFlag } from './command-line.js';
import { parsePaper } from './flag-values.js';
import { loadSettings } from './load-settings.js';

/** `ladders serve`: its flags and help. */
export const serveCommandLine = defineCommandLine({
  name: 'serve',
  operands: '',
  maxOperands: 0,
  summary: 'Preview the HTML pages at a local address, updated on every save; PDFs on request',
  about: 'Serve the HTML pages at a local address and keep them current while you edit; PDFs on request.',
  readsConfiguration: true,
  flags: {
    ladders: laddersFlag,
    templates: { type: 'string', value: 'DIR', help: 'Templates that override the shipped ones, file by file' },
    paper: { type: 'string', value: 'a4|letter', help: "Paper size (default: the locale's, a4 or letter)" },
    browser: { type: 'string', value: 'PATH', help: 'The Chrome or Chromium to print PDFs with (default: found)' },
    port: { type: 'string', value: 'N', help: 'The port to listen on (default: 4400; 0 picks a free one)' },
    host: { type: 'string', value: 'H', help: 'The address to listen on (default: 127.0.0.1, this machine only)' },
    open: { type: 'boolean', help: 'Open the index in your browser' },
  },
  leftWhenStopped: 'the server and its browser are closed',
  async run(values, _operands, io) {
    // Read here for its messages; serve reads the configuration again on every change, under these flags.
    const settings = await loadSettings(values.ladders, io);
    if (typeof settings === 'number') return settings;
    const options = {
      ladders: values.ladders,
      templates: values.templates,
      paper: values.paper === undefined ? undefined : parsePaper(values.paper),
      browser: values.browser,
      port: values.port === undefined ? 4400 : parsePort(values.port),
      host: values.host ?? '127.0.0.1',
      open: values.open,
    };
    return (await import('./serve.js')).serve(options, io);
  },
});

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`\`--port ${text}\` must be a number from 0 to 65535 (0 picks a free port)`);
  return port;
}
