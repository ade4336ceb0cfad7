import type { VFile } from 'vfile';

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

/**
 * The user's files have errors, each a message with its place: exit 1, nothing written. `files` hold
 * the messages not printed yet, which the top level prints; those printed before are not repeated.
 */
export class ContentError extends Error {
  constructor(readonly files: readonly VFile[] = []) {
    super(files.flatMap((file) => file.messages.map((message) => message.reason)).join('; ') || 'The ladders or templates have errors');
  }
}

/** A mistake in how the command was called or configured: one line without a stack, exit 2. */
export class UsageError extends Error {}

/**
 * The machine cannot make what was asked: no browser, a browser that cannot start, print or stamp a
 * page, a template past its limits, a file that cannot be written. One line without a stack, exit 3.
 */
export class RenderFailure extends Error {}

/** What a command that failed prints (its files' messages, then one line or nothing) and how it exits. */
export interface Failure {
  exitCode: number;
  message: string | null;
  /** Files whose messages are still to be printed, with their places and rule ids. */
  files: readonly VFile[];
}

/**
 * The exit code and message of every way a command can fail, in one place; null for anything else,
 * which is a bug in this program and keeps its stack. `stopped` says what a command stopped by
 * Ctrl-C or SIGTERM leaves behind.
 */
export function describeFailure(error: unknown, signal: AbortSignal | undefined, stopped = ''): Failure | null {
  if (signal?.aborted) {
    const name = String(signal.reason);
    return {
      exitCode: name === 'SIGTERM' ? exitCode.terminated : exitCode.interrupted,
      message: `Stopped by ${name}${stopped ? `; ${stopped}` : ''}`,
      files: [],
    };
  }
  if (error instanceof ContentError) return { exitCode: exitCode.contentError, message: null, files: error.files };
  if (error instanceof UsageError) return { exitCode: exitCode.usageError, message: error.message, files: [] };
  if (error instanceof RenderFailure) return { exitCode: exitCode.renderFailure, message: error.message, files: [] };
  // A full disk or a read-only folder is the machine's state, not a bug: say so, without a stack.
  if (isSystemError(error))
    return {
      exitCode: exitCode.renderFailure,
      message: `Cannot ${verbOf(error.syscall)} ${error.path ?? 'a file'}: ${describeSystemError(error)}`,
      files: [],
    };
  return null;
}

/** A failed file or process call of Node's, which carries an error code such as `ENOSPC`. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}

/**
 * Whether a failed file call found nothing at the path (no such file, or a part of the path is a file,
 * not a folder); any other failure, such as a denied permission, is not a missing file and must say so.
 */
export function isMissingFile(error: unknown): boolean {
  return isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

const systemErrors: Record<string, string> = {
  ENOENT: 'there is no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file is in the way',
  EMFILE: 'too many files are open',
  EIO: 'the device failed to read or write',
  ELOOP: 'its symbolic links lead round in a loop',
};

/** What went wrong, in words, with the code for searching: `the disk is full (ENOSPC)`. */
export function describeSystemError(error: NodeJS.ErrnoException): string {
  const words = error.code === undefined ? undefined : systemErrors[error.code];
  return words ? `${words} (${error.code})` : (error.code ?? error.message);
}

const verbs: Record<string, string> = {
  open: 'open',
  read: 'read',
  stat: 'read',
  lstat: 'read',
  realpath: 'read',
  watch: 'watch',
  scandir: 'read the folder',
  mkdir: 'make the folder',
  rmdir: 'remove the folder',
  unlink: 'remove',
};

function verbOf(syscall: string | undefined): string {
  return (syscall && verbs[syscall]) ?? 'write';
}
