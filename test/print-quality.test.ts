import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserChoice } from '../src/browser/find-browser.js';
import { toolVersion } from '../src/tool-version.js';
import { measurePdf, type MeasuredPage } from './support/measure-pdf.js';
import { run } from './support/run.js';
import { shippedBuild } from './support/shipped-build.js';
import { closeWarmBrowser } from './support/warm-browser.js';

// Every shipped handout and worksheet, printed on both papers, measured as a reader would: how far
// down each page the ink reaches, how small its text is, whether anything runs off the paper, where
// its links go.

// One browser serves the whole file: each of the many commands run here launches it as usual, and is
// handed the same warm browser each time.
vi.mock('../src/browser/launch-browser.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/browser/launch-browser.js')>();
  const { launchWarmBrowser } = await import('./support/warm-browser.js');
  return { ...original, launchBrowser: (choice: BrowserChoice) => launchWarmBrowser(original.launchBrowser, choice) };
});
afterAll(closeWarmBrowser);

const repoRoot = path.join(import.meta.dirname, '..');
const ladders = path.join(repoRoot, 'ladders');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-print-quality-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// On A4, the PDFs of `ladders build` with no options, made once for every file that reads them.
const shipped = await shippedBuild();

const MM = 72 / 25.4;
/** The side margins of the print stylesheet, less a little: pdf.js's widths include the last glyph's side bearing. */
const SIDE_MARGIN = 15 * MM - 3;

/** Every handout's and worksheet's PDF under `folder`, by its path in it: not the books (`ladder.pdf`, `<role-id>/<role-id>.pdf`), which book.test.ts reads. */
function listPdfs(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.pdf') && !/^(?:ladder|([^/]+)\/\1)\.pdf$/.test(file))
    .sort();
}

/** What is wrong with a printed file's pages, in words; empty when nothing is. */
function findFaults(file: string, pages: MeasuredPage[]): string[] {
  const faults: string[] = [];
  if (pages.length > 2) faults.push(`${file}: ${pages.length} pages`);
  pages.forEach((page) => {
    const where = `${file} page ${page.number}`;
    for (const gap of paddedRows(page)) faults.push(`${where}: ${gap}`);
    const small = page.texts.filter((text) => text.size < 7);
    if (small.length > 0) faults.push(`${where}: ${small.map((text) => `"${text.text}" at ${text.size.toFixed(1)} pt`).join(', ')}`);
    const body = bodySize(page);
    if (body < 9) faults.push(`${where}: body text at ${body.toFixed(1)} pt`);
    const cut = page.texts.filter((text) => text.x < SIDE_MARGIN || text.right > page.width - SIDE_MARGIN);
    if (cut.length > 0) faults.push(`${where}: past the margin: ${cut.map((text) => `"${text.text}"`).join(', ')}`);
  });
  return faults;
}

// A table's text, as the print stylesheet sets it: 9.5 pt at a line height of 1.45, cells padded 0.45 em above and below.
const TABLE_LINE = 9.5 * 1.45;
const CELL_PADDING = 2 * 0.45 * 9.5;

/**
 * The gaps in a page's table of axes (under the `AXIS` column head) wider than two lines and a cell's
 * padding: the room a row is stretched by, not the room its text needs. Each is said with the line
 * below it.
 */
function paddedRows(page: MeasuredPage): string[] {
  const head = page.texts.find((text) => text.text === 'AXIS');
  if (!head) return [];
  // The rows run down from the head as long as each starts a cell in the head's column.
  const rowHeads = page.texts.filter((text) => Math.abs(text.x - head.x) < 2 && text.top > head.top).sort((a, b) => a.top - b.top);
  const end = rowHeads.at(-1)?.top ?? head.top;
  const tops = [...new Set(page.texts.filter((text) => text.top >= head.top && text.top <= end).map((text) => Math.round(text.top)))].sort(
    (a, b) => a - b,
  );
  const faults: string[] = [];
  for (let i = 1; i < tops.length; i++) {
    const gap = tops[i]! - tops[i - 1]!;
    if (gap > 2 * TABLE_LINE + CELL_PADDING) {
      const below = page.texts.find((text) => Math.round(text.top) === tops[i])?.text;
      faults.push(`a row padded: ${gap.toFixed(0)} pt down to "${below}"`);
    }
  }
  return faults;
}

