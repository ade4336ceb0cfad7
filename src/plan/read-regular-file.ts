import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { describeSystemError, isMissingFile, isSystemError, RenderFailure } from '../failures.js';

/**
 * The bytes of `file` when it is a regular file of at most `maxBytes`; null when it is missing, larger,
 * or anything but a regular file. Opened without waiting, so a named pipe put where a file was expected
 * cannot stall a build, and a device such as `/dev/zero` is never read. A file that is there but cannot
 * be read (permission denied, a failing disk) is a `RenderFailure` saying so, never taken for a missing one.
 */
export async function readRegularFile(file: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer | null> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    if (isMissingFile(error)) return null;
    throw cannotRead(file, error);
  });
  if (!handle) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) return null;
    const bytes = await handle.readFile();
    // It may have grown since it was measured.
    return bytes.length > maxBytes ? null : bytes;
  } catch (error) {
    throw cannotRead(file, error);
  } finally {
    await handle.close();
  }
}

function cannotRead(file: string, error: unknown): unknown {
  if (!isSystemError(error)) return error;
  return new RenderFailure(`Cannot read ${file}: ${describeSystemError(error)}`, { cause: error });
}
