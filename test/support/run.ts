import type { CommandIo } from '../../src/command-io.js';
import { runCli } from '../../src/run-cli.js';

/** What a command printed and how it exited. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `ladders …` in this process, from `cwd`, capturing its output. */
export async function run(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  io: Pick<CommandIo, 'interactive' | 'signal'> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...io,
  });
  return { code, stdout, stderr };
}
