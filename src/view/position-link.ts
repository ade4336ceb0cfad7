import type { OutputFormat, Variant } from '../formats.js';
import type { Position } from '../model.js';
import type { LinkView } from './view.js';

/** A link to a position's handout in the same folder, in `format`: `em6.html`, or `em6.pdf` from a printed page. */
export function positionLink(position: Position, format: OutputFormat): LinkView {
  return { href: `${position.code.toLowerCase()}.${format}`, text: `${position.code} \u2014 ${position.title}` };
}

/**
 * Links to a position's other pages the build writes, from its role's folder: its handout's PDF, its
 * worksheet (in `format`) and the worksheet's PDF, each named by `texts`; none when nothing else is built.
 */
export function positionVersions(
  position: Position,
  format: 'html' | 'md',
  built: { formats: readonly OutputFormat[]; variants: readonly Variant[] } | null | undefined,
  texts: { handoutPdf: string; review: string; reviewPdf: string },
): LinkView[] {
  if (!built) return [];
  const code = position.code.toLowerCase();
  const has = (variant: Variant, output: OutputFormat) => built.variants.includes(variant) && built.formats.includes(output);
  const links: LinkView[] = [];
  if (has('handout', 'pdf')) links.push({ href: `${code}.pdf`, text: texts.handoutPdf });
  if (has('review', format)) links.push({ href: `${code}-review.${format}`, text: texts.review });
  if (has('review', 'pdf')) links.push({ href: `${code}-review.pdf`, text: texts.reviewPdf });
  return links;
}
