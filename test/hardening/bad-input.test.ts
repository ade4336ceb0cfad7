import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { zipSync } from 'fflate';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentationSection } from '../support/readme.js';
import { listTree } from '../support/tree.js';
import { errorPlaces, readMessageLines, runCaught, type MessageLine } from './cli-messages.js';
import { bytesUnder, parseWork, resetParseWork } from './parse-work.js';
import { makerPage, tinyIntroduction, writeLadder } from './tiny-ladder.js';

// Every case is a ladder folder that must be refused: `check` and `build` both exit 1, print only
// well-formed `path:line:column: severity text [rule-id]` lines, name the expected rule, write
// nothing, throw nothing, and hand the Markdown parser each character at most once (pages too
// large or too complex are refused before it sees them; how long cases take is for `npm run bench`). Small cases live in corpus/<case>/ (an
// `input/` folder and `expected-errors.txt`, one `place rule` per error); large, binary and
// file-system cases are generated below at test time.

const corpusDir = path.join(import.meta.dirname, 'corpus');
const scratch = mkdtempSync(path.join(tmpdir(), 'ladders-bad-input-'));
/** Every rule id a refused case expects, to check the cases cover the documented list. */
const expectedRules = new Set<string>();

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

vi.mock('remark-parse', async (importOriginal) => {
  const { countParseWork } = await import('./parse-work.js');
  return { default: countParseWork((await importOriginal<typeof import('remark-parse')>()).default) };
});

/** The shipped introduction, which the reader parses when a folder has none of its own. */
const shippedIntroductionBytes = statSync(path.join(import.meta.dirname, '..', '..', 'ladders', 'README.md')).size;

// The first commands load and transform the reader, the templates and the writer; that is not the cost of a case.
beforeAll(async () => {
  const warm = path.join(scratch, 'warm-up');
  writeLadder(path.join(warm, 'input'), { 'README.md': tinyIntroduction, 'maker.md': makerPage });
  await runCaught(['check', '--ladders', 'input'], warm);
  await runCaught(['build', '--ladders', 'input', '--out', 'out', '--format', 'html,md'], warm);
}, 120_000);

/** What a refused case must report: exactly these errors (`file:line:column rule`), or at least these rules. */
type Expected = { errors: string[] } | { rules: string[] };

interface RefusalOptions {
  /** The case's page is refused before the parser sees any of it: only the introduction is parsed. */
  unparsed?: boolean;
  /** Extra `build` arguments, such as `--templates`; a case about templates only runs `build`. */
  buildArgs?: string[];
  /** Run only this command: a large case checks each in a test of its own, to keep every test short. */
  only?: 'check' | 'build';
}

/** Lay out a case in a fresh folder, run `check` and `build` on its `input` (both, whatever the first does, unless `only`), and check the refusal. */
async function expectRefused(
  name: string,
  makeInput: (input: string) => void,
  expected: Expected,
  { unparsed = false, buildArgs = [], only }: RefusalOptions = {},
): Promise<void> {
  const work = path.join(scratch, name);
  mkdirSync(work);
  makeInput(path.join(work, 'input'));
  for (const rule of 'errors' in expected ? expected.errors.map((error) => error.split(' ')[1] ?? '') : expected.rules)
    expectedRules.add(rule);
  const before = listTree(work);
  resetParseWork();
  const check = buildArgs.length === 0 && only !== 'build' ? await runCaught(['check', '--ladders', 'input'], work) : null;
  const parsedByCheck = parseWork.characters;
  const build =
    only === 'check' ? null : await runCaught(['build', '--ladders', 'input', '--out', 'out', '--format', 'html,md', ...buildArgs], work);

  if (check) {
    expect(check.thrown, `check throws no exception: ${String(check.thrown)}`).toBeUndefined();
    expect(check.code, check.stdout).toBe(1);
    expect(check.stderr).toBe('');
    expectReported(readMessageLines(check.stdout, { summary: true }), expected);
    if (unparsed) expect(parsedByCheck, 'only the introduction reaches the parser').toBe(tinyIntroduction.length);
    else expect(parsedByCheck, 'no character is parsed twice').toBeLessThanOrEqual(bytesUnder(work) + shippedIntroductionBytes);
  }
  if (build) {
    expect(build.thrown, `build throws no exception: ${String(build.thrown)}`).toBeUndefined();
    expect(build.code, build.stderr).toBe(1);
    expect(build.stdout).toBe('');
    expectReported(readMessageLines(build.stderr, { summary: false }), expected);
  }

  expect(existsSync(path.join(work, 'out')), 'build writes no output folder').toBe(false);
  expect(listTree(work), 'nothing is written beside the input either').toEqual(before);
}

