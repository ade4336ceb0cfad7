import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { shippedLabelsDir } from '../package-paths.js';
import type en from '../../labels/en.json';

/** Every word the templates print around the ladder's own text, in one language. */
export type Labels = Record<keyof typeof en, string>;

const cache = new Map<string, Labels>();

/**
 * The shipped labels for `locale`: its own file when there is one (`zh-Hans.json`), else its
 * language's (`pt.json` for `pt-BR`), else English; any label a file lacks is taken from English.
 */
export function loadLabels(locale: string): Labels {
  const cached = cache.get(locale);
  if (cached) return cached;
  const english = readLabelFile('en')!;
  const { language, script } = new Intl.Locale(locale).maximize();
  const candidates = [locale, `${language}-${script}`, language];
  const own = candidates.map(readLabelFile).find((labels) => labels !== null) ?? {};
  const labels = { ...english, ...own } as Labels;
  cache.set(locale, labels);
  return labels;
}

/** The shipped label names, in English: what an organisation's own labels file may set. */
export function labelNames(): string[] {
  return Object.keys(loadLabels('en'));
}

function readLabelFile(name: string): Partial<Labels> | null {
  const file = path.join(shippedLabelsDir, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Labels>) : null;
}
