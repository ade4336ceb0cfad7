import { describe, expect, it } from 'vitest';
import { renderTextAhead } from '../src/commands/render-text-ahead.js';
import type { PlannedOutput } from '../src/plan/plan-outputs.js';
import type { Templates } from '../src/render/load-templates.js';
import type { HandoutView } from '../src/view/view.js';

const info = { title: 't', subject: 's', keywords: [], author: null, creator: 'test', date: null };

/** Templates that render a view's `text`, and throw for a view that says `fail`. */
const templates: Templates = {
  style: '',
  files: new Map(),
  digest: () => '',
  render: (_page, _format, view) => {
    const { text, fail } = view as { text: string; fail?: boolean };
    if (fail) throw new Error('the template failed');
    return text;
  },
};

// The stub templates read only these fields of a view, so a stand-in for the handout's view is enough.
const standIn = (view: { text?: string; fail?: boolean }) => view as unknown as HandoutView;

function page(path: string, text: string, fail = false): PlannedOutput {
  return { kind: 'page', path, key: path, page: 'handout', format: 'html', view: standIn({ text, fail }) };
}

const pdf: PlannedOutput = { kind: 'pdf', path: 'a.pdf', key: 'a.pdf', page: 'handout', view: standIn({}), info };

describe('renderTextAhead', () => {
  it('renders every text output, in order and none of the PDFs, while the browser starts', async () => {
    const outputs = [page('a.html', 'A'), pdf, { kind: 'file', path: 'a.svg', key: 'a.svg', content: '<svg/>' } as PlannedOutput];
    const rendered = await renderTextAhead(outputs, templates, new Promise(() => undefined));
    expect([...rendered].map(([output, content]) => [output.path, content])).toEqual([
      ['a.html', 'A'],
      ['a.svg', '<svg/>'],
    ]);
  });

  it('stops once the browser is up, and before an output that fails, which is left to be rendered in its place', async () => {
    expect((await renderTextAhead([page('a.html', 'A')], templates, Promise.resolve())).size).toBe(0);
    expect((await renderTextAhead([page('a.html', 'A')], templates, Promise.reject(new Error('no browser')))).size).toBe(0);
    const failing = [page('a.html', 'A'), page('b.html', 'B', true), page('c.html', 'C')];
    const rendered = await renderTextAhead(failing, templates, new Promise(() => undefined));
    expect([...rendered.keys()].map((output) => output.path)).toEqual(['a.html']);
  });
});
