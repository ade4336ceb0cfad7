import { fileURLToPath } from 'node:url';

/** The folder of ladders that ships with this package; its introduction page is used when a folder has none. */
export const shippedLaddersDir = fileURLToPath(new URL('../ladders/', import.meta.url));

/** The templates this package ships; `--templates DIR` overrides them file by file. */
export const shippedTemplatesDir = fileURLToPath(new URL('../templates/', import.meta.url));

/** The typefaces this package ships (`fonts/fonts.json` lists them); every glyph of every page comes from them. */
export const shippedFontsDir = fileURLToPath(new URL('../fonts/', import.meta.url));

/** The label sets this package ships, one `<language>.json` a language; a configuration's `labels` file overrides them. */
export const shippedLabelsDir = fileURLToPath(new URL('../labels/', import.meta.url));

/** This package's own folder: a checkout's, or the installed package's (whose lockfile entry tells how it was installed). */
export const packageDir = fileURLToPath(new URL('../', import.meta.url));
