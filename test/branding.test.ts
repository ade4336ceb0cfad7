import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from './support/pdf.js';
import { run } from './support/run.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-branding-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#0b6e4f"/></svg>';
const project = path.join(scratch, 'project');
mkdirSync(project);
writeFileSync(path.join(project, 'logo.svg'), logo);
writeFileSync(
  path.join(project, 'ladders.config.json'),
  JSON.stringify({
    organization: 'Acme <Robotics>',
    brandColor: '#0B6E4F',
    logo: 'logo.svg',
    version: '2026.1',
    ladders: path.join(repoRoot, 'ladders'),
    out: 'handouts',
  }),
);
const branded = await run(['build', '--only', 'EM6', '--format', 'pdf,html,md'], project);
const read = (file: string) => readFileSync(path.join(project, 'handouts', 'engineering-manager', file), 'utf8');

describe('branding from the configuration', () => {
  it('builds into the configured folder', () => {
    expect(branded.code, branded.stderr).toBe(0);
  });

  it('puts the organisation, the logo, the colour and the version label on the HTML handout', () => {
    const html = read('em6.html');
    expect(html).toContain('<p class="organization">Acme &lt;Robotics&gt;</p>');
    expect(html).toMatch(/<img class="logo" src="data:image\/svg\+xml;base64,[^"]+" alt="">/);
    expect(html).toContain(':root { --ladders-brand: #0b6e4f; }');
    expect(html).toContain('version 2026.1');
  });

  it('puts the organisation on the Markdown handout, escaped', () => {
    expect(read('em6.md').split('\n')[0]).toBe('**Acme \\<Robotics>**');
  });

  it('writes the organisation as the PDF author', async () => {
    expect((await readPdf(path.join(project, 'handouts', 'engineering-manager', 'em6.pdf'))).info.Author).toBe('Acme <Robotics>');
  });

  it('puts the organisation on the worksheet, the index, the role pages and the comparison too', async () => {
    const everything = await run(['build', '--format', 'html', '--out', 'all'], project);
    expect(everything.code, everything.stderr).toBe(0);
    const compared = await run(['compare', 'EM5', 'EM6', '--format', 'html', '--out', 'compared'], project);
    expect(compared.code, compared.stderr).toBe(0);
    for (const page of [
      'all/index.html',
      'all/engineering-manager/index.html',
      'all/engineering-manager/em6-review.html',
      'compared/em5-vs-em6.html',
    ]) {
      expect(readFileSync(path.join(project, page), 'utf8'), page).toContain('<p class="organization">Acme &lt;Robotics&gt;</p>');
    }
  });

  it('lets a flag win over the configuration', async () => {
    const result = await run(['build', '--only', 'EM6', '--format', 'html', '--out', 'elsewhere', '--paper', 'letter'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'elsewhere', 'engineering-manager', 'em6.html'), 'utf8')).toContain('@page { size: letter;');
  });

  it('leaves handouts without a configuration free of any organisation', async () => {
    const plain = path.join(scratch, 'plain');
    const result = await run(['build', '--only', 'EM6', '--format', 'html,md', '--out', plain], repoRoot);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(path.join(plain, 'engineering-manager', 'em6.html'), 'utf8');
    expect(html).not.toContain('class="organization"');
    expect(html).not.toContain('class="logo"');
    expect(readFileSync(path.join(plain, 'engineering-manager', 'em6.md'), 'utf8')).toMatch(/^# EM6/);
  });
});
