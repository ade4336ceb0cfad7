// Checks that every link between the Markdown pages of the documentation leads somewhere: a link to a
// file (`docs/books.md`, `pictures/x.png`) must name a file that exists, relative to its page, and a
// link with an anchor (`#the-browser`, `books.md#size`) must name a heading of that page, slugged as
// GitHub slugs headings. Code blocks and inline code are skipped: they show links, they do not make them.
// Web and mail links are not followed.
//
//   node scripts/check-doc-links.mjs [root]    (root defaults to the folder above this script;
//                                               it checks README.md, SECURITY.md and docs/*.md there)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';

/** A page's text with fenced code blocks and inline code blanked out, line count kept. */
function withoutCode(text) {
  let fence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fence = !fence;
        return '';
      }
      return fence ? '' : line.replace(/(`+)[^`]*?\1/g, '');
    })
    .join('\n');
}

/** The anchors of a page's headings, as GitHub makes them (repeated headings get `-1`, `-2`…). */
export function headingAnchors(text) {
  const slugger = new GithubSlugger();
  const anchors = new Set();
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? undefined : /^#{1,6} +(.+?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) anchors.add(slugger.slug(heading));
  }
  return anchors;
}

/** Every broken link of these pages (paths relative to root), as `page:line: target (why)`. */
export function checkDocLinks(root, pages) {
  const problems = [];
  const anchorsOf = new Map();
  const anchors = (file) => {
    if (!anchorsOf.has(file)) anchorsOf.set(file, headingAnchors(fs.readFileSync(file, 'utf8')));
    return anchorsOf.get(file);
  };
  for (const page of pages) {
    const file = path.join(root, page);
    const lines = withoutCode(fs.readFileSync(file, 'utf8')).split('\n');
    for (const [index, line] of lines.entries()) {
      for (const [, target] of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        const [linked, anchor] = target.split('#');
        const targetFile = linked ? path.resolve(path.dirname(file), linked) : file;
        const where = `${page}:${index + 1}: ${target}`;
        if (!fs.existsSync(targetFile)) problems.push(`${where} (no such file)`);
        else if (anchor !== undefined && !(targetFile.endsWith('.md') && anchors(targetFile).has(anchor)))
          problems.push(`${where} (no such heading)`);
      }
    }
  }
  return problems;
}

/** The documentation's pages under root: the README, the security page and every page in docs/. */
export function docPages(root) {
  const docs = fs.existsSync(path.join(root, 'docs')) ? fs.readdirSync(path.join(root, 'docs')) : [];
  return [
    ...['README.md', 'SECURITY.md'].filter((page) => fs.existsSync(path.join(root, page))),
    ...docs
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `docs/${name}`),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkDocLinks(root, docPages(root));
  for (const problem of problems) console.log(problem);
  if (problems.length > 0) {
    console.log(`${problems.length} broken link${problems.length === 1 ? '' : 's'} in the documentation`);
    process.exitCode = 1;
  }
}
