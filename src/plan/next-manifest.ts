import { manifestName, type Manifest, type ManifestEntry, type Shard } from './manifest.js';
import { sha256 } from './output-states.js';
import type { PlannedOutput } from './plan-outputs.js';

/** The manifest a build is making: what the last one recorded of the outputs still planned, and what this one writes. */
export interface NextManifest {
  /** Its name in the output folder. */
  name: string;
  /** Record an output as written. */
  record(output: PlannedOutput, content: string | Uint8Array): void;
  /**
   * The manifest to write; `inputs` is the fingerprint of a build that made everything, or '' when it
   * did not finish, and `reads` the single files besides the folders that the fingerprint covers.
   */
  finish(inputs: string, reads: readonly string[]): Manifest;
}

/**
 * Start the manifest of a build from its last one. A partial build (`--only`, `--shard`) keeps every
 * entry it does not see; a whole build keeps only the outputs it planned, so the rest are gone. An
 * output another build made from the same key (another shard, a whole build) is recorded as theirs.
 */
export function startNextManifest(
  last: Manifest | null,
  others: readonly Manifest[],
  planned: readonly PlannedOutput[],
  options: { partial: boolean; shard: Shard | null; tool: string },
): NextManifest {
  const entries = new Map<string, ManifestEntry>(Object.entries(options.partial ? (last?.outputs ?? {}) : {}));
  for (const output of planned) {
    const recorded = [last, ...others].map((manifest) => manifest?.outputs[output.path]);
    const entry = recorded.find((candidate) => candidate?.key === output.key) ?? recorded[0];
    if (entry) entries.set(output.path, entry);
  }
  return {
    name: manifestName(options.shard),
    record(output, content) {
      entries.set(output.path, { key: output.key, sha256: sha256(content) });
    },
    finish: (inputs, reads) => ({
      tool: options.tool,
      inputs,
      ...(reads.length > 0 ? { reads: [...reads] } : {}),
      outputs: Object.fromEntries(entries),
    }),
  };
}
