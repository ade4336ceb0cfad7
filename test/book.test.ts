import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPdf, readPdfText, type PdfDocument, type PdfOutlineItem } from './support/pdf.js';
import { run } from './support/run.js';
import { listTree } from './support/tree.js';
// The bench's generator of large ladders: valid, warning-free, any number of roles of 20 positions.
import { writeScaleLadders } from '../bench/write-scale-ladders.mjs';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-book-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A copy of the shipped ladders, so a test can edit one role and see which books are made again.
const project = path.join(scratch, 'project');
cpSync(path.join(repoRoot, 'ladders'), path.join(project, 'ladders'), { recursive: true });
const env = { ...process.env, SOURCE_DATE_EPOCH: '' };
const first = await run(['build', '--format', 'book', '--json'], project, env);
const out = path.join(project, 'out');

const books = ['developer', 'tech-lead', 'technical-program-manager', 'engineering-manager'].map((id) => `${id}/${id}.pdf`);

async function open(file: string): Promise<PdfDocument> {
  return openPdf(new Uint8Array(readFileSync(path.join(out, file))));
}

function flatten(items: readonly PdfOutlineItem[]): PdfOutlineItem[] {
  return items.flatMap((item) => [item, ...flatten(item.items)]);
}

/** Every line of a page's text, top to bottom, each with its words joined and its baseline. */
async function linesOf(pdf: PdfDocument, pageNumber: number): Promise<{ y: number; text: string }[]> {
  const { items } = await (await pdf.getPage(pageNumber)).getTextContent();
  const lines = new Map<number, { x: number; width: number; str: string }[]>();
  for (const item of items as { str: string; width: number; transform: number[] }[]) {
    if (!item.str.trim()) continue;
    const y = Math.round(item.transform[5]!);
    lines.set(y, [...(lines.get(y) ?? []), { x: item.transform[4]!, width: item.width, str: item.str }]);
  }
  return [...lines]
    .sort(([a], [b]) => b - a)
    .map(([y, words]) => {
      words.sort((a, b) => a.x - b.x);
      // Runs that touch are one word (CJK text comes a glyph or two at a time); a gap is a space.
      const text = words.map((word, at) => (at > 0 && word.x > words[at - 1]!.x + words[at - 1]!.width + 1 ? ' ' : '') + word.str).join('');
      return { y, text: text.replace(/\s+/g, ' ').trim() };
    });
}

