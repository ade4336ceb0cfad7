import type { Paper } from './formats.js';
import { z } from 'zod';

/** Whether `tag` is a well-formed BCP 47 language tag, such as `en-US`, `ko` or `zh-Hans`. */
export function isLocaleTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag, canonicalised (`EN-us` becomes `en-US`); for the configuration and front matter. */
export const localeSchema = z
  .string()
  .trim()
  .refine(isLocaleTag, { error: 'must be a BCP 47 language tag such as `en-US`, `fr` or `zh-Hans`' })
  .transform((tag) => Intl.getCanonicalLocales(tag)[0]!);

// Right-to-left scripts of the languages ladders may be written in.
const rightToLeft = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);

/** Whether text in `locale` runs right to left (Arabic, Hebrew, Persian, Urdu …). */
export function isRightToLeft(locale: string): boolean {
  return rightToLeft.has(new Intl.Locale(locale).maximize().script ?? '');
}

// The regions whose paper is US Letter (CLDR's measurement data); the rest of the world uses A4.
const letterRegions = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'VE', 'GT', 'SV', 'CR', 'PA', 'NI', 'DO', 'BZ']);

/** The paper a locale's readers expect: Letter where that is the convention (`en-US`, `en-CA`, `es-MX` …), A4 elsewhere. */
export function defaultPaper(locale: string): Paper {
  return letterRegions.has(new Intl.Locale(locale).maximize().region ?? '') ? 'letter' : 'a4';
}
