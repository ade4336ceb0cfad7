import type { Nodes } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { TextFormat } from '../formats.js';

/** Where a `ladders:` reference leads from the page being rendered, or null when it leads nowhere (the link keeps its words). */
export type ResolveReference = (reference: string) => string | null;

// GitHub's own schema, with three changes: images only as inlined `data:` URLs (the reader inlines
// every local one, so anything else would be a request), links only to output pages, fragments and
// mail (like all ladder text, nothing points at a server), and heading ids kept as written, so a
// link to `guide.html#two-sides` lands on its heading.
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, href: ['mailto'], src: ['data'] },
};

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const toHtml = unified().use(remarkRehype).use(rehypeSlug).use(rehypeSanitize, schema).use(rehypeStringify).freeze();
const toMarkdown = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
  .freeze();

/**
 * Render the safe Markdown of a guide or a role's text for one format: `ladders:` links become
 * relative links to output pages, then HTML goes through remark-rehype and a sanitising schema (no
 * raw HTML, script, handler, style or remote reference survives); Markdown is printed again.
 */
export function renderRichText(markdown: string, format: TextFormat, resolve: ResolveReference): string {
  if (!markdown) return '';
  const tree = parser.parse(markdown);
  resolveLinks(tree, resolve);
  if (format === 'md') {
    keepAddressesText(tree);
    return String(toMarkdown.stringify(tree)).trim();
  }
  return String(toHtml.stringify(toHtml.runSync(tree)));
}

function resolveLinks(node: Nodes, resolve: ResolveReference): void {
  if (!('children' in node)) return;
  node.children = node.children.flatMap((child): Nodes[] => {
    resolveLinks(child, resolve);
    if (child.type !== 'link' || /^(?:#|mailto:)/i.test(child.url)) return [child];
    // A web address written as text is a link for GFM; it keeps its words, like every other link out.
    const href = child.url.startsWith('ladders:') ? resolve(child.url) : null;
    return href === null ? child.children : [{ ...child, url: href }];
  }) as typeof node.children;
}

// After a scheme's colon, after `www`, before `@`: GFM makes a live link of an address in text.
const bareLink = /:(?=\/\/)|\bwww(?=\.)|(?=@)/gi;

/** Keep addresses in text as text in Markdown too, with an invisible word joiner (U+2060) where GFM would see a link. */
function keepAddressesText(node: Nodes): void {
  if (node.type === 'text') node.value = node.value.replace(bareLink, '$&\u2060');
  else if ('children' in node && node.type !== 'link') for (const child of node.children) keepAddressesText(child);
}
