import path from 'node:path';
import { z } from 'zod';
import { dropControls } from '../drop-controls.js';
import { formats, papers } from '../formats.js';
import { quote, quoteList, report } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { closestMatch } from '../read/closest-match.js';
import { seniorityWordsSchema } from '../read/read-front-matter.js';
import { ladderShapes } from '../read/shape-reader.js';
import { placeIn, reportDuplicate, type Source } from './config-source.js';
import { toJsonValue, type JsonMember, type JsonNode } from '../read/parse-json.js';
import { readLogo } from './read-logo.js';
import { localeSchema } from '../locale-tag.js';
import type { Labels } from '../locale/load-labels.js';
import { readLabelOverrides } from '../locale/read-label-overrides.js';

const expected = {
  name: "must be a non-empty string: the organisation's name",
  path: 'must be a non-empty string: a path, relative to the config file or absolute',
  formats: `must be a non-empty list of formats, each one of ${quoteList(formats)}`,
  version: 'must be a non-empty string such as `"2026.1"`, or a number',
  title: "must be a non-empty string: the framework's title",
  color: 'must be a CSS hex colour, `#rgb` or `#rrggbb`, such as `#0b6e4f`',
  shapes:
    'must be an object naming, for a path pattern inside the ladder folder, the shape its pages are kept in, such as `{ "tracks/**": "sections" }`',
  shape: `must be one of ${quoteList(ladderShapes)}`,
};
const pathSchema = z
  .string({ error: expected.path })
  .refine((value) => /\S/.test(value) && !value.includes('\0'), { error: expected.path });

