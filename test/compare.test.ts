import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, type CompareOptions } from '../src/commands/compare.js';
import { reportFailures } from '../src/run-cli.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { launchBrowser } from '../src/browser/launch-browser.js';
import { readPdf } from './support/pdf.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run `ladders compare` in this process from the repository, with the shipped ladders and no configuration. */
async function runCompare(codes: string[], overrides: Partial<CompareOptions> = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: repoRoot,
    env: { ...process.env, SOURCE_DATE_EPOCH: '' },
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
  };
  const options: CompareOptions = {
    ladders: 'ladders',
    codes,
    out: null,
    templates: undefined,
    formats: ['pdf', 'html', 'md'],
    paper: 'a4',
    browser: undefined,
    date: null,
    branding: { organization: null, brandColor: null, logo: null, version: null, locale: null, labels: null },
    ...overrides,
  };
  const code = await reportFailures('compare', io, () => compare(options, io));
  return { code, stdout, stderr };
}

const em5ToEm6 = [
  'EM5 Engineering Manager 5 → EM6 Engineering Manager 6',
  '',
  'Technology  Evangelizes (3 of 5)                        same',
  'System      Owns (3 of 5)         →  Evolves (4 of 5)   up',
  'People      Manages (5 of 5)                            same',
  'Process     Adjusts (4 of 5)      →  Defines (5 of 5)   up',
  'Influence   Team (2 of 5)                               same',
  '',
  '2 axes change, 3 stay',
  '',
].join('\n');

describe('ladders compare in the terminal', () => {
  it('prints EM5 against EM6 axis by axis, aligned, with a summary', async () => {
    const result = await runCompare(['EM5', 'EM6']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(em5ToEm6);
    expect(result.stderr).toBe('');
  });

  it('compares across roles, in any letter case, and says which axes go down', async () => {
    const result = await runCompare(['tl5', 'em5']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'TL5 Tech Lead 5 → EM5 Engineering Manager 5',
      '',
      'Technology  Evangelizes (3 of 5)                        same',
      'System      Evolves (4 of 5)      →  Owns (3 of 5)      down',
      'People      Coordinates (4 of 5)  →  Manages (5 of 5)   up',
      'Process     Defines (5 of 5)      →  Adjusts (4 of 5)   down',
      'Influence   Team (2 of 5)                               same',
      '',
      '3 axes change, 2 stay',
      '',
    ]);
  });

  it('writes nothing without --out', async () => {
    const before = readdirSync(repoRoot).sort();
    await runCompare(['EM5', 'EM6']);
    expect(readdirSync(repoRoot).sort()).toEqual(before);
  });
});

