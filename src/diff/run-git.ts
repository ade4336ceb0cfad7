import { spawn } from 'node:child_process';
import { UsageError } from '../failures.js';

/** Git said no: its exit code and what it printed on stderr. */
export class GitError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(stderr.trim() || `git exited with ${exitCode}`);
  }
}

/**
 * Run `git args` in `cwd` and return what it printed on stdout, as bytes (blobs are not always text).
 * Pathspecs are taken literally, so a folder named `*` is that folder; a missing git is a usage error.
 */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--literal-pathspecs', ...args], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      // The user's pager, editor and prompts have no place here, and a message must not be translated before it is matched.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UsageError('`git` is not installed (or not on PATH), so no revision can be read; install Git, or give two folders')
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new GitError(code, Buffer.concat(err).toString('utf8'))),
    );
    child.stdin.on('error', () => {
      // Git may exit before reading all of its input (a bad object id); its exit code says why.
    });
    child.stdin.end(input ?? '');
  });
}
