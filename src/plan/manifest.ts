import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** What the manifest records of one output: the key of what made it, and the hash of the file as written. */
export interface ManifestEntry {
  key: string;
  sha256: string;
}

/** The record of a build, kept in the output folder: what made each output, and the raw inputs of the build as a whole. */
export interface Manifest {
  tool: string;
  /** The fingerprint of the build's raw inputs and options; the same fingerprint means nothing to rebuild. */
  inputs: string;
  /** Files read besides the ladder pages and templates (the site's `_config.yml`, inlined images), part of `inputs`. */
  reads?: string[];
  outputs: Record<string, ManifestEntry>;
}

/** A build's i-th of n slices of the outputs. */
export interface Shard {
  index: number;
  count: number;
}

/** The manifest's name in the output folder; each shard keeps its own, so shards can share nothing and still be merged. */
export function manifestName(shard: Shard | null): string {
  return shard ? `.ladders-manifest-${shard.index}-of-${shard.count}.json` : '.ladders-manifest.json';
}

/** The manifest of an earlier build, or null when there is none or it cannot be trusted (then everything is rebuilt). */
export async function readManifest(outDir: string, name: string): Promise<Manifest | null> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path.join(outDir, name), 'utf8'));
  } catch {
    return null;
  }
  return isManifest(value) ? value : null;
}

/**
 * The manifests of the other builds in the output folder: the whole build's and every shard's but
 * `ownName`. Shards of a CI matrix merged into one folder, or a shard run after a whole build,
 * find there what is already current.
 */
export async function readOtherManifests(outDir: string, ownName: string): Promise<Manifest[]> {
  const names = await readdir(outDir).catch(() => []);
  const others = names.filter((name) => name !== ownName && /^\.ladders-manifest(-\d+-of-\d+)?\.json$/.test(name)).sort();
  const manifests = await Promise.all(others.map((name) => readManifest(outDir, name)));
  return manifests.filter((manifest) => manifest !== null);
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const { tool, inputs, outputs } = value as Record<string, unknown>;
  if (typeof tool !== 'string' || typeof inputs !== 'string' || typeof outputs !== 'object' || outputs === null) return false;
  const { reads } = value as Record<string, unknown>;
  if (reads !== undefined && !(Array.isArray(reads) && reads.every((file) => typeof file === 'string'))) return false;
  return Object.values(outputs).every(
    (entry: unknown) =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as ManifestEntry).key === 'string' &&
      typeof (entry as ManifestEntry).sha256 === 'string',
  );
}

/** The manifest as written: pretty and sorted, so a repository that commits its handouts gets readable diffs. */
export function formatManifest(manifest: Manifest): string {
  const outputs = Object.fromEntries(Object.entries(manifest.outputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...manifest, outputs }, null, 2)}\n`;
}
