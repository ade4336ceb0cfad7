import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Run a command to its end and return its wall time, exit code, output, and the peak memory of the
 * command and every process it started, sampled every `intervalMs`: `peakMiB` as proportional set size
 * (each shared page divided among the processes sharing it, so the sum is what they use together),
 * `peakRssMiB` as resident set size summed (which counts a shared page once per process, and so errs
 * high by the browser's shared libraries times its processes), and `processes`, the peak PSS of each
 * process by kind (see `watchPeakMemory`).
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
    let peaks = { pssMiB: 0, rssMiB: 0, processes: [] };
    // The time ends at the process's exit, not when its pipes close: that is what a user waits for.
    child.on('exit', () => {
      ms = performance.now() - started;
      peaks = memory.stop();
    });
    child.on('error', (error) => {
      memory.stop();
      reject(error);
    });
    child.on('close', (code) =>
      resolve({
        ms,
        code,
        peakMiB: peaks.pssMiB,
        peakRssMiB: peaks.rssMiB,
        processes: peaks.processes,
        output: Buffer.concat(output).toString(),
      }),
    );
  });
}

/**
 * Sample the memory of `pid` and its descendants until `stop()`, which returns the peaks in MiB: of the
 * sums, and of each process apart, as `{ kind, pid, pssMiB }` sorted by kind and then by peak (`kind` is
 * `node` for `pid` itself, `browser` for Chromium's main process, Chromium's own `--type` otherwise:
 * `renderer`, `gpu-process`, `utility`, `zygote`). Reading smaps_rollup walks every mapping of a process,
 * and Chromium's are many: sampled every 50 ms it took enough CPU to slow a 1,000-position build by a
 * third, so the default is 200 ms (memory moves slowly).
 */
export function watchPeakMemory(pid, intervalMs = 200) {
  const peak = { pssKiB: 0, rssKiB: 0 };
  const each = new Map();
  const kinds = new Map();
  const timer = setInterval(() => {
    const total = { pssKiB: 0, rssKiB: 0 };
    for (const sample of sampleTree(pid, kinds)) {
      total.pssKiB += sample.pssKiB;
      total.rssKiB += sample.rssKiB;
      const seen = each.get(sample.pid);
      if (!seen) each.set(sample.pid, { kind: sample.kind, pssKiB: sample.pssKiB });
      else Object.assign(seen, { kind: sample.kind, pssKiB: Math.max(seen.pssKiB, sample.pssKiB) });
    }
    peak.pssKiB = Math.max(peak.pssKiB, total.pssKiB);
    peak.rssKiB = Math.max(peak.rssKiB, total.rssKiB);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const processes = [...each]
        .map(([pid, { kind, pssKiB }]) => ({ kind, pid, pssMiB: pssKiB / 1024 }))
        .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.kind.localeCompare(b.kind) || b.pssMiB - a.pssMiB);
      return { pssMiB: peak.pssKiB / 1024, rssMiB: peak.rssKiB / 1024, processes };
    },
  };
}

/** Node, then the browser, then its renderers, then the rest. */
function kindOrder(kind) {
  const order = ['node', 'browser', 'renderer'].indexOf(kind);
  return order === -1 ? 3 : order;
}

/** The proportional and resident set size and the kind of `root` and each of its descendants, kinds cached in `kinds`. */
function sampleTree(root, kinds) {
  const childrenOf = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrEmpty(`/proc/${name}/stat`);
    // The command name (field 2) may hold spaces and parentheses; the fields after its last `)` are `state ppid …`.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!childrenOf.has(ppid)) childrenOf.set(ppid, []);
    childrenOf.get(ppid).push(Number(name));
  }
  const samples = [];
  for (const stack = [[root, 0]]; stack.length > 0;) {
    const [pid, depth] = stack.pop();
    const rollup = readOrEmpty(`/proc/${pid}/smaps_rollup`);
    stack.push(...(childrenOf.get(pid) ?? []).map((child) => [child, depth + 1]));
    if (!rollup) continue;
    samples.push({
      pid,
      kind: depth === 0 ? 'node' : kindOf(pid, depth, kinds),
      pssKiB: Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0),
      rssKiB: Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0),
    });
  }
  return samples;
}

// A process's kind does not change, except that a child just forked reads as its parent until it has
// renamed itself or started its own program: a zygote's or a nameless one is read again at the next sample.
function kindOf(pid, depth, kinds) {
  const known = kinds.get(pid);
  if (known) return known;
  const commandLine = readOrEmpty(`/proc/${pid}/cmdline`);
  // Chromium's main process is the one the command started, and the only one without a `--type`. Its
  // children rewrite their command line as one string, so the flags are separated by spaces, not NULs.
  const kind = /(?:^|[\0 ])--type=([\w-]+)/.exec(commandLine)?.[1] ?? (depth === 1 ? 'browser' : 'other');
  if (kind !== 'zygote' && kind !== 'other') kinds.set(pid, kind);
  return kind;
}

/** Processes come and go between listing /proc and reading it; one that has gone counts as nothing. */
function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
