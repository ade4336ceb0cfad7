import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { shippedLaddersDir } from '../package-paths.js';
import type { OutputFile } from '../write/write-outputs.js';
import { ciWorkflow } from './ci-workflow.js';
import type { LaddersDependency } from './ladders-dependency.js';

/** The shipped role a new repository starts from: short (three positions), and every axis in use. */
const exampleRole = 'engineering-manager.md';

/** Where an editor finds the configuration's JSON Schema: in the ladders the repository installs, so it matches its version. */
const configSchemaPath = './node_modules/ladders/schemas/ladders.config.schema.json';

/**
 * The files of a new ladder repository named `name`: the shipped framework page and one shipped role
 * to edit, a configuration, a package.json with ladders as a dev dependency (and the tarball it names,
 * if any), a .gitignore and the CI workflow. Every path is relative to the repository's folder.
 */
export async function scaffoldFiles(name: string, dependency: LaddersDependency): Promise<OutputFile[]> {
  const [framework, role] = await Promise.all(
    ['README.md', exampleRole].map((file) => readFile(path.join(shippedLaddersDir, file), 'utf8')),
  );
  return [
    { path: 'ladders/README.md', content: withOnlyExampleRole(framework ?? '') },
    { path: `ladders/${exampleRole}`, content: role ?? '' },
    { path: 'ladders.config.json', content: json({ $schema: configSchemaPath, ladders: 'ladders', out: 'out', paper: 'a4' }) },
    {
      path: 'package.json',
      content: json({
        name: packageName(name),
        version: '1.0.0',
        private: true,
        description: 'Our engineering career ladder, kept as Markdown and built into handouts with ladders',
        scripts: { check: 'ladders check --strict', build: 'ladders build' },
        devDependencies: { ladders: dependency.spec },
      }),
    },
    ...(dependency.vendored ? [dependency.vendored] : []),
    { path: '.gitignore', content: 'node_modules/\nout/\n' },
    { path: '.github/workflows/ladders.yml', content: ciWorkflow },
  ];
}

// The shipped framework page links every shipped role under "Other Pages"; a new repository has one.
function withOnlyExampleRole(framework: string): string {
  const otherPages = framework.indexOf('\n# Other Pages\n');
  if (otherPages === -1) throw new Error('The shipped framework page has no "Other Pages" section');
  return `${framework.slice(0, otherPages)}\n# Other Pages\n\n* [**Engineering Manager**](${exampleRole})\n`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A valid npm package name made from a folder's name: lower case, letters, digits and hyphens. */
function packageName(folder: string): string {
  const slug = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'career-ladder' : slug;
}
