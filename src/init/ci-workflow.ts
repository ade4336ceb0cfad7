/**
 * The GitHub Actions workflow `ladders init` writes to `.github/workflows/ladders.yml`; the manual
 * (docs/incremental-builds-and-ci.md) shows the same text (a test keeps the two alike). It installs the repository's ladders as its
 * lockfile pins it and runs the action that ships inside it: a strict check, then a build of
 * everything (`out/` is ignored, not committed), kept as an artifact.
 */
export const ciWorkflow = `name: ladders
on:
  pull_request:
  push:
    branches: [main]

jobs:
  handouts:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      # Installs ladders as package-lock.json pins it.
      - run: npm ci
      # The action ladders ships: \`check --strict\`, then \`build\`. Problems show on the pull request's
      # lines and the job's page gets a summary; the job fails as ladders' exit code says.
      - uses: ./node_modules/ladders
        with:
          ladders: ladders
          out: out
      - uses: actions/upload-artifact@v4
        with:
          name: handouts
          path: out/
`;
