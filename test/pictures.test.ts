import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findBrowser, type BrowserChoice } from '../src/browser/find-browser.js';
import { launchBrowser } from '../src/browser/launch-browser.js';
import { printPdfs } from '../src/print/print-pdfs.js';
import { fillMarkdownWorksheet, type WorksheetAnswers } from './support/fill-worksheet.js';
import { matchBaselines } from './support/match-baselines.js';
import { rasterizePdf } from './support/rasterize-pdf.js';
import { shippedTemplates } from './support/render.js';
import { textLadder } from './support/text-ladder.js';
import { planOutputs } from '../src/plan/plan-outputs.js';
import { renderPdfPage } from '../src/render/render-output.js';
import { pageStyle } from '../src/render/render-page.js';
import { run } from './support/run.js';
import { closeWarmBrowser } from './support/warm-browser.js';

// Every kind of page, printed by the command as a user runs it, drawn page by page as a picture and
// compared with the pictures in test/baselines/, which were looked at when they were committed. A test
// that fails names the page and how many pixels differ, and leaves the page as it is now and the
// difference in the system's temporary folder. After an intended change:
// UPDATE_BASELINES=1 npx vitest run test/pictures.test.ts, then look at every picture that changed.
//
// One browser serves the whole file: every command run here launches it as usual, and is handed the
// same warm browser each time. It is the Chromium the baselines were drawn with, the one shipped
// for Linux x64, even where a Chrome installed on the machine would be found first: another version
// may break a line elsewhere. (On other systems, whichever browser is found.)
vi.mock('../src/browser/launch-browser.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/browser/launch-browser.js')>();
  const { launchWarmBrowser } = await import('./support/warm-browser.js');
  const { unpackBundledChromium } = await import('../src/browser/unpack-bundled-chromium.js');
  const shipped = async (found: BrowserChoice): Promise<BrowserChoice> =>
    process.platform === 'linux' && process.arch === 'x64' ? { executablePath: await unpackBundledChromium(), source: 'bundled' } : found;
  return { ...original, launchBrowser: async (choice: BrowserChoice) => launchWarmBrowser(original.launchBrowser, await shipped(choice)) };
});
afterAll(closeWarmBrowser);

