import { keywordKey } from './keyword-key.js';

const opening = new Set(['(', '\uff08']);
const closing = new Set([')', '\uff09']);

/** A name and the gloss in parentheses after it (`기술(Technology)`, `범위（Scope）`), as keys; null when there is no gloss. */
function splitGloss(text: string): { name: string; gloss: string } | null {
  const key = keywordKey(text);
  if (!closing.has(key.at(-1) ?? '')) return null;
  const open = Math.max(...[...opening].map((mark) => key.lastIndexOf(mark)));
  if (open <= 0) return null;
  const gloss = key.slice(open + 1, -1).trim();
  const name = key.slice(0, open).trim();
  // A gloss holds no parentheses of its own; a name and a gloss both have text.
  if (!gloss || !name || [...gloss].some((char) => opening.has(char) || closing.has(char))) return null;
  return { name, gloss };
}

/**
 * Whether a bullet's label names the axis, in any case and spacing: its name (`기술`), its name with a
 * gloss in parentheses, ASCII or full-width (`기술(Technology)`, `기술（Technology）`), or another name
 * glossed by the axis's (`Technology (기술)`); and, for an axis whose heading carries a gloss
 * (`## 기술 (Technology)`), its name or its gloss alone.
 */
export function namesAxis(label: string, axisName: string): boolean {
  const key = keywordKey(label);
  const axis = keywordKey(axisName);
  if (key === axis) return true;
  const labelParts = splitGloss(label);
  if (labelParts && (labelParts.name === axis || labelParts.gloss === axis)) return true;
  const axisParts = splitGloss(axisName);
  return axisParts !== null && (key === axisParts.name || key === axisParts.gloss || labelParts?.name === axisParts.name);
}
