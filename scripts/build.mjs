import { chmodSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

// `npm run build` and the `prepare` that `npm ci` and `npm pack` run: the bundle as rolldown.config.mjs
// says, told in one line instead of rolldown's listing of every chunk, which buried npm's own output.
const dist = path.join(import.meta.dirname, '..', 'dist');
await build(config);
chmodSync(path.join(dist, 'cli.js'), 0o755);
const files = readdirSync(dist).map((name) => ({ name, size: statSync(path.join(dist, name)).size }));
const [code, maps] = [files.filter((file) => !file.name.endsWith('.map')), files.filter((file) => file.name.endsWith('.map'))];
const megabytes = (list) => (list.reduce((sum, file) => sum + file.size, 0) / 1e6).toFixed(1);
console.log(
  `Built dist/: ${code.length} files, ${megabytes(code)} MB (and ${maps.length} source maps, ${megabytes(maps)} MB, left out of the package)`,
);
