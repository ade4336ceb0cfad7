import path from 'node:path';
import { ContentError } from '../failures.js';
import type { OutputFormat, Paper } from '../formats.js';
import { formatMessages } from '../format-messages.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { PageOptions } from '../plan/view-options.js';
import { startBrowser } from '../browser/start-browser.js';
import { loadTemplates, type Templates } from '../render/load-templates.js';
import { pageStyle } from '../render/render-page.js';
import { toolVersion } from '../tool-version.js';
import { shownFolder } from './shown-folder.js';
import type { Branding } from '../config/branding-of.js';
import { writeOutputs, type OutputFile } from '../write/write-outputs.js';
import type { InputPlace } from '../write/check-out-folder.js';
import type { CommandIo } from '../command-io.js';
import { makeOutputs } from './make-outputs.js';

/** What writing one handout into a folder takes: `--out` and the options `compare` and `diff` share with `build`. */
export interface HandoutOptions {
  out: string;
  templates: string | undefined;
  formats: OutputFormat[];
  /** Null: the paper of the pages' locale. */
  paper: Paper | null;
  browser: string | undefined;
  /** From SOURCE_DATE_EPOCH, or null: the PDF's dates. */
  date: Date | null;
  branding: Branding;
  /** Personal data (an assessment): files written for the owner alone (see `writeOutputs`). */
  private?: boolean;
  /** The configuration's own files (itself, the logo, the labels), which `out` must keep clear of. */
  settingsFiles?: InputPlace[];
}

/**
 * Load the templates, plan the handout with `plan`, call `ready` (which prints what the command says
 * on stdout), then make and write it with `writeHandout`. Template errors are printed and throw `ContentError`.
 */
export async function planAndWriteHandout(
  plan: (templates: Templates, options: PageOptions & { formats: readonly OutputFormat[] }) => PlannedOutput[],
  options: HandoutOptions,
  io: CommandIo,
  ready: () => void,
): Promise<void> {
  const loaded = await loadTemplates(options.templates && path.resolve(io.cwd, options.templates), io.cwd);
  io.stderr(formatMessages(loaded.files, { problemsOnly: true }));
  const templates = loaded.templates;
  if (!templates) throw new ContentError();
  const planned = plan(templates, {
    formats: options.formats,
    paper: options.paper,
    style: pageStyle(templates, options.branding.brandColor),
    toolVersion,
    date: options.date,
    ...options.branding,
  });
  ready();
  await writeHandout(planned, templates, { out: options.out, browser: options.browser, private: options.private }, io);
}

/**
 * Make the outputs of one handout written into a folder of the user's choosing (a comparison, a
 * changelog): render them, print the PDF in a browser started only if there is one, and write every
 * file only once all are made, in the planned order, all or none. Says what it wrote on stderr.
 */
export async function writeHandout(
  planned: readonly PlannedOutput[],
  templates: Templates,
  options: { out: string; browser: string | undefined; private?: boolean },
  io: CommandIo,
): Promise<void> {
  const browser = planned.some((output) => output.kind === 'pdf') ? startBrowser(options.browser, io.env) : null;
  const files: OutputFile[] = [];
  try {
    await makeOutputs([...planned], {
      templates,
      browser,
      concurrency: 1,
      signal: io.signal,
      onMade: (output, content) => {
        files.push({ path: output.path, content });
        return Promise.resolve();
      },
    });
  } finally {
    await browser?.close();
  }
  io.signal?.throwIfAborted();
  // In the planned order (the PDF first), whatever order they were made in.
  const order = planned.map((output) => output.path);
  files.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
  await writeOutputs(path.resolve(io.cwd, options.out), files, { private: options.private });
  io.stderr(`Wrote ${files.map((file) => file.path).join(', ')} to ${shownFolder(options.out, io.cwd)}\n`);
}