function expectReported(messages: readonly MessageLine[], expected: Expected): void {
  const errors = errorPlaces(messages);
  expect(errors.length, 'at least one error').toBeGreaterThan(0);
  if ('errors' in expected) expect(errors).toEqual([...expected.errors].sort());
  else for (const rule of expected.rules) expect(errors.map((error) => error.split(' ')[1])).toContain(rule);
}

/** The `line:column` of the character at `index` in `text`, counted the way the reader counts them. */
function placeAt(text: string, index: number): string {
  const lines = text.slice(0, index).split(/\r\n|\r|\n/);
  return `${lines.length}:${[...(lines.at(-1) ?? '')].length + 1}`;
}

/** The 1-based line number of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} is not in the text`);
  return text.slice(0, index).split('\n').length;
}

/** The tiny introduction beside one role page, the shape of most generated cases. */
function withRolePage(page: string | Uint8Array, name = 'maker.md'): (input: string) => void {
  return (input) => writeLadder(input, { 'README.md': tinyIntroduction, [name]: page });
}

/** The maker page's bytes with `replacement` in place of the first `marker`. */
function makerBytesWith(marker: string, replacement: Uint8Array): Buffer {
  const index = makerPage.indexOf(marker);
  return Buffer.concat([Buffer.from(makerPage.slice(0, index)), replacement, Buffer.from(makerPage.slice(index + marker.length))]);
}

/** A role page of `count` short positions coded `prefix1` … `prefixN`, each expecting rank 1 on every axis (5,000 fit in 512 KiB). */
function manyPositionsPage(prefix: string, count: number, title = `Role ${prefix}`): string {
  const sections = Array.from({ length: count }, (_, index) => `## ${prefix}${index + 1}\n\n* Tinkers: t\n* Task: t\n* Listens: l\n`);
  return `# ${title}\n\nA role with very many positions.\n\n${sections.join('\n')}`;
}

/** A distinct code prefix of letters for each index: A … Z, AA, AB … */
function letterCode(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : letterCode(Math.floor(index / 26) - 1) + letter;
}

describe('the tiny ladder the cases break', () => {
  it('is valid: check exits 0 and build writes HTML and Markdown', async () => {
    const work = path.join(scratch, 'valid');
    writeLadder(path.join(work, 'input'), { 'README.md': tinyIntroduction, 'maker.md': makerPage });
    const check = await runCaught(['check', '--ladders', 'input'], work);
    expect(check.stdout).toBe('1 role, 2 positions: no problems\n');
    const build = await runCaught(['build', '--ladders', 'input', '--out', 'out', '--format', 'html,md'], work);
    expect(build.code, build.stderr).toBe(0);
    expect(listTree(path.join(work, 'out'))).toEqual(expect.arrayContaining(['maker/m1.html', 'maker/m2.md', 'index.html']));
  });
});

describe('the corpus of malformed ladders', () => {
  const cases = readdirSync(corpusDir).sort();

  for (const name of cases) {
    it(name, async () => {
      const expected = readFileSync(path.join(corpusDir, name, 'expected-errors.txt'), 'utf8')
        .split('\n')
        .filter(Boolean);
      await expectRefused(name, (input) => cpSync(path.join(corpusDir, name, 'input'), input, { recursive: true }), { errors: expected });
    });
  }
});

