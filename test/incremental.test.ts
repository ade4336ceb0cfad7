import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../src/commands/build-summary.js';
import { run } from './support/run.js';
import { hashTree, listTree } from './support/tree.js';

const repoRoot = path.join(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Per position the handout's html, md and svg and the worksheet's html and md; per role two overviews; two indexes.
const everyTextOutput = 18 * 5 + 4 * 2 + 2;
let workspace: string;
let ladders: string;
let out: string;
beforeEach(({ task }) => {
  workspace = path.join(scratch, task.id);
  ladders = path.join(workspace, 'ladders');
  out = path.join(workspace, 'out');
  cpSync(path.join(repoRoot, 'ladders'), ladders, { recursive: true });
});

/** `ladders build --json` of the workspace's ladders as text (no browser); its exit code, summary and stderr. */
async function build(...args: string[]) {
  const result = await run(['build', '--ladders', ladders, '--out', out, '--format', 'html,md', '--json', ...args], workspace);
  return { code: result.code, stderr: result.stderr, summary: JSON.parse(result.stdout) as BuildSummary };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
}

describe('an incremental build', () => {
  it('makes nothing when nothing changed, and says so', async () => {
    const cold = await build();
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.summary.written).toHaveLength(everyTextOutput);
    const before = hashTree(out);
    const warm = await build();
    expect(warm.summary).toMatchObject({ written: [], removed: [], exitCode: 0 });
    expect(warm.summary.current).toHaveLength(cold.summary.written.length);
    expect(hashTree(out)).toEqual(before);
  });

  it('says nothing changed, not that it wrote 0 files, when an --only build has nothing to make', async () => {
    await build();
    const result = await run(['build', '--ladders', ladders, '--out', out, '--format', 'html,md', '--only', 'EM6'], workspace);
    expect(result.code, result.stderr).toBe(0);
    // Named from the working folder, as given or not.
    expect(result.stderr).toContain('Nothing changed: all 5 files in out are current\n');
    expect(result.stderr).not.toContain('Wrote');
  });

  it('remakes only the outputs whose slice of the model changed', async () => {
    await build();
    const before = hashTree(out);
    // The words of one Engineering Manager expectation (EM6's, the first with this keyword).
    edit(path.join(ladders, 'engineering-manager.md'), 'evolves the architecture', 'grows the architecture');
    const { code, summary } = await build();
    expect(code).toBe(0);
    const after = hashTree(out);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file] && file !== '.ladders-manifest.json');
    // What was made is exactly what differs, and that is the handout and its neighbours' comparisons, not the other roles.
    expect(summary.written.sort()).toEqual(changed.sort());
    expect(changed).toEqual(expect.arrayContaining(['engineering-manager/em6.html', 'engineering-manager/em6.md']));
    expect(changed.filter((file) => !file.startsWith('engineering-manager/'))).toEqual([]);
    expect(summary.current).toContain('developer/d1.html');
  });

  it('remakes the outputs of a data file that changed', async () => {
    // A ladder kept as a job family: the build must see a change to a YAML file as it sees one to a page.
    rmSync(ladders, { recursive: true });
    mkdirSync(ladders);
    const family = path.join(ladders, 'harbour.yml');
    const themes = ['ropes', 'boats', 'crew'];
    writeFileSync(
      family,
      [
        'name: Harbour',
        'proficiencies: [Aware, Capable]',
        'levels: [{ id: deckhand, name: Deckhand }, { id: bosun, name: Bosun }]',
        `themes: [${themes.map((theme) => `{ id: ${theme}, name: ${theme}, summary: Work with ${theme}. }`).join(', ')}]`,
        'competencies:',
        ...['deckhand', 'bosun'].flatMap((level, rank) =>
          themes.map(
            (theme) => `  - { level: ${level}, theme: ${theme}, proficiency: ${rank ? 'Capable' : 'Aware'}, summary: Handles ${theme}. }`,
          ),
        ),
      ].join('\n'),
    );
    const cold = await build();
    expect(cold.code, cold.stderr).toBe(0);
    edit(family, 'name: Bosun', 'name: Boatswain');
    const { code, summary } = await build();
    expect(code).toBe(0);
    expect(summary.written).toEqual(expect.arrayContaining(['harbour/harbour2.md']));
    expect(readFileSync(path.join(out, 'harbour/harbour2.md'), 'utf8')).toContain('Boatswain');
  });

  it('remakes the pages a changed template renders, and only those', async () => {
    await build();
    const templates = path.join(workspace, 'templates');
    mkdirSync(templates);
    writeFileSync(path.join(templates, 'role.md.hbs'), '# {{role.title}}\n');
    const { summary } = await build('--templates', templates);
    expect(summary.written.sort()).toEqual([
      'developer/README.md',
      'engineering-manager/README.md',
      'tech-lead/README.md',
      'technical-program-manager/README.md',
    ]);
  });

  it('remakes an output changed by hand, and everything with --force', async () => {
    await build();
    writeFileSync(path.join(out, 'developer', 'd3.md'), 'edited by hand\n');
    expect((await build()).summary.written).toEqual(['developer/d3.md']);
    expect((await build('--force')).summary.written).toHaveLength(everyTextOutput);
  });

  it('removes the outputs of a position that no longer exists, and its empty folder', async () => {
    const tiny = path.join(workspace, 'tiny');
    cpSync(path.join(repoRoot, 'test', 'fixtures', 'reader-basic', 'input'), tiny, { recursive: true });
    ladders = tiny;
    await build();
    expect(listTree(out)).toContain('maker/m2.html');
    const page = path.join(tiny, 'maker.md');
    writeFileSync(
      page,
      readFileSync(page, 'utf8')
        .replace(/\| 2 \|.*\n/, '')
        .replace(/## M2[^]*?(?=# Other Pages)/, ''),
    );
    const { code, summary } = await build();
    expect(code).toBe(0);
    expect(summary.removed.sort()).toEqual(['maker/m2-review.html', 'maker/m2-review.md', 'maker/m2.html', 'maker/m2.md', 'maker/m2.svg']);
    expect(listTree(out).filter((file) => file.includes('m2'))).toEqual([]);
  });

  it('leaves an existing output folder byte-identical when the ladders have an error', async () => {
    await build();
    const before = hashTree(out);
    edit(path.join(ladders, 'engineering-manager.md'), 'Evolves', 'Evolvs');
    const { code, summary } = await build();
    expect(code).toBe(1);
    const unknownKeywords = summary.messages.filter((message) => message.rule === 'unknown-keyword');
    expect(unknownKeywords.map((message) => [message.severity, path.basename(message.file)])).toContainEqual([
      'error',
      'engineering-manager.md',
    ]);
    expect(hashTree(out)).toEqual(before);
  });

  it('removes what a killed build left half written', async () => {
    await build();
    writeFileSync(path.join(out, 'developer', '.d1.pdf.0123456789ab.tmp'), '%PDF-1.4 half');
    writeFileSync(path.join(out, 'developer', 'notes.tmp'), 'not ours');
    edit(path.join(ladders, 'developer.md'), 'D1', 'D1');
    await build('--force');
    expect(listTree(path.join(out, 'developer'))).not.toContain('.d1.pdf.0123456789ab.tmp');
    expect(listTree(path.join(out, 'developer'))).toContain('notes.tmp');
  });
});

