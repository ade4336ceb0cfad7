import type { OutputFormat } from '../formats.js';
import type { Position } from '../model.js';
import type { LinkView } from './view.js';

/** A link to a position's handout in the same folder, in `format`: `em6.html`, or `em6.pdf` from a printed page. */
export function positionLink(position: Position, format: OutputFormat): LinkView {
  return { href: `${position.code.toLowerCase()}.${format}`, text: `${position.code} \u2014 ${position.title}` };
}