describe('pages that are not UTF-8 text', () => {
  it('a PNG saved as a page is a binary file, at the place of its first NUL byte', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await expectRefused('binary-png', withRolePage(png, 'chart.md'), { errors: ['input/chart.md:3:1 binary-file'] });
  });

  it('a UTF-16 page is a binary file', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(makerPage, 'utf16le')]);
    await expectRefused('binary-utf16', withRolePage(utf16), { rules: ['binary-file'] });
  });

  const naive = makerPage.indexOf('ï');
  const dash = makerPage.indexOf('—');
  it.each([
    ['a Latin-1 byte', 'ï', [0xef], naive],
    ['a lone continuation byte', 'ï', [0x80], naive],
    ['an overlong encoding', 'ï', [0xc0, 0xaf], naive],
    ['an encoded surrogate', 'ï', [0xed, 0xa0, 0x80], naive],
    ['a code point beyond U+10FFFF', 'ï', [0xf4, 0x90, 0x80, 0x80], naive],
    ['a character cut after two of its three bytes', '—', [0xe2, 0x80], dash],
  ])('%s is not UTF-8, at its place', async (label, marker, bytes, index) => {
    await expectRefused(`not-utf8-${label.replaceAll(' ', '-')}`, withRolePage(makerBytesWith(marker, Uint8Array.from(bytes))), {
      errors: [`input/maker.md:${placeAt(makerPage, index)} not-utf8`],
    });
  });

  it('a page cut in the middle of a multi-byte character is not UTF-8, at its end', async () => {
    const bytes = Buffer.from(makerPage);
    const cut = bytes.indexOf(Buffer.from('—')) + 1;
    await expectRefused('truncated-mid-character', withRolePage(bytes.subarray(0, cut)), {
      errors: [`input/maker.md:${placeAt(makerPage, dash)} not-utf8`],
    });
  });
});

describe('truncated pages', () => {
  /** The maker page cut just after the first `marker`. */
  const cutAfter = (marker: string) => makerPage.slice(0, makerPage.indexOf(marker) + marker.length);

  it('cut in the middle of the level table: the row cannot be read', async () => {
    const page = cutAfter('| 1 | Junior | [M1 - Ma');
    await expectRefused('truncated-mid-table', withRolePage(page), {
      errors: [`input/maker.md:${lineOf(page, '| 1 | Junior')}:14 bad-level-table`],
    });
  });

  it('cut in the middle of a position list: an axis is missing', async () => {
    const page = cutAfter('* **Project**: carr');
    await expectRefused('truncated-mid-list', withRolePage(page), { errors: [`input/maker.md:${lineOf(page, '## M2')}:1 missing-axis`] });
  });

  it('cut in the middle of a bold keyword: the bullet cannot be read', async () => {
    const page = cutAfter('* **Hel');
    await expectRefused('truncated-mid-keyword', withRolePage(page), {
      errors: [`input/maker.md:${lineOf(page, '* **Hel')}:3 bad-bullet`, `input/maker.md:${lineOf(page, '## M2')}:1 missing-axis`],
    });
  });

  it('cut in the middle of the front matter: the page holds no role, so the folder has none', async () => {
    await expectRefused('truncated-mid-front-matter', withRolePage(cutAfter('title: Ma')), { errors: ['input:1:1 no-roles'] });
  });
});

