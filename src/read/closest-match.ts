/**
 * The candidate nearest to `value` by edit distance, ignoring case, or null when none is near; for
 * names of several words, one that keeps as many words and shares most of them is near too
 * (`Multiple Teams` is near `Many Teams`).
 */
export function closestMatch(value: string, candidates: readonly string[]): string | null {
  const wanted = value.toLowerCase();
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? closestByWords(wanted, candidates);
}

/** The candidate of as many words that shares the most of them with `wanted`, at least half; null when none does. */
function closestByWords(wanted: string, candidates: readonly string[]): string | null {
  const words = wordsOf(wanted);
  if (words.length < 2) return null;
  let best: string | null = null;
  let bestShared = Math.ceil(words.length / 2) - 1;
  for (const candidate of candidates) {
    const other = wordsOf(candidate.toLowerCase());
    if (other.length !== words.length) continue;
    const shared = words.filter((word, index) => word === other[index]).length;
    if (shared > bestShared) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}

function wordsOf(text: string): string[] {
  return text.split(/[\s-]+/).filter(Boolean);
}

/** Levenshtein distance; inputs here are keywords, so the quadratic table stays tiny. */
function editDistance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
