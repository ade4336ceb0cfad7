import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';
import { hashTree, listTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const out = path.join(scratch, 'out');
const first = await run(['build', '--format', 'html,md', '--out', out], repoRoot);

describe('ladders build --format html,md', () => {
  it('exits 0 and writes the documented layout for the 18 shipped positions', () => {
    expect(first.code, first.stderr).toBe(0);
    const files = listTree(out);
    const handouts = files.filter((file) => /^[a-z-]+\/[a-z]+\d\.html$/.test(file));
    expect(handouts).toHaveLength(18);
    for (const handout of handouts) {
      for (const sibling of ['.md', '.svg']) expect(files).toContain(handout.replace('.html', sibling));
    }
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'README.md',
        'engineering-manager/index.html',
        'engineering-manager/README.md',
        'engineering-manager/em6.html',
      ]),
    );
    // Each handout's html, md and svg, each worksheet's html and md, each role's two overviews, the two indexes, and the manifest.
    expect(files).toHaveLength(18 * 5 + 4 * 2 + 2 + 1);
    expect(files).toContain('engineering-manager/em6-review.md');
    expect(files).toContain('.ladders-manifest.json');
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('shows the chart and the change from EM5 in em6.html', () => {
    const em6 = readFileSync(path.join(out, 'engineering-manager', 'em6.html'), 'utf8');
    expect(em6).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/);
    expect(em6).toMatch(
      /<strong>System:<\/strong> Owns <span class="arrow" aria-hidden="true">→<\/span><span class="visually-hidden">to<\/span> Evolves/,
    );
  });

  it('writes self-contained HTML: fonts and styles inline, no external reference', () => {
    const em6 = readFileSync(path.join(out, 'engineering-manager', 'em6.html'), 'utf8');
    expect(em6).toContain('src:url(data:font/woff2;base64,');
    expect(em6).toContain('@page { size: A4; ');
    expect(em6).not.toMatch(/<script|<link|(src|href)="(https?:)?\/\//i);
  });

  it('links only to files the build wrote, relatively', () => {
    for (const file of listTree(out).filter((name) => /\.(html|md)$/.test(name))) {
      const text = readFileSync(path.join(out, file), 'utf8');
      const targets = [...text.matchAll(/href="([^"#]+)"|\]\(([^)#]+)\)/g)].map((match) => match[1] ?? match[2] ?? '');
      for (const target of targets) {
        expect(target, `${file} links to ${target}`).not.toMatch(/^([a-z]+:|\/)/);
        expect(existsSync(path.join(out, path.dirname(file), target)), `${file} links to ${target}`).toBe(true);
      }
    }
  });

  it('gives the same bytes on a second build', async () => {
    const again = path.join(scratch, 'again');
    expect((await run(['build', '--format', 'html,md', '--out', again], repoRoot)).code).toBe(0);
    expect(hashTree(again)).toEqual(hashTree(out));
  });
});

describe('ladders build options', () => {
  it('--only EM6 --format md writes that handout alone', async () => {
    const only = path.join(scratch, 'only');
    const result = await run(['build', '--only', 'EM6', '--format', 'md', '--out', only], repoRoot);
    expect(result.code, result.stderr).toBe(0);
    expect(listTree(only)).toEqual([
      '.ladders-manifest.json',
      'engineering-manager/em6-review.md',
      'engineering-manager/em6.md',
      'engineering-manager/em6.svg',
    ]);
  });

  it('--only a role writes its handouts and its overview', async () => {
    const only = path.join(scratch, 'only-role');
    expect((await run(['build', '--only', 'tech-lead', '--format', 'html', '--out', only], repoRoot)).code).toBe(0);
    expect(listTree(only)).toEqual([
      '.ladders-manifest.json',
      'tech-lead/index.html',
      ...[4, 5, 6, 7].flatMap((level) => [`tech-lead/tl${level}-review.html`, `tech-lead/tl${level}.html`]),
    ]);
  });

  it('--paper letter sets the page size', async () => {
    const letter = path.join(scratch, 'letter');
    expect((await run(['build', '--only', 'D1', '--format', 'html', '--paper', 'letter', '--out', letter], repoRoot)).code).toBe(0);
    expect(readFileSync(path.join(letter, 'developer', 'd1.html'), 'utf8')).toContain('@page { size: letter; ');
  });

  it.each([
    [['--only', 'EM9'], '`--only EM9` names no position or role'],
    [['--format', 'docx'], 'unknown format `docx`'],
    [['--paper', 'a3'], 'unknown paper `a3`'],
  ])('%j is a usage error that writes nothing', async (args, message) => {
    const target = path.join(scratch, 'usage');
    const result = await run(['build', ...args, '--out', target], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(target)).toBe(false);
  });

  it('writes nothing when the ladders have an error, and leaves an existing output folder as it was', async () => {
    const ladders = path.join(scratch, 'bad-ladders');
    cpSync(path.join(repoRoot, 'ladders'), ladders, { recursive: true });
    const page = path.join(ladders, 'engineering-manager.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('**Owns**', '**Ownz**'));
    const before = hashTree(out);
    const mtime = statSync(path.join(out, 'index.html')).mtimeMs;
    const result = await run(['build', '--ladders', ladders, '--out', out], scratch);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad-ladders/engineering-manager.md:16:3: error Unexpected keyword `Ownz`');
    expect(hashTree(out)).toEqual(before);
    expect(statSync(path.join(out, 'index.html')).mtimeMs).toBe(mtime);
  });
});

describe('ladders build when the output folder cannot be written', () => {
  it('says which file could not be written and exits 3', async () => {
    const blocked = path.join(scratch, 'blocked');
    writeFileSync(blocked, 'a file where the output folder should be');
    const result = await run(['build', '--only', 'EM6', '--format', 'md', '--out', blocked], repoRoot);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: Cannot write .*blocked.*: .* \((EEXIST|ENOTDIR)\)$/m);
  });
});
