import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { quote, report, type Place } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { decodeText } from '../read/decode-text.js';
import { parseJson, placeOfOffset, type JsonMember, type JsonNode } from '../read/parse-json.js';

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
  let bytes: Buffer;
  try {
    bytes = await readFile(fullPath);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    if (code === 'ENOENT') return null;
    report(file, 'error', `Cannot read the file: ${code}`, { line: 1, column: 1 }, 'unreadable-file');
    return { file, dir, text: '', node: null };
  }
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
