/** How keywords compare: case and spacing do not matter. */
export function keywordKey(keyword: string): string {
  return keyword.replace(/\s+/g, ' ').trim().toLowerCase();
}
