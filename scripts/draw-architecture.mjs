// Draws the stages of src/ and the imports between them as a Mermaid flowchart in docs/architecture.md,
// from the same stage list and import graph that check-imports.mjs checks, so the picture is the code's.
// A box is one line of the stage list (peers share a box); an arrow says that some module of the upper
// box imports one of the lower, and is left out when a longer path of arrows already leads there.
//
//   node scripts/draw-architecture.mjs [repo]           rewrite the picture between the markers in the doc
//   node scripts/draw-architecture.mjs --check [repo]   fail, changing nothing, when the doc's picture is not today's
// (repo defaults to the folder above this script; its code is in src/, the doc in docs/architecture.md)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rankStages, readImportGraph, stages } from './check-imports.mjs';

const start = '<!-- architecture:start (drawn by scripts/draw-architecture.mjs from the imports; do not edit by hand) -->';
const end = '<!-- architecture:end -->';

/** The Mermaid block for the tree under `root`. */
export function drawArchitecture(root) {
  const rank = rankStages();
  const { files, graph, stageOf } = readImportGraph(root);
  const arrows = stages.map(() => new Set());
  for (const file of files) {
    for (const target of graph.get(file)) {
      const [from, to] = [rank.get(stageOf(file)), rank.get(stageOf(target))];
      // Unranked stages and imports up the list are check-imports' to report; they are not drawn.
      if (from !== undefined && to !== undefined && from < to) arrows[from].add(to);
    }
  }
  // Transitive reduction: ranks only grow along an arrow, so the boxes are already in topological order.
  const reaches = stages.map(() => new Set());
  for (let box = stages.length - 1; box >= 0; box--) {
    for (const next of arrows[box]) {
      reaches[box].add(next);
      for (const further of reaches[next]) reaches[box].add(further);
    }
  }
  const lines = ['```mermaid', 'flowchart TD'];
  const used = new Set(files.map((file) => rank.get(stageOf(file))));
  stages.forEach((names, box) => {
    if (!used.has(box)) return;
    const present = names.filter((name) => fs.existsSync(path.join(root, name)) || fs.existsSync(path.join(root, `${name}.ts`)));
    const label = present.map((name) => (fs.existsSync(path.join(root, name)) ? `${name}/` : name)).join(' · ');
    lines.push(`  s${box}["${label}"]`);
  });
  stages.forEach((_, box) => {
    const direct = [...arrows[box]].filter((next) => ![...arrows[box]].some((other) => other !== next && reaches[other].has(next)));
    for (const next of direct.sort((a, b) => a - b)) lines.push(`  s${box} --> s${next}`);
  });
  lines.push('```');
  return lines.join('\n');
}

/** `doc` with the picture between its markers replaced by `picture`. */
export function placePicture(doc, picture) {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`The architecture page has no markers to draw between: ${start} … ${end}`);
  return `${doc.slice(0, from + start.length)}\n\n${picture}\n\n${doc.slice(to)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = path.resolve(
    process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'),
  );
  const docPath = path.join(repo, 'docs', 'architecture.md');
  const doc = fs.readFileSync(docPath, 'utf8');
  const drawn = placePicture(doc, drawArchitecture(path.join(repo, 'src')));
  if (process.argv.includes('--check')) {
    if (drawn !== doc) {
      console.log(
        'docs/architecture.md: the picture of the stages is not what the imports draw today; run `node scripts/draw-architecture.mjs`',
      );
      process.exitCode = 1;
    }
  } else if (drawn !== doc) {
    fs.writeFileSync(docPath, drawn);
    console.log('docs/architecture.md: picture redrawn');
  }
}
