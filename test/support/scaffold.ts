/** The files `ladders init` writes, sorted as `listTree` lists them. */
export const scaffoldPaths: readonly string[] = [
  '.github/workflows/ladders.yml',
  '.gitignore',
  'ladders.config.json',
  'ladders/README.md',
  'ladders/engineering-manager.md',
  'package.json',
];
