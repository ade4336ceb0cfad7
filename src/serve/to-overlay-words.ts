import type { PageLocale } from '../locale/format-label.js';
import type { OverlayWords } from './reload-events.js';

/** The overlay's words in the pages' language. */
export function toOverlayWords(locale: PageLocale): OverlayWords {
  const { labels } = locale;
  return {
    lang: locale.tag,
    dir: locale.dir,
    lastGood: labels.previewLastGood,
    error: labels.previewError,
    waiting: labels.previewWaiting,
  };
}
