import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { VFile } from 'vfile';
import { quote, report } from '../messages.js';
import { shippedTemplatesDir } from '../package-paths.js';
import { limitBlocks, RenderLimitError, type RenderBudget } from './render-limits.js';
import { displayPath } from '../paths-and-order.js';
import type { TextFormat } from '../formats.js';
import { pageNames, templateFormats, type PageName } from '../view/view.js';
import { addFontFaces } from '../fonts/add-font-faces.js';
import { registerLabelHelper } from './register-label-helper.js';
import { locateHelperErrors } from './template-error.js';

/** Compiled templates, ready to render views. */
export interface Templates {
  render(page: PageName, format: TextFormat, view: object): string;
  /** The print stylesheet (`print.css`). */
  style: string;
  /** Where each template came from, for messages and for knowing what a build depends on. */
  files: Map<string, string>;
  /** A hash of what rendering `page` in `format` reads: its template, the format's partials, and for HTML the stylesheet. */
  digest(page: PageName, format: TextFormat): string;
}

/** Load the shipped templates with any overrides from `overrideDir`; messages go on the returned files. */
export async function loadTemplates(
  overrideDir: string | undefined,
  cwd: string,
): Promise<{ templates: Templates | null; files: VFile[] }> {
  if (overrideDir !== undefined && !(await isFolder(overrideDir))) {
    // A mistyped folder would otherwise fall back to the shipped templates without a word.
    const folder = new VFile({ path: displayPath(overrideDir, cwd) });
    report(folder, 'error', `Cannot read the templates folder ${quote(folder.path)}`, undefined, 'unreadable-templates');
    return { templates: null, files: [folder] };
  }
  const names = await templateNames(overrideDir);
  const sources = new Map<string, { file: VFile; text: string }>();
  const files: VFile[] = [];
  for (const name of names) {
    const overridden = overrideDir !== undefined && (await exists(path.join(overrideDir, name)));
    const fullPath = path.join(overridden ? overrideDir : shippedTemplatesDir, name);
    const file = new VFile({ path: displayPath(fullPath, cwd) });
    files.push(file);
    try {
      sources.set(name, { file, text: await readFile(fullPath, 'utf8') });
    } catch (error) {
      report(
        file,
        'error',
        `Cannot read the template: ${String((error as { code?: string }).code ?? error)}`,
        undefined,
        'unreadable-template',
      );
    }
  }
  const environments = { html: Handlebars.create(), md: Handlebars.create() };
  const budget: RenderBudget = { blocks: 0, characters: 0 };
  limitBlocks(environments.html, budget);
  limitBlocks(environments.md, budget);
  registerLabelHelper(environments.html, (text) => environments.html.escapeExpression(text));
  // Markdown views arrive escaped for Markdown; the labels are the package's own words.
  registerLabelHelper(environments.md, (text) => text);
  // The template running now, innermost partial last: a helper that fails names the file it was called from.
  const running: string[] = [];
  const within = <T>(name: string, render: () => T): T => {
    running.push(name);
    try {
      return render();
    } finally {
      running.pop();
    }
  };
  const runningFile = () => origins.get(running.at(-1) ?? '') ?? running.at(-1) ?? '';
  locateHelperErrors(environments.html, runningFile);
  locateHelperErrors(environments.md, runningFile);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const parsed: string[] = [];
  for (const [name, { file, text }] of sources) {
    if (!name.endsWith('.hbs') || !checkSyntax(text, file)) continue;
    parsed.push(name);
    const format: TextFormat = name.endsWith('.md.hbs') ? 'md' : 'html';
    const environment = environments[format];
    // Markdown views are escaped for Markdown before rendering, so Handlebars must not escape them for HTML too.
    const template = environment.compile(text, { noEscape: format === 'md', strict: false });
    if (name.startsWith('partials/'))
      environment.registerPartial(path.basename(name, `.${format}.hbs`), (context: unknown, options?: Handlebars.RuntimeOptions) =>
        within(name, () => template(context, options)),
      );
    else compiled.set(name, template);
  }
  for (const name of parsed) {
    const source = sources.get(name);
    const format: TextFormat = name.endsWith('.md.hbs') ? 'md' : 'html';
    if (source) checkPartials(source.text, source.file, environments[format].partials);
  }
  for (const page of pageNames) {
    for (const format of templateFormats(page)) {
      if (!sources.has(`${page}.${format}.hbs`)) {
        const file = new VFile({ path: `${page}.${format}.hbs` });
        report(file, 'error', `Missing template ${quote(`${page}.${format}.hbs`)}`, undefined, 'missing-template');
        files.push(file);
      }
    }
  }
  if (files.some((file) => file.messages.some((message) => message.fatal))) return { templates: null, files };
  const style = sources.get('print.css')?.text ?? '';
  const origins = new Map([...sources].map(([name, { file }]) => [name, file.path]));
  const digests = new Map<string, string>();
  return {
    templates: {
      style,
      files: origins,
      digest(page, format) {
        const known = digests.get(`${page}.${format}`);
        if (known) return known;
        const used = [...sources].filter(
          ([name]) =>
            name === `${page}.${format}.hbs` ||
            (name.startsWith('partials/') && name.endsWith(`.${format}.hbs`)) ||
            (format === 'html' && name === 'print.css'),
        );
        const digest = createHash('sha256')
          .update(JSON.stringify(used.map(([name, { text }]) => [name, text])))
          .digest('hex');
        digests.set(`${page}.${format}`, digest);
        return digest;
      },
      render(page, format, view) {
        const name = `${page}.${format}.hbs`;
        const template = compiled.get(name);
        if (!template) throw new Error(`No template ${name}`);
        budget.blocks = 0;
        budget.characters = 0;
        try {
          const text = within(name, () => template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }));
          return format === 'html' ? addFontFaces(text, languageOf(view)) : text;
        } catch (error) {
          // A partial that includes itself recurses until the stack runs out.
          const reason =
            error instanceof RangeError ? 'it includes itself without end' : error instanceof RenderLimitError ? error.message : null;
          if (reason === null) throw error;
          throw new RenderLimitError(`The template ${quote(origins.get(name) ?? name)} was stopped: ${reason}`, { cause: error });
        }
      },
    },
    files,
  };
}

