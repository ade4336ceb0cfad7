import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Manifest } from './manifest.js';
import { readRegularFile } from './read-regular-file.js';

/** Where an output stands against the last build: as built, never built, built from other inputs, or changed since. */
export type OutputState = 'current' | 'missing' | 'stale' | 'modified';

/**
 * The state of each output, given its key (what it would be made from now) and the manifests of the
 * builds that may have made it: current when one of them made it from the same key and it is still
 * as that build wrote it.
 */
export async function outputStates(
  outDir: string,
  outputs: readonly { path: string; key: string }[],
  manifests: readonly (Manifest | null)[],
): Promise<Map<string, OutputState>> {
  const states = new Map<string, OutputState>();
  for (const output of outputs) {
    // Anything but a regular file where an output should be (a named pipe, say) is not one this tool wrote: it is made again.
    const bytes = await readRegularFile(path.join(outDir, output.path));
    const sameKey = manifests.flatMap((manifest) => manifest?.outputs[output.path] ?? []).filter((entry) => entry.key === output.key);
    if (bytes === null) states.set(output.path, 'missing');
    else if (sameKey.length === 0) states.set(output.path, 'stale');
    else if (!sameKey.some((entry) => entry.sha256 === sha256(bytes))) states.set(output.path, 'modified');
    else states.set(output.path, 'current');
  }
  return states;
}

/** The hex SHA-256 of some bytes or text. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
