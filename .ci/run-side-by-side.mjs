// Runs the npm scripts named on the command line at the same time, and fails if any of them fails.
// `npm test` checks types, lint and format this way: each is one process on one core, so on two cores
// the three take about as long as the slowest alone. Each script's output is printed whole when it
// ends, so that their lines do not interleave.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const codes = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        // Through a shell, where `npm` is a script (npm.cmd on Windows) and not an executable.
        const child = spawn(`npm run --silent ${script}`, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code, signal) => {
          const failed = code !== 0;
          process.stdout.write(`${failed ? '✗' : '✓'} npm run ${script}${failed ? ` (${signal ?? `exit ${code}`})` : ''}\n`);
          process.stdout.write(Buffer.concat(output));
          resolve(failed ? 1 : 0);
        });
      }),
  ),
);
process.exitCode = Math.max(0, ...codes);
