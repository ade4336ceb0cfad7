import path from 'node:path';
import type { VFile } from 'vfile';
import { loadConfig, type LaddersConfig } from '../config/load-config.js';
import { exitCode } from '../failures.js';
import { formatMessages } from '../format-messages.js';
import type { ReadSettings } from '../read/load-ladder.js';
import type { InputPlace } from '../write/check-out-folder.js';
import type { CommandIo } from '../command-io.js';

/** The configuration found, merged with `--ladders`, as every command but `init` starts from. */
export interface Settings {
  config: LaddersConfig;
  /** The configuration file, when one was found. */
  file: VFile | null;
  /** The folder of a configuration found above the working folder, where the default folders start; else null. */
  elsewhere: string | null;
  /** `--ladders`, else the configuration's, else `ladders`. */
  ladders: string;
  /** The configuration's output folder, else `out`. */
  configOut: string;
  reading: ReadSettings;
  /** The configuration's own files: no command's output folder may overwrite them. */
  settingsFiles: InputPlace[];
}

/**
 * Find and read the configuration, print its messages, and merge `--ladders` (a flag given wins);
 * the exit code instead when the configuration has an error.
 */
export async function loadSettings(laddersFlag: string | undefined, io: CommandIo): Promise<Settings | number> {
  const { config, file, dir: configDir } = await loadConfig(io.cwd);
  if (file) {
    io.stderr(formatMessages([file]));
    if (file.messages.some((message) => message.fatal)) return exitCode.usageError;
  }
  // A configuration found in a folder above: the default folders start there too, as its own paths do.
  const elsewhere = configDir !== null && configDir !== path.resolve(io.cwd) ? configDir : null;
  const byDefault = (name: string) => (elsewhere ? path.join(elsewhere, name) : name);
  const configOut = config.out ?? byDefault('out');
  return {
    config,
    file,
    elsewhere,
    ladders: laddersFlag ?? config.ladders ?? byDefault('ladders'),
    configOut,
    reading: {
      title: config.title ?? null,
      seniorityWords: config.seniorityWords,
      shapes: config.shapes,
      // The output folder may lie in the ladder folder: its Markdown handouts are not pages to read.
      skipFolders: [path.resolve(io.cwd, configOut)],
    },
    settingsFiles: [
      ...(file ? [{ what: 'the configuration file', path: file.path }] : []),
      ...(config.logo ? [{ what: 'the logo', path: config.logo.path }] : []),
      ...(config.labels ? [{ what: 'the labels file', path: config.labels.path }] : []),
    ],
  };
}
