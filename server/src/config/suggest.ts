// "Did you mean …?" for misspelt rule ids and settings: the closest known name within a small edit distance.

/** The candidate closest to `word` (case-insensitive), when it is plausibly a typo or a shortening of it. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const target = word.toLowerCase();
  const list = [...candidates];
  const extended = target.length >= 4 ? list.filter((c) => c.toLowerCase().startsWith(target)) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length / 4)) + 1;
  for (const candidate of list) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
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
