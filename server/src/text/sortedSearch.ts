// Binary search over sorted offsets: line starts, piece starts, edit ranges. One implementation, so the
// off-by-one that a hand-written `(low + high) >> 1` loop invites is settled once.

/** The index of the last element of the ascending `sorted` that is ≤ `value`; 0 when none is. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
