import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessages } from '../src/format-messages.js';
import { loadLadder } from '../src/read/load-ladder.js';

// Each folder under test/fixtures is one case: `input.md` (read with the shipped framework) or an
// `input/` folder with its own introduction page, with the expected `messages.txt` and, for a
// valid `input/` folder, `model.json` (single pages would repeat the whole shipped framework).
// UPDATE_FIXTURES=1 rewrites the expected files; review the diff before committing it.
const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures', () => {
  // The `diff-` folders hold versions of a ladder and what `ladders diff` prints for them (test/diff.test.ts);
  // the `worksheet-` folders, filled worksheets and what reading them gives (test/worksheet-read.test.ts);
  // the `assess-` folders, a ladder that filled worksheets are assessed against (test/assess*.test.ts).
  for (const name of readdirSync(fixturesDir)
    .filter((name) => !['diff-', 'worksheet-', 'assess-'].some((prefix) => name.startsWith(prefix)))
    .sort()) {
    it(name, async () => {
      const caseDir = path.join(fixturesDir, name);
      const hasFolder = existsSync(path.join(caseDir, 'input'));
      const inputDir = hasFolder ? path.join(caseDir, 'input') : caseDir;
      const { ladder, files } = await loadLadder(inputDir, caseDir);
      const messages = formatMessages(files);
      const hasErrors = files.some((file) => file.messages.some((message) => message.fatal === true));
      expectFile(path.join(caseDir, 'messages.txt'), messages);
      const modelPath = path.join(caseDir, 'model.json');
      if (hasErrors) {
        expect(existsSync(modelPath), 'a case with errors has no model.json').toBe(false);
      } else if (existsSync(modelPath) || (update && hasFolder)) {
        expectFile(modelPath, JSON.stringify(ladder, null, 2) + '\n');
      }
    });
  }
});

function expectFile(expectedPath: string, actual: string): void {
  if (update) writeFileSync(expectedPath, actual);
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
}
