import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, in seconds, loading included (a file that builds at its top level, as
 * locale.test.ts does, spends most of its time there), from a quiet run on a fresh clone. A fresh clone
 * (as in CI) has no record of earlier runs, and Vitest then starts the largest files first, not the
 * slowest: a short file that takes 40 s could start last and keep one worker busy long after the other
 * has finished. The figures only order the files; an estimate that goes stale costs time, never a result.
 */
export const slowFiles: Readonly<Record<string, number>> = {
  'test/print-quality.test.ts': 60,
  'test/word-breaks.test.ts': 50,
  'test/accessibility.test.ts': 44,
  'test/hardening/bad-input.test.ts': 40,
  'test/install-tarball.test.ts': 39,
  'test/diff.test.ts': 31,
  'test/book.test.ts': 30,
  'test/incremental.test.ts': 27,
  'test/init-from-tarball.test.ts': 24,
  'test/browser-lifecycle.test.ts': 21,
  'test/locale.test.ts': 25,
  'test/pdf.test.ts': 23,
  'test/pictures.test.ts': 20,
  'test/interrupt.test.ts': 19,
  'test/reader-robustness.test.ts': 15,
  'test/hardening/hostile-pdf.test.ts': 12,
  'test/print-pdfs.test.ts': 14,
  'test/fonts.test.ts': 11,
  'test/since.test.ts': 11,
  'test/failures.test.ts': 10,
  'test/readme-commands.test.ts': 9,
  'test/compare.test.ts': 9,
  'test/serve.test.ts': 8,
  'test/hardening/faults.test.ts': 8,
};

/**
 * Vitest's order, except that the slowest files start first: by the estimates in `slowFiles`, else by
 * the duration of the file's tests in the last run, if there was one. Files that replace modules (the `isolated` project) still
 * come before the ones that share a worker, so that a shared worker is never stopped to make room for
 * an isolated file and loses the modules it has loaded.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const vitestOrder = await super.sort(files);
    const root = this.ctx.config.root;
    const seconds = (file: TestSpecification): number => {
      const name = path.relative(root, file.moduleId).split(path.sep).join('/');
      return slowFiles[name] ?? (this.ctx.cache.getFileTestResults(`${file.project.name}:${name}`)?.duration ?? 0) / 1000;
    };
    const isolatedFirst = (file: TestSpecification): number => (file.project.config.isolate ? 0 : 1);
    // A stable sort: files with no estimate keep Vitest's order among themselves, after the known slow ones.
    return vitestOrder.toSorted((a, b) => isolatedFirst(a) - isolatedFirst(b) || seconds(b) - seconds(a));
  }
}
