import type { Branding } from '../config/branding-of.js';
import type { OutputFormat, Paper, Variant } from '../formats.js';
import type { Shard } from '../plan/manifest.js';
import type { ReadSettings } from '../read/load-ladder.js';
import type { InputPlace } from '../write/check-out-folder.js';

/** Options of `ladders build`, flags and configuration merged. */
export interface BuildOptions {
  ladders: string;
  /** What reading takes from the configuration: the framework's title, more seniority words. */
  reading?: ReadSettings;
  out: string;
  templates: string | undefined;
  formats: OutputFormat[];
  /** The pages made for each position: handouts, review worksheets, or both. */
  variants: Variant[];
  only: string[];
  /** Null: the paper of the pages' locale. */
  paper: Paper | null;
  /** `--browser`: the Chrome or Chromium to print with, instead of searching for one. */
  browser: string | undefined;
  /** Rebuild every output, whatever the manifest says. */
  force: boolean;
  /** Write nothing; exit 1 listing outputs that are missing, stale or extra. */
  check: boolean;
  /** Build only this slice of the outputs. */
  shard: Shard | null;
  /** Print only problems. */
  quiet: boolean;
  /** Print a summary as JSON on stdout (and only problems on stderr). */
  json: boolean;
  /** `--for NAME --date DATE`: a copy prepared for one person, such as an offer letter's attachment. */
  preparedFor: { name: string; date: Date } | null;
  /** From SOURCE_DATE_EPOCH, or null: the PDFs' dates. */
  date: Date | null;
  /** `--date`, else SOURCE_DATE_EPOCH, or null: the day on the books' covers. */
  coverDate: Date | null;
  /** From the configuration: the organisation (shown on every page, the PDFs' author), its colour and logo, the framework's version label. */
  branding: Branding;
  /** `--since REV`: the git revision each handout and worksheet says what changed since; null for none. */
  since: string | null;
  /** The configuration's own files (itself, the logo, the labels), which the output folder must keep clear of. */
  settingsFiles?: InputPlace[];
}