describe('folders and files that cannot be read', () => {
  it('a folder that does not exist: a usage error, exit 2, before anything is read or written', async () => {
    const work = path.join(scratch, 'missing-folder');
    mkdirSync(work);
    for (const args of [['check'], ['build', '--out', 'out']]) {
      const result = await runCaught([...args, '--ladders', 'input'], work);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(
        'ladders: the ladder folder `input` does not exist; give the folder of ladder pages with `--ladders DIR`',
      );
    }
    expect(readdirSync(work)).toEqual([]);
  });

  it('a file where the folder should be', async () => {
    await expectRefused('file-as-folder', (input) => writeFileSync(input, makerPage), { errors: ['input:1:1 unreadable-folder'] });
  });

  it('an empty folder has no pages', async () => {
    await expectRefused('empty-folder', (input) => mkdirSync(input), { errors: ['input:1:1 no-pages'] });
  });

  it('a page that is a dangling symbolic link cannot be read', async () => {
    await expectRefused(
      'dangling-symlink',
      (input) => {
        withRolePage(makerPage)(input);
        symlinkSync('gone.md', path.join(input, 'mentor.md'));
      },
      { rules: ['unreadable-file'] },
    );
  });

  it('a page that is a symbolic link out of the folder is not read', async () => {
    await expectRefused(
      'symlink-outside',
      (input) => {
        withRolePage(makerPage)(input);
        writeFileSync(
          path.join(path.dirname(input), 'outside.md'),
          makerPage.replaceAll('Maker', 'Mentor').replaceAll('M1', 'N1').replaceAll('M2', 'N2'),
        );
        symlinkSync('../outside.md', path.join(input, 'mentor.md'));
      },
      { errors: ['input/mentor.md:1:1 link-outside-folder'] },
    );
  });

  it('a page that is a symbolic link to itself cannot be read', async () => {
    await expectRefused(
      'symlink-loop',
      (input) => {
        withRolePage(makerPage)(input);
        symlinkSync('mentor.md', path.join(input, 'mentor.md'));
      },
      { rules: ['unreadable-file'] },
    );
  });
});

describe('hostile front matter', () => {
  it('a YAML alias bomb (billion laughs) is broken front matter, not a crash', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((key, index) => `${key}: &${key} [${Array(9).fill(`*${'abcdef'[index]}`).join(', ')}]`),
    ].join('\n');
    await expectRefused('yaml-alias-bomb', withRolePage(`---\n${bomb}\n---\n${makerPage.replace(/^---\n[^]*?---\n/, '')}`), {
      rules: ['broken-front-matter'],
    });
  });

  it('an unknown key holding a line break is still reported on one line', async () => {
    await expectRefused('front-matter-key-with-line-break', withRolePage(makerPage.replace('title: Maker', '"ti\\ntle": Maker')), {
      errors: ['input/maker.md:3:1 unknown-front-matter-key'],
    });
  });
});

