import { report } from '../messages.js';
import type { LadderSource } from './read-ladders.js';
import { chooseFontFaces } from '../fonts/choose-font-faces.js';
import { distinctCodePoints } from '../fonts/distinct-code-points.js';

/**
 * Warn about the characters of a page that no shipped font draws: the browser has no other font to
 * turn to, so they would print as empty boxes. One warning a run of such characters, where a
 * character first occurs in the page.
 */
export function reportMissingGlyphs(sources: readonly LadderSource[]): void {
  for (const { file, text } of sources) {
    if (text === null) continue;
    const codePoints = distinctCodePoints(text);
    // The language only orders the faces; whether any of them draws a character does not depend on it.
    const missing = new Set(chooseFontFaces(codePoints, 'en').missing);
    if (missing.size === 0) continue;
    const reported = new Set<number>();
    let run: { characters: string[]; line: number; column: number } | null = null;
    let line = 1;
    let column = 1;
    const flush = () => {
      if (run && run.characters.some((character) => !reported.has(character.codePointAt(0)!))) {
        run.characters.forEach((character) => reported.add(character.codePointAt(0)!));
        const names = [...new Set(run.characters)].map(
          (character) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
        );
        const reason = `No shipped font draws \`${run.characters.join('')}\` (${names.join(', ')}): it would print as empty boxes`;
        report(file, 'warning', reason, { line: run.line, column: run.column }, 'missing-glyph');
      }
      run = null;
    };
    for (const character of text) {
      if (missing.has(character.codePointAt(0)!)) {
        run ??= { characters: [], line, column };
        run.characters.push(character);
      } else flush();
      if (character === '\n') {
        line += 1;
        column = 1;
      } else column += character.length;
    }
    flush();
  }
}