describe('ladders build --format book', () => {
  it('writes the whole ladder as out/ladder.pdf and one book per role, and nothing else', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(listTree(out)).toEqual(['.ladders-manifest.json', ...books, 'ladder.pdf'].sort());
    const manifest = JSON.parse(readFileSync(path.join(out, '.ladders-manifest.json'), 'utf8')) as { outputs: Record<string, unknown> };
    expect(Object.keys(manifest.outputs).sort()).toEqual([...books, 'ladder.pdf'].sort());
  });

  it('has every one of the 18 positions, tagged, with bookmarks nested role → position → section', async () => {
    const pdf = await open('ladder.pdf');
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const outline = (await pdf.getOutline()) ?? [];
    expect(flatten(outline).length).toBeGreaterThanOrEqual(22);
    const manager = outline.find((item) => item.title === 'Engineering Manager');
    expect(manager?.items.map((item) => item.title)).toEqual([
      'Positions side by side',
      'EM5 Engineering Manager 5',
      'EM6 Engineering Manager 6',
      'EM7 Engineering Manager 7',
    ]);
    expect(manager?.items[2]?.items.map((item) => item.title)).toEqual(
      expect.arrayContaining(['The role', 'What EM6 expects', 'Every axis, rank by rank']),
    );
    const text = await readPdfText(pdf);
    for (const code of ['D1', 'D7', 'TL4', 'TL7', 'TPM4', 'TPM7', 'EM5', 'EM7']) expect(text).toContain(`What ${code} expects`);
    expect(text.match(/What [A-Z]+\d expects/g)).toHaveLength(18);
    for (const part of ['Contents', 'Introduction', 'Positions by level and role', 'How to read a handout'])
      expect(outline.map((item) => item.title)).toContain(part);
  });

  it('numbers its contents: every entry names the page its link goes to, and that part starts at the top of that page', async () => {
    const pdf = await open('ladder.pdf');
    const contents = await linesOf(pdf, 2);
    expect(contents[0]?.text).toContain('Contents');
    const links = (await (await pdf.getPage(2)).getAnnotations()).filter((annotation) => annotation.subtype === 'Link');
    expect(links).toHaveLength(2 + 4 + 18 + 1);
    for (const link of links) {
      expect(typeof link.dest).toBe('string');
      const destination = (await pdf.getDestination(link.dest as string))!;
      const page = (await pdf.getPageIndex(destination[0])) + 1;
      const [, bottom, , top] = link.rect as [number, number, number, number];
      const line = contents.find((candidate) => candidate.y >= bottom && candidate.y <= top);
      expect(line?.text, `the entry linking to #${String(link.dest)}`).toMatch(new RegExp(` ${page}$`));
      const title = line!.text.replace(/ \d+$/, '').replace(/ — /, ' ');
      // How to read a handout follows the contents on their own page, where a newcomer looks first.
      if (link.dest === 'book-how-to-read') {
        expect(page).toBe(2);
        expect(contents.map((candidate) => candidate.text)).toContain(title);
        continue;
      }
      const target = await linesOf(pdf, page);
      // The running heads, then the part's heading: the first line of the page's own text.
      const heading = target.find((candidate) => candidate.y < 800 && !/\d+ \/ \d+/.test(candidate.text));
      expect(heading?.text.replace(/ — /, ' '), `page ${page}`).toBe(title);
      // The destination is the top of the page's text: the part starts the page.
      expect(destination[3]).toBeGreaterThan(770);
    }
  });

  it('opens on a cover with the title, the summary, the day and the tool, then how to read a handout, and ends on its last part', async () => {
    const pdf = await open('ladder.pdf');
    const cover = (await linesOf(pdf, 1)).map((line) => line.text).join(' ');
    expect(cover).toContain('Engineering Career Ladders');
    expect(cover).toContain('This framework gives managers and the engineers who report to them');
    expect(cover).toMatch(/· ladders \d/);
    const contents = (await linesOf(pdf, 2)).map((line) => line.text);
    expect(contents.indexOf('How to read a handout')).toBeGreaterThan(contents.indexOf('Contents'));
    // The last page holds more than its running foot: no blank page closes the book.
    const last = (await linesOf(pdf, pdf.numPages)).filter((line) => !/^\d+ \/ \d+$/.test(line.text));
    expect(last.length).toBeGreaterThan(3);
  });

  it('names each position in the matrix by its code and title', async () => {
    const pdf = await open('ladder.pdf');
    const outline = (await pdf.getOutline()) ?? [];
    const matrix = outline.find((item) => item.title === 'Positions by level and role')!;
    const page = (await pdf.getPageIndex((matrix.dest as unknown[])[0])) + 1;
    const text = (await linesOf(pdf, page)).map((line) => line.text).join(' ');
    for (const [code, title] of [
      ['D1', 'Developer 1'],
      ['TL4', 'Tech Lead 4'],
      ['TPM7', 'Technical Program Manager 7'],
      ['EM6', 'Engineering Manager 6'],
    ]) {
      expect(text).toContain(code);
      expect(text).toContain(title);
    }
  });

  it('runs heads naming the role and the position, and numbers pages "n / N"', async () => {
    const pdf = await open('ladder.pdf');
    const outline = (await pdf.getOutline()) ?? [];
    const em6 = flatten(outline).find((item) => item.title === 'EM6 Engineering Manager 6')!;
    // Chromium writes each bookmark's destination out: `[page, /XYZ, x, y, zoom]`.
    const page = (await pdf.getPageIndex((em6.dest as unknown[])[0])) + 1;
    const lines = (await linesOf(pdf, page)).map((line) => line.text);
    expect(lines[0]).toMatch(/^Engineering Manager EM6 ?— ?Engineering Manager 6$/);
    expect(lines.at(-1)).toBe(`${page} / ${pdf.numPages}`);
  });

  it('makes the role book of EM5–EM7 and nothing else', async () => {
    const pdf = await open('engineering-manager/engineering-manager.pdf');
    const text = await readPdfText(pdf);
    expect(text.match(/What [A-Z]+\d expects/g)).toEqual(['What EM5 expects', 'What EM6 expects', 'What EM7 expects']);
    expect(text).not.toMatch(/\b(?:D|TL|TPM)\d\b/);
    const outline = (await pdf.getOutline())?.map((item) => item.title);
    expect(outline).toContain('Engineering Manager');
    expect(outline).not.toContain('Developer');
  });

  it('prints the same bytes again, one shard at a time', async () => {
    const again = path.join(scratch, 'again');
    const shard = await run(['build', '--format', 'book', '--shard', '5/5', '--out', again], project, env);
    expect(shard.code, shard.stderr).toBe(0);
    expect(listTree(again)).toEqual(['.ladders-manifest-5-of-5.json', 'ladder.pdf']);
    expect(readFileSync(path.join(again, 'ladder.pdf')).equals(readFileSync(path.join(out, 'ladder.pdf')))).toBe(true);
  });

  it('is current for --check, and remade only where a role it shows changed', async () => {
    const check = await run(['build', '--format', 'book', '--check'], project, env);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const file = path.join(project, 'ladders', 'engineering-manager.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('evolves the architecture', 'evolves, with care, the architecture'));
    const rebuilt = await run(['build', '--format', 'book', '--json'], project, env);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect((JSON.parse(rebuilt.stdout) as { written: string[] }).written.sort()).toEqual(
      ['engineering-manager/engineering-manager.pdf', 'ladder.pdf'].sort(),
    );
  });

  it('is not made for --only, nor without `book` in the formats', async () => {
    const only = await run(['build', '--only', 'EM6', '--format', 'book,md', '--out', 'only'], project, env);
    expect(only.code, only.stderr).toBe(0);
    expect(listTree(path.join(project, 'only')).filter((file) => file.endsWith('.pdf'))).toEqual([]);
  });
});