describe('pages too large or too complex to parse', () => {
  it('a 10 MB page is refused before it is parsed', async () => {
    const bullets = '* **Helps**: ' + 'helps a great deal '.repeat(100) + '\n';
    const page = makerPage + bullets.repeat(Math.ceil((10 * 1024 * 1024) / bullets.length));
    await expectRefused('page-10-mb', withRolePage(page), { errors: ['input/maker.md:1:1 file-too-large'] }, { unparsed: true });
  }, 60_000);

  it('a page one byte over 512 KiB is refused', async () => {
    const page = makerPage + 'x'.repeat(512 * 1024 + 1 - Buffer.byteLength(makerPage));
    await expectRefused('page-512-kib-and-a-byte', withRolePage(page), { errors: ['input/maker.md:1:1 file-too-large'] });
  });

  const header = '# Deep\n\n## M1 - Maker 1\n\n';
  /** A page whose first position is followed by `lines`; the error must name the first line nested over 100 characters deep. */
  const deepPage = (lines: string[]) => header + lines.join('\n') + '\n';
  const firstTooDeep = (lines: string[], prefix: RegExp) =>
    header.split('\n').length + lines.findIndex((line) => (prefix.exec(line)?.[0].length ?? 0) > 100);

  // Nesting by indentation needs two more characters a level, so thousands of levels only fit on one line: `* * * … item`.
  it('a bulleted list nested 3,000 deep on one line', async () => {
    await expectRefused(
      'list-3000-deep',
      withRolePage(deepPage(['* '.repeat(3000) + 'item'])),
      { errors: ['input/maker.md:5:1 too-deeply-nested'] },
      { unparsed: true },
    );
  }, 60_000);

  it('an ordered list nested 3,000 deep on one line', async () => {
    await expectRefused(
      'ordered-list-3000-deep',
      withRolePage(deepPage(['1. '.repeat(3000) + 'item'])),
      { errors: ['input/maker.md:5:1 too-deeply-nested'] },
      { unparsed: true },
    );
  }, 60_000);

  it('a bulleted list nested 300 deep by indentation, naming the first line too deep', async () => {
    const lines = Array.from({ length: 300 }, (_, depth) => '  '.repeat(depth) + '* item');
    await expectRefused(
      'list-300-deep-indented',
      withRolePage(deepPage(lines)),
      { errors: [`input/maker.md:${firstTooDeep(lines, /^ *\* /)}:1 too-deeply-nested`] },
      { unparsed: true },
    );
  }, 60_000);

  it('block quotes nested 3,000 deep, with spaces', async () => {
    await expectRefused(
      'quotes-3000-deep',
      withRolePage(deepPage(['> '.repeat(3000) + 'deep'])),
      { errors: ['input/maker.md:5:1 too-deeply-nested'] },
      { unparsed: true },
    );
  }, 60_000);

  it('block quotes nested 3,000 deep, without spaces (`>>>…>`)', async () => {
    // CommonMark nests a block quote per `>` whether or not a space follows; this takes the parser
    // seconds at 3,000 and minutes at 40,000, so it must be refused like `> > >`.
    const page = makerPage.replace('## M2 - Maker 2\n', `## M2 - Maker 2\n\n${'>'.repeat(3000)} deep\n`);
    await expectRefused(
      'quotes-3000-deep-without-spaces',
      withRolePage(page),
      { errors: [`input/maker.md:${lineOf(page, '>>>')}:1 too-deeply-nested`] },
      { unparsed: true },
    );
  }, 60_000);

  it('5,000 list items in one block', async () => {
    const page = makerPage.replace('* **Helps**: helps the others\n', '* **Helps**: helps the others\n' + '* more\n'.repeat(5000));
    await expectRefused('list-5000-items', withRolePage(page), { rules: ['too-complex'] }, { unparsed: true });
  }, 60_000);

  it('a level table with 5,000 rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `| ${index + 1} | Junior | [M${index + 1} - Maker ${index + 1}](#m) |\n`).join(
      '',
    );
    const page = makerPage.replace('| 2 | Senior | [M2 - Maker 2](#m2---maker-2) |\n', rows);
    await expectRefused('level-table-5000-rows', withRolePage(page), { rules: ['too-complex'] }, { unparsed: true });
  }, 60_000);

  it('one paragraph of 100 KB', async () => {
    const page = makerPage.replace('Makers build the things the team ships.', 'Makers build. '.repeat(7500));
    await expectRefused('paragraph-100-kb', withRolePage(page), { rules: ['too-complex'] }, { unparsed: true });
  }, 60_000);
});

describe('5,000 positions', () => {
  const misspeltPage = manyPositionsPage('X', 5000).replace(/\* Listens(?![^]*\* Listens)/, '* Listns');
  it.each(['check', 'build'] as const)('on one page, with one misspelt keyword in the last: %s names its place', async (command) => {
    await expectRefused(
      `positions-5000-one-page-${command}`,
      withRolePage(misspeltPage, 'x.md'),
      { errors: [`input/x.md:${lineOf(misspeltPage, '* Listns')}:3 unknown-keyword`] },
      { only: command },
    );
  });

  it.each(['check', 'build'] as const)('over 500 pages, with one code given twice on different pages: %s names it', async (command) => {
    await expectRefused(
      `positions-5000-500-pages-${command}`,
      (input) => {
        const pages = Object.fromEntries(
          Array.from({ length: 500 }, (_, index) => [
            `role-${String(index).padStart(3, '0')}.md`,
            manyPositionsPage(letterCode(index), 10),
          ]),
        );
        pages['role-500.md'] = manyPositionsPage('A', 1, 'Zed Again'); // sorts after `Role A`, so it is the second
        writeLadder(input, { 'README.md': tinyIntroduction, ...pages });
      },
      { errors: ['input/role-500.md:5:1 duplicate-position'] },
      { only: command },
    );
  });

  it('on one page and valid: check accepts them, parsing each character once, a few kilobytes at a time', async () => {
    const work = path.join(scratch, 'positions-5000-valid');
    const page = manyPositionsPage('X', 5000);
    writeLadder(path.join(work, 'input'), { 'README.md': tinyIntroduction, 'x.md': page });
    resetParseWork();
    const check = await runCaught(['check', '--ladders', 'input'], work);
    expect(check.thrown).toBeUndefined();
    expect(check.stdout).toBe('1 role, 5000 positions: no problems\n');
    expect(check.code).toBe(0);
    // The parser's cost grows with the square of one text's blocks; cut into small texts, the page costs linear time.
    expect(parseWork.characters).toBe(tinyIntroduction.length + page.length);
    expect(parseWork.longest).toBeLessThanOrEqual(8 * 1024);
  }, 60_000);
});