describe('ladders compare --out', () => {
  const out = path.join(scratch, 'all');
  let result: Awaited<ReturnType<typeof runCompare>>;
  beforeAll(async () => {
    result = await runCompare(['EM5', 'em6'], { out });
  });
  const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

  it('prints the comparison and writes the PDF, HTML, Markdown and chart, nothing else', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(em5ToEm6);
    expect(readdirSync(out).sort()).toEqual(['em5-vs-em6.html', 'em5-vs-em6.md', 'em5-vs-em6.pdf', 'em5-vs-em6.svg']);
  });

  it('prints a PDF naming both positions and what changes, with a title of its own', async () => {
    const { text, info } = await readPdf(path.join(out, 'em5-vs-em6.pdf'));
    expect(text).toContain('EM5');
    expect(text).toContain('EM6');
    expect(text).toContain('Owns → Evolves');
    expect(text).toContain('Adjusts → Defines');
    // Both descriptions of a change are there, not only the keywords.
    expect(text).toMatch(/owns the production operation[\s\S]*evolves the architecture/);
    expect(info.Title).toBe('EM5 → EM6 — Engineering Manager 5 compared with Engineering Manager 6');
  });

  it('overlays both positions on one chart, the second dashed, with a legend', () => {
    const html = read('em5-vs-em6.html');
    expect(html).toMatch(/<polygon class="ladders-chart-shape-1" points=/);
    expect(html).toMatch(/<polygon class="ladders-chart-shape-2" stroke-dasharray="6 4" points=/);
    expect(html).toContain('<g class="ladders-chart-legend">');
    expect(html).toContain('<title id="chart-em5-vs-em6-title">What EM5 and EM6 expect</title>');
    expect(read('em5-vs-em6.svg')).toContain('class="ladders-chart-shape-2"');
  });

  it('shows each change from → to in HTML and Markdown, and what stays', () => {
    const html = read('em5-vs-em6.html');
    expect(html).toContain(
      '<title>EM5 → EM6 — Engineering Manager 5 compared with Engineering Manager 6 · Engineering Career Ladders</title>',
    );
    expect(html).toContain('<h3 id="change-system">System: Owns → Evolves');
    expect(html).toMatch(
      /<th scope="row">Technology<\/th>\s*<td><span class="keyword">Evangelizes<\/span> <span class="rank">3 of 5<\/span><\/td>\s*<td><span class="keyword">Evangelizes<\/span>.*\s*<td class="direction">stays<\/td>/,
    );
    const md = read('em5-vs-em6.md');
    expect(md).toContain('### System: Owns → Evolves');
    expect(md).toContain('- **EM6 · Evolves:** evolves the architecture to support future requirements and defines its SLAs');
    expect(md).toContain('| People     | Manages (5 of 5)     | Manages (5 of 5)     | stays   |');
    expect(md).toContain('](em5-vs-em6.svg)');
  });

  it('is accessible: zero axe-core violations in a real Chromium', async () => {
    const browser = await launchBrowser(await findBrowser({}));
    try {
      const page = await browser.newPage();
      await page.setContent(read('em5-vs-em6.html'));
      await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run();
        return results.violations.map((violation) => violation.id);
      });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('ladders compare --out with choices', () => {
  it('writes only the HTML and its chart with --format html', async () => {
    const out = path.join(scratch, 'html-only');
    const result = await runCompare(['TL5', 'EM5'], { out, formats: ['html'] });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['tl5-vs-em5.html', 'tl5-vs-em5.svg']);
    expect(readFileSync(path.join(out, 'tl5-vs-em5.html'), 'utf8')).toContain(
      'TL5 belongs to the Tech Lead role and EM5 to the Engineering Manager role',
    );
  });

  it('renders through --templates overrides like every other page', async () => {
    const templates = path.join(scratch, 'templates');
    mkdirSync(templates, { recursive: true });
    writeFileSync(
      path.join(templates, 'compare.md.hbs'),
      '# {{from.code}} vs {{to.code}}\n\n{{#each changes}}- {{axis.name}}: {{text}}\n{{/each}}',
    );
    const out = path.join(scratch, 'overridden');
    const result = await runCompare(['EM5', 'EM6'], { out, formats: ['md'], templates });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'em5-vs-em6.md'), 'utf8')).toBe(
      '# EM5 vs EM6\n\n- System: Owns → Evolves\n- Process: Adjusts → Defines\n',
    );
  });

  it('fails with exit 3 and one line when the PDF cannot be printed, writing nothing', async () => {
    const out = path.join(scratch, 'no-browser');
    const result = await runCompare(['EM5', 'EM6'], { out, browser: path.join(scratch, 'no-such-chrome') });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ladders: .*no-such-chrome.*\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails with exit 1 on a ladder with errors, writing nothing', async () => {
    const ladders = path.join(scratch, 'empty-ladders');
    mkdirSync(ladders, { recursive: true });
    const out = path.join(scratch, 'content-error');
    const result = await runCompare(['EM5', 'EM6'], { ladders, out });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[no-pages]');
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('ladders compare usage errors (exit 2, nothing written)', () => {
  const cases: [string, string[], string][] = [
    ['an unknown code, suggesting the closest one', ['EM5', 'EMM6'], 'ladders: unknown position `EMM6`; did you mean `EM6`?'],
    [
      'an unknown code without a close one',
      ['QQQ99', 'EM6'],
      'ladders: unknown position `QQQ99`; expected a code such as `D1`, `TL4`, `TPM4`, `EM5`',
    ],
    ['the same code twice, in any letter case', ['EM5', 'em5'], 'ladders: `compare` takes two different positions; got `EM5` twice'],
    ['one code', ['EM5'], 'ladders: `compare` takes two position codes, such as `ladders compare EM5 EM6`; got 1: `EM5`'],
    [
      'three codes',
      ['EM5', 'EM6', 'EM7'],
      'ladders: `compare` takes two position codes, such as `ladders compare EM5 EM6`; got 3: `EM5`, `EM6`, `EM7`',
    ],
    [
      'a book, which only build makes',
      ['EM5', 'EM6', '--format', 'pdf,book'],
      'ladders: `--format book` is made by `build` only: `compare` writes pdf, html, md',
    ],
  ];
  it.each(cases)('%s', async (_name, codes, message) => {
    const out = path.join(scratch, `usage-${codes.join('-')}`);
    const result = await run(['compare', ...codes, '--out', out], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message}\nRun \`ladders --help\` for usage.\n`);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
