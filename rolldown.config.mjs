import { defineConfig } from 'rolldown';

// The command is one bundle, not the few hundred modules it imports (micromark alone is a hundred
// small files): Node then resolves, reads and compiles a handful of files instead, which took a
// quarter of a second off every build (see the README's performance section). The commands and
// stages it loads only when needed stay in chunks of their own. All files sit side by side in
// dist/, so a module that finds the package's folders from its own place (`../templates/`) finds them.
export default defineConfig({
  input: {
    cli: 'src/cli.ts',
    // The browser as the command finds and launches it, for the bench and the pictures script.
    browser: 'src/browser-for-scripts.ts',
    // `diff` reads one of its two versions in a worker thread, which starts from a file of its own.
    'side-worker': 'src/diff/side-worker.ts',
  },
  platform: 'node',
  // Loaded from node_modules as they are: the bundled Chromium is found next to its own package, and
  // chromium-bidi serves only puppeteer's WebDriver BiDi, which this tool never speaks (a chunk loaded on
  // demand). Puppeteer itself is bundled: imported as its two hundred modules it took twice as long, and
  // the browser's launch, the longest wait of a build, starts only once it is loaded.
  external: [/^node:/, '@sparticuz/chromium', /^chromium-bidi\//],
  // jsonc-parser's `main` is a UMD build whose `require` calls a bundle cannot follow; its ES module build bundles as it is.
  resolve: { alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } },
  output: { dir: 'dist', format: 'esm', chunkFileNames: '[name]-[hash].js', sourcemap: true, cleanDir: true },
});
