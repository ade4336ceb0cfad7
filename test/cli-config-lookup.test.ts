import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './support/run.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-config-lookup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const pages = path.join(import.meta.dirname, 'fixtures', 'reader-basic', 'input');

let cases = 0;
/** A repository (a folder with `.git`) holding `config` as its `ladders.config.json` and the ladder in `ladderFolder`, and a `docs` folder. */
function repository(config: object | null, ladderFolder = 'ladders'): string {
  const repo = path.join(scratch, `case-${++cases}`, 'repo');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  mkdirSync(path.join(repo, 'docs', 'deeper'), { recursive: true });
  cpSync(pages, path.join(repo, ladderFolder), { recursive: true });
  if (config) writeFileSync(path.join(repo, 'ladders.config.json'), JSON.stringify(config));
  return repo;
}

describe('the configuration found from a sub-folder', () => {
  it('is the nearest one above, its paths resolved from its own folder, and check names it', async () => {
    const repo = repository({ ladders: 'pages', title: 'Found Above' }, 'pages');
    const result = await run(['check'], path.join(repo, 'docs', 'deeper'));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toBe('Using the configuration in `../../ladders.config.json`\n1 role, 2 positions: no problems\n');
    const model = await run(['model'], path.join(repo, 'docs'));
    expect((JSON.parse(model.stdout) as { framework: { title: string } }).framework.title).toBe('Found Above');
  });

  it('gives the default folders from the folder it was found in', async () => {
    const repo = repository({ title: 'Defaults' });
    const result = await run(['check'], path.join(repo, 'ladders'));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toBe('Using the configuration in `../ladders.config.json`\n1 role, 2 positions: no problems\n');
  });

  it('is not looked for above the repository', async () => {
    const repo = repository(null, 'pages');
    writeFileSync(path.join(repo, '..', 'ladders.config.json'), JSON.stringify({ ladders: 'repo/pages' }));
    const result = await run(['check'], path.join(repo, 'docs'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('is not named by check when it is in the working folder', async () => {
    const repo = repository({ title: 'Here' });
    const result = await run(['check'], repo);
    expect(result.stdout).toBe('1 role, 2 positions: no problems\n');
  });
});

describe('a missing ladder folder', () => {
  it('is a usage error, exit 2, naming the folder near it', async () => {
    const repo = repository(null);
    const result = await run(['check', '--ladders', 'ladder'], repo);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ladders: the ladder folder `ladder` does not exist; did you mean `ladders`?\nRun `ladders --help` for usage.\n',
    });
    const far = await run(['build', '--ladders', 'nothing-like-it'], repo);
    expect(far.code).toBe(2);
    expect(far.stderr.split('\n')[0]).toBe(
      'ladders: the ladder folder `nothing-like-it` does not exist; give the folder of ladder pages with `--ladders DIR`',
    );
  });
});

describe('the output folder named by build', () => {
  it('is relative to the working folder when inside it, from the configuration as from a flag, else absolute', async () => {
    const repo = repository({ out: 'built' });
    const fromConfig = await run(['build', '--format', 'md'], repo);
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect(fromConfig.stderr).toMatch(/^Wrote \d+ files to built$/m);
    const again = await run(['build', '--format', 'md'], repo);
    expect(again.stderr).toMatch(/files in built are current$/m);
    const below = await run(['build', '--format', 'md', '--out', 'elsewhere'], path.join(repo, 'docs'));
    expect(below.code, below.stderr).toBe(0);
    expect(below.stderr).toMatch(/^Wrote \d+ files to elsewhere$/m);
    const above = await run(['build', '--format', 'md', '--force'], path.join(repo, 'docs'));
    expect(above.stderr).toMatch(
      new RegExp(`^Wrote \\d+ files to ${path.join(repo, 'built').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
    );
    expect(readdirSync(path.join(repo, 'docs', 'elsewhere'))).toContain('maker');
  });
});
