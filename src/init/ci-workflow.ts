/**
 * The GitHub Actions workflow `ladders init` writes to `.github/workflows/ladders.yml`; the README
 * shows the same text (a test keeps the two alike). The handouts are built, not committed: `out/`
 * is ignored, so every run checks the ladder strictly, builds everything, and keeps it as an artifact.
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
      - run: npm ci
      # Exit 1 with every problem as file:line:column; warnings fail too.
      - run: npx ladders check --strict
      # Exit 1 (or 3) when a handout cannot be made, so a broken template fails the pull request too.
      - run: npx ladders build --quiet
      - uses: actions/upload-artifact@v4
        with:
          name: handouts
          path: out/
`;
