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

/** The names an axis goes by: its heading, and, when the heading carries a gloss (`## 기술 (Technology)`), its name and its gloss apart. */
function namesOf(axisName: string): string[] {
  const glossed = new RegExp(`^(.+?)\\s*[${open}]([^${open}${close}]+)[${close}]$`, 'u').exec(keywordKey(axisName));
  return glossed?.[1] && glossed[2] ? [axisName, glossed[1], glossed[2]] : [axisName];
}

/** Whether a bullet's label names the axis: `기술`, `기술(Technology)`, `Technology (기술)`, in any case and spacing. */
export function namesAxis(label: string, axisName: string): boolean {
  const key = keywordKey(label);
  return namesOf(axisName).some((name) => new RegExp(`^${axisLabelPattern(name)}$`, 'u').test(key));
}

/** The length of the axis's name (with a gloss, if it has one) at the start of `key`, a `keywordKey`; null when it does not start there. */
export function axisLabelLength(key: string, axisName: string): number | null {
  const lengths = namesOf(axisName).flatMap((name) => new RegExp(`^${axisLabelPattern(name)}`, 'u').exec(key)?.[0].length ?? []);
  return lengths.length > 0 ? Math.max(...lengths) : null;
}
