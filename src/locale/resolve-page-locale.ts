import type { Paper } from '../formats.js';
import type { Ladder } from '../model.js';
import type { PageLocale } from './format-label.js';
import { defaultPaper, isRightToLeft } from '../locale-tag.js';
import { loadLabels, type Labels } from './load-labels.js';

/** What the configuration says about the pages' language and paper; null where it says nothing. */
export interface LocaleSettings {
  locale: string | null;
  labels: Partial<Labels> | null;
  paper: Paper | null;
}

/**
 * The language the pages are written in (the configuration's `locale`, else the introduction's front
 * matter, else British English) with the shipped labels for it under the organisation's own; and the paper:
 * the one asked for, else the one the named locale's readers use, else A4.
 */
export function resolvePageLocale(
  ladder: Pick<Ladder, 'framework'> | null,
  settings: LocaleSettings,
): { locale: PageLocale; paper: Paper } {
  // Without a ladder (its introduction did not read), only the configuration names the language.
  const named = settings.locale ?? ladder?.framework.locale ?? null;
  // Unnamed, the pages stay as they always were: English with day-month-year dates, on A4.
  const tag = named ?? 'en-GB';
  const locale: PageLocale = { tag, dir: isRightToLeft(tag) ? 'rtl' : 'ltr', labels: { ...loadLabels(tag), ...settings.labels } };
  return { locale, paper: settings.paper ?? (named ? defaultPaper(named) : 'a4') };
}
