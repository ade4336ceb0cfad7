import type { Labels } from './load-labels.js';
import { numberFormatOf } from './number-format-of.js';

/** What a page needs to speak its language: the tag, its direction and its labels. */
export interface PageLocale {
  tag: string;
  dir: 'ltr' | 'rtl';
  labels: Labels;
}

/** A label with its `{name}` placeholders filled in; numbers are written the locale's way (`Intl.NumberFormat`). */
export function formatLabel(locale: PageLocale, key: keyof Labels, values: Record<string, string | number> = {}): string {
  const numbers = numberFormatOf(locale.tag);
  return locale.labels[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** A calendar day, written the locale's way (`1 December 2026`, `2026年12月1日`); in UTC, so no time zone moves it. */
export function formatDay(locale: PageLocale, date: Date): string {
  return new Intl.DateTimeFormat(locale.tag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
