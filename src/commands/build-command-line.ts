import path from 'node:path';
import { brandingOf } from '../config/branding-of.js';
import { dropControls } from '../drop-controls.js';
import { UsageError } from '../failures.js';
import { formats, variants } from '../formats.js';
import type { Shard } from '../plan/manifest.js';
import { defineCommandLine, laddersFlag } from './command-line.js';
import { sourceDate } from './environment.js';
import { parseChoice, parseFormats, parsePaper } from './flag-values.js';
import { loadSettings } from './load-settings.js';
import { requireLadderFolder } from './require-ladder-folder.js';

/** `ladders build`: its flags and help, and its options from them and the configuration. */
export const buildCommandLine = defineCommandLine({
  name: 'build',
  operands: '',
  maxOperands: 0,
  summary: 'Write the handouts: one per position, one per role, and an index',
  about:
    'Write the handouts and review worksheets, one per position, one per role, and an index;\n' +
    'only the outputs that changed since the last build are made again.',
  readsConfiguration: true,
  flags: {
    ladders: laddersFlag,
    out: { type: 'string', value: 'DIR', help: 'Output folder (default: out)' },
    templates: { type: 'string', value: 'DIR', help: 'Templates that override the shipped ones, file by file' },
    format: { type: 'string', value: 'LIST', help: 'Comma-separated formats of pdf, html, md and book (default: all)' },
    only: { type: 'string', multiple: true, value: 'CODE|ROLE', help: 'Only this position or role; repeat for more' },
    paper: { type: 'string', value: 'a4|letter', help: "Paper size (default: the locale's, a4 or letter)" },
    browser: { type: 'string', value: 'PATH', help: 'The Chrome or Chromium to print PDFs with (default: found, see docs/browser.md)' },
    variant: { type: 'string', value: 'handout|review', help: 'Only handouts, or only review worksheets (default: both)' },
    for: { type: 'string', value: 'NAME', help: 'Stamp "Prepared for NAME, DAY" on a copy (needs --date and its own --out)' },
    date: { type: 'string', value: 'DAY', help: "The day, YYYY-MM-DD, on a copy made --for someone;\nalone, the day on the books' covers" },
    since: {
      type: 'string',
      value: 'REV',
      help: 'On every handout and worksheet, what changed for its position since the git\nrevision REV (a tag, a branch, a commit); the books get a changelog',
    },
    force: { type: 'boolean', help: 'Make every output again, even those that are current' },
    check: { type: 'boolean', help: 'Write nothing; exit 1 listing missing, stale or extra outputs' },
    shard: { type: 'string', value: 'I/N', help: 'Only the I-th of N slices of the outputs (for a CI matrix)' },
    quiet: { type: 'boolean', help: 'Print only problems' },
    json: { type: 'boolean', help: 'Print a summary as JSON on stdout' },
  },
  leftWhenStopped: 'every output is either as it was or complete, and the next build makes the rest',
  async run(values, _operands, io) {
    const settings = await loadSettings(values.ladders, io);
    if (typeof settings === 'number') return settings;
    const { config, ladders, reading, configOut, settingsFiles } = settings;
    await requireLadderFolder(ladders, io.cwd);
    const branding = brandingOf(config);
    const formatList = values.format === undefined ? (config.formats ?? [...formats]) : parseFormats(values.format);
    // Null: the paper of the pages' locale, once the ladder has said which that is.
    const paper = values.paper === undefined ? (config.paper ?? null) : parsePaper(values.paper);
    const date = sourceDate(io.env);
    if (values.check && values.force) throw new UsageError('`--check` writes nothing, so `--force` has no meaning with it');
    const preparedFor = parsePreparedFor(values.for, values.date, values.out, configOut, io.cwd);
    // A book's cover shows a day only when one is given: `--date`, else the reproducible build's SOURCE_DATE_EPOCH.
    const coverDate = values.date === undefined ? date : parseDay(values.date);
    const { build } = await import('./build.js');
    return build(
      {
        ladders,
        reading,
        out: values.out ?? configOut,
        templates: values.templates ?? config.templates,
        formats: formatList,
        // A copy prepared for someone is the handout alone, unless a variant is asked for.
        variants:
          values.variant === undefined
            ? preparedFor
              ? ['handout']
              : ['handout', 'review']
            : [parseChoice('variant', values.variant, variants)],
        only: values.only,
        paper,
        browser: values.browser,
        force: values.force,
        check: values.check,
        shard: values.shard === undefined ? null : parseShard(values.shard),
        quiet: values.quiet,
        json: values.json,
        preparedFor,
        date,
        coverDate,
        branding,
        since: values.since ?? null,
        settingsFiles,
      },
      io,
    );
  },
});

/**
 * `--for NAME --date YYYY-MM-DD`. The date is asked for, not taken from the clock, so the copy can be
 * made again byte for byte; and the copy must go to a folder of its own (`--out`), so the standard
 * handouts are never overwritten with one person's.
 */
function parsePreparedFor(
  name: string | undefined,
  date: string | undefined,
  out: string | undefined,
  standardOut: string,
  cwd: string,
): { name: string; date: Date } | null {
  if (name === undefined) return null;
  // Printed on every page of the copy: control characters, which no reader sees, never reach one.
  const shownName = dropControls(name).trim();
  if (!shownName) throw new UsageError('`--for` needs the name of the person the copy is for');
  if (date === undefined) throw new UsageError('`--for` needs `--date YYYY-MM-DD`, the day to print on the copy');
  const parsed = parseDay(date);
  if (out === undefined || path.resolve(cwd, out) === path.resolve(cwd, standardOut)) {
    throw new UsageError('`--for` writes a copy for one person: give it its own folder with `--out`, apart from the standard handouts');
  }
  return { name: shownName, date: parsed };
}

function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`\`--shard ${text}\` must be I/N with 1 ≤ I ≤ N, such as \`--shard 2/4\``);
  return { index, count };
}

/** A day written `YYYY-MM-DD`; one that does not exist, such as 30 February, is refused with the month's length. */
function parseDay(text: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!day) throw new UsageError(`\`--date ${text}\` is not a day written YYYY-MM-DD, such as \`--date 2026-12-01\``);
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  if (month < 1 || month > 12) throw new UsageError(`\`--date ${text}\` is not a real day: there is no month ${month}`);
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date < 1 || date > length) {
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    throw new UsageError(`\`--date ${text}\` is not a real day: ${name} has ${length} days`);
  }
  return new Date(Date.UTC(year, month - 1, date));
}
