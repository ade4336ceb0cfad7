import type { OutputFormat } from '../formats.js';
import type { Ladder } from '../model.js';
import { sha256 } from '../plan/output-states.js';
import type { DocumentInfo } from '../pdf/document-info.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import { viewOptionsFor, type PageOptions } from '../plan/view-options.js';
import { formatLabel } from '../locale/format-label.js';
import type { LadderDiff } from '../ladder-diff.js';
import type { RevisionName } from './name-revision.js';
import { changelogName, toChangelogView } from '../view/to-changelog-view.js';

/** What a changelog handout depends on besides the newer ladder and the diff. */
export interface ChangelogPlanOptions extends PageOptions {
  formats: readonly OutputFormat[];
  /** What each side's revision resolved to (null for a folder): the handout is named by it, not by `HEAD~1`. */
  revisions?: { from: RevisionName | null; to: RevisionName | null };
}

/**
 * Plan a changelog handout in `formats`: `changelog-<a>-<b>.pdf`, `.html` and `.md`, in that order,
 * written into a folder of the user's choosing; their keys are the hashes of their views. A side that
 * is a revision is named by what it resolved to (`changelog-v1.2-3f2a9c1`), a folder as it was given.
 */
export function planChangelog(
  ladder: Ladder,
  changes: LadderDiff,
  templates: { digest(page: 'changelog', format: 'html' | 'md'): string },
  options: ChangelogPlanOptions,
): PlannedOutput[] {
  const { from = null, to = null } = options.revisions ?? {};
  const name = changelogName({ from: { label: from?.file ?? changes.from.label }, to: { label: to?.file ?? changes.to.label } });
  const diff = {
    ...changes,
    from: { ...changes.from, label: from?.title ?? changes.from.label },
    to: { ...changes.to, label: to?.title ?? changes.to.label },
  };
  const viewOptionsOf = viewOptionsFor(ladder, options);
  const views = { html: toChangelogView(ladder, diff, viewOptionsOf('html')), md: toChangelogView(ladder, diff, viewOptionsOf('md')) };
  const keyOf = (format: 'html' | 'md', more: unknown = null) =>
    sha256(JSON.stringify([templates.digest('changelog', format), views[format], more]));
  const outputs: PlannedOutput[] = [];
  if (options.formats.includes('pdf')) {
    const locale = viewOptionsOf('html').locale;
    const info: DocumentInfo = {
      title: views.html.title,
      subject: formatLabel(locale, 'changelogSubject', { framework: ladder.framework.title }),
      keywords: [ladder.framework.title, diff.from.label, diff.to.label, 'career ladder', 'changelog'],
      author: options.organization,
      creator: `ladders ${options.toolVersion}`,
      date: options.date,
    };
    outputs.push({ kind: 'pdf', path: `${name}.pdf`, key: keyOf('html', info), page: 'changelog', view: views.html, info });
  }
  for (const format of ['html', 'md'] as const) {
    if (options.formats.includes(format))
      outputs.push({ kind: 'page', path: `${name}.${format}`, key: keyOf(format), page: 'changelog', format, view: views[format] });
  }
  return outputs;
}