describe('ladders build --check', () => {
  it('exits 0 when every output is current', async () => {
    await build();
    const check = await build('--check');
    expect(check.code, check.stderr).toBe(0);
    expect(check.summary.differences).toEqual([]);
  });

  it('exits 1 listing missing, stale, modified and extra outputs, and writes nothing', async () => {
    const tiny = path.join(workspace, 'tiny');
    cpSync(path.join(repoRoot, 'test', 'fixtures', 'reader-basic', 'input'), tiny, { recursive: true });
    ladders = tiny;
    await build();
    rmSync(path.join(out, 'index.html'));
    writeFileSync(path.join(out, 'maker', 'm1.md'), 'edited\n');
    const page = path.join(tiny, 'maker.md');
    // M2 goes, and M1's text changes.
    writeFileSync(
      page,
      readFileSync(page, 'utf8')
        .replace(/\| 2 \|.*\n/, '')
        .replace(/## M2[^]*?(?=# Other Pages)/, '')
        .replace('tries the team', 'tries out the team'),
    );
    const before = hashTree(out);
    const result = await run(['build', '--ladders', ladders, '--out', out, '--format', 'html,md', '--check'], workspace);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('out/index.html: missing');
    expect(result.stderr).toContain(`${path.join('out', 'maker', 'm1.html')}: stale: its inputs changed`);
    expect(result.stderr).toContain(`${path.join('out', 'maker', 'm2.svg')}: extra: nothing makes it any more`);
    expect(result.stderr).toMatch(/m1\.md: (stale|modified)/);
    expect(result.stderr).toMatch(/^ladders: \d+ outputs in .* are not current; run `ladders build` to update them$/m);
    expect(hashTree(out)).toEqual(before);
  });

  it('says one output in the singular', async () => {
    await build();
    rmSync(path.join(out, 'index.html'));
    const check = await build('--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('ladders: 1 output in out is not current; run `ladders build` to update it\n');
  });

  it('launches no browser even when PDFs are stale', async () => {
    await build();
    const result = await run(
      ['build', '--ladders', ladders, '--out', out, '--check', '--browser', path.join(workspace, 'no-such-browser')],
      workspace,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('engineering-manager/em6.pdf: missing');
    expect(result.stderr).not.toContain('no-such-browser');
  });
});

describe('ladders build --shard', () => {
  it('splits the outputs so that the shards together are the full build, file for file', async () => {
    const full = path.join(workspace, 'full');
    expect((await run(['build', '--ladders', ladders, '--out', full, '--format', 'html,md'], workspace)).code).toBe(0);
    const union: Record<string, string> = {};
    const counts: number[] = [];
    for (const index of [1, 2, 3]) {
      const shard = path.join(workspace, `shard-${index}`);
      const result = await run(['build', '--ladders', ladders, '--out', shard, '--format', 'html,md', '--shard', `${index}/3`], workspace);
      expect(result.code, result.stderr).toBe(0);
      const files = hashTree(shard);
      expect(Object.keys(files)).toContain(`.ladders-manifest-${index}-of-3.json`);
      for (const [file, hash] of Object.entries(files)) if (!file.startsWith('.ladders-manifest')) union[file] = hash;
      counts.push(Object.keys(files).length - 1);
    }
    const { ['.ladders-manifest.json']: manifest, ...expected } = hashTree(full);
    expect(manifest).toBeDefined();
    expect(union).toEqual(expected);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(Object.keys(expected).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });

  it('is incremental like a whole build: a shard after a whole build, or of a shard merged in, makes only what changed', async () => {
    await build();
    const after = await build('--shard', '1/2');
    expect(after.code, after.stderr).toBe(0);
    expect(after.summary.written).toEqual([]);
    expect(after.summary.current.length).toBeGreaterThan(0);
    // Shard 2 alone in a folder, then that folder's whole build and `--check` see the shard's manifest.
    rmSync(out, { recursive: true });
    await build('--shard', '2/2');
    const rebuilt = await build('--shard', '2/2', '--force');
    edit(path.join(ladders, 'engineering-manager.md'), 'evolves the architecture', 'grows the architecture');
    const changed = await build('--shard', '2/2');
    expect(changed.summary.written.length).toBeGreaterThan(0);
    expect(changed.summary.written.length).toBeLessThan(rebuilt.summary.written.length);
    expect(changed.summary.written.every((file) => file.startsWith('engineering-manager/'))).toBe(true);
  });

  it.each(['0/3', '4/3', '1/0', 'two/3', '1-3'])('refuses --shard %s as a usage error', async (shard) => {
    const result = await run(['build', '--ladders', ladders, '--out', out, '--shard', shard], workspace);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`\`--shard ${shard}\` must be I/N`);
  });
});
