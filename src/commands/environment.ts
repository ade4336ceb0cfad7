import { UsageError } from '../failures.js';

/** `SOURCE_DATE_EPOCH` (seconds), the reproducible-builds way to date outputs; null when unset. */
export function sourceDate(env: NodeJS.ProcessEnv): Date | null {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not \`${value}\``);
  return new Date(Number(value) * 1000);
}
