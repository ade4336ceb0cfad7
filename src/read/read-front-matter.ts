import type { Root, Yaml } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { closestMatch } from './closest-match.js';
import { localeSchema } from '../locale-tag.js';
import { quote, quoteList, report } from '../messages.js';

/** Words a level table's seniority column may use besides the shipped ones; the front matter and the configuration share it. */
export const seniorityWordsSchema = z.strictObject({
  senior: z.array(z.string()).default([]),
  notSenior: z.array(z.string()).default([]),
});

/** The one schema for the optional YAML front matter of any ladder page. */
export const frontMatterSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+)*$/u,
      'must be lower-case letters and digits joined by single hyphens',
    )
    .refine((id) => id === id.normalize('NFC'), 'must be written in Unicode NFC')
    .optional(),
  title: z.string().trim().min(1, 'must not be empty').optional(),
  summary: z.string().trim().optional(),
  version: z
    .union([z.string().trim().min(1), z.number()])
    .transform(String)
    .optional(),
  firstSeniorLevel: z.number().int().min(1, 'must be a whole number from 1').optional(),
  seniorityWords: seniorityWordsSchema.optional(),
  locale: localeSchema.optional(),
});

/** Metadata a page may declare about itself. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const knownKeys = Object.keys(frontMatterSchema.shape);

/** Read and validate a page's front matter: `{}` when it has none, null when it is broken. */
export function readFrontMatter(tree: Root, file: VFile): FrontMatter | null {
  const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
  if (!node) return {};
  const document = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  const start = node.position?.start;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const place = placeInYaml(node.value, error.pos[0], start);
      report(file, 'error', `Broken front matter: ${firstLine(error.message)}`, place, 'broken-front-matter');
    }
    return null;
  }
  let value: unknown;
  try {
    value = document.toJS() ?? {};
  } catch (error) {
    // Aliases that expand without end (a "billion laughs") are refused by the YAML library here.
    report(
      file,
      'error',
      `Broken front matter: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      start,
      'broken-front-matter',
    );
    return null;
  }
  const result = frontMatterSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) reportUnknownKey(file, key, placeOfKey(document, [key], node.value, start));
    } else {
      const key = issue.path.map(String).join('.') || 'front matter';
      const place = placeOfKey(document, issue.path.map(String), node.value, start);
      report(file, 'error', `Front matter key ${quote(key)} ${issue.message}`, place, 'broken-front-matter');
    }
  }
  return null;
}

function reportUnknownKey(file: VFile, key: string, place: Point | undefined): void {
  const suggestion = closestMatch(key, knownKeys);
  const hint = suggestion ? `; did you mean ${quote(suggestion)}?` : '';
  report(
    file,
    'error',
    `Unknown front matter key ${quote(key)}, expected one of ${quoteList(knownKeys)}${hint}`,
    place,
    'unknown-front-matter-key',
  );
}

function placeOfKey(document: Document, keyPath: string[], yamlText: string, start: Point | undefined): Point | undefined {
  const map = document.contents;
  if (!isMap(map)) return start;
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === keyPath[0]);
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? start : placeInYaml(yamlText, offset, start);
}

/** Turn an offset inside the YAML text into a place in the page; the YAML starts a line below `---`. */
function placeInYaml(yamlText: string, offset: number, start: Point | undefined): Point | undefined {
  if (!start) return undefined;
  const before = yamlText.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: start.line + before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
