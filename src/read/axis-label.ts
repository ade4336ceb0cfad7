import { keywordKey } from './to-framework.js';

// A gloss in parentheses after a name, ASCII or full-width: `기술(Technology)`, `Tecnología (Technology)`, `범위（Scope）`.
const open = '(\uff08';
const close = ')\uff09';
const gloss = `\\s*[${open}][^${open}${close}]*[${close}]`;

/**
 * How an axis can be named at the start of a bullet's label, as a pattern over `keywordKey`s: its
 * name, its name followed by a gloss in parentheses, or another name followed by its name as the gloss.
 */
function axisLabelPattern(axisName: string): string {
  const name = keywordKey(axisName).replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  return `(?:${name}(?:${gloss})?|[^${open}${close}]+?\\s*[${open}]\\s*${name}\\s*[${close}])`;
}

/** Whether a bullet's label names the axis: `기술`, `기술(Technology)`, `Technology (기술)`, in any case and spacing. */
export function namesAxis(label: string, axisName: string): boolean {
  return new RegExp(`^${axisLabelPattern(axisName)}$`, 'u').test(keywordKey(label));
}

/** The length of the axis's name (with a gloss, if it has one) at the start of `key`, a `keywordKey`; null when it does not start there. */
export function axisLabelLength(key: string, axisName: string): number | null {
  const match = new RegExp(`^${axisLabelPattern(axisName)}`, 'u').exec(key);
  return match ? match[0].length : null;
}
