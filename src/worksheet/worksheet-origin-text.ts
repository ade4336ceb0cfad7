import { z } from 'zod';
import type { WorksheetOrigin } from './filled-worksheet.js';

/** The tag in front of the origin where a worksheet carries it as text: a Markdown comment, a PDF's hidden field. */
export const originTag = 'ladders-worksheet';

const originSchema = z.strictObject({
  roleId: z.string().min(1),
  code: z.string().min(1),
  frameworkVersion: z.string().nullable(),
  positionFingerprint: z.string().regex(/^[0-9a-f]{16}$/),
});

/** The origin as one line of JSON that is safe inside an HTML comment and a PDF string (no `<`, `>` or line breaks). */
export function writeOriginText(origin: WorksheetOrigin): string {
  return JSON.stringify(origin).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The origin read back from `writeOriginText`'s JSON; null when the text is not one. */
export function readOriginText(text: string): WorksheetOrigin | null {
  try {
    const parsed = originSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
