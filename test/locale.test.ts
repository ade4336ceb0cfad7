import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolvePageLocale } from '../src/locale/resolve-page-locale.js';
import type { Ladder } from '../src/model.js';
import { openPdf, readPdf } from './support/pdf.js';
import { readShownText } from './support/pdf-glyphs.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const labelsDir = path.join(repoRoot, 'labels');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-locale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const shippedFamilies = (
  JSON.parse(readFileSync(path.join(repoRoot, 'fonts', 'fonts.json'), 'utf8')) as { families: { name: string }[] }
).families.map((family) => family.name.replaceAll(' ', ''));
const labelsOf = (language: string) => JSON.parse(readFileSync(path.join(labelsDir, `${language}.json`), 'utf8')) as Record<string, string>;
const english = labelsOf('en');
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map(([name]) => name).sort();

// One small ladder in each language, written for these tests, its introduction naming its `locale`.
const languages = [
  { locale: 'ko', code: 'K2', rtl: false },
  { locale: 'ja', code: 'J2', rtl: false },
  { locale: 'zh-Hans', code: 'Z2', rtl: false },
  { locale: 'ar', code: 'A2', rtl: true },
  { locale: 'he', code: 'H2', rtl: true },
  { locale: 'el', code: 'G2', rtl: false },
  { locale: 'ru', code: 'R2', rtl: false },
];
for (const { locale } of languages) {
  const ladders = path.join(repoRoot, 'test', 'fixtures', `locale-${locale.toLowerCase()}`, 'input');
  const built = await run(['build', '--ladders', ladders, '--out', path.join(scratch, locale), '--format', 'pdf,html'], repoRoot);
  if (built.code !== 0) throw new Error(`the ${locale} ladder did not build: ${built.stderr}`);
}
// The page's words around the ladder's own, from its HTML: tags and the stylesheet taken out.
const wordsOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');

describe('shipped labels', () => {
  const files = readdirSync(labelsDir).filter((name) => name.endsWith('.json'));

  it('come in at least the languages the package promises', () => {
    for (const language of ['en', 'es', 'fr', 'de', 'pt', 'ja', 'ko', 'zh-Hans', 'ar', 'he', 'el', 'ru'])
      expect(files, language).toContain(`${language}.json`);
  });

  it('name every label English has, each with the same placeholders', () => {
    for (const file of files) {
      const labels = labelsOf(path.basename(file, '.json'));
      expect(Object.keys(labels).sort(), file).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(labels)) expect(placeholders(text), `${file}: ${key}`).toEqual(placeholders(english[key]!));
    }
  });
});

describe('the language of the pages', () => {
  const ladder = (locale: string | null) => ({ framework: { locale } }) as Ladder;
  const settings = { locale: null, labels: null, paper: null };

  it('is the configuration’s locale over the front matter’s, with its labels under the organisation’s own', () => {
    const { locale } = resolvePageLocale(ladder('fr'), { ...settings, locale: 'de-AT', labels: { theRole: 'Unsere Rolle' } });
    expect(locale.tag).toBe('de-AT');
    expect(locale.labels.everyAxis).toBe(labelsOf('de').everyAxis);
    expect(locale.labels.theRole).toBe('Unsere Rolle');
  });

  it('reads right to left in Arabic and Hebrew only', () => {
    expect(['ar', 'he', 'fa', 'ko', 'en'].map((tag) => resolvePageLocale(ladder(tag), settings).locale.dir)).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
    ]);
  });

  it('prints on Letter where the locale’s readers use it, on A4 elsewhere, unless a paper is asked for', () => {
    const paperOf = (tag: string | null, paper: 'a4' | 'letter' | null = null) =>
      resolvePageLocale(ladder(tag), { ...settings, paper }).paper;
    expect(['en-US', 'en-CA', 'es-MX', 'en', 'en-GB', 'de', 'es', 'ja'].map((tag) => paperOf(tag))).toEqual([
      'letter',
      'letter',
      'letter',
      'letter',
      'a4',
      'a4',
      'a4',
      'a4',
    ]);
    expect(paperOf(null)).toBe('a4');
    expect(paperOf('en-US', 'a4')).toBe('a4');
  });
});

