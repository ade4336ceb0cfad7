import { diffWords } from 'diff';
import type { Ladder, Position, Statement } from '../model.js';
import { diffStatements } from './diff-statements.js';
import { toPlainText } from './render-inline-text.js';
import { toStatementView, type TextContext } from './to-cell-groups.js';
import type { TextChangeView, WordView } from './view.js';

/**
 * What changed in the ladder's words from one position to another, competency by competency: the
 * statements added, removed and reworded (compared as plain text, in order). Examples are left out:
 * they illustrate, they do not ask anything new.
 */
export function toTextChanges(ladder: Ladder, from: Position, to: Position, context: TextContext): TextChangeView[] {
  const changes: TextChangeView[] = [];
  for (const competency of ladder.framework.competencies) {
    const before = from.cells.find((cell) => cell.competency === competency.id)?.statements ?? [];
    const after = to.cells.find((cell) => cell.competency === competency.id)?.statements ?? [];
    if (before.length === 0 && after.length === 0) continue;
    const beforeText = before.map((statement) => toPlainText(statement.text));
    const afterText = after.map((statement) => toPlainText(statement.text));
    const diff = diffStatements(beforeText, afterText);
    if (diff.length === 0) continue;
    const findBefore = statementFinder(beforeText, before);
    const findAfter = statementFinder(afterText, after);
    changes.push({
      competency: competency.name,
      added: diff
        .flatMap((change) => (change.change === 'added' ? findAfter(change.after) : []))
        .map((statement) => toStatementView(statement, context)),
      removed: diff
        .flatMap((change) => (change.change === 'removed' ? findBefore(change.before) : []))
        .map((statement) => toStatementView(statement, context)),
      reworded: diff.flatMap((change) =>
        change.change === 'reworded' ? [{ words: toWords(change.before ?? '', change.after ?? '') }] : [],
      ),
    });
  }
  return changes;
}

/** The statement a plain text was made from, each statement found once, in order. */
function statementFinder(texts: readonly string[], statements: readonly Statement[]): (text: string | null) => Statement[] {
  const used = new Set<number>();
  return (text) => {
    const index = texts.findIndex((candidate, at) => candidate === text && !used.has(at));
    if (index < 0) return [];
    used.add(index);
    return statements[index] ? [statements[index]] : [];
  };
}

/** Runs of words kept, removed and added, their outer spaces apart, so a template can mark the words alone. */
function toWords(before: string, after: string): WordView[] {
  return diffWords(before, after).map((part) => {
    const [, lead = '', text = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.value) ?? [];
    return { lead, text, trail, added: part.added, removed: part.removed };
  });
}
