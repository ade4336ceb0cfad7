import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../src/config/load-config.js';
import { configKeys } from '../src/config/validate-config.js';
import { parseJson, toJsonValue } from '../src/read/parse-json.js';
import { formatMessages } from '../src/format-messages.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'ladders-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let cases = 0;
/** A fresh folder holding `files` (name → content); folders in names are created. */
function project(files: Record<string, string | Uint8Array>): string {
  const dir = path.join(root, `case-${++cases}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function printed(loaded: LoadedConfig): string {
  return formatMessages(loaded.file ? [loaded.file] : []);
}

/** The messages of loading a config made of `files`; a config with errors must come back empty. */
async function messagesOf(files: Record<string, string | Uint8Array>): Promise<string> {
  const loaded = await loadConfig(project(files));
  const text = printed(loaded);
  if (text.includes(': error ')) expect(loaded.config).toEqual({});
  return text;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

describe('loadConfig: reading settings', () => {
  it('accepts `$schema`, the JSON Schema an editor checks the file with, and takes no setting from it', async () => {
    const schema = './node_modules/ladders/schemas/ladders.config.schema.json';
    const loaded = await loadConfig(project({ 'ladders.config.json': json({ $schema: schema, paper: 'letter' }) }));
    expect(printed(loaded)).toBe('');
    expect(loaded.config.paper).toBe('letter');
    expect(await messagesOf({ 'ladders.config.json': json({ $schema: 7 }) })).toMatch(/^ladders\.config\.json:2:14: error `\$schema` /);
  });

  it('accepts every key and resolves paths against the config file', async () => {
    const dir = project({
      'ladders.config.json': json({
        organization: '  Acme Robotics  ',
        paper: 'letter',
        formats: ['pdf', 'md'],
        out: 'build/handouts',
        templates: '../shared/templates',
        ladders: '/srv/ladders',
        version: 2026.1,
        brandColor: '#0B6E4F',
        logo: 'brand/logo.png',
      }),
      'brand/logo.png': png,
    });
    const loaded = await loadConfig(dir);
    expect(printed(loaded)).toBe('');
    expect(loaded.file?.path).toBe('ladders.config.json');
    expect(loaded.config).toEqual({
      organization: 'Acme Robotics',
      paper: 'letter',
      formats: ['pdf', 'md'],
      out: path.join(dir, 'build', 'handouts'),
      templates: path.resolve(dir, '..', 'shared', 'templates'),
      ladders: path.resolve('/srv/ladders'),
      version: '2026.1',
      brandColor: '#0b6e4f',
      logo: { path: path.join(dir, 'brand', 'logo.png'), dataUri: 'data:image/png;base64,' + png.toString('base64') },
    });
  });

  it('lists the keys of the schema', () => {
    expect(configKeys).toEqual([
      'organization',
      'paper',
      'formats',
      'out',
      'templates',
      'ladders',
      'version',
      'brandColor',
      'logo',
      'title',
      'seniorityWords',
      'shapes',
      'locale',
      'labels',
      'audience',
    ]);
  });

  it.each([
    ['#ABC', '#aabbcc'],
    ['#1a2B3c', '#1a2b3c'],
  ])('writes the colour %s as %s', async (brandColor, expected) => {
    const loaded = await loadConfig(project({ 'ladders.config.json': json({ brandColor }) }));
    expect(loaded.config).toEqual({ brandColor: expected });
  });

  it.each([
    ['2026.10', '2026.10'],
    ['3', '3'],
    ['"2026.1-rc"', '2026.1-rc'],
  ])('keeps the version %s as written', async (written, expected) => {
    const loaded = await loadConfig(project({ 'ladders.config.json': `{ "version": ${written} }` }));
    expect(loaded.config).toEqual({ version: expected });
  });

  it('inlines an SVG logo, keeping references inside it', async () => {
    const inside =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><path id="a" d="M0 0h1"/></defs><use xlink:href="#a" fill="url(#g)"/><image href="data:image/png;base64,AAAA"/></svg>';
    const dir = project({ 'ladders.config.json': json({ logo: 'logo.SVG' }), 'logo.SVG': inside });
    const loaded = await loadConfig(dir);
    expect(printed(loaded)).toBe('');
    expect(loaded.config.logo?.dataUri).toBe('data:image/svg+xml;base64,' + Buffer.from(inside).toString('base64'));
  });

  it('reads the "ladders" key of package.json when there is no ladders.config.json', async () => {
    const dir = project({ 'package.json': json({ name: 'handbook', ladders: { organization: 'Acme', out: 'dist/ladders' } }) });
    const loaded = await loadConfig(dir);
    expect(printed(loaded)).toBe('');
    expect(loaded.file?.path).toBe('package.json');
    expect(loaded.config).toEqual({ organization: 'Acme', out: path.join(dir, 'dist', 'ladders') });
  });

  it("prefers ladders.config.json and warns that package.json's key is ignored", async () => {
    const loaded = await loadConfig(
      project({
        'ladders.config.json': json({ paper: 'a4' }),
        'package.json': json({ name: 'handbook', ladders: { paper: 'letter' } }),
      }),
    );
    expect(loaded.config).toEqual({ paper: 'a4' });
    expect(printed(loaded)).toBe(
      'ladders.config.json:1:1: warning `package.json` has a `ladders` key too; it is ignored while `ladders.config.json` exists, so keep the settings in one place [ignored-package-config]\n' +
        '  package.json:3:3: note The ignored `ladders` key\n',
    );
  });

  it.each([
    ['no file at all', {}],
    ['a package.json without a "ladders" key', { 'package.json': json({ name: 'handbook' }) }],
    ['a package.json that is not an object', { 'package.json': '[]' }],
  ])('has no config with %s', async (_name, files) => {
    expect(await loadConfig(project(files))).toEqual({ config: {}, file: null, dir: null });
  });

  it('ignores a broken package.json when ladders.config.json exists', async () => {
    const loaded = await loadConfig(project({ 'ladders.config.json': '{}', 'package.json': '{ "ladders": ' }));
    expect(loaded.config).toEqual({});
    expect(loaded.file?.path).toBe('ladders.config.json');
    expect(printed(loaded)).toBe('');
  });
});

describe('loadConfig: mistakes, with their places', () => {
  const file = 'ladders.config.json';
  it.each([
    ['a trailing comma in an object', '{\n  "paper": "a4",\n}\n', '2:16: error Trailing comma is not allowed in JSON'],
    ['a trailing comma in a list', '{ "formats": ["pdf",\n] }', '1:20: error Trailing comma is not allowed in JSON'],
    ['a line comment', '{\n  // paper size\n  "paper": "a4"\n}', '2:3: error Comments are not allowed in JSON'],
    ['a block comment', '{ "paper": /* A4 */ "a4" }', '1:12: error Comments are not allowed in JSON'],
    ['single quotes', "{\n  'paper': 'a4'\n}", "2:3: error Strings in JSON must use double quotes, not `'`"],
    ['an unquoted key', '{\n  paper: "a4"\n}', '2:3: error Unexpected `paper`, expected a key in double quotes'],
    ['a missing comma', '{\n  "paper": "a4"\n  "out": "x"\n}', '3:3: error Unexpected `"`, expected `,` or `}`'],
    ['an unclosed object', '{\n  "paper": "a4"\n', '3:1: error Unexpected end of file, expected `,` or `}`'],
    ['an unterminated string', '{ "paper": "a4 }', '1:12: error Unterminated string'],
    ['a bad escape', '{ "out": "C:\\dist" }', '1:13: error Invalid escape `\\d` in a string'],
    ['a number with a leading zero', '{ "version": 01 }', '1:14: error Invalid number `01`'],
    ['a bare word', '{ "paper": a4 }', '1:12: error Unexpected `a4`, expected a value'],
    ['text after the object', '{ "paper": "a4" } x', '1:19: error Unexpected `x` after the end of the JSON value'],
    ['an empty file', '\n', '1:1: error The file is empty, expected a JSON object such as `{}`'],
    ['a control character', '{ "out": "a\tb" }', '1:12: error Control character in a string; write it as an escape such as `\\t`'],
    ['deep nesting', '{ "x": ' + '['.repeat(300), '1:208: error Nested deeper than 200 levels'],
    ['CRLF line ends', '{\r\n  "paper": "a4",\r\n}\r\n', '2:16: error Trailing comma is not allowed in JSON'],
  ])('refuses %s as broken JSON', async (_name, text, expected) => {
    expect(await messagesOf({ [file]: text })).toBe(`${file}:${expected} [broken-config]\n`);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "organization": "Acm'), Buffer.from([0xe9]), Buffer.from('"\n}')]);
    expect(await messagesOf({ [file]: bytes })).toBe(
      `${file}:2:23: error Unexpected byte that is not UTF-8: save the file as UTF-8 [broken-config]\n`,
    );
  });

  it('refuses duplicate keys, pointing at both', async () => {
    expect(await messagesOf({ [file]: '{\n  "paper": "a4",\n  "paper": "letter"\n}' })).toBe(
      `${file}:3:3: error Duplicate key \`paper\`; JSON would keep only the last one silently, so remove one [broken-config]\n` +
        `  ${file}:2:3: note The first \`paper\`\n`,
    );
  });

  it.each([
    [
      'an array',
      '[\n  { "paper": "a4" }\n]',
      '1:1: error The config in `ladders.config.json` must be a JSON object of settings such as `{ "paper": "a4" }`, not an array',
    ],
    [
      'a string',
      '  "a4"',
      '1:3: error The config in `ladders.config.json` must be a JSON object of settings such as `{ "paper": "a4" }`, not a string',
    ],
  ])('refuses a config that is %s', async (_name, text, expected) => {
    expect(await messagesOf({ [file]: text })).toBe(`${file}:${expected} [broken-config]\n`);
  });

  it('refuses a package.json "ladders" key that is not an object, placed in package.json', async () => {
    expect(await messagesOf({ 'package.json': '{\n  "name": "handbook",\n  "ladders": "a4"\n}\n' })).toBe(
      'package.json:3:14: error The `ladders` key of `package.json` must be a JSON object of settings such as `{ "paper": "a4" }`, not a string [broken-config]\n',
    );
  });

  it('refuses two "ladders" keys in package.json', async () => {
    expect(await messagesOf({ 'package.json': '{\n  "ladders": {},\n  "ladders": { "paper": "a4" }\n}\n' })).toBe(
      'package.json:3:3: error Duplicate key `ladders`; JSON would keep only the last one silently, so remove one [broken-config]\n' +
        '  package.json:2:3: note The first `ladders`\n',
    );
  });

  const known =
    '`organization`, `paper`, `formats`, `out`, `templates`, `ladders`, `version`, `brandColor`, `logo`, `title`, `seniorityWords`, `shapes`, `locale`, `labels`, `audience`';
  it('refuses an unknown key, suggesting the closest', async () => {
    expect(await messagesOf({ [file]: '{\n  "paper": "a4",\n  "brandColour": "#fff",\n  "colour": "red"\n}' })).toBe(
      `${file}:3:3: error Unknown config key \`brandColour\`, expected one of ${known}; did you mean \`brandColor\`? [unknown-config-key]\n` +
        `${file}:4:3: error Unknown config key \`colour\`, expected one of ${known} [unknown-config-key]\n`,
    );
  });

  it('places an unknown key of package.json inside package.json', async () => {
    expect(await messagesOf({ 'package.json': '{\n  "name": "handbook",\n  "ladders": {\n    "papr": "a4"\n  }\n}\n' })).toBe(
      `package.json:4:5: error Unknown config key \`papr\`, expected one of ${known}; did you mean \`paper\`? [unknown-config-key]\n`,
    );
  });

  it.each([
    ['organization', '""', "`organization` must be a non-empty string: the organisation's name"],
    ['organization', '42', "`organization` must be a non-empty string: the organisation's name"],
    ['paper', '"A3"', '`paper` must be one of `a4`, `letter`'],
    ['formats', '"pdf"', '`formats` must be a non-empty list of formats, each one of `pdf`, `html`, `md`, `book`'],
    ['formats', '[]', '`formats` must be a non-empty list of formats, each one of `pdf`, `html`, `md`, `book`'],
    ['out', '""', '`out` must be a non-empty string: a path, relative to the config file or absolute'],
    ['templates', '"  "', '`templates` must be a non-empty string: a path, relative to the config file or absolute'],
    ['ladders', 'null', '`ladders` must be a non-empty string: a path, relative to the config file or absolute'],
    ['logo', '{}', '`logo` must be a non-empty string: a path, relative to the config file or absolute'],
    ['version', 'true', '`version` must be a non-empty string such as `"2026.1"`, or a number'],
    ['version', '" "', '`version` must be a non-empty string such as `"2026.1"`, or a number'],
    ['brandColor', '"teal"', '`brandColor` must be a CSS hex colour, `#rgb` or `#rrggbb`, such as `#0b6e4f`'],
    ['brandColor', '"#12345"', '`brandColor` must be a CSS hex colour, `#rgb` or `#rrggbb`, such as `#0b6e4f`'],
  ])('refuses %s: %s, placed at the value', async (key, value, expected) => {
    const text = `{\n  "${key}": ${value}\n}\n`;
    const column = key.length + 7;
    expect(await messagesOf({ [file]: text })).toBe(`${file}:2:${column}: error ${expected} [broken-config]\n`);
  });

  it('places a wrong format at the item', async () => {
    expect(await messagesOf({ [file]: '{\n  "formats": ["pdf", "docx"]\n}' })).toBe(
      `${file}:2:22: error \`formats\` must be a non-empty list of formats, each one of \`pdf\`, \`html\`, \`md\`, \`book\` [broken-config]\n`,
    );
  });

  it('places a repeated format at the repeat', async () => {
    expect(await messagesOf({ [file]: '{\n  "formats": ["pdf", "html",\n    "pdf"]\n}' })).toBe(
      `${file}:3:5: error \`formats\` lists \`pdf\` twice [broken-config]\n`,
    );
  });

  it('reports every mistake of one file in one run', async () => {
    expect(await messagesOf({ [file]: '{\n  "paper": "A4",\n  "logo": "missing.png"\n}' })).toBe(
      `${file}:2:12: error \`paper\` must be one of \`a4\`, \`letter\` [broken-config]\n` +
        `${file}:3:11: error The logo \`missing.png\` does not exist [unreadable-logo]\n`,
    );
  });

  it('reports a config file that cannot be read', async () => {
    expect(await messagesOf({ [`${file}/inner.txt`]: '' })).toBe(
      `${file}:1:1: error Cannot read the file: it is not a plain file [unreadable-file]\n`,
    );
  });

  it('refuses a config file that links outside its folder, or is far too large, without reading it', async () => {
    const outside = project({ 'secret.json': '{ "paper": "a4" }' });
    const linked = project({});
    symlinkSync(path.join(outside, 'secret.json'), path.join(linked, file));
    const loaded = await loadConfig(linked);
    expect(loaded.config).toEqual({});
    expect(printed(loaded)).toMatch(
      /^ladders\.config\.json:1:1: error `ladders\.config\.json` is a symbolic link that points outside the folder .* \[link-outside-folder\]\n$/,
    );
    expect(await messagesOf({ [file]: `{ "title": "${'x'.repeat(1024 * 1024)}" }` })).toMatch(
      /more than a configuration ever needs .*\[unreadable-file\]\n$/,
    );
  });
});

