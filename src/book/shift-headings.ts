/** Move every heading of rendered HTML `by` levels down (at most to `h6`), so a role's or guide's own headings sit under its title in the outline. */
export function shiftHeadings(html: string, by: number): string {
  // Sanitised HTML escapes every `<` of text, so a tag is all this can match.
  return html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`);
}
