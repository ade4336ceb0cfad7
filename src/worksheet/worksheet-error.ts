import type { VFile } from 'vfile';

/** A file that cannot be read as a filled worksheet; its messages (with places and rule ids) are on `file`: exit 1. */
export class WorksheetError extends Error {
  constructor(readonly file: VFile) {
    super(file.messages.map((message) => message.reason).join('; '));
  }
}