/** Every template file name, shipped or added by the override folder, relative and with `/`. */
async function templateNames(overrideDir: string | undefined): Promise<string[]> {
  const names = new Set(await listFiles(shippedTemplatesDir));
  if (overrideDir) for (const name of await listFiles(overrideDir)) if (name.startsWith('partials/')) names.add(name);
  return [...names].sort();
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.(hbs|css)$/.test(entry.name))
    .map((entry) => displayPath(path.join(entry.parentPath, entry.name), dir));
}

async function isFolder(fullPath: string): Promise<boolean> {
  return stat(fullPath).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

async function exists(fullPath: string): Promise<boolean> {
  return readFile(fullPath).then(
    () => true,
    () => false,
  );
}

/** Parse a template; a syntax error becomes a message at its line. */
function checkSyntax(text: string, file: VFile): boolean {
  try {
    Handlebars.parse(text);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
    const expected = message.split('\n').at(-1) ?? message;
    report(file, 'error', `Broken template: ${expected}`, { line, column: 1 }, 'broken-template');
    return false;
  }
}

/** Every `{{> partial}}` must name a partial that exists, reported where it is used. */
function checkPartials(text: string, file: VFile, partials: Record<string, unknown>): void {
  const visitor = new Handlebars.Visitor();
  const check = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
    const name = node.name.type === 'PathExpression' ? node.name.original : null;
    if (name && !(name in partials)) {
      const place = { line: node.loc.start.line, column: node.loc.start.column + 1 };
      report(
        file,
        'error',
        `Unknown partial ${quote(name)}, expected one of ${Object.keys(partials).map(quote).join(', ')}`,
        place,
        'unknown-partial',
      );
    }
  };
  visitor.PartialStatement = check;
  visitor.PartialBlockStatement = check;
  visitor.accept(Handlebars.parse(text));
}

/** The page's language (`lang.tag` in every page view), which decides among the CJK faces. */
function languageOf(view: object): string {
  const lang = (view as { lang?: { tag?: unknown } }).lang;
  return typeof lang?.tag === 'string' ? lang.tag : 'en';
}
