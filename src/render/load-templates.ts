import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
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
import { describeSystemError, isMissingFile, isSystemError } from '../failures.js';
import { outsideReason, readInside, resolveFolder, type ReadInside } from '../read/read-inside.js';

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

/** A template or the stylesheet is a few kilobytes; a larger file is not read. */
export const maxTemplateBytes = 1024 * 1024;

/** Load the shipped templates with any overrides from `overrideDir`; messages go on the returned files. */
export async function loadTemplates(
  overrideDir: string | undefined,
  cwd: string,
): Promise<{ templates: Templates | null; files: VFile[] }> {
  const notFolder = overrideDir === undefined ? null : await whyNotFolder(overrideDir);
  if (overrideDir !== undefined && notFolder !== null) {
    // A mistyped folder would otherwise fall back to the shipped templates without a word.
    const folder = new VFile({ path: displayPath(overrideDir, cwd) });
    report(folder, 'error', `Cannot read the templates folder ${quote(folder.path)}: ${notFolder}`, undefined, 'unreadable-templates');
    return { templates: null, files: [folder] };
  }
  const names = await templateNames(overrideDir);
  const sources = new Map<string, { file: VFile; text: string }>();
  const files: VFile[] = [];
  // Each folder is resolved once: a template must really lie in its folder, symbolic links followed.
  const shipped = await resolveFolder(shippedTemplatesDir);
  const overrides = overrideDir === undefined ? undefined : await resolveFolder(overrideDir);
  // Templates there but not read: their own message says why, so they are neither missing nor unknown partials.
  const unread = new Set<string>();
  for (const name of names) {
    // A name the override folder does not have is the shipped template's; anything else there is read, or says why not.
    let fullPath = overrides ? path.join(overrides.dir, name) : path.join(shipped.dir, name);
    let read = await readInside(overrides ?? shipped, fullPath, maxTemplateBytes);
    if (overrides && !read.ok && read.problem === 'unreadable' && isSystemError(read.error) && read.error.code === 'ENOENT') {
      fullPath = path.join(shipped.dir, name);
      read = await readInside(shipped, fullPath, maxTemplateBytes);
    }
    const file = new VFile({ path: displayPath(fullPath, cwd) });
    files.push(file);
    if (read.ok) {
      sources.set(name, { file, text: read.bytes.toString('utf8') });
      continue;
    }
    unread.add(name);
    if (read.problem === 'outside') {
      const folder = displayPath((overrides ?? shipped).dir, cwd);
      report(file, 'error', outsideReason(displayPath(read.link, cwd), folder), undefined, 'link-outside-folder');
    } else report(file, 'error', `Cannot read the template: ${whyUnread(read)}`, undefined, 'unreadable-template');
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
    const unreadPartials = [...unread].filter((other) => other.startsWith('partials/') && other.endsWith(`.${format}.hbs`));
    const known = [...Object.keys(environments[format].partials), ...unreadPartials.map((other) => path.basename(other, `.${format}.hbs`))];
    if (source) checkPartials(source.text, source.file, environments[format].partials, new Set(known));
  }
  for (const page of pageNames) {
    for (const format of templateFormats(page)) {
      if (!sources.has(`${page}.${format}.hbs`) && !unread.has(`${page}.${format}.hbs`)) {
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
  // A folder that is not there adds no templates; one that cannot be read must not look empty.
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if (isMissingFile(error)) return [];
    throw error;
  });
  // A symbolic link is listed too: reading it follows it when it stays inside the folder, and says so when it does not.
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /\.(hbs|css)$/.test(entry.name))
    .map((entry) => displayPath(path.join(entry.parentPath, entry.name), dir));
}

/** Why `fullPath` is no folder to read: missing, denied, a file; null when it is one. */
async function whyNotFolder(fullPath: string): Promise<string | null> {
  try {
    return (await stat(fullPath)).isDirectory() ? null : 'it is a file, not a folder';
  } catch (error) {
    return isSystemError(error) ? describeSystemError(error) : String(error);
  }
}

function whyUnread(read: Exclude<ReadInside, { ok: true } | { problem: 'outside' }>): string {
  if (read.problem === 'too-large')
    return `it is ${Math.ceil(read.size / 1024)} KiB, larger than the ${maxTemplateBytes / 1024} KiB a template may be`;
  if (read.problem === 'not-file') return 'it is not a file';
  return String((read.error as { code?: string }).code ?? read.error);
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

/** Every `{{> partial}}` must name a partial that exists (one of `known`), reported where it is used. */
function checkPartials(text: string, file: VFile, partials: Record<string, unknown>, known: ReadonlySet<string>): void {
  const visitor = new Handlebars.Visitor();
  const check = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
    const name = node.name.type === 'PathExpression' ? node.name.original : null;
    if (name && !known.has(name)) {
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