describe('loadConfig: the logo', () => {
  const file = 'ladders.config.json';
  /** The messages of a config whose only key is `"logo": logo`, at 1:11, with the other `files`. */
  const logoMessages = (logo: string, files: Record<string, string | Uint8Array>): Promise<string> =>
    messagesOf({ [file]: `{ "logo": ${JSON.stringify(logo)} }`, ...files });

  it.each([
    ['missing', 'logo.png', {}, 'The logo `logo.png` does not exist'],
    ['a folder', 'logo.png', { 'logo.png/x.txt': '' }, 'The logo `logo.png` is not a file'],
    [
      'of another type',
      'logo.bmp',
      { 'logo.bmp': 'BM' },
      'The logo `logo.bmp` must be a PNG, JPEG, GIF, WebP or SVG image, with one of the extensions `.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`, `.svg`',
    ],
    [
      'too large',
      'logo.png',
      { 'logo.png': Buffer.concat([png, Buffer.alloc(512 * 1024)]) },
      'The logo `logo.png` is 513 KiB, larger than the 512 KiB a logo may be',
    ],
    [
      'not what its extension says',
      'logo.jpg',
      { 'logo.jpg': png },
      'The logo `logo.jpg` is not a JPEG image: its content does not start like one',
    ],
    [
      'an SVG without <svg>',
      'logo.svg',
      { 'logo.svg': '<html></html>' },
      'The logo `logo.svg` is not an SVG image: it has no `<svg>` element',
    ],
  ])('refuses a logo that is %s', async (_name, logo, files, expected) => {
    expect(await logoMessages(logo, files)).toBe(`${file}:1:11: error ${expected} [unreadable-logo]\n`);
  });

  it('accepts a logo of exactly 512 KiB', async () => {
    const loaded = await loadConfig(
      project({ [file]: json({ logo: 'logo.png' }), 'logo.png': Buffer.concat([png, Buffer.alloc(512 * 1024 - png.length)]) }),
    );
    expect(printed(loaded)).toBe('');
    expect(loaded.config.logo?.dataUri.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });

  it.each([
    ['a script', '<svg>\n  <script>alert(1)</script>\n</svg>', 'contains a `<script>` element', '2:3'],
    [
      'a prefixed script',
      '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script/></svg:svg>',
      'contains a `<script>` element',
      '1:49',
    ],
    ['an event attribute', '<svg onload="alert(1)"></svg>', 'has the event attribute `onload`', '1:6'],
    [
      'an external href',
      '<svg>\n<image href="https://example.com/x.png"/></svg>',
      'refers to `https://example.com/x.png` in its `href`',
      '2:8',
    ],
    ['an external xlink:href', "<svg><use xlink:href='other.svg#a'/></svg>", 'refers to `other.svg#a` in its `xlink:href`', '1:11'],
    [
      'a javascript: link',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      'refers to `javascript:alert(1)` in its `href`',
      '1:9',
    ],
    [
      'an external CSS url()',
      '<svg><style>rect { fill: url("https://example.com/p.svg#p") }</style></svg>',
      'refers to `https://example.com/p.svg#p` in a CSS `url()`',
      '1:26',
    ],
    ['an @import', '<svg><style>@import "x.css";</style></svg>', 'imports a style sheet with `@import`', '1:13'],
    [
      'an entity',
      '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
      'declares an XML entity with `<!ENTITY`',
      '1:16',
    ],
  ])('refuses an SVG logo with %s, pointing into the SVG', async (_name, content, what, place) => {
    expect(await logoMessages('art/logo.svg', { 'art/logo.svg': content })).toBe(
      `${file}:1:11: error The SVG logo \`art/logo.svg\` ${what}; save it without that, a logo may not run scripts or load other files [unsafe-logo]\n` +
        `  art/logo.svg:${place}: note Refused here\n`,
    );
  });
});

describe('loadConfig: the labels file', () => {
  const file = 'ladders.config.json';
  /** The messages of a config whose only key is `"labels": labels`, at 1:13, with the other `files`. */
  const labelsMessages = (labels: string, files: Record<string, string | Uint8Array>): Promise<string> =>
    messagesOf({ [file]: `{ "labels": ${JSON.stringify(labels)} }`, ...files });

  it('reads the labels file with the config, so every command has its words', async () => {
    const dir = project({ [file]: json({ labels: 'brand/labels.json' }), 'brand/labels.json': json({ theRole: 'About this role' }) });
    const loaded = await loadConfig(dir);
    expect(printed(loaded)).toBe('');
    expect(loaded.config.labels).toEqual({ path: path.join(dir, 'brand', 'labels.json'), overrides: { theRole: 'About this role' } });
  });

  it.each([
    ['missing', {}, 'The labels file `labels.json` does not exist'],
    ['a folder', { 'labels.json/x.txt': '' }, 'The labels file `labels.json` is not a file'],
    [
      'too large',
      { 'labels.json': `{ "theRole": "${'x'.repeat(256 * 1024)}" }` },
      'The labels file `labels.json` is 257 KiB, larger than the 256 KiB it may be',
    ],
  ])('refuses a labels file that is %s', async (_name, files, expected) => {
    expect(await labelsMessages('labels.json', files)).toBe(`${file}:1:13: error ${expected} [unreadable-labels]\n`);
  });

  it.each([
    ['not JSON', 'theRole: About\n', 'is not strict JSON: Unexpected `theRole`, expected a value', '1:1'],
    ['JSON with a trailing comma', '{\n  "theRole": "About",\n}\n', 'is not strict JSON: Trailing comma is not allowed in JSON', '2:21'],
    ['not an object', '["About"]', 'must hold a JSON object such as `{ "theRole": "About the role" }`', '1:1'],
    ['not UTF-8', Buffer.from([0x7b, 0x0a, 0xff, 0x7d]), 'is not UTF-8: save it as UTF-8', '2:1'],
  ])('refuses a labels file that is %s, pointing into it', async (_name, content, what, place) => {
    expect(await labelsMessages('brand/labels.json', { 'brand/labels.json': content })).toBe(
      `${file}:1:13: error The labels file \`brand/labels.json\` ${what} [broken-labels]\n  brand/labels.json:${place}: note The problem is here\n`,
    );
  });

  it('refuses every unknown, repeated or wrongly typed label in one run, each at its place', async () => {
    const labels = '{\n  "theRoel": "About",\n  "everyAxis": 3,\n  "theRole": "About",\n  "theRole": "Again"\n}\n';
    expect(await labelsMessages('labels.json', { 'labels.json': labels })).toBe(
      `${file}:1:13: error Unknown label \`theRoel\` in the labels file \`labels.json\`; did you mean \`theRole\`? [broken-labels]\n` +
        `  labels.json:2:3: note The problem is here\n` +
        `${file}:1:13: error The label \`everyAxis\` in the labels file \`labels.json\` must be a string [broken-labels]\n` +
        `  labels.json:3:16: note The problem is here\n` +
        `${file}:1:13: error The label \`theRole\` is set twice in the labels file \`labels.json\`; JSON would keep only the last one silently [broken-labels]\n` +
        `  labels.json:5:3: note The problem is here\n`,
    );
  });
});

describe('parseJson', () => {
  it('reads every JSON text the way JSON.parse does', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const parsed = parseJson(text);
        expect(parsed.ok && toJsonValue(parsed.node)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what JSON.parse refuses, pointing inside the text', () => {
    const edited = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom(',', '}', ']', '"', "'", '/', '0', '-', '.', 'e', ' ', 'x', ':', '\\', '\n'))
      .map(([text, at, char]) => text.slice(0, at % (text.length + 1)) + char + text.slice(at % (text.length + 1)));
    fc.assert(
      fc.property(edited, (text) => {
        const parsed = parseJson(text);
        expect(parsed.ok).toBe(parsesWithJson(text));
        if (!parsed.ok) expect(parsed.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 600 },
    );
  });
});

function parsesWithJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
