import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One page of the documentation: its path from the repository's root, and its text. */
export interface DocPage {
  page: string;
  text: string;
}

/**
 * The README and every page of the manual it links in `docs/`, in the order it first links them: the
 * order a reader goes through them, and the order the documentation-driven tests run their samples in.
 */
export function documentation(repoRoot: string): DocPage[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const linked = new Set(Array.from(readme.matchAll(/\]\((docs\/[\w-]+\.md)\)/g), ([, page]) => page ?? ''));
  return ['README.md', ...linked].map((page) => ({ page, text: readFileSync(path.join(repoRoot, page), 'utf8') }));
}

/**
 * The section under the heading `title` (at any level, outside code blocks), on whichever page of the
 * documentation it is, up to the next heading of the same level or above.
 */
export function documentationSection(repoRoot: string, title: string): string {
  for (const { text } of documentation(repoRoot)) {
    const lines = text.split('\n');
    let fence = false;
    let level = 0;
    const section: string[] = [];
    for (const line of lines) {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      const heading = fence ? undefined : /^(#{1,6}) (.+)$/.exec(line);
      if (level > 0 && heading && heading[1]!.length <= level) break;
      if (level === 0 && heading?.[2] === title) level = heading[1]!.length;
      if (level > 0) section.push(line);
    }
    if (level > 0) return section.join('\n');
  }
  throw new Error(`No heading \`${title}\` in the README or the pages it links`);
}

/** The kinds of fenced block whose commands the README-driven tests run. */
export type CommandBlock = 'sh' | 'console' | 'yaml';

/**
 * Every command in the README's code blocks of these kinds, in the order shown: the lines of `sh`
 * blocks (without comments), the `$ ` lines of `console` blocks, and the `run:` steps of workflows.
 */
export function readmeCommands(readme: string, kinds: readonly CommandBlock[]): string[] {
  const commands: string[] = [];
  for (const [, kind, body] of readme.matchAll(/```(sh|console|yaml)\n([^]*?)```/g)) {
    if (!kinds.includes(kind as CommandBlock)) continue;
    for (const line of (body ?? '').split('\n')) {
      const command =
        kind === 'sh'
          ? line.replace(/\s+#.*$/, '').trim()
          : kind === 'console'
            ? /^\$ (.+)$/.exec(line)?.[1]
            : /^\s*(?:- )?run: (.+)$/.exec(line)?.[1];
      if (command) commands.push(command.trim());
    }
  }
  return commands;
}

/** Words as a shell splits them, for the simple quoting the README uses; a workflow's matrix value is shard 1. */
export function splitWords(command: string): string[] {
  return Array.from(command.replace('${{ matrix.shard }}', '1').matchAll(/"([^"]*)"|(\S+)/g), ([, quoted, plain]) => quoted ?? plain ?? '');
}

/** A command a `console` block shows, and the output shown under it. */
export interface ConsoleSample {
  /** Which `console` block of the README, counted from 0. */
  block: number;
  command: string;
  output: string;
}

const consoleBlock = /```console\n([^]*?)```/g;

/** The README's `console` samples, in order: each `$ ` line and the lines under it up to the next. */
export function readmeConsoleSamples(readme: string): ConsoleSample[] {
  const samples: ConsoleSample[] = [];
  for (const [index, [, body = '']] of [...readme.matchAll(consoleBlock)].entries()) {
    for (const line of body.split('\n').slice(0, -1)) {
      const command = /^\$ (.+)$/.exec(line)?.[1];
      if (command !== undefined) samples.push({ block: index, command, output: '' });
      else if (samples.at(-1)?.block === index) samples[samples.length - 1]!.output += `${line}\n`;
      else throw new Error(`Console block ${index} starts with output, not a \`$ \` command: ${line}`);
    }
  }
  return samples;
}

/** The README with each `console` block written again from these samples (same blocks, same commands). */
export function withConsoleSamples(readme: string, samples: readonly ConsoleSample[]): string {
  let index = 0;
  return readme.replace(consoleBlock, () => {
    const body = samples
      .filter((sample) => sample.block === index)
      .map((sample) => `$ ${sample.command}\n${sample.output}`)
      .join('');
    index += 1;
    return `\`\`\`console\n${body}\`\`\``;
  });
}

/** A sample's text with what varies between runs made the same: each timing in `"timings":{…}` becomes 0. */
export function normalizeSample(text: string): string {
  return text.replace(/"timings":\{[^}]*\}/g, (timings) => timings.replace(/:\d+/g, ':0'));
}
