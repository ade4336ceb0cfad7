import { VFile } from 'vfile';
import { report } from '../messages.js';
import { measurePdf, type PdfReadLimits } from '../pdf/measure-pdf.js';
import type { FilledWorksheet } from './filled-worksheet.js';
import { maxWorksheetPdfBytes, readPdfWorksheet } from './read-pdf-worksheet.js';
import { WorksheetError } from './worksheet-error.js';
import { worksheetPdfLimits } from './worksheet-pdf-limits.js';

/**
 * Read a PDF worksheet (see `readPdfWorksheet`) only once it is known to be within `limits` (`pdf-too-large`,
 * `pdf-too-deep`), so that a deflate bomb or a deep nest is refused before the parser spends memory and time on
 * it; a PDF whose structure the parser cannot follow (no catalog, a page tree that contains itself) is
 * `unreadable-pdf`.
 */
export async function readCheckedPdfWorksheet(
  path: string,
  bytes: Uint8Array,
  limits: PdfReadLimits = worksheetPdfLimits,
): Promise<FilledWorksheet> {
  const fail = (reason: string, ruleId: string): never => {
    const file = new VFile({ path });
    report(file, 'error', reason, undefined, ruleId);
    throw new WorksheetError(file);
  };
  // A file over the size limit is refused by the reader itself, before anything is unpacked.
  const over = bytes.byteLength > maxWorksheetPdfBytes ? null : await measurePdf(bytes, limits);
  if (over) fail(`The PDF is too large to be a worksheet: ${over.reason}`, over.limit === 'depth' ? 'pdf-too-deep' : 'pdf-too-large');
  try {
    return await readPdfWorksheet(path, bytes);
  } catch (error) {
    if (error instanceof WorksheetError) throw error;
    // The PDF library follows whatever the file says and fails deep inside on a broken structure, in words
    // about its own code (`this.catalog.Pages is not a function`) that would not help anyone.
    return fail('The PDF cannot be read: its catalog, page tree or form is broken', 'unreadable-pdf');
  }
}
