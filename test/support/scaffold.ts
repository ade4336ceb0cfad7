/** The files `ladders init` writes from a packed tarball, sorted as `listTree` lists them. */
export const scaffoldPaths: readonly string[] = [
  '.github/workflows/ladders.yml',
  '.gitignore',
  'ladders.config.json',
  'ladders/README.md',
  'ladders/engineering-manager.md',
  'package.json',
  'vendor/ladders-0.1.0.tgz',
];
