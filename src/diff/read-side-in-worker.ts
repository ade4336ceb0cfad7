import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../failures.js';
import { hasWorkflowCommands } from '../format-messages.js';
import { readSide, type SideReading, type SideRequest } from './read-side.js';
import type { SideAnswer } from './side-worker.js';

/**
 * Read one side of a diff in a worker thread, so that both sides are parsed at once on two cores
 * (parsing the pages is most of a diff's time). When `signal` aborts, the worker is stopped where it
 * is and the promise rejects once it has stopped, so nothing writes into its scratch folder after.
 * Run from the sources, where there is no built worker to start, the side is read in this thread.
 */
export function readSideInWorker(request: SideRequest, signal?: AbortSignal): Promise<SideReading> {
  const script = new URL('./side-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return readSide(request);
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { ...request, workflowCommands: hasWorkflowCommands() } });
    const stop = () => {
      const stopped = () => reject(new Error(`Stopped reading ${request.side}`));
      worker.terminate().then(stopped, stopped);
    };
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => signal?.removeEventListener('abort', stop);
    worker.once('message', (answer: SideAnswer) => {
      settle();
      if (answer.ok) resolve(answer.reading);
      else if (answer.usage) reject(new UsageError(answer.message));
      else reject(Object.assign(new Error(answer.message), { stack: answer.stack }));
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`The worker reading ${request.side} stopped with ${code} before answering`));
    });
  });
}