describe('line endings and byte-order marks are valid input', () => {
  /** The tiny ladder with each page passed through `encode`, in `<name>/input`. */
  const encodedLadder = (name: string, encode: (text: string) => string | Buffer) => {
    const work = path.join(scratch, name);
    writeLadder(path.join(work, 'input'), { 'README.md': encode(tinyIntroduction), 'maker.md': encode(makerPage) });
    return work;
  };
  const crlf = (text: string) => text.replaceAll('\n', '\r\n');
  const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

  let plainModel = '';
  beforeAll(async () => {
    plainModel = (
      await runCaught(
        ['model', '--ladders', 'input'],
        encodedLadder('lf', (text) => text),
      )
    ).stdout;
  });

  it.each([
    ['CRLF line endings', 'crlf', crlf],
    ['a byte-order mark', 'bom', bom],
    ['CRLF line endings and a byte-order mark', 'crlf-bom', (text: string) => bom(crlf(text))],
  ])('%s: check and build succeed, and the model is the same as with LF', async (_label, name, encode) => {
    const work = encodedLadder(name, encode);
    const check = await runCaught(['check', '--ladders', 'input'], work);
    expect(check.stdout).toBe('1 role, 2 positions: no problems\n');
    expect(check.code).toBe(0);
    const model = await runCaught(['model', '--ladders', 'input'], work);
    expect(JSON.parse(model.stdout)).toEqual(JSON.parse(plainModel));
    const build = await runCaught(['build', '--ladders', 'input', '--out', 'out', '--format', 'html,md'], work);
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'out', 'maker', 'm1.md'), 'utf8')).toContain('naïve');
  });

  it('a CRLF page with an error names the same place as with LF', async () => {
    const page = makerPage.replace('**Builds**', '**Bilds**');
    await expectRefused('crlf-with-error', withRolePage(crlf(page)), {
      errors: [`input/maker.md:${lineOf(page, '**Bilds**')}:3 unknown-keyword`],
    });
  });

  it('a page with a byte-order mark and broken front matter names the same place as without', async () => {
    const page = makerPage.replace('title: Maker', 'title: [Maker');
    const plain = path.join(scratch, 'bom-with-error-but-no-bom');
    writeLadder(path.join(plain, 'input'), { 'README.md': tinyIntroduction, 'maker.md': page });
    const placesWithoutBom = errorPlaces(
      readMessageLines((await runCaught(['check', '--ladders', 'input'], plain)).stdout, { summary: true }),
    );
    expect(placesWithoutBom).toEqual([expect.stringMatching(/^input\/maker\.md:\d+:\d+ broken-front-matter$/)]);
    await expectRefused('bom-with-error', withRolePage(bom(page)), { errors: placesWithoutBom });
  });
});

