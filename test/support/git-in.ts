import { execFileSync } from 'node:child_process';

/** A function that runs `git …` in `repo` as a test author and returns what it printed. */
export function gitIn(repo: string): (...args: string[]) => string {
  return (...args) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    });
}
