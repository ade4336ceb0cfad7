import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { quote, report } from '../messages.js';
import { placeIn, readSource, reportDuplicate, type Source } from './config-source.js';
import type { JsonNode } from '../read/parse-json.js';
import type { LaddersConfig } from './validate-config.js';

export type { LaddersConfig } from './validate-config.js';

/** The file `loadConfig` looks for first. */
export const configFileName = 'ladders.config.json';

/** The settings and the file they came from. */
export interface LoadedConfig {
  /** `{}` when there is no config, and when the config has errors. */
  config: LaddersConfig;
  /** The file read, carrying its messages (check them for errors); null when there is no config. */
  file: VFile | null;
  /** The folder the file is in, where its relative paths start; null when there is no config. */
  dir: string | null;
}

/**
 * Find the configuration as git and npm find theirs: in `cwd` or the nearest folder above it, looking
 * no higher than the repository's root (the folder holding `.git`) or the file system's. In each folder,
 * `ladders.config.json`, or else the `"ladders"` key of its `package.json`; no config is not an error.
 */
export async function loadConfig(cwd: string): Promise<LoadedConfig> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const loaded = await loadConfigIn(dir, cwd);
    if (loaded.file || path.dirname(dir) === dir || (await exists(path.join(dir, '.git')))) return loaded;
  }
}

async function exists(fullPath: string): Promise<boolean> {
  return stat(fullPath).then(
    () => true,
    () => false,
  );
}

/** The configuration of the folder `dir`, its messages' paths from `cwd`. */
async function loadConfigIn(dir: string, cwd: string): Promise<LoadedConfig> {
  const own = await readSource(path.join(dir, configFileName), cwd);
  const packageJson = await readSource(path.join(dir, 'package.json'), cwd);
  const packageMembers = packageJson?.node?.type === 'object' ? packageJson.node.members.filter((member) => member.key === 'ladders') : [];
  if (own) {
    const ignored = packageMembers[0];
    if (packageJson && ignored) {
      const cause = {
        file: packageJson.file.path,
        place: placeIn(packageJson, ignored.keyStart),
        reason: `The ignored ${quote('ladders')} key`,
      };
      const reason = `${quote('package.json')} has a ${quote('ladders')} key too; it is ignored while ${quote(configFileName)} exists, so keep the settings in one place`;
      report(own.file, 'warning', reason, placeIn(own, own.node?.start ?? 0), 'ignored-package-config', cause);
    }
    const config = own.node ? await validate(own, own.node, `The config in ${quote(configFileName)}`, cwd) : {};
    return { config, file: own.file, dir };
  }
  if (!packageJson) return { config: {}, file: null, dir: null };
  if (!packageJson.node) return { config: {}, file: packageJson.file, dir };
  const [first, second] = packageMembers;
  if (!first) return { config: {}, file: null, dir: null };
  if (second) {
    reportDuplicate(packageJson, first, second);
    return { config: {}, file: packageJson.file, dir };
  }
  return {
    config: await validate(packageJson, first.value, `The ${quote('ladders')} key of ${quote('package.json')}`, cwd),
    file: packageJson.file,
    dir,
  };
}

/** The schema and its library load only when there is a config to check: most runs have none. */
async function validate(source: Source, node: JsonNode, what: string, cwd: string): Promise<LaddersConfig> {
  const { toConfig } = await import('./validate-config.js');
  return toConfig(source, node, what, cwd);
}
