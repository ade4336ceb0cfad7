/**
 * Whether `relativePath` (inside the ladder folder, with `/`) matches `pattern`, the way the
 * configuration's `shapes` names pages: `*` stands for any characters but `/`, `**` for any run of
 * folders, `?` for one character; a pattern without them names a page or a whole folder
 * (`tracks` matches `tracks/L3-Senior.md`). Case counts, as it does in a repository.
 */
export function matchesPathPattern(pattern: string, relativePath: string): boolean {
  const clean = pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return toRegExp(clean).test(relativePath);
}

const cache = new Map<string, RegExp>();

function toRegExp(pattern: string): RegExp {
  const known = cache.get(pattern);
  if (known) return known;
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '*' && pattern[index + 1] === '*') {
      // `**/` is any run of folders, none included; a trailing `**` is anything below.
      const slash = pattern[index + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern names what it matches and everything inside it, when that is a folder.
  const made = new RegExp(`^${source}(?:/.*)?$`, 'u');
  if (cache.size < 256) cache.set(pattern, made);
  return made;
}
