import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dependencyAsInstalled, dependencyFrom } from '../init/ladders-dependency.js';
import { scaffoldFiles } from '../init/scaffold-files.js';
import { packageDir } from '../package-paths.js';
import { writeOutputs } from '../write/write-outputs.js';
import { describeSystemError, exitCode, isMissingFile, isSystemError, RenderFailure, UsageError } from '../failures.js';
import type { CommandIo } from '../command-io.js';

/** Options of `ladders init`. */
export interface InitOptions {
  /** The folder to start the repository in, as typed (default `.`). */
  dir: string;
  /** `--from SPEC`: the git URL or packed tarball the new repository installs ladders from; null: as this ladders was installed. */
  from: string | null;
}

/**
 * `ladders init [DIR] [--from SPEC]`: write a new ladder repository into DIR, which must be empty or not exist yet;
 * if a file cannot be written, what was written is removed again and the command exits 3.
 */
export async function init(options: InitOptions, io: CommandIo): Promise<number> {
  const target = path.resolve(io.cwd, options.dir);
  // A folder that cannot be looked into is not a new one: the top level says why it cannot be read.
  const found = await stat(target).catch((error: unknown) => {
    if (isMissingFile(error)) return null;
    throw error;
  });
  if (found && !found.isDirectory()) throw new UsageError(`\`${options.dir}\` is a file, not a folder`);
  const existing = found ? await readdir(target) : null;
  if (existing && existing.length > 0)
    throw new UsageError(`the folder \`${options.dir}\` is not empty; \`ladders init\` starts a repository only in an empty or new folder`);
  const dependency = options.from === null ? await dependencyAsInstalled(packageDir) : await dependencyFrom(options.from, io.cwd);
  if (!dependency)
    throw new UsageError(
      'cannot tell how this ladders was installed, so not how the new repository should install it: give `--from` a git URL or a tarball made by `npm pack`',
    );
  const files = await scaffoldFiles(path.basename(target), dependency);
  const failed = (error: unknown) => {
    const reason = isSystemError(error) ? describeSystemError(error) : (error as Error).message;
    return new RenderFailure(`cannot write the new repository into \`${options.dir}\`: ${reason}`, { cause: error });
  };
  try {
    await mkdir(target, { recursive: true });
  } catch (error) {
    throw failed(error);
  }
  try {
    await writeOutputs(target, files);
  } catch (error) {
    await removeScaffold(
      target,
      existing === null,
      files.map((file) => file.path),
    );
    throw failed(error);
  }
  const shown = path.relative(io.cwd, target);
  io.stdout(
    `Wrote a new ladder repository to ${shown || 'this folder'}:\n` +
      files.map((file) => `  ${file.path}\n`).join('') +
      `Next${shown ? `, in ${shown}` : ''}: \`npm install\` (it installs ladders from ${describe(dependency.spec)}; commit the package-lock.json it writes, which the workflow's \`npm ci\` installs from), then \`npm run check\` and \`npm run build\`.\n`,
  );
  return exitCode.ok;
}

function describe(spec: string): string {
  if (spec.startsWith('file:')) return `the tarball \`${spec.slice('file:'.length)}\``;
  if (spec.startsWith('^')) return 'the npm registry';
  return `\`${spec}\``;
}

/** Undo a scaffold cut short: the folder if init made it, otherwise the files it wrote and the folders they leave empty. */
async function removeScaffold(target: string, madeFolder: boolean, files: readonly string[]): Promise<void> {
  if (madeFolder) {
    await rm(target, { recursive: true, force: true });
    return;
  }
  for (const file of files) await rm(path.join(target, file), { force: true });
  for (const folder of ['.github/workflows', '.github', 'ladders', 'vendor']) {
    const dir = path.join(target, folder);
    if ((await stat(dir).catch(() => null))?.isDirectory() && (await readdir(dir)).length === 0) await rm(dir, { recursive: true });
  }
}
