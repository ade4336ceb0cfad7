import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: { name?: string; shell?: string; run?: string; env?: Record<string, string> }[] };
}

/** What a step printed and how it exited. */
export interface StepResult {
  name: string;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the composite action in `actionDir` as a GitHub runner would: each step's script in bash, in
 * `workspace`, with the action's inputs (given ones, else their defaults) put into `${{ inputs.x }}`,
 * `GITHUB_ACTION_PATH` set, and `env` added (GITHUB_ACTIONS, GITHUB_STEP_SUMMARY …). Stops at the first
 * step that fails, as a runner does.
 */
export async function runAction(
  actionDir: string,
  workspace: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<StepResult[]> {
  const action = parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error(`the action runs ${action.runs.using}, not composite`);
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`the action has no input ${name}`);
  const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
  const expand = (text: string) =>
    text
      .replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => value(name))
      .replace(/\$\{\{\s*github\.action_path\s*\}\}/g, actionDir);
  const results: StepResult[] = [];
  for (const step of action.runs.steps) {
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${step.name ?? '?'} is not a bash script`);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, text]) => [key, expand(String(text))]));
    const result = await bash(expand(step.run), workspace, {
      ...env,
      ...stepEnv,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_WORKSPACE: workspace,
    });
    results.push({ name: step.name ?? '', ...result });
    if (result.code !== 0) break;
  }
  return results;
}

/** Run a script as a runner's `shell: bash` does: `bash --noprofile --norc -eo pipefail`. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Omit<StepResult, 'name'>> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
      { cwd, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