describe.each(languages)('a ladder in $locale', ({ locale, code, rtl }) => {
  const out = path.join(scratch, locale);
  const pdfs = readdirSync(path.join(out, 'developer')).filter((name) => name.endsWith('.pdf'));
  const labels = labelsOf(locale);

  it('prints every glyph from the shipped fonts, none missing and none Type 3', async () => {
    expect(pdfs).toHaveLength(4);
    for (const file of pdfs) {
      for (const shown of await readShownText(path.join(out, 'developer', file))) {
        expect(shown.type, `${file}: ${shown.text}`).not.toBe('Type3');
        expect(
          shippedFamilies.some((family) => shown.font.startsWith(family)),
          `${file}: ${shown.font}`,
        ).toBe(true);
        expect(shown.missing, `${file}: ${shown.text}`).toEqual([]);
      }
    }
  });

  it('prints every label in the language, none in English', async () => {
    const handout = await readPdf(path.join(out, 'developer', `${code.toLowerCase()}.pdf`));
    const review = await readPdf(path.join(out, 'developer', `${code.toLowerCase()}-review.pdf`));
    const text = `${handout.text}\n${review.text}`;
    for (const [key, words] of Object.entries(english)) {
      if (placeholders(words).length > 0 || words === labels[key] || words.length < 4) continue;
      expect(text, `${key}: ${words}`).not.toContain(words);
    }
    // Extracted right-to-left text can come out in visual order, so the HTML says it for those.
    const html = ['', '-review']
      .map((variant) => readFileSync(path.join(out, 'developer', `${code.toLowerCase()}${variant}.html`), 'utf8'))
      .join('\n');
    for (const key of ['theRole', 'everyAxis', 'signOff', 'personReviewed']) expect(rtl ? html : text, key).toContain(labels[key]);
  });

  it('writes the index, the role page and a comparison in the language too, chart included', async () => {
    const comparison = path.join(scratch, `${locale}-compare`);
    const compared = await run(
      [
        'compare',
        `${code[0]}1`,
        code,
        '--ladders',
        path.join(repoRoot, 'test', 'fixtures', `locale-${locale.toLowerCase()}`, 'input'),
      ].concat(['--out', comparison, '--format', 'html']),
      repoRoot,
    );
    expect(compared.code, compared.stderr).toBe(0);
    const pages = {
      index: readFileSync(path.join(out, 'index.html'), 'utf8'),
      role: readFileSync(path.join(out, 'developer', 'index.html'), 'utf8'),
      comparison: readFileSync(path.join(comparison, `${code[0]!.toLowerCase()}1-vs-${code.toLowerCase()}.html`), 'utf8'),
    };
    for (const [page, html] of Object.entries(pages)) {
      expect(html, page).toContain(`<html lang="${locale}" dir="${rtl ? 'rtl' : 'ltr'}">`);
      const text = wordsOf(html);
      for (const [key, words] of Object.entries(english)) {
        // Each label's words outside its placeholders, where they are long enough to be told apart.
        for (const part of words.split(/\{\w+\}/).map((piece) => piece.trim()))
          if (part.length >= 6 && part !== labels[key]) expect(text, `${page}: ${key}: ${part}`).not.toContain(part);
      }
    }
    expect(wordsOf(pages.comparison)).toContain(labels.whatChanges);
    // The chart's own text, which screen readers and PDF readers announce, speaks the language too.
    const chart = /<svg[\s\S]*?<\/svg>/.exec(pages.comparison)![0];
    expect(chart).not.toMatch(/ of \d| expectations|outline\)/);
  });

  it(`is marked as ${locale} and laid out ${rtl ? 'right to left' : 'left to right'}`, async () => {
    const html = readFileSync(path.join(out, 'developer', `${code.toLowerCase()}.html`), 'utf8');
    expect(html).toContain(`<html lang="${locale}" dir="${rtl ? 'rtl' : 'ltr'}">`);
    // Chromium gives the PDF the page's language, in its catalog.
    expect(readFileSync(path.join(out, 'developer', `${code.toLowerCase()}.pdf`), 'latin1')).toContain(`/Lang (${locale})`);
    // The position's code heads the page: at the right edge in a right-to-left language, at the left otherwise.
    const pdf = await openPdf(new Uint8Array(readFileSync(path.join(out, 'developer', `${code.toLowerCase()}.pdf`))));
    const page = await pdf.getPage(1);
    const width = page.view[2]!;
    const { items } = await page.getTextContent();
    // The topmost run that is the code alone: the heading's badge, not a mention further down.
    const heading = (items as { str?: string; transform: number[] }[])
      .filter((item) => item.str?.trim() === code)
      .sort((a, b) => b.transform[5]! - a.transform[5]!)[0];
    expect(heading).toBeDefined();
    expect(heading!.transform[4]! > width / 2).toBe(rtl);
  });
});
