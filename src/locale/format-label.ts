import type { Labels } from './load-labels.js';

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

// Making an Intl.NumberFormat costs far more than formatting with one, and a plan formats labels
// tens of thousands of times (every rank of every axis of every position): one is kept a locale.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormatOf(tag: string): Intl.NumberFormat {
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format;
}

/** A calendar day, written the locale's way (`1 December 2026`, `2026年12月1日`); in UTC, so no time zone moves it. */
export function formatDay(locale: PageLocale, date: Date): string {
  return new Intl.DateTimeFormat(locale.tag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
