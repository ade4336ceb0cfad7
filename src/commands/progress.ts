import type { CommandIo } from '../command-io.js';

/** How a build reports what it is doing, on stderr. */
export interface Progress {
  /** A step of the build finished or began: one plain line. */
  phase(text: string): void;
  /** Counting starts: `total` outputs are to be made. */
  start(total: number): void;
  /** One more output is done. */
  advance(name: string): void;
  /** Counting is over: a live line is cleared. */
  stop(): void;
}

/** How much to say: everything, only problems (`--quiet`), or nothing but problems because stdout carries JSON (`--json`). */
export type Verbosity = 'normal' | 'quiet';

/**
 * On a terminal, one live line (done of total, the current output, elapsed time) redrawn in place,
 * at most every 100 ms. Without one, or with `CI=true`, plain lines, one per phase, no control
 * characters, so logs stay readable. Quiet prints nothing: problems are printed elsewhere.
 */
export function createProgress(io: CommandIo, verbosity: Verbosity, now: () => number = () => performance.now()): Progress {
  if (verbosity === 'quiet') return { phase: () => undefined, start: () => undefined, advance: () => undefined, stop: () => undefined };
  const live = io.interactive === true && io.env.CI !== 'true';
  const started = now();
  let total = 0;
  let done = 0;
  let drawnAt = -Infinity;
  let drawn = false;
  const elapsed = () => `${((now() - started) / 1000).toFixed(1)} s`;
  const clear = () => {
    if (drawn) io.stderr('\r\x1b[2K');
    drawn = false;
  };
  return {
    phase(text) {
      clear();
      io.stderr(`${text}\n`);
    },
    start(count) {
      total = count;
      done = 0;
    },
    advance(name) {
      done += 1;
      if (!live || (now() - drawnAt < 100 && done < total)) return;
      drawnAt = now();
      io.stderr(`\r\x1b[2K${done}/${total} ${name} (${elapsed()})`);
      drawn = true;
    },
    stop: clear,
  };
}
