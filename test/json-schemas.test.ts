import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scaffoldFiles } from '../src/init/scaffold-files.js';
import { jsonSchemas, schemasFolder } from '../src/schemas/json-schemas.js';
import { run } from './support/run.js';
import { textLadder } from './support/text-ladder.js';

// The JSON Schemas shipped for editors are made from the validator's own zod schemas. This file makes
// them again and compares them with the committed ones (UPDATE_FIXTURES=1 rewrites those), then checks
// real files against them with a JSON Schema validator that knows nothing of zod.

const repoRoot = path.join(import.meta.dirname, '..');
const folder = path.join(repoRoot, schemasFolder);
const update = process.env.UPDATE_FIXTURES === '1';
const generated = jsonSchemas();
const ajv = new Ajv({ strict: true, allErrors: true });
const validateConfig = ajv.compile(generated['ladders.config.schema.json']!);
const validateFrontMatter = ajv.compile(generated['front-matter.schema.json']!);

function frontMatterOf(file: string): unknown {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${file} has no front matter`);
  return parse(match[1]!) as unknown;
}

describe('the JSON Schemas for editors', () => {
  it('are the files shipped in schemas/, made again from the validator’s schemas', () => {
    if (update) {
      mkdirSync(folder, { recursive: true });
      for (const [name, schema] of Object.entries(generated))
        writeFileSync(path.join(folder, name), `${JSON.stringify(schema, null, 2)}\n`);
    }
    expect(readdirSync(folder).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated))
      expect(readFileSync(path.join(folder, name), 'utf8'), `${name}: run this test with UPDATE_FIXTURES=1`).toBe(
        `${JSON.stringify(schema, null, 2)}\n`,
      );
  });

  it('accept the configuration `init` writes, `$schema` and all', async () => {
    const files = await scaffoldFiles('handbook', { spec: 'file:vendor/ladders-0.1.0.tgz', vendored: null });
    const config = JSON.parse(files.find((file) => file.path === 'ladders.config.json')!.content.toString()) as Record<string, unknown>;
    expect(config.$schema).toBe(`./node_modules/ladders/${schemasFolder}/ladders.config.schema.json`);
    expect(validateConfig(config), ajv.errorsText(validateConfig.errors)).toBe(true);
  });

  it('accept a configuration with every setting, brand colour in capitals included', () => {
    const config = {
      organization: 'Acme',
      paper: 'letter',
      formats: ['pdf', 'md'],
      out: 'out',
      templates: 'templates',
      ladders: 'ladders',
      version: 2026.1,
      brandColor: '#0B6E4F',
      logo: 'logo.svg',
      title: 'Our ladder',
      seniorityWords: { senior: ['Ja'], notSenior: ['Nein'] },
      locale: 'de',
      labels: 'labels.json',
      audience: 'external',
    };
    expect(validateConfig(config), ajv.errorsText(validateConfig.errors)).toBe(true);
  });

  it('refuse a wrong key, and a value of the wrong kind, in the configuration', () => {
    expect(validateConfig({ paper: 'a4', papr: 'a4' })).toBe(false);
    expect(validateConfig.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'papr' } });
    expect(validateConfig({ formats: ['pdf', 'docx'] })).toBe(false);
    expect(validateConfig({ brandColor: 'green' })).toBe(false);
  });

  it('accept the front matter of the test ladders’ introductions and pages', () => {
    const pages = [
      'test/fixtures/reader-front-matter/input/README.md',
      'test/fixtures/reader-front-matter/input/Role_File.md',
      'test/fixtures/reader-seniority-words/input/README.md',
      'test/fixtures/locale-ja/input/README.md',
    ];
    for (const page of pages)
      expect(validateFrontMatter(frontMatterOf(page)), `${page}: ${ajv.errorsText(validateFrontMatter.errors)}`).toBe(true);
  });

  it('refuse a wrong key in front matter, as the validator does', () => {
    expect(validateFrontMatter(frontMatterOf('test/fixtures/error-unknown-front-matter-key/input.md'))).toBe(false);
    expect(validateFrontMatter.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'titel' } });
    expect(validateFrontMatter({ id: 'Not An Id' })).toBe(false);
    expect(validateFrontMatter({ firstSeniorLevel: 0 })).toBe(false);
  });
});

describe('the JSON Schema of the model', () => {
  const validateModel = ajv.compile(generated['ladder-model.schema.json']!);

  it('accepts what `ladders model` prints for the shipped ladder', async () => {
    const result = await run(['model'], repoRoot);
    expect(result.code, result.stderr).toBe(0);
    const model = JSON.parse(result.stdout) as unknown;
    expect(validateModel(model), ajv.errorsText(validateModel.errors)).toBe(true);
  });

  it('accepts a ladder whose cells are text, with groups, attributes and what holds at every level', () => {
    expect(validateModel(JSON.parse(JSON.stringify(textLadder()))), ajv.errorsText(validateModel.errors)).toBe(true);
  });

  it('refuses a model of another version, or a cell with a key the model does not have', () => {
    expect(validateModel({ ...textLadder(), schemaVersion: 1 })).toBe(false);
    const ladder = textLadder();
    const cell = ladder.roles[0]!.positions[0]!.cells[0]!;
    Object.assign(cell, { axis: 'delivery' });
    expect(validateModel(JSON.parse(JSON.stringify(ladder)))).toBe(false);
    expect(validateModel.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'axis' } });
  });
});
