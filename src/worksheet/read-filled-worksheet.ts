import { VFile } from 'vfile';
import { report } from '../messages.js';
import type { FilledWorksheet } from './filled-worksheet.js';
import { readMarkdownWorksheet } from './read-markdown-worksheet.js';
import { readCheckedPdfWorksheet } from './read-checked-pdf-worksheet.js';
import { maxWorksheetPdfBytes } from './read-pdf-worksheet.js';
import { WorksheetError } from './worksheet-error.js';

/**
 * Read a filled worksheet, a PDF form or a Markdown page, told apart by their content (not their
 * names); fails with a `WorksheetError` whose messages name the file, the field and a rule id.
 */
export async function readFilledWorksheet(file: string, bytes: Uint8Array): Promise<FilledWorksheet> {
  if (isPdf(bytes)) return readCheckedPdfWorksheet(file, bytes);
  const problem = (reason: string, ruleId: string) => {
    const messages = new VFile({ path: file });
    report(messages, 'error', reason, undefined, ruleId);
    return new WorksheetError(messages);
  };
  // A Markdown worksheet is a page of text; anything as large as the largest PDF is not one.
  if (bytes.byteLength > maxWorksheetPdfBytes) throw problem('The file is too large to be a worksheet', 'worksheet-too-large');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw problem('The file is neither a PDF nor UTF-8 text: it is not a ladders worksheet', 'not-a-worksheet');
  }
  return readMarkdownWorksheet(file, text);
}

/** Whether the bytes are a PDF: `%PDF-` within the first kilobyte, where readers look for it. */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-');
}
