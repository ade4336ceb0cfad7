import type { Labels } from '../locale/load-labels.js';
import type { LaddersConfig } from './validate-config.js';

/** What the configuration adds to every page; each null when not configured. */
export interface Branding {
  /** The organisation, shown on every page and the PDFs' author. */
  organization: string | null;
  /** The accent colour, `#rrggbb`. */
  brandColor: string | null;
  /** The logo as a `data:` URL. */
  logo: string | null;
  /** The framework's version label, over the one in the introduction's front matter. */
  version: string | null;
  /** The pages' language (BCP 47), over the introduction's front matter `locale`. */
  locale: string | null;
  /** The organisation's own labels, over the shipped ones for the language. */
  labels: Partial<Labels> | null;
  /** `external`: pages for people outside the organisation; null or absent is `internal`. */
  audience?: Audience | null;
}

/** Who reads the pages: `internal` ones say where they come from and link around the output folder; `external` ones (an offer's attachment) do neither. */
export type Audience = 'internal' | 'external';

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
