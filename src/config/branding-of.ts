import type { Branding } from '../view/to-views.js';
import type { LaddersConfig } from './validate-config.js';

/** The branding the configuration sets (nulls for what it leaves out); its labels file was read with it. */
export function brandingOf(config: LaddersConfig): Branding {
  return {
    organization: config.organization ?? null,
    brandColor: config.brandColor ?? null,
    logo: config.logo?.dataUri ?? null,
    version: config.version ?? null,
    locale: config.locale ?? null,
    audience: config.audience ?? null,
    labels: config.labels?.overrides ?? null,
  };
}
