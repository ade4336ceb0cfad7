import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessages } from '../src/format-messages.js';
import { toLadder } from '../src/read/load-ladder.js';
import { pageOf, shippedIntroduction, withoutSources } from './support/in-memory.js';

const base = readFileSync(path.join(import.meta.dirname, '..', 'ladders', 'engineering-manager.md'), 'utf8');

function readRole(text: string) {
  const { ladder, files } = toLadder([pageOf('engineering-manager.md', text)], shippedIntroduction, '.');
  const problems = files.flatMap((file) => file.messages).filter((message) => message.fatal !== undefined);
  expect(problems, formatMessages(files)).toEqual([]);
  return withoutSources(ladder?.roles);
}

// Ways people write the same page; each must read exactly as the shipped page does.
const variants: [string, (text: string) => string][] = [
  ['CRLF line endings', (text) => text.replace(/\n/g, '\r\n')],
  ['a byte-order mark', (text) => '\uFEFF' + text],
  ['`-` bullets', (text) => text.replace(/^\* /gm, '- ')],
  ['`+` bullets', (text) => text.replace(/^\* /gm, '+ ')],
  ['`**Keyword:**`', (text) => text.replace(/\*\*([A-Za-z ]+)\*\*:/g, '**$1:**')],
  ['`__Keyword__:`', (text) => text.replace(/\*\*([A-Za-z ]+)\*\*:/g, '__$1__:')],
  ['`Keyword:` without emphasis', (text) => text.replace(/^\* \*\*([A-Za-z ]+)\*\*:/gm, '* $1:')],
  ['keywords in lower case', (text) => text.replace(/\*\*([A-Za-z ]+)\*\*:/g, (_, keyword: string) => `**${keyword.toLowerCase()}**:`)],
  ['an en dash in headings', (text) => text.replace(/^(## EM\d) - /gm, '$1 \u2013 ')],
  ['an em dash in headings', (text) => text.replace(/^(## EM\d) - /gm, '$1 \u2014 ')],
  ['stray white space', (text) => text.replace(/^## /gm, '##   ').replace(/: /g, ' :   ').replace(/\n/g, '  \n')],
  ['a `Seniority` column', (text) => text.replace('| Level | Senior |', '| Level | Seniority |').replace(/\| Yes \|/g, '| Senior |')],
  ['a chart image', (text) => text.replace(/^(## EM(\d).*)$/gm, '$1\n\n![Engineering Manager $2](/charts/em-$2.png)')],
  [
    'a `<picture>` chart',
    (text) =>
      text.replace(
        /^(## EM(\d).*)$/gm,
        '$1\n\n<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="/charts/em-$2-dark.png">\n  <img alt="EM $2" src="/charts/em-$2.png">\n</picture>',
      ),
  ],
  ['no "Other Pages" section', (text) => text.slice(0, text.indexOf('# Other Pages'))],
  ['no level table', (text) => text.replace(/^\|.*\n/gm, '')],
];

describe('ways of writing a role page', () => {
  const expected = readRole(base);

  it('the shipped page reads as three positions', () => {
    expect(expected?.[0]?.positions.map((position) => position.code)).toEqual(['EM5', 'EM6', 'EM7']);
  });

  it.each(variants)('%s reads the same', (name, rewrite) => {
    const rewritten = rewrite(base);
    expect(rewritten).not.toBe(base);
    // Spaces inside the level table's delimiter row make it a paragraph for GFM, which the role's text then shows.
    const withoutText = (roles: typeof expected) => roles?.map((role) => ({ ...role, text: undefined }));
    if (name === 'stray white space') expect(withoutText(readRole(rewritten))).toEqual(withoutText(expected));
    else expect(readRole(rewritten)).toEqual(expected);
  });
});
