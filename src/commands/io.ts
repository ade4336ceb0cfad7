/** Where a command writes and where it runs; tests pass their own. */
export interface CommandIo {
  cwd: string;
  /** The environment (`SOURCE_DATE_EPOCH`, `LADDERS_BROWSER`, …). */
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal, where progress is one line redrawn in place. */
  interactive?: boolean;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: a build stops, cleans up, and exits 130 or 143. */
  signal?: AbortSignal;
}

/** The exit codes of every command. */
export const exitCode = {
  ok: 0,
  contentError: 1,
  usageError: 2,
  renderFailure: 3,
  /** 128 + the signal's number, as shells report it. */
  interrupted: 130,
  terminated: 143,
} as const;

/** A mistake in how the command was called: reported without a stack, exit 2. */
export class UsageError extends Error {}
