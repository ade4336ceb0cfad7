import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describeSystemError, isSystemError, RenderFailure } from '../failures.js';
import { displayPath } from '../paths-and-order.js';
import { readRegularFile } from '../plan/read-regular-file.js';
import { makeFolder } from './enter-folders.js';

/** The lock file a build keeps in its output folder while it runs: the process and machine holding it. */
export const lockName = '.ladders-lock';

/**
 * Errors that say this process cannot write into the folder now, not even a small file: a read-only
 * or full disk, a folder of someone else's. It needs no lock, since it can change nothing there.
 */
const cannotWriteHere = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/**
 * Take the output folder `outDir` (relative to `cwd`) for one build: a second build into
 * the same folder is refused at once, with exit 3, rather than racing the first. The lock is the file
 * `.ladders-lock`, created whole or not at all, holding the process id and the machine's name; one
 * left by a build that was killed (its process is gone) is taken over. Returns the release, which
 * removes the lock and the folder if it was made only to hold it; the lock is also removed if the
 * process exits without releasing it (a second Ctrl-C). A folder this process cannot write into
 * needs no lock: the build writes nothing there, or fails at its first write.
 */
export async function lockOutFolder(outDir: string, cwd: string): Promise<() => Promise<void>> {
  const root = path.resolve(cwd, outDir);
  const shown = displayPath(root, cwd);
  const lock = path.join(root, lockName);
  const made: string[] = [];
  const unlocked = async () => {
    for (const folder of made.reverse()) await rmdir(folder).catch(() => undefined);
  };
  const content = `${process.pid} ${hostname()}\n`;
  try {
    await makeFolder(root, 0o777, made);
    await takeLock(lock, content, shown);
  } catch (error) {
    if (isSystemError(error) && error.code && cannotWriteHere.has(error.code)) return unlocked;
    await unlocked();
    if (isSystemError(error))
      throw new RenderFailure(`Cannot write ${error.path ?? lock}: ${describeSystemError(error)}`, { cause: error });
    throw error;
  }
  const onExit = () => rmSync(lock, { force: true });
  process.on('exit', onExit);
  return async () => {
    process.off('exit', onExit);
    await rm(lock, { force: true });
    await unlocked();
  };
}

/** Create the lock holding `content`, taking over one whose process is gone; a live one is a `RenderFailure`. */
async function takeLock(lock: string, content: string, shown: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createWhole(lock, content)) return;
    const held = await readLock(lock);
    if (held === null) continue; // released meanwhile, or not a file a build made
    if (!isStale(held)) throw lockedBy(held, shown, lock);
    // Moved aside first, so that of two builds taking over the same stale lock, only one removes it.
    const aside = temporaryName(lock);
    const moved = await rename(lock, aside).then(
      async () => (await readLock(aside)) ?? '',
      () => null,
    );
    if (moved === null) continue; // taken over by another build meanwhile
    // Another build took the stale lock over between the read and the move: give its lock back.
    if (moved !== held) await link(aside, lock).catch(() => undefined);
    await rm(aside, { force: true });
  }
  throw lockedBy((await readLock(lock)) ?? '', shown, lock);
}

/** The lock's text; null when there is none, or something other than a small regular file is in its place (never waited on). */
async function readLock(lock: string): Promise<string | null> {
  return (await readRegularFile(lock, 1024))?.toString('utf8') ?? null;
}

/** Create `lock` with `content` if there is none, atomically: written under another name, then linked, which fails if the lock exists. */
async function createWhole(lock: string, content: string): Promise<boolean> {
  const temporary = temporaryName(lock);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await link(temporary, lock);
    return true;
  } catch (error) {
    // EEXIST: the lock is held. ENOENT: the temporary file was removed as a leftover by the build holding it.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** A name next to the lock that the next build removes as a leftover, should this process be killed while it is there. */
function temporaryName(lock: string): string {
  return path.join(path.dirname(lock), `.${path.basename(lock)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether a lock was left by a process of this machine that is gone; a lock of another machine, or unreadable, is never stale. */
function isStale(held: string): boolean {
  const holder = parseHolder(held);
  if (!holder || holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function parseHolder(held: string): { pid: number; host: string } | null {
  const match = /^(\d{1,10}) (\S+)\n$/.exec(held);
  const pid = Number(match?.[1]);
  return match?.[2] && Number.isSafeInteger(pid) && pid > 0 ? { pid, host: match[2] } : null;
}

function lockedBy(held: string, shown: string, lock: string): RenderFailure {
  const holder = parseHolder(held);
  const who = holder ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}` : 'another process';
  return new RenderFailure(
    `Another build is writing into ${shown} (${who}); run one build at a time per output folder, or remove ${path.join(shown, path.basename(lock))} if no build is running`,
  );
}
