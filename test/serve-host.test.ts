import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/run-cli.js';

const repoRoot = path.join(import.meta.dirname, '..');

/** `ladders serve --host HOST --port 0`, stopped as soon as it says where it serves: what it printed on stderr. */
async function serveBriefly(host: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const code = await runCli(['serve', '--host', host, '--port', '0'], {
    cwd: repoRoot,
    env: process.env,
    stdout: (text) => {
      stdout += text;
      if (stdout.includes('Serving')) controller.abort('SIGINT');
    },
    stderr: (text) => (stderr += text),
    signal: controller.signal,
  });
  return { code, stdout, stderr };
}

describe('ladders serve --host', () => {
  it('warns that the pages are reachable from other machines when it listens on every address', async () => {
    const result = await serveBriefly('0.0.0.0');
    expect(result.stdout).toMatch(/^Serving \d+ pages at http:\/\/0\.0\.0\.0:\d+\//m);
    expect(result.stderr).toContain(
      'ladders: warning: serving on 0.0.0.0, the pages are reachable from other machines on the network; `--host 127.0.0.1` keeps them to this one',
    );
  });

  it('says nothing of the kind on the loopback address', async () => {
    const result = await serveBriefly('127.0.0.1');
    expect(result.stdout).toMatch(/^Serving \d+ pages at http:\/\/127\.0\.0\.1:\d+\//m);
    expect(result.stderr).not.toContain('reachable from other machines');
  });
});
