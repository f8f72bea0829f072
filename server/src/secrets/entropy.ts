// Shannon entropy of a candidate secret, in bits per character: the floor that separates issued
// tokens from fillers such as `AKIAXXXXXXXXXXXXXXXX`, which match a token's format but repeat a few
// characters where an issued token is random.

/** Counts by UTF-16 code unit; reused across calls to keep the keystroke path allocation-free. */
const counts = new Map<number, number>();

export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  counts.clear();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
