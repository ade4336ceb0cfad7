import { open, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../failures.js';
import { quote } from '../messages.js';
import { toolVersion } from '../tool-version.js';

/** How a new repository depends on ladders: what its package.json says, and a tarball to copy in, if any. */
export interface LaddersDependency {
  /** The value of `devDependencies.ladders`: a git URL, `file:vendor/….tgz`, or a version range on the registry. */
  spec: string;
  /** A packed tarball the new repository keeps, at `path` inside it (`vendor/ladders-0.1.0.tgz`); null when none. */
  vendored: { path: string; content: Uint8Array } | null;
}

/** The folder a vendored tarball goes in, inside the new repository. */
const vendorFolder = 'vendor';
/** A tarball larger than this is no ladders package (the packed one is about 22 MB). */
const maxTarballBytes = 100 * 1024 * 1024;
const gitUrl = /^(?:git\+(?:https?|ssh|file):\/\/|git:\/\/|git@[^:]+:|(?:github|gitlab|bitbucket):|https?:\/\/\S+\.git(?:#\S*)?$)/;

/**
 * What `--from SPEC` asks for: a git URL as it is, or a packed tarball (`.tgz`) to copy into the new
 * repository; anything else is a usage error. `cwd` is where a tarball's path is relative to.
 */
export async function dependencyFrom(from: string, cwd: string): Promise<LaddersDependency> {
  const spec = from.trim();
  if (gitUrl.test(spec)) return { spec, vendored: null };
  const file = spec.replace(/^file:/, '');
  if (!/\.(?:tgz|tar\.gz)$/i.test(file))
    throw new UsageError(
      `\`--from ${from}\` must be a git URL (\`git+https://…/ladders.git#v${toolVersion}\`) or a tarball made by \`npm pack\` (\`…/ladders-${toolVersion}.tgz\`)`,
    );
  return vendor(path.resolve(cwd, file), `\`--from ${from}\``);
}

/**
 * How the running ladders was itself installed, as the lockfile of the project it sits in records it:
 * from a git URL, from a tarball (which the new repository then keeps a copy of), or from the registry.
 * Null when that cannot be known, as for a checkout run as it is. `packageRoot` is this package's folder.
 */
export async function dependencyAsInstalled(packageRoot: string): Promise<LaddersDependency | null> {
  const root = await realpath(packageRoot).catch(() => packageRoot);
  const modules = path.dirname(root);
  if (path.basename(modules) !== 'node_modules') return null;
  const project = path.dirname(modules);
  const key = path.relative(project, root).split(path.sep).join('/');
  for (const lockfile of [path.join(modules, '.package-lock.json'), path.join(project, 'package-lock.json')]) {
    const resolved = await resolvedIn(lockfile, key);
    if (resolved === null) continue;
    if (/^git(?:\+|:)/.test(resolved)) return { spec: resolved, vendored: null };
    if (resolved.startsWith('file:') && /\.(?:tgz|tar\.gz)$/i.test(resolved)) {
      const tarball = path.resolve(project, resolved.slice('file:'.length));
      return vendor(tarball, `the tarball this ladders was installed from, ${quote(tarball)},`).catch(() => null);
    }
    // Only the registry's own package, as the registry's address for it shows; never a name someone else may hold.
    if (/^https:\/\/\S+\/ladders\/-\/ladders-\d[^/]*\.tgz$/.test(resolved)) return { spec: `^${toolVersion}`, vendored: null };
    return null;
  }
  return null;
}

/** Where a lockfile says the package at `key` came from; null when it says nothing or cannot be read. */
async function resolvedIn(lockfile: string, key: string): Promise<string | null> {
  try {
    const lock = JSON.parse(await readFile(lockfile, 'utf8')) as { packages?: Record<string, { resolved?: unknown }> };
    const resolved = lock.packages?.[key]?.resolved;
    return typeof resolved === 'string' ? resolved : null;
  } catch {
    return null;
  }
}

/** Read a packed tarball to copy into `vendor/`, after checking it is a gzip file of a sensible size. */
async function vendor(tarball: string, shown: string): Promise<LaddersDependency> {
  const content = await readTarball(tarball, shown);
  const name = path.basename(tarball);
  const kept = /^[\w.+-]+$/.test(name) ? name : `ladders-${toolVersion}.tgz`;
  return { spec: `file:${vendorFolder}/${kept}`, vendored: { path: `${vendorFolder}/${kept}`, content } };
}

async function readTarball(tarball: string, shown: string): Promise<Uint8Array> {
  const handle = await open(tarball, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${shown}: ${error.code === 'ENOENT' ? 'no such file' : 'cannot be read'}`);
  });
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UsageError(`${shown} is not a file`);
    if (stats.size > maxTarballBytes)
      throw new UsageError(`${shown} is larger than a ladders package can be (${maxTarballBytes / 1024 / 1024} MB)`);
    const content = await handle.readFile();
    // gzip's two magic bytes: a tarball from `npm pack` always starts with them.
    if (content[0] !== 0x1f || content[1] !== 0x8b) throw new UsageError(`${shown} is not a tarball made by \`npm pack\` (not gzip)`);
    return content;
  } finally {
    await handle.close();
  }
}