const repoRoot = path.join(import.meta.dirname, '..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-pictures-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The index and the role pages, which the command makes as HTML only. Built first, with the browser
// started beside it, it also loads the command's modules, so each test times its own pages. The
// two filled worksheets the assessment is made from are written beside them.
let htmlOut = '';
beforeAll(async () => {
  const [out] = await Promise.all([
    ladders('html', ['build', '--format', 'html', '--variant', 'handout', '--paper', 'a4']),
    findBrowser({}).then(launchBrowser),
    fillPair(),
  ]);
  htmlOut = out;
});

/** Run `ladders …` from the repository into a new folder, and return that folder. */
async function ladders(folder: string, args: string[]): Promise<string> {
  const out = path.join(scratch, folder);
  const result = await run([...args, '--out', out], repoRoot);
  expect(result.code, result.stderr).toBe(0);
  return out;
}

/** What a self copy and a manager copy of the EM6 worksheet say, as two people fill them in. */
const reviewed: Record<'self' | 'manager', WorksheetAnswers> = {
  self: {
    fields: {
      name: 'Sam Rivera',
      manager: 'Noor Haddad',
      period: 'Second half of 2026',
      date: '2026-11-20',
      'sign-off-person': 'Sam Rivera',
      'sign-off-person-date': '2026-11-20',
    },
    overall: { self: 'meets' },
    axes: {
      technology: { self: 'meets', evidence: 'Chose the queue for the billing rewrite after two spikes, and wrote down why.' },
      system: { self: 'meets', evidence: 'Split the reporting service so that the nightly jobs no longer block the day team.' },
      people: {
        self: 'above',
        evidence: 'Coached two engineers into leading their own projects.\nRan the hiring loop for the platform team.',
      },
      process: { self: 'meets', evidence: 'Moved planning to a monthly cycle; missed dates went from five to one.' },
      influence: { self: 'below' },
    },
  },
  manager: {
    fields: {
      name: 'Sam Rivera',
      strengths: 'Steady under pressure; people ask Sam first when an incident starts.',
      grow: 'Take the architecture review for the whole group, not only the team.\nWrite for readers outside engineering.',
      'sign-off-manager': 'Noor Haddad',
      'sign-off-manager-date': '2026-11-24',
    },
    overall: { manager: 'meets' },
    axes: {
      technology: { manager: 'meets' },
      system: { manager: 'above', evidence: 'The reporting split also halved the cost of the nightly run.' },
      people: { manager: 'above' },
      process: { manager: 'below', evidence: 'The monthly cycle works for the team, but the other teams were not told.' },
      influence: { manager: 'meets', evidence: 'Gave the talk on the billing rewrite at the company meeting.' },
    },
  },
};

/** The two filled copies of the EM6 worksheet, made once for every test that asks. */
let filledPair: Promise<string[]> | undefined;
function fillPair(): Promise<string[]> {
  filledPair ??= (async () => {
    const out = await ladders('worksheets', ['build', '--only', 'EM6', '--variant', 'review', '--format', 'md']);
    const blank = readFileSync(path.join(out, 'engineering-manager', 'em6-review.md'), 'utf8');
    return (['self', 'manager'] as const).map((who) => {
      const file = path.join(scratch, `${who}.md`);
      writeFileSync(file, fillMarkdownWorksheet(blank, reviewed[who]));
      return file;
    });
  })();
  return filledPair;
}

/** Compare every page of a PDF with its baselines. */
function expectAsReviewed(name: string, pdf: Uint8Array): void {
  const problems = matchBaselines(name, rasterizePdf(pdf));
  expect(problems, problems.join('\n')).toEqual([]);
}

describe('pages look as reviewed', () => {
  for (const paper of ['a4', 'letter']) {
    it(`the handout, on ${paper}`, async () => {
      const out = await ladders(`handout-${paper}`, [
        'build',
        '--only',
        'EM6',
        '--format',
        'pdf',
        '--variant',
        'handout',
        '--paper',
        paper,
      ]);
      expectAsReviewed(`handout-em6-${paper}`, readFileSync(path.join(out, 'engineering-manager', 'em6.pdf')));
    });

    it(`the review worksheet, on ${paper}`, async () => {
      const out = await ladders(`review-${paper}`, ['build', '--only', 'EM6', '--format', 'pdf', '--variant', 'review', '--paper', paper]);
      expectAsReviewed(`review-em6-${paper}`, readFileSync(path.join(out, 'engineering-manager', 'em6-review.pdf')));
    });
  }

  for (const paper of ['a4', 'letter']) {
    it(`the assessment of a self copy and a manager copy, on ${paper}`, async () => {
      const out = await ladders(`assessment-${paper}`, ['assess', ...(await fillPair()), '--format', 'pdf', '--paper', paper]);
      expectAsReviewed(`assessment-em6-${paper}`, readFileSync(path.join(out, 'em6-assessment-sam-rivera.pdf')));
    });
  }

  it('the comparison of two positions', async () => {
    const out = await ladders('compare', ['compare', 'EM5', 'EM6', '--format', 'pdf', '--paper', 'a4']);
    expectAsReviewed('compare-em5-em6-a4', readFileSync(path.join(out, 'em5-vs-em6.pdf')));
  });

  it('the copy prepared for an offer letter', async () => {
    const out = await ladders('offer', [
      'build',
      '--only',
      'EM6',
      '--format',
      'pdf',
      '--paper',
      'a4',
      '--for',
      'A. Candidate',
      '--date',
      '2026-12-01',
    ]);
    expectAsReviewed('offer-em6-a4', readFileSync(path.join(out, 'engineering-manager', 'em6.pdf')));
  });

  it('a guide page, with its table and its pictures', async () => {
    const input = path.join(fixtures, 'reader-guides', 'input');
    const out = await ladders('guides', ['build', '--ladders', input, '--format', 'pdf', '--variant', 'handout', '--paper', 'a4']);
    expectAsReviewed('guide-balancing-a4', readFileSync(path.join(out, 'guides', 'balancing.pdf')));
  });

  it('a right-to-left handout, in Arabic on its own paper', async () => {
    const input = path.join(fixtures, 'locale-ar', 'input');
    const out = await ladders('arabic', ['build', '--ladders', input, '--only', 'A2', '--format', 'pdf', '--variant', 'handout']);
    expectAsReviewed('handout-a2-ar', readFileSync(path.join(out, 'developer', 'a2.pdf')));
  });

  it('a role’s book: its cover, its numbered contents and the introduction', async () => {
    // The fourth of the five books is the Engineering Manager's; its first pages are the book's own.
    const out = await ladders('book', ['build', '--format', 'book', '--shard', '4/5', '--paper', 'a4', '--date', '2026-12-01']);
    const pages = rasterizePdf(readFileSync(path.join(out, 'engineering-manager', 'engineering-manager.pdf'))).slice(0, 3);
    const problems = matchBaselines('book-engineering-manager-a4', pages);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('a handout of a ladder kept in words: statements, examples, facts, what holds at every level, no chart', async () => {
    const templates = await shippedTemplates();
    const outputs = planOutputs(textLadder(), templates, {
      formats: ['pdf'],
      variants: ['handout'],
      paper: 'a4',
      style: pageStyle(templates, null),
      toolVersion: '0.0.0-test',
      only: null,
      date: null,
      organization: null,
      brandColor: null,
      logo: null,
      version: null,
      locale: null,
      labels: null,
    });
    // PE1 has examples and the role's first step; PE2 a statement marked new, and statements added, removed and reworded.
    const codes = ['pe1', 'pe2'];
    const pages = outputs.flatMap((output) =>
      output.kind === 'pdf' && codes.some((code) => output.path === `product-engineer/${code}.pdf`)
        ? [renderPdfPage(templates, output)]
        : [],
    );
    expect(pages).toHaveLength(codes.length);
    const printed = new Map<string, Uint8Array>();
    await printPdfs(pages, { browser: await findBrowser({}), concurrency: 1, onPdf: (page, pdf) => void printed.set(page.path, pdf) });
    for (const code of codes) expectAsReviewed(`handout-${code}-text-a4`, printed.get(`product-engineer/${code}.pdf`)!);
  });

  it('the index and a role page, printed from their HTML as a browser prints them', async () => {
    // They carry the same print styles as the handouts.
    const pages = { index: 'index.html', 'role-engineering-manager': 'engineering-manager/index.html' };
    const printed = new Map<string, Uint8Array>();
    await printPdfs(
      Object.entries(pages).map(([name, file]) => ({
        path: name,
        html: readFileSync(path.join(htmlOut, file), 'utf8'),
        info: { title: name, subject: name, keywords: [], author: null, creator: 'test', date: null },
      })),
      { browser: await findBrowser({}), concurrency: 1, onPdf: (page, pdf) => void printed.set(page.path, pdf) },
    );
    for (const name of Object.keys(pages)) expectAsReviewed(`${name}-a4`, printed.get(name)!);
  });
});
