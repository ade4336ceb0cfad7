import type { FontSet } from './font-set.js';

// Han characters are shared by Chinese, Japanese and Korean but drawn differently in each, so the
// ladder's language decides which CJK face is asked first; the others still cover what it lacks.
const cjkByLanguage: Record<string, readonly string[]> = {
  ja: ['Noto Sans JP', 'Noto Sans KR', 'Noto Sans SC', 'Noto Sans TC'],
  ko: ['Noto Sans KR', 'Noto Sans JP', 'Noto Sans SC', 'Noto Sans TC'],
  'zh-Hans': ['Noto Sans SC', 'Noto Sans TC', 'Noto Sans JP', 'Noto Sans KR'],
  'zh-Hant': ['Noto Sans TC', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR'],
};

/** The shipped families in the order a character is looked for on a page in `locale`. */
export function orderFamilies(fonts: FontSet, locale: string): string[] {
  const preferred = cjkByLanguage[cjkVariant(locale)] ?? [];
  const cjk = new Set(Object.values(cjkByLanguage).flat());
  const rest = fonts.families.filter((family) => !preferred.includes(family));
  // The CJK faces take the place of the first of them in the manifest's order.
  const at = rest.findIndex((family) => cjk.has(family));
  return at < 0 ? [...rest, ...preferred] : [...rest.slice(0, at), ...preferred, ...rest.slice(at)];
}

function cjkVariant(locale: string): string {
  const maximized = new Intl.Locale(locale).maximize();
  if (maximized.language === 'zh') return maximized.script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  return maximized.language;
}