/** The one schema of the config's keys, as written in the file (paths still relative, the logo still a path). */
export const configSchema = z.strictObject({
  // The JSON Schema an editor checks the file with (`init` writes it); ladders itself needs nothing from it.
  $schema: z.string().optional(),
  // Shown on every page: control characters, which no reader sees, never reach one (see `dropControls`).
  organization: z.string({ error: expected.name }).overwrite(dropControls).trim().min(1, { error: expected.name }).optional(),
  paper: z.enum(papers, { error: `must be one of ${quoteList(papers)}` }).optional(),
  formats: z
    .array(z.enum(formats, { error: expected.formats }), { error: expected.formats })
    .min(1, { error: expected.formats })
    .superRefine((listed, context) => {
      listed.forEach((format, index) => {
        if (listed.indexOf(format) < index) context.addIssue({ code: 'custom', message: `lists ${quote(format)} twice`, path: [index] });
      });
    })
    .optional(),
  out: pathSchema.optional(),
  templates: pathSchema.optional(),
  ladders: pathSchema.optional(),
  version: z
    .union([z.string().overwrite(dropControls).trim().min(1, { error: expected.version }), z.number()], { error: expected.version })
    .transform(String)
    .optional(),
  brandColor: z
    .string({ error: expected.color })
    // Both cases spelt out, not the `i` flag: the JSON Schema made from this one keeps the pattern but not its flags.
    .regex(/^#(?:[\da-fA-F]{3}|[\da-fA-F]{6})$/, { error: expected.color })
    .transform(toLongHex)
    .optional(),
  logo: pathSchema.optional(),
  title: z.string({ error: expected.title }).overwrite(dropControls).trim().min(1, { error: expected.title }).optional(),
  seniorityWords: seniorityWordsSchema.optional(),
  // Pattern → shape, first match winning: for pages whose content could be read as more than one shape.
  shapes: z
    .record(
      z.string().refine((value) => /\S/.test(value) && !value.includes('\0'), { error: expected.shapes }),
      z.enum(ladderShapes, { error: expected.shape }),
      { error: expected.shapes },
    )
    .optional(),
  locale: localeSchema.optional(),
  labels: pathSchema.optional(),
  audience: z.enum(['internal', 'external'], { error: 'must be one of `internal`, `external`' }).optional(),
});

/** A key of the config. */
export type ConfigKey = keyof typeof configSchema.shape;

/** Every setting of the config, in the schema's order, for help texts and the manual (`$schema` is for editors, not a setting). */
export const configKeys = (Object.keys(configSchema.shape) as ConfigKey[]).filter((key) => key !== '$schema');

/** The settings, ready to use: paths absolute, the colour `#rrggbb`, the logo read and inlined, the labels file read. */
export interface LaddersConfig extends Omit<z.output<typeof configSchema>, 'logo' | 'labels'> {
  logo?: { path: string; dataUri: string };
  labels?: { path: string; overrides: Partial<Labels> };
}

/** Validate the config object `node` of `source` and resolve it; `{}` when anything is wrong. */
export async function toConfig(source: Source, node: JsonNode, what: string, cwd: string): Promise<LaddersConfig> {
  if (node.type !== 'object') {
    const reason = `${what} must be a JSON object of settings such as \`{ "paper": "a4" }\`, not ${describe(node)}`;
    report(source.file, 'error', reason, placeIn(source, node.start), 'broken-config');
    return {};
  }
  const seen = new Map<string, JsonMember>();
  for (const member of node.members) {
    const first = seen.get(member.key);
    if (first) reportDuplicate(source, first, member);
    else seen.set(member.key, member);
  }
  // A version written as a number keeps its digits: `2026.10` stays `2026.10`, not `2026.1`.
  const input = Object.fromEntries(
    node.members.map((member) => [
      member.key,
      member.key === 'version' && member.value.type === 'number' ? member.value.raw : toJsonValue(member.value),
    ]),
  );
  const result = configSchema.safeParse(input);
  if (!result.success) reportIssues(source, node, result.error.issues);
  // The logo and the labels are checked even when other keys are wrong, so that one run shows every mistake.
  const logo = await inlineLogo(source, node, cwd);
  const labels = await readLabels(source, node, cwd);
  if (!result.success || source.file.messages.some((message) => message.fatal === true)) return {};
  const config: LaddersConfig = { ...result.data, logo, labels };
  if (!logo) delete config.logo;
  if (!labels) delete config.labels;
  for (const key of ['out', 'templates', 'ladders'] as const) {
    const value = config[key];
    if (value !== undefined) config[key] = path.resolve(source.dir, value);
  }
  return config;
}

/** Read the logo the config names, if it names one as a valid path; problems go on the config file, at the value. */
async function inlineLogo(source: Source, node: JsonNode & { type: 'object' }, cwd: string): Promise<LaddersConfig['logo']> {
  const member = node.members.findLast((candidate) => candidate.key === 'logo');
  const shown = member?.value.type === 'string' ? pathSchema.safeParse(member.value.value) : null;
  if (!member || !shown?.success) return undefined;
  const fullPath = path.resolve(source.dir, shown.data);
  const read = await readLogo(fullPath, shown.data);
  if (read.ok) return { path: fullPath, dataUri: read.dataUri };
  const cause = read.inside && { file: displayPath(fullPath, cwd), place: read.inside, reason: 'Refused here' };
  report(source.file, 'error', read.reason, placeIn(source, member.value.start), read.ruleId, cause);
  return undefined;
}

/** Read the labels file the config names, if it names one as a valid path, as every command does; problems go on the config file, at the value. */
async function readLabels(source: Source, node: JsonNode & { type: 'object' }, cwd: string): Promise<LaddersConfig['labels']> {
  const member = node.members.findLast((candidate) => candidate.key === 'labels');
  const shown = member?.value.type === 'string' ? pathSchema.safeParse(member.value.value) : null;
  if (!member || !shown?.success) return undefined;
  const fullPath = path.resolve(source.dir, shown.data);
  const read = await readLabelOverrides(fullPath, shown.data);
  if (read.ok) return { path: fullPath, overrides: read.labels };
  for (const problem of read.problems) {
    const cause = problem.inside && { file: displayPath(fullPath, cwd), place: problem.inside, reason: 'The problem is here' };
    report(source.file, 'error', problem.reason, placeIn(source, member.value.start), problem.ruleId, cause);
  }
  return undefined;
}

function reportIssues(source: Source, node: JsonNode & { type: 'object' }, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const member = node.members.find((candidate) => candidate.key === key);
        const suggestion = closestMatch(key, configKeys);
        const hint = suggestion ? `; did you mean ${quote(suggestion)}?` : '';
        const reason = `Unknown config key ${quote(key)}, expected one of ${quoteList(configKeys)}${hint}`;
        report(source.file, 'error', reason, placeIn(source, member?.keyStart ?? node.start), 'unknown-config-key');
      }
    } else {
      const key = String(issue.path[0] ?? '');
      const reason = `${quote(key)} ${issue.message}`;
      report(source.file, 'error', reason, placeIn(source, nodeAt(node, issue.path)?.start ?? node.start), 'broken-config');
    }
  }
}

/** The node at a schema issue's path: the last of duplicate keys, since that is the value validated. */
function nodeAt(node: JsonNode, keys: readonly PropertyKey[]): JsonNode | undefined {
  let current: JsonNode | undefined = node;
  for (const key of keys) {
    if (current?.type === 'object') current = current.members.findLast((member) => member.key === key)?.value;
    else if (current?.type === 'array' && typeof key === 'number') current = current.items[key];
    else return current;
  }
  return current;
}

function describe(node: JsonNode): string {
  return node.type === 'array' ? 'an array' : node.type === 'null' ? '`null`' : `a ${node.type}`;
}

function toLongHex(color: string): string {
  const hex = color.slice(1).toLowerCase();
  return '#' + (hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex);
}
