/** Where a command writes and where it runs; tests pass their own. */
export interface CommandIo {
  cwd: string;
  /** The environment (`SOURCE_DATE_EPOCH`, `LADDERS_BROWSER`, …). */
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The exit codes of every command. */
export const exitCode = {
  ok: 0,
  contentError: 1,
  usageError: 2,
  renderFailure: 3,
} as const;

/** A mistake in how the command was called: reported without a stack, exit 2. */
export class UsageError extends Error {}
