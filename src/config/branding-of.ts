import { UsageError } from '../failures.js';
import { readLabelOverrides } from '../locale/read-label-overrides.js';
import type { Branding } from '../view/to-views.js';
import type { LaddersConfig } from './validate-config.js';

/** The branding the configuration sets (nulls for what it leaves out), its label overrides read; an unreadable labels file is a usage error. */
export async function brandingOf(config: LaddersConfig): Promise<Branding> {
  return {
    organization: config.organization ?? null,
    brandColor: config.brandColor ?? null,
    logo: config.logo?.dataUri ?? null,
    version: config.version ?? null,
    locale: config.locale ?? null,
    audience: config.audience ?? null,
    labels: config.labels
      ? await readLabelOverrides(config.labels).catch((error: Error) => Promise.reject(new UsageError(error.message)))
      : null,
  };
}
