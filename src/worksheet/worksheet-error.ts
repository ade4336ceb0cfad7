import type { VFile } from 'vfile';
import { ContentError } from '../failures.js';

/** A file that cannot be read as a filled worksheet; its messages (with places and rule ids) are on `file`: exit 1. */
export class WorksheetError extends ContentError {
  constructor(readonly file: VFile) {
    super([file]);
  }
}
