import path from 'node:path';
import type { Point } from 'unist';
import { placeOfOffset, parseJson } from '../read/parse-json.js';
import { describeSystemError, isMissingFile, isSystemError } from '../failures.js';
import { quote } from '../messages.js';
import { closestMatch } from '../read/closest-match.js';
import { decodeText } from '../read/decode-text.js';
import { outsideReason, readInside, resolveFolder } from '../read/read-inside.js';
import { labelNames, type Labels } from './load-labels.js';

/** A problem of a labels file: its rule, what is wrong, and where in the file when it is in its text. */
export interface LabelsProblem {
  ruleId: 'unreadable-labels' | 'broken-labels' | 'link-outside-folder';
  reason: string;
  inside?: Point;
}

/** The labels a file sets, or every problem found in it. */
export type ReadLabelOverrides = { ok: true; labels: Partial<Labels> } | { ok: false; problems: LabelsProblem[] };

/** A labels file sets a few hundred short phrases; a larger one is a mistake. */
export const maxLabelsBytes = 256 * 1024;

/**
 * Read an organisation's labels file (the configuration's `labels`, at `fullPath`, written `shown`): a
 * JSON object of label names and the words to print instead of the shipped ones. The config may name a
 * file in any folder, but a symbolic link there must not lead out of that folder.
 */
export async function readLabelOverrides(fullPath: string, shown: string): Promise<ReadLabelOverrides> {
  const read = await readInside(await resolveFolder(path.dirname(fullPath)), fullPath, maxLabelsBytes);
  if (!read.ok) {
    // The folder is the file's own, so the link is the labels file itself.
    if (read.problem === 'outside') return failed('link-outside-folder', outsideReason(shown, path.dirname(shown)));
    if (read.problem === 'not-file') return failed('unreadable-labels', `The labels file ${quote(shown)} is not a file`);
    if (read.problem === 'too-large') {
      const size = Math.ceil(read.size / 1024);
      return failed(
        'unreadable-labels',
        `The labels file ${quote(shown)} is ${size} KiB, larger than the ${maxLabelsBytes / 1024} KiB it may be`,
      );
    }
    const why = isSystemError(read.error) ? describeSystemError(read.error) : String(read.error);
    return failed(
      'unreadable-labels',
      isMissingFile(read.error) ? `The labels file ${quote(shown)} does not exist` : `Cannot read the labels file ${quote(shown)}: ${why}`,
    );
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) {
    const what = decoded.problem === 'binary' ? 'has a NUL byte: it is not a JSON file' : 'is not UTF-8: save it as UTF-8';
    return failed('broken-labels', `The labels file ${quote(shown)} ${what}`, { line: decoded.line, column: decoded.column });
  }
  const text = decoded.text;
  const parsed = parseJson(text);
  if (!parsed.ok)
    return failed(
      'broken-labels',
      `The labels file ${quote(shown)} is not strict JSON: ${parsed.reason}`,
      placeOfOffset(text, parsed.offset),
    );
  if (parsed.node.type !== 'object')
    return failed(
      'broken-labels',
      `The labels file ${quote(shown)} must hold a JSON object such as \`{ "theRole": "About the role" }\``,
      placeOfOffset(text, parsed.node.start),
    );
  const names = labelNames();
  const problems: LabelsProblem[] = [];
  const labels: Partial<Record<string, string>> = {};
  const seen = new Set<string>();
  for (const member of parsed.node.members) {
    const at = placeOfOffset(text, member.keyStart);
    if (!names.includes(member.key)) {
      const suggestion = closestMatch(member.key, names);
      const hint = suggestion ? `; did you mean ${quote(suggestion)}?` : '';
      problems.push({
        ruleId: 'broken-labels',
        reason: `Unknown label ${quote(member.key)} in the labels file ${quote(shown)}${hint}`,
        inside: at,
      });
    } else if (seen.has(member.key)) {
      const reason = `The label ${quote(member.key)} is set twice in the labels file ${quote(shown)}; JSON would keep only the last one silently`;
      problems.push({ ruleId: 'broken-labels', reason, inside: at });
    } else if (member.value.type !== 'string') {
      const reason = `The label ${quote(member.key)} in the labels file ${quote(shown)} must be a string`;
      problems.push({ ruleId: 'broken-labels', reason, inside: placeOfOffset(text, member.value.start) });
    } else labels[member.key] = member.value.value;
    seen.add(member.key);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, labels };
}

function failed(ruleId: LabelsProblem['ruleId'], reason: string, inside?: Point): ReadLabelOverrides {
  return { ok: false, problems: [{ ruleId, reason, ...(inside && { inside }) }] };
}
