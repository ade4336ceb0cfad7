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
