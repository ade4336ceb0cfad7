/**
 * `text` set apart from the words around it in a right-to-left line (Unicode's first-strong isolate): a
 * path such as `ladders/developer.md` inside Arabic or Hebrew words keeps its own order, where the
 * bidirectional algorithm would otherwise move its slashes and dots. Unchanged in a left-to-right line.
 * For CSS strings (the running heads), where HTML's `<bdi>` cannot reach.
 */
export function isolateInLine(text: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' ? `\u2068${text}\u2069` : text;
}
