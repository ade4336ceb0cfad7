import type { Ladder, Position } from '../model.js';
import type { PdfJob } from '../print/print-pdfs.js';
import type { Templates } from './load-templates.js';
import { handoutPath } from './output-paths.js';
import { toHandoutView, type ViewOptions } from './to-views.js';

/** What the PDF jobs depend on besides the model. */
export interface PdfJobOptions {
  paper: 'a4' | 'letter';
  fonts: string;
  toolVersion: string;
  only: ReadonlySet<Position> | null;
  /** From SOURCE_DATE_EPOCH, or null. */
  date: Date | null;
}

/** One print job per handout; each renders the same HTML as the handout's `.html` when printed. */
export function toPdfJobs(ladder: Ladder, templates: Templates, options: PdfJobOptions): PdfJob[] {
  const viewOptions: ViewOptions = { format: 'html', paper: options.paper, style: `${options.fonts}\n${templates.style}`, toolVersion: options.toolVersion };
  return ladder.roles.flatMap((role) =>
    role.positions
      .filter((position) => options.only?.has(position) ?? true)
      .map((position) => ({
        name: handoutPath(role, position, 'pdf'),
        renderHtml: () => templates.render('handout', 'html', toHandoutView(ladder, role, position, viewOptions)),
        metadata: {
          title: `${position.code} \u2014 ${position.title}`,
          subject: `What the ${role.title} position ${position.code} expects, axis by axis, in ${ladder.framework.title}`,
          keywords: [position.code, role.title, ladder.framework.title, 'career ladder', ...position.expectations.map((expectation) => expectation.keyword)],
          author: null,
          creator: `ladders ${options.toolVersion}`,
          date: options.date,
        },
      })),
  );
}
