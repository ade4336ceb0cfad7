import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { Templates } from '../render/load-templates.js';
import { renderOutput } from '../render/render-output.js';

/** Text held ahead at most, in characters: a few hundred handouts, so a large ladder never sits in memory whole. */
const mostCharacters = 16 * 2 ** 20;

/**
 * Render the text outputs among `outputs`, in order, while `until` is pending (the browser starting, which
 * takes longer than reading the ladders), so that this work is done before printing starts instead of
 * beside it. Each output gets a turn of the event loop first, so the browser's messages are answered as
 * they come. Stops at the first output that fails: `makeOutputs` renders it again in its place, and fails there.
 */
export async function renderTextAhead(
  outputs: readonly PlannedOutput[],
  templates: Templates,
  until: Promise<unknown>,
): Promise<Map<PlannedOutput, string>> {
  const rendered = new Map<PlannedOutput, string>();
  let settled = false;
  until.then(
    () => (settled = true),
    () => (settled = true),
  );
  let characters = 0;
  for (const output of outputs) {
    if (output.kind === 'pdf' || output.kind === 'book') continue;
    await nextTurn();
    if (settled || characters >= mostCharacters) break;
    let content: string;
    try {
      content = renderOutput(templates, output);
    } catch {
      break;
    }
    rendered.set(output, content);
    characters += content.length;
  }
  return rendered;
}
