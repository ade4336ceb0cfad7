import type { Ladder, Position, Role } from '../model.js';
import { escapeMarkdownView } from './escape-markdown.js';
import type { PageName, Templates } from './load-templates.js';
import { normalizeMarkdown } from './normalize-markdown.js';
import { handoutPath, indexFile, rolePath, type TextFormat } from './output-paths.js';
import { toHandoutView, toIndexView, toRoleView, type ViewOptions } from './to-views.js';

/** One file of the build: its path relative to the output folder, and its content. */
export interface Output {
  path: string;
  content: string;
}

/** What to render. */
export interface RenderOptions {
  formats: readonly TextFormat[];
  paper: 'a4' | 'letter';
  /** The inlined `@font-face` rules, prepended to the template stylesheet. */
  fonts: string;
  toolVersion: string;
  /** Positions to render; null renders everything, indexes included. */
  only: ReadonlySet<Position> | null;
}

/** Render the pages of the build one at a time, so a large ladder never sits in memory whole; nothing is written here. */
export function* renderOutputs(ladder: Ladder, templates: Templates, options: RenderOptions): Generator<Output> {
  for (const format of options.formats) {
    const viewOptions: ViewOptions = { format, paper: options.paper, style: `${options.fonts}\n${templates.style}`, toolVersion: options.toolVersion };
    const render = (page: PageName, view: object) => renderPage(templates, page, format, view);
    for (const role of ladder.roles) {
      const positions = role.positions.filter((position) => options.only?.has(position) ?? true);
      for (const position of positions) {
        const view = toHandoutView(ladder, role, position, viewOptions);
        yield { path: handoutPath(role, position, format), content: render('handout', view) };
        if (format === 'md') yield { path: handoutPath(role, position, 'svg'), content: view.chart.svg + '\n' };
      }
      if (isWholeRole(role, options.only)) yield { path: rolePath(role, format), content: render('role', toRoleView(ladder, role, viewOptions)) };
    }
    if (options.only === null) yield { path: indexFile(format), content: render('index', toIndexView(ladder, viewOptions)) };
  }
}

function renderPage(templates: Templates, page: PageName, format: TextFormat, view: object): string {
  if (format === 'html') return templates.render(page, format, view);
  return normalizeMarkdown(templates.render(page, format, escapeMarkdownView(view)));
}

function isWholeRole(role: Role, only: ReadonlySet<Position> | null): boolean {
  return only === null || role.positions.every((position) => only.has(position));
}
