// Making an Intl.NumberFormat costs far more than formatting with one, and a build formats labels
// tens of thousands of times (every rank of every axis of every position): one is kept a locale.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The number format of a language tag, made once per process. */
export function numberFormatOf(tag: string): Intl.NumberFormat {
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format;
}
