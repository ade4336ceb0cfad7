import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Run a command to its end and return its wall time, exit code, output, and the peak memory of the
 * command and every process it started, sampled every `intervalMs`: `peakMiB` as proportional set size
 * (each shared page divided among the processes sharing it, so the sum is what they use together) and
 * `peakRssMiB` as resident set size summed (which counts a shared page once per process, and so errs
 * high by the browser's shared libraries times its processes).
 */
export function runMeasured(command, args, { cwd, env, intervalMs = 200 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const memory = watchPeakMemory(child.pid, intervalMs);
    let ms = 0;
    let peakMiB = 0;
    let peakRssMiB = 0;
    // The time ends at the process's exit, not when its pipes close: that is what a user waits for.
    child.on('exit', () => {
      ms = performance.now() - started;
      ({ pssMiB: peakMiB, rssMiB: peakRssMiB } = memory.stop());
    });
    child.on('error', (error) => {
      memory.stop();
      reject(error);
    });
    child.on('close', (code) => resolve({ ms, code, peakMiB, peakRssMiB, output: Buffer.concat(output).toString() }));
  });
}

/**
 * Sample the memory of `pid` and its descendants until `stop()`, which returns the peaks in MiB. Reading
 * smaps_rollup walks every mapping of a process, and Chromium's are many: sampled every 50 ms it took
 * enough CPU to slow a 1,000-position build by a third, so the default is 200 ms (memory moves slowly).
 */
export function watchPeakMemory(pid, intervalMs = 200) {
  const peak = { pssKiB: 0, rssKiB: 0 };
  const timer = setInterval(() => {
    const now = treeMemoryKiB(pid);
    peak.pssKiB = Math.max(peak.pssKiB, now.pssKiB);
    peak.rssKiB = Math.max(peak.rssKiB, now.rssKiB);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { pssMiB: peak.pssKiB / 1024, rssMiB: peak.rssKiB / 1024 };
    },
  };
}

/** The summed proportional and resident set sizes of `root` and all its descendants. */
function treeMemoryKiB(root) {
  const childrenOf = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrEmpty(`/proc/${name}/stat`);
    // The command name (field 2) may hold spaces and parentheses; the fields after its last `)` are `state ppid …`.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!childrenOf.has(ppid)) childrenOf.set(ppid, []);
    childrenOf.get(ppid).push(Number(name));
  }
  const total = { pssKiB: 0, rssKiB: 0 };
  for (const stack = [root]; stack.length > 0;) {
    const pid = stack.pop();
    const rollup = readOrEmpty(`/proc/${pid}/smaps_rollup`);
    total.pssKiB += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    total.rssKiB += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
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
