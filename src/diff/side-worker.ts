import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../failures.js';
import { setWorkflowCommands } from '../format-messages.js';
import { readSide, type SideRequest } from './read-side.js';

/** What the worker hands back: the side read, or why it could not be. */
export type SideAnswer =
  { ok: true; reading: Awaited<ReturnType<typeof readSide>> } | { ok: false; usage: boolean; message: string; stack: string | undefined };

// A worker thread's entry: read the side named in `workerData` and post the answer, its messages
// printed as the command line prints them.
const request = workerData as SideRequest & { workflowCommands: boolean };
setWorkflowCommands(request.workflowCommands);
readSide(request).then(
  (reading) => parentPort?.postMessage({ ok: true, reading } satisfies SideAnswer),
  (error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({
      ok: false,
      usage: error instanceof UsageError,
      message: failure.message,
      stack: failure.stack,
    } satisfies SideAnswer);
  },
);
