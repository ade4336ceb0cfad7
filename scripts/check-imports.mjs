// Checks that imports in src/ run one way: from the command line down through the stages to the model.
// Every src/**/*.ts is read with the TypeScript compiler's own import scanner (type-only imports count
// too, since they tie the files together just as much), and the check fails on any cycle between files
// and on any import from a stage to a stage listed above it. Imports inside one folder are free.
//
//   node scripts/check-imports.mjs [root]    (root defaults to src/ beside this script)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The stages, top to bottom. A name is a folder under the root or a file at the root (without `.ts`).
// A module may import from its own folder and from any stage below its own; names on one line are
// peers and must not import each other.
export const stages = [
  ['cli', 'browser-for-scripts'], // entry points: the command, and the browser as the bench and the pictures script launch it
  ['run-cli'], // reads the arguments and runs one command
  ['commands'], // one module a command (build, diff, compare, assess, serve, init, …) and their steps
  ['serve', 'init'], // the live preview; a new ladder folder
  ['ci'], // what a build or diff tells CI: step summaries, SARIF
  ['assess'], // filled worksheets read back into a review
  ['diff'], // the changes between two versions of a ladder, read from git
  ['compare'], // two positions side by side
  ['print'], // pages printed to PDF in the browser's tabs, measured for their forms and stamped
  ['browser'], // the browser process: found or unpacked, launched, its tabs locked down, closed
  ['write'], // outputs written into the output folder, and nowhere else
  ['render'], // pages from templates
  ['plan'], // which outputs a build makes, from the ladder and the config
  ['book'], // a role's book: its view, contents and page numbers
  ['view'], // what a template sees of a page: handouts, guides, changelogs
  ['worksheet'], // the review worksheet's fields and origin
  ['pdf'], // PDF bytes read and edited by hand: layout, objects, stamps, form layers, limits; knows no ladder
  ['schemas'], // the JSON schemas of the config and the ladder's files
  ['config'], // ladders.config.json, checked
  ['locale'], // the page's language and its labels
  ['read'], // the ladder folder read into the model
  ['fonts'], // the shipped typefaces and the characters they draw
  ['format-messages'], // messages as a person or CI reads them
  ['workflow-command', 'command-io'], // a message as a CI workflow command; where a command writes
  ['locale-tag'], // BCP 47 language tags: checked, their direction and paper
  ['formats', 'drop-controls', 'paths-and-order', 'package-paths', 'tool-version'], // small helpers
  ['model', 'ladder-diff', 'messages', 'failures'], // the ladder and its changes, vfile messages, typed errors
];

/** The rank of each stage name: its line in `stages`, from 0 at the top. */
export function rankStages() {
  const rank = new Map();
  stages.forEach((names, index) => names.forEach((name) => rank.set(name, index)));
  return rank;
}

/**
 * The modules under `root` and their imports of each other: `graph` maps each file to the files it
 * imports, `name` gives a file's path under the root, and `stageOf` the stage it belongs to.
 */
export function readImportGraph(root) {
  const files = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(root);
  files.sort();
  const name = (file) => path.relative(root, file).split(path.sep).join('/');
  const stageOf = (file) => {
    const parts = name(file).split('/');
    return parts.length === 1 ? parts[0].replace(/\.ts$/, '') : parts[0];
  };
  const graph = new Map();
  for (const file of files) {
    const imports = new Set();
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.join(path.dirname(file), fileName).replace(/\.js$/, '.ts');
      if (files.includes(target)) imports.add(target); // not JSON, templates: not a module of the tree
    }
    graph.set(file, [...imports].sort());
  }
  return { files, graph, name, stageOf };
}

/** The problems in the tree under `root`, one line each. */
export function checkImports(root) {
  const rank = rankStages();
  const { files, graph, name, stageOf } = readImportGraph(root);
  const problems = [];
  for (const file of files) {
    for (const target of graph.get(file)) {
      const from = stageOf(file);
      const to = stageOf(target);
      if (from === to) continue;
      if (!rank.has(from) || !rank.has(to)) {
        problems.push(`${name(file)} -> ${name(target)}: ${rank.has(from) ? to : from} is in no stage`);
      } else if (rank.get(to) <= rank.get(from)) {
        const how = rank.get(to) === rank.get(from) ? 'a peer' : 'a higher stage';
        problems.push(`${name(file)} -> ${name(target)}: ${from} imports ${to}, ${how}`);
      }
    }
  }
  // Cycles between files: Tarjan's strongly connected components, one line per component.
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const visit = (file) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file)) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file), index.get(next)));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file).includes(file)) {
        problems.push(`cycle: ${component.map(name).sort().join(' <-> ')}`);
      }
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src'));
  const problems = checkImports(root);
  for (const problem of problems) console.log(problem);
  if (problems.length > 0) {
    console.log(`${problems.length} import problem${problems.length === 1 ? '' : 's'} in ${path.basename(root)}/`);
    process.exitCode = 1;
  }
}
