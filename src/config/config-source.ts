import path from 'node:path';
import { VFile } from 'vfile';
import { describeSystemError, isMissingFile, isSystemError } from '../failures.js';
import { quote, report, type Place } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { decodeText } from '../read/decode-text.js';
import { parseJson, placeOfOffset, type JsonMember, type JsonNode } from '../read/parse-json.js';
import { outsideReason, readInside, resolveFolder } from '../read/read-inside.js';

/** Far more than any configuration or package.json holds; a larger file is refused before it is read. */
const maxConfigBytes = 1024 * 1024;

/** A JSON file that may hold the config: its text, parsed with the place of every value. */
export interface Source {
  file: VFile;
  /** The folder of the file: relative paths in it start here. */
  dir: string;
  text: string;
  /** The parsed JSON, or null when the file could not be read or parsed (the file says why). */
  node: JsonNode | null;
}

/** Read and parse a JSON file; null when it does not exist. */
export async function readSource(fullPath: string, cwd: string): Promise<Source | null> {
  const file = new VFile({ path: displayPath(fullPath, cwd) });
  const dir = path.dirname(fullPath);
  const read = await readInside(await resolveFolder(dir), fullPath, maxConfigBytes);
  if (!read.ok) {
    if (read.problem === 'unreadable' && isMissingFile(read.error)) return null;
    const [reason, ruleId] =
      read.problem === 'outside'
        ? [outsideReason(displayPath(read.link, cwd), displayPath(dir, cwd)), 'link-outside-folder']
        : read.problem === 'too-large'
          ? [`The file holds ${read.size} bytes, more than a configuration ever needs (${maxConfigBytes})`, 'unreadable-file']
          : read.problem === 'not-file'
            ? ['Cannot read the file: it is not a plain file', 'unreadable-file']
            : [
                `Cannot read the file: ${isSystemError(read.error) ? describeSystemError(read.error) : String(read.error)}`,
                'unreadable-file',
              ];
    report(file, 'error', reason, { line: 1, column: 1 }, ruleId);
    return { file, dir, text: '', node: null };
  }
  const bytes = read.bytes;
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const reason =
      decoded.problem === 'binary'
        ? 'Unexpected NUL byte: this is not a JSON file'
        : 'Unexpected byte that is not UTF-8: save the file as UTF-8';
    report(file, 'error', reason, { line: decoded.line, column: decoded.column }, 'broken-config');
    return { file, dir, text: '', node: null };
  }
  const parsed = parseJson(decoded.text);
  const source = { file, dir, text: decoded.text, node: parsed.ok ? parsed.node : null };
  if (!parsed.ok) report(file, 'error', parsed.reason, placeIn(source, parsed.offset), 'broken-config');
  return source;
}

export function reportDuplicate(source: Source, first: JsonMember, again: JsonMember): void {
  const cause = { file: source.file.path, place: placeIn(source, first.keyStart), reason: `The first ${quote(first.key)}` };
  const reason = `Duplicate key ${quote(again.key)}; JSON would keep only the last one silently, so remove one`;
  report(source.file, 'error', reason, placeIn(source, again.keyStart), 'broken-config', cause);
}

export function placeIn(source: Source, offset: number): Place {
  return placeOfOffset(source.text, offset);
}
