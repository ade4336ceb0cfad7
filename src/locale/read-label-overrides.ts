import { readFile } from 'node:fs/promises';
import { closestMatch } from '../read/closest-match.js';
import { labelNames, type Labels } from './load-labels.js';

/**
 * Read an organisation's labels file (the configuration's `labels`): a JSON object of label names
 * and the words to print instead of the shipped ones. A problem is thrown as a sentence.
 */
export async function readLabelOverrides(file: string): Promise<Partial<Labels>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the labels file \`${file}\`: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`the labels file \`${file}\` must hold a JSON object such as \`{ "theRole": "About the role" }\``);
  const names = labelNames();
  for (const [name, value] of Object.entries(parsed)) {
    if (!names.includes(name)) {
      const suggestion = closestMatch(name, names);
      throw new Error(`unknown label \`${name}\` in \`${file}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
    }
    if (typeof value !== 'string') throw new Error(`the label \`${name}\` in \`${file}\` must be a string`);
  }
  return parsed;
}
