import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseJson, placeOfOffset } from '../read/parse-json.js';
import { quote, report } from '../messages.js';
import { displayPath } from '../paths-and-order.js';
import { isOutputPath } from './is-output-path.js';
import { isMissingFile } from '../failures.js';
import { readRegularFile } from './read-regular-file.js';

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

/** A manifest as read from the output folder, and its file, which carries a warning for each entry left out. */
export interface ReadManifest {
  /** Null when there is none or it cannot be trusted (then everything is rebuilt). */
  manifest: Manifest | null;
  file: VFile;
}

/** Far more than the manifest of the largest ladder needs; a larger file is not read into memory, and everything is made again. */
const maxManifestBytes = 32 * 1024 * 1024;

/**
 * The manifest of an earlier build. It is input like any other, and may have been edited: an entry
 * whose path is not a plain path inside the output folder is left out with a warning (`cwd` is where
 * the file is shown from), so nothing outside the folder is ever read, hashed or removed for it.
 */
export async function readManifest(outDir: string, name: string, cwd: string): Promise<ReadManifest> {
  const file = new VFile({ path: displayPath(path.join(outDir, name), cwd) });
  const bytes = await readRegularFile(path.join(outDir, name), maxManifestBytes);
  const text = bytes?.toString('utf8') ?? '';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { manifest: null, file };
  }
  if (!isManifest(value)) return { manifest: null, file };
  const unsafe = Object.keys(value.outputs).filter((output) => !isOutputPath(output));
  if (unsafe.length === 0) return { manifest: value, file };
  const places = outputKeyPlaces(text);
  for (const output of unsafe) {
    const reason = `The manifest lists ${quote(output)}, which is not a path inside the output folder; ladders never wrote that entry, and it is ignored`;
    report(file, 'warning', reason, places.get(output), 'unsafe-manifest-path');
  }
  const outputs = Object.fromEntries(Object.entries(value.outputs).filter(([output]) => isOutputPath(output)));
  return { manifest: { ...value, outputs }, file };
}

/** Where each key of the manifest's `outputs` is written, for warnings that point at it. */
function outputKeyPlaces(text: string): Map<string, { line: number; column: number }> {
  const parsed = parseJson(text);
  const outputs =
    parsed.ok && parsed.node.type === 'object' ? parsed.node.members.findLast((member) => member.key === 'outputs') : undefined;
  const members = outputs?.value.type === 'object' ? outputs.value.members : [];
  return new Map(members.map((member) => [member.key, placeOfOffset(text, member.keyStart)]));
}

/**
 * The manifests of the other builds in the output folder: the whole build's and every shard's but
 * `ownName`, each read as `readManifest` reads it. Shards of a CI matrix merged into one folder, or
 * a shard run after a whole build, find there what is already current.
 */
export async function readOtherManifests(outDir: string, ownName: string, cwd: string): Promise<ReadManifest[]> {
  // No output folder yet holds no manifests; one that cannot be read must not look empty.
  const names = await readdir(outDir).catch((error: unknown) => {
    if (isMissingFile(error)) return [];
    throw error;
  });
  const others = names.filter((name) => name !== ownName && /^\.ladders-manifest(-\d+-of-\d+)?\.json$/.test(name)).sort();
  return Promise.all(others.map((name) => readManifest(outDir, name, cwd)));
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
