import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The bytes of `file` when it is a regular file of at most `maxBytes`; null when it is missing,
 * unreadable, larger, or anything but a regular file. Opened without waiting, so a named pipe put
 * where a file was expected cannot stall a build, and a device such as `/dev/zero` is never read.
 */
export async function readRegularFile(file: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer | null> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => null);
  if (!handle) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) return null;
    const bytes = await handle.readFile();
    // It may have grown since it was measured.
    return bytes.length > maxBytes ? null : bytes;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