/** The size most of a page's characters are set in. */
function bodySize(page: MeasuredPage): number {
  const characters = new Map<number, number>();
  for (const text of page.texts) {
    const size = Math.round(text.size * 10) / 10;
    characters.set(size, (characters.get(size) ?? 0) + text.text.length);
  }
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

describe.each(['a4', 'letter'])('every shipped handout and worksheet on %s', (paper) => {
  const measured = new Map<string, MeasuredPage[]>();
  beforeAll(async () => {
    let out = shipped;
    if (paper !== 'a4') {
      out = path.join(scratch, paper);
      const result = await run(['build', '--format', 'pdf', '--paper', paper, '--out', out], repoRoot);
      expect(result.code, result.stderr).toBe(0);
    }
    for (const file of listPdfs(out)) measured.set(file, await measurePdf(path.join(out, file)));
    // A hang detector, not a budget: 36 PDFs printed and read on a busy machine.
  }, 180_000);

  it('takes at most two pages, pads no row of a table, prints no text under 7 pt, body text at 9 pt or more, and nothing past the margins', () => {
    expect(measured.size).toBe(36);
    expect([...measured].flatMap(([file, pages]) => findFaults(file, pages))).toEqual([]);
  });

  it('sets the chart’s labels and caption in whole words at 7 pt or more', () => {
    const [first] = measured.get('developer/d1.pdf') ?? [];
    const words = first?.texts.map((text) => text.text) ?? [];
    for (const label of ['Technology', 'Influence', 'Subsystem', 'Adopts']) expect(words).toContain(label);
    expect(first?.texts.filter((text) => text.text.includes('Influence 1 of 5'))).toHaveLength(1);
  });

  it('links a handout to its neighbours’ PDFs, and nothing to an HTML page', () => {
    const links = [...measured].flatMap(([file, pages]) => pages.flatMap((page) => page.links.map((link) => ({ file, url: link.url }))));
    const em6 = links.filter((link) => link.file === 'engineering-manager/em6.pdf').map((link) => link.url?.split('#')[0]);
    expect(em6).toEqual(['em5.pdf', 'em7.pdf']);
    expect(links.filter((link) => !/^[a-z0-9]+\.pdf#/.test(link.url ?? ''))).toEqual([]);
  });

  it('asks, per axis of the worksheet, for a rating or "N/A", and says what the next position expects', () => {
    const text = (measured.get('engineering-manager/em6-review.pdf') ?? []).flatMap((page) => page.texts.map((run) => run.text)).join(' ');
    expect(text.match(/N\/A/g)).toHaveLength(5);
    expect(text).toContain('EM7 expects:');
    expect(text).toContain('EM7 expects the same.');
  });
});

// Every promotion within a role, and two moves to another track.
const comparisons = [
  ...[1, 2, 3, 4, 5, 6].map((level) => [`D${level}`, `D${level + 1}`]),
  ...[4, 5, 6].map((level) => [`TL${level}`, `TL${level + 1}`]),
  ...[4, 5, 6].map((level) => [`TPM${level}`, `TPM${level + 1}`]),
  ['EM5', 'EM6'],
  ['EM6', 'EM7'],
  ['TL5', 'EM5'],
  ['TL4', 'TPM4'],
];

describe.each(['a4', 'letter'])('every comparison of neighbouring positions on %s', (paper) => {
  it.each(comparisons)(
    '%s → %s takes a second page only for what the first cannot hold, pads no row, no text under 7 pt',
    async (from, to) => {
      const out = path.join(scratch, `compare-${paper}`);
      const result = await run(['compare', from, to, '--format', 'pdf', '--paper', paper, '--out', out], repoRoot);
      expect(result.code, result.stderr).toBe(0);
      const file = `${from.toLowerCase()}-vs-${to.toLowerCase()}.pdf`;
      const pages = await measurePdf(path.join(out, file));
      expect(findFaults(file, pages)).toEqual([]);
      // The first page holds the positions, the chart and the table of axes; what follows flows on, and a
      // second page is there only because the first is full: together they hold more than one page would.
      const pageOf = (words: string) => pages.find((page) => page.texts.some((text) => text.text.includes(words)))?.number;
      expect(pageOf('Axis by axis')).toBe(1);
      if (pages.length > 1) expect(pages[0]!.fill + pages[1]!.fill).toBeGreaterThan(1);
      // One legend: the chart's own, not a sentence repeating it.
      expect(pages[0]?.texts.some((text) => /outline/.test(text.text))).toBe(false);
    },
  );
});

describe('a copy for someone outside the organisation', () => {
  const workspace = path.join(scratch, 'offer');
  const pagesOf = async (folder: string, file: string) => measurePdf(path.join(workspace, folder, 'engineering-manager', file));
  const textOf = (page: MeasuredPage) => page.texts.map((text) => text.text).join(' ');
  const internals = ['engineering-manager.md', `ladders ${toolVersion}`, 'line 21', '›'];

  beforeAll(async () => {
    rmSync(workspace, { recursive: true, force: true });
    const config = { organization: 'Acme Robotics', ladders };
    mkdirSync(workspace, { recursive: true });
    writeFileSync(path.join(workspace, 'ladders.config.json'), JSON.stringify(config));
    for (const variant of ['handout', 'review']) {
      const args = [
        'build',
        '--only',
        'EM6',
        '--format',
        'pdf,html',
        '--variant',
        variant,
        '--for',
        'A. Candidate',
        '--date',
        '2026-12-01',
      ];
      const result = await run([...args, '--out', 'offer'], workspace);
      expect(result.code, result.stderr).toBe(0);
    }
  });

  it('names the organisation and the person on every page, and shows no source, line, version or navigation', async () => {
    for (const file of ['em6.pdf', 'em6-review.pdf']) {
      const pages = await pagesOf('offer', file);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        const text = textOf(page);
        expect(text, `${file} page ${page.number}`).toContain('Acme Robotics');
        expect(text, `${file} page ${page.number}`).toContain('Prepared for A. Candidate, 1 December 2026');
        for (const internal of internals) expect(text, `${file} page ${page.number}`).not.toContain(internal);
        expect(page.links).toEqual([]);
      }
    }
    const html = readFileSync(path.join(workspace, 'offer', 'engineering-manager', 'em6.html'), 'utf8');
    expect(html).not.toContain('engineering-manager.md');
    expect(html).not.toContain('href="em5.html"');
  });

  it('fills in the worksheet’s name', async () => {
    const [first] = await pagesOf('offer', 'em6-review.pdf');
    const name = first?.texts.find((text) => text.text === 'A. Candidate');
    const label = first?.texts.find((text) => text.text === 'Name');
    expect(name).toBeDefined();
    expect(name?.top).toBeCloseTo(label?.top ?? 0, 0);
  });

  it('leaves the internals out for `audience: "external"` too', async () => {
    writeFileSync(
      path.join(workspace, 'ladders.config.json'),
      JSON.stringify({ organization: 'Acme Robotics', ladders, audience: 'external' }),
    );
    const result = await run(['build', '--only', 'EM6', '--format', 'pdf', '--variant', 'handout', '--out', 'external'], workspace);
    expect(result.code, result.stderr).toBe(0);
    for (const page of await pagesOf('external', 'em6.pdf')) {
      expect(textOf(page)).toContain('Acme Robotics');
      for (const internal of internals) expect(textOf(page)).not.toContain(internal);
    }
  });
});

describe('an HTML handout', () => {
  const out = path.join(scratch, 'html');
  const read = (file: string, folder = out) => readFileSync(path.join(folder, 'engineering-manager', file), 'utf8');

  it('links to its PDF and its worksheet, and the worksheet back, when the build makes them', () => {
    // The build with no options makes both, in every format.
    for (const href of ['em6.pdf', 'em6-review.html', 'em6-review.pdf']) expect(read('em6.html', shipped)).toContain(`href="${href}"`);
    for (const href of ['em6.html', 'em6.pdf', 'em6-review.pdf']) expect(read('em6-review.html', shipped)).toContain(`href="${href}"`);
  });

  it('links to no PDF the build does not make', async () => {
    rmSync(out, { recursive: true, force: true });
    const result = await run(['build', '--only', 'EM6', '--format', 'html', '--variant', 'handout', '--out', out], repoRoot);
    expect(result.code, result.stderr).toBe(0);
    expect(read('em6.html')).not.toMatch(/href="[^"]*\.pdf"/);
    expect(read('em6.html')).not.toContain('em6-review');
  });
});
