import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { scaffoldFiles } from '../init/scaffold-files.js';
import { writeOutputs } from '../write/write-outputs.js';
import { describeSystemError, exitCode, isSystemError, RenderFailure, UsageError } from '../failures.js';
import type { CommandIo } from './io.js';

/** Options of `ladders init`. */
export interface InitOptions {
  /** The folder to start the repository in, as typed (default `.`). */
  dir: string;
}

/**
 * `ladders init [DIR]`: write a new ladder repository into DIR, which must be empty or not exist yet;
 * if a file cannot be written, what was written is removed again and the command exits 3.
 */
export async function init(options: InitOptions, io: CommandIo): Promise<number> {
  const target = path.resolve(io.cwd, options.dir);
  const found = await stat(target).catch(() => null);
  if (found && !found.isDirectory()) throw new UsageError(`\`${options.dir}\` is a file, not a folder`);
  const existing = found ? await readdir(target) : null;
  if (existing && existing.length > 0)
    throw new UsageError(`the folder \`${options.dir}\` is not empty; \`ladders init\` starts a repository only in an empty or new folder`);
  const files = await scaffoldFiles(path.basename(target));
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
  const shown = path.relative(io.cwd, target) || '.';
  io.stdout(
    `Wrote a new ladder repository to ${shown}:\n` +
      files.map((file) => `  ${file.path}\n`).join('') +
      `Next, in ${shown}: install ladders as its dev dependency (\`npm install --save-dev\` with its Git URL or a packed tarball, until it is published), then \`npm run check\` and \`npm run build\`.\n`,
  );
  return exitCode.ok;
}

/** Undo a scaffold cut short: the folder if init made it, otherwise the files it wrote and the folders they leave empty. */
async function removeScaffold(target: string, madeFolder: boolean, files: readonly string[]): Promise<void> {
  if (madeFolder) {
    await rm(target, { recursive: true, force: true });
    return;
  }
  for (const file of files) await rm(path.join(target, file), { force: true });
  for (const folder of ['.github/workflows', '.github', 'ladders']) {
    const dir = path.join(target, folder);
    if ((await stat(dir).catch(() => null))?.isDirectory() && (await readdir(dir)).length === 0) await rm(dir, { recursive: true });
  }
}
