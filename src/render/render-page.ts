import { escapeMarkdownView } from './escape-markdown.js';
import type { TextFormat } from '../formats.js';
import type { PageName } from '../view/view.js';
import type { Templates } from './load-templates.js';
import { normalizeMarkdown } from './normalize-markdown.js';

/** The stylesheet every HTML page carries: the templates' `print.css`, and the brand colour when configured. */
export function pageStyle(templates: Templates, brandColor: string | null | undefined): string {
  // The brand colour is a checked `#rrggbb`, so it is safe inside the stylesheet.
  const brand = brandColor ? `\n:root { --ladders-brand: ${brandColor}; }` : '';
  return `${templates.style}${brand}`;
}

/** Render one page: HTML as the template writes it; Markdown from an escaped view, normalised. */
export function renderPage(templates: Templates, page: PageName, format: TextFormat, view: object): string {
  if (format === 'html') return templates.render(page, format, view);
  return normalizeMarkdown(templates.render(page, format, escapeMarkdownView(view)));
}
