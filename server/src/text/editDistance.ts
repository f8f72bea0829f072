// How many one-character edits turn one word into another (Levenshtein distance): the measure behind
// every "did you mean …?" (rule ids, config settings, Dockerfile keywords).

/**
 * Insertions, deletions and substitutions that turn `a` into `b`, computed with one rolling row. When
 * the lengths alone differ by `limit` or more the distance is at least that: `limit` is returned at once.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
