import { open } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describeSystemError, isSystemError } from '../failures.js';
import { quote, report } from '../messages.js';
import type { FilledWorksheet } from './filled-worksheet.js';
import { readFilledWorksheet } from './read-filled-worksheet.js';
import { maxWorksheetPdfBytes } from './read-pdf-worksheet.js';
import { WorksheetError } from './worksheet-error.js';

/**
 * Read the filled worksheet the user named `name` (relative to `cwd`); a file that cannot be read,
 * and one that is no worksheet, fails with a `WorksheetError` whose message says which (`unreadable-worksheet`).
 */
export async function readWorksheetFile(name: string, cwd: string): Promise<FilledWorksheet> {
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(path.resolve(cwd, name), maxWorksheetPdfBytes + 1);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    const file = new VFile({ path: name });
    report(file, 'error', `Cannot read the worksheet ${quote(name)}: ${describeSystemError(error)}`, undefined, 'unreadable-worksheet');
    throw new WorksheetError(file);
  }
  return readFilledWorksheet(name, bytes);
}

/** The file's first `limit` bytes: a file past the reader's limit is refused by size without being read whole. */
async function readAtMost(file: string, limit: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, limit));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
