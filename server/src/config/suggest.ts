// "Did you mean …?" for misspelt rule ids and settings: the closest known name within a small edit distance.
import { editDistance } from '../text/editDistance.js';

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