describe('links to the books', () => {
  const basic = path.join(repoRoot, 'test', 'fixtures', 'reader-basic', 'input');
  const read = (out: string, file: string) => readFileSync(path.join(out, file), 'utf8');

  it('lead from the index and the role pages, in HTML and Markdown, to the books the build makes', async () => {
    const out = path.join(scratch, 'linked');
    const built = await run(['build', '--ladders', basic, '--format', 'html,md,book', '--out', out], repoRoot, env);
    expect(built.code, built.stderr).toBe(0);
    expect(read(out, 'index.html')).toContain('<a href="ladder.pdf">The whole ladder as one book (PDF)</a>');
    expect(read(out, 'index.html')).toContain('<a href="maker/maker.pdf">The Maker role as one book (PDF)</a>');
    expect(read(out, 'maker/index.html')).toContain('<a href="maker.pdf">The Maker role as one book (PDF)</a>');
    expect(read(out, 'README.md')).toContain('[The whole ladder as one book (PDF)](ladder.pdf)');
    expect(read(out, 'maker/README.md')).toContain('[The Maker role as one book (PDF)](maker.pdf)');
    for (const book of ['ladder.pdf', 'maker/maker.pdf']) expect(listTree(out)).toContain(book);
  });

  it('are left out when the build makes no book', async () => {
    const out = path.join(scratch, 'unlinked');
    const built = await run(['build', '--ladders', basic, '--format', 'html,md', '--out', out], repoRoot, env);
    expect(built.code, built.stderr).toBe(0);
    for (const file of ['index.html', 'maker/index.html', 'README.md', 'maker/README.md'])
      expect(read(out, file), file).not.toMatch(/ladder\.pdf|maker\.pdf/);
  });
});

describe('a ladder too large for one book', () => {
  it('makes each role’s book and refuses the whole ladder’s, naming the limit and pointing to the role books', async () => {
    const large = path.join(scratch, 'large');
    mkdirSync(path.join(large, 'ladders'), { recursive: true });
    // 4 roles of 20 positions: 80, past the 60 one book is made for.
    await writeScaleLadders(path.join(large, 'ladders'), path.join(repoRoot, 'ladders', 'README.md'), { roles: 4 });
    const check = await run(['build', '--format', 'book', '--check', '--json'], large, env);
    expect(check.stderr).toContain(
      "ladders/README.md:1:1: warning The ladder has 80 positions, more than the 60 one book is made for within 1 GiB of memory: `ladder.pdf` is not made; each role's book is, as `<role-id>/<role-id>.pdf` [whole-book-too-large]",
    );
    const { differences } = JSON.parse(check.stdout) as { differences: { path: string }[] };
    expect(differences.map((difference) => difference.path).sort()).toEqual(
      ['role-a/role-a.pdf', 'role-b/role-b.pdf', 'role-c/role-c.pdf', 'role-d/role-d.pdf'].sort(),
    );
  });
});

describe('a Korean ladder’s book', () => {
  const korean = path.join(scratch, 'korean');
  cpSync(path.join(repoRoot, 'ladders'), path.join(korean, 'ladders'), { recursive: true });
  writeFileSync(path.join(korean, 'ladders.config.json'), JSON.stringify({ locale: 'ko', version: '2026.1' }));

  it('speaks Korean, with the day from --date on its cover', async () => {
    // The first of five shards: the Developer role's book alone.
    const result = await run(['build', '--format', 'book', '--shard', '1/5', '--date', '2026-12-01'], korean, env);
    expect(result.code, result.stderr).toBe(0);
    const pdf = await openPdf(new Uint8Array(readFileSync(path.join(korean, 'out', 'developer', 'developer.pdf'))));
    const cover = (await linesOf(pdf, 1)).map((line) => line.text);
    expect(cover).toEqual(expect.arrayContaining(['Developer', '버전 2026.1', '2026년 12월 1일']));
    const outline = (await pdf.getOutline())?.map((item) => item.title);
    expect(outline).toEqual(expect.arrayContaining(['목차', '소개', '레벨과 역할별 직급', '자료 읽는 법']));
  });
});
