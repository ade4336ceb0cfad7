import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Run a command to its end and return its wall time, exit code, output, and the peak resident memory of
 * the command and every process it started, sampled every `intervalMs`.
 */
export function runMeasured(command, args, { cwd, env, intervalMs = 50 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const memory = watchPeakMemory(child.pid, intervalMs);
    let ms = 0;
    let peakMiB = 0;
    // The time ends at the process's exit, not when its pipes close: that is what a user waits for.
    child.on('exit', () => {
      ms = performance.now() - started;
      peakMiB = memory.stop();
    });
    child.on('error', (error) => {
      memory.stop();
      reject(error);
    });
    child.on('close', (code) => resolve({ ms, code, peakMiB, output: Buffer.concat(output).toString() }));
  });
}

/** Sample the resident memory of `pid` and its descendants until `stop()`, which returns the peak in MiB. */
export function watchPeakMemory(pid, intervalMs = 50) {
  let peakKiB = 0;
  const timer = setInterval(() => {
    peakKiB = Math.max(peakKiB, treeRssKiB(pid));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peakKiB / 1024;
    },
  };
}

/** The summed VmRSS of `root` and all its descendants. Shared pages count once per process, so this errs high. */
function treeRssKiB(root) {
  const childrenOf = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrEmpty(`/proc/${name}/stat`);
    // The command name (field 2) may hold spaces and parentheses; the fields after its last `)` are `state ppid …`.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!childrenOf.has(ppid)) childrenOf.set(ppid, []);
    childrenOf.get(ppid).push(Number(name));
  }
  let total = 0;
  for (const stack = [root]; stack.length > 0; ) {
    const pid = stack.pop();
    total += Number(/^VmRSS:\s+(\d+) kB/m.exec(readOrEmpty(`/proc/${pid}/status`))?.[1] ?? 0);
    stack.push(...(childrenOf.get(pid) ?? []));
  }
  return total;
}

/** Processes come and go between listing /proc and reading it; one that has gone counts as nothing. */
function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
