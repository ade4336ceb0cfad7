import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** The start of every profile folder this tool makes in the temp folder; the owning process's id follows. */
export const profilePrefix = 'ladders-profile-';

/** `ladders-profile-<pid>-<six characters of mkdtemp>`: only folders of exactly this shape are ever removed. */
const profileName = /^ladders-profile-(\d{1,10})-[A-Za-z0-9]{6}$/;

/**
 * Remove the profile folders in `dir` that an earlier run of this tool left behind when it was killed
 * (`kill -9` gives it no chance to clean up): those whose owning process is gone. A folder of a process
 * that still runs, or of another user, or of another name, is left alone.
 */
export async function removeStaleProfiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [])) {
    const match = profileName.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    const folder = path.join(dir, name);
    // A symbolic link by this name is not a folder this tool made.
    const stats = await lstat(folder).catch(() => null);
    if (!stats?.isDirectory() || (process.getuid && stats.uid !== process.getuid())) continue;
    await rm(folder, { recursive: true, force: true, maxRetries: 3 }).then(
      () => removed.push(folder),
      () => undefined,
    );
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