describe('tables and spreadsheets that cannot be read', () => {
  const fixture = (name: string, file: string) =>
    readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name, 'input', file), 'utf8');
  const only = (files: Record<string, string | Uint8Array>) => (input: string) => writeLadder(input, files);

  it('an HTML table never closed', async () => {
    await expectRefused('table-unclosed', only({ 'pilot.md': fixture('table-unclosed-html', 'pilot.md') }), {
      errors: ['input/pilot.md:3:1 table-unclosed'],
    });
  });

  it('a table whose header row and first column both read as levels', async () => {
    await expectRefused('table-orientation', only({ 'mixed.md': fixture('table-orientation', 'mixed.md') }), {
      errors: ['input/mixed.md:3:1 table-orientation'],
    });
  });

  it('a CSV file with a quote never closed', async () => {
    await expectRefused('broken-csv', only({ 'keepers.csv': '"",Care,Crew\nK1,"Cleans the lens,Asks\n' }), { rules: ['broken-csv'] });
  });

  it('a CSV row with more cells than the first', async () => {
    await expectRefused('ragged-row', only({ 'keepers.csv': '"",Care,Crew\nK1,Cleans,Asks\nK2,Replaces,Teaches,More\n' }), {
      errors: ['input/keepers.csv:3:1 ragged-row'],
    });
  });

  it('a sheet where neither the first row nor the first column names levels', async () => {
    await expectRefused('unknown-orientation', only({ 'keepers.csv': '"",Care,Crew\nsomeone,Cleans,Asks\n' }), {
      errors: ['input/keepers.csv:1:2 unknown-orientation'],
    });
  });

  it('a CSV file of more rows than a ladder holds', async () => {
    const rows = Array.from({ length: 2001 }, (_, index) => `K${index},x,y`).join('\n');
    await expectRefused('sheet-too-large', only({ 'keepers.csv': `"",Care,Crew\n${rows}\n` }), { rules: ['sheet-too-large'] });
  });

  it('a workbook that is no ZIP archive', async () => {
    await expectRefused('broken-workbook', only({ 'keepers.xlsx': 'PK this is not an archive' }), { rules: ['broken-workbook'] });
  });

  it('a small workbook that inflates to 80 MiB is refused before the workbook library reads it', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': [new Uint8Array(80 * 1024 * 1024), { level: 9 }] });
    await expectRefused('workbook-too-large', only({ 'keepers.xlsx': bomb }), { rules: ['workbook-too-large'] });
  });
});

describe('templates that cannot be used (build only)', () => {
  const validLadder = (templates: Record<string, string> | null) => (input: string) => {
    writeLadder(input, { 'README.md': tinyIntroduction, 'maker.md': makerPage });
    if (templates)
      for (const [name, text] of Object.entries(templates))
        writeLadder(path.join(input, '..', 'templates', path.dirname(name)), { [path.basename(name)]: text });
  };

  it('a template that does not parse', async () => {
    await expectRefused(
      'broken-template',
      validLadder({ 'handout.html.hbs': '<p>\n{{#each expectations}}\n{{keyword}}\n' }),
      { rules: ['broken-template'] },
      { buildArgs: ['--templates', 'templates'] },
    );
  });

  it('a partial that names a partial that does not exist', async () => {
    await expectRefused(
      'unknown-partial',
      validLadder({ 'partials/chart.html.hbs': '<div>\n  {{> no-such-partial}}\n</div>\n' }),
      { errors: ['templates/partials/chart.html.hbs:2:3 unknown-partial'] },
      { buildArgs: ['--templates', 'templates'] },
    );
  });

  it('a templates folder that does not exist', async () => {
    await expectRefused(
      'unreadable-templates',
      validLadder(null),
      { errors: ['no-such-templates:1:1 unreadable-templates'] },
      { buildArgs: ['--templates', 'no-such-templates'] },
    );
  });
});

describe('the cases together', () => {
  /** The error rule ids of the documentation's table of messages. */
  const documentedErrorRules = () => {
    const section = documentationSection(path.join(import.meta.dirname, '..', '..'), 'Messages');
    const errorRows = section.split('\n').filter((line) => /^\| .* \| error \|/.test(line));
    return errorRows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1] ?? ''));
  };

  it('expect every error rule the documentation lists for ladders and templates', () => {
    const documented = documentedErrorRules();
    expect(documented.length, 'the documentation lists error rules').toBeGreaterThan(20);
    // Not reachable from outside: `unparseable` is the parser's last resort (see parse-cost.test.ts);
    // `missing-template` needs a shipped template gone; `unreadable-template` a listed file that cannot be read (root reads all).
    const unreachable = ['unparseable', 'missing-template', 'unreadable-template'];
    expect(documented.filter((rule) => !unreachable.includes(rule) && !expectedRules.has(rule))).toEqual([]);
  });

  it('expect only rules the documentation lists (rule ids are part of the interface)', () => {
    const documented = new Set(documentedErrorRules());
    expect([...expectedRules].filter((rule) => !documented.has(rule))).toEqual([]);
  });
});
