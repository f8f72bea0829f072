// The token table over text of any length: `scanTokens` reads at most 64 KiB of a text (a keystroke
// must not pay for a 1 MB blob at once), so a longer value is read in overlapping windows, each
// token reported once, by the window it starts in. Linear: every character is read at most twice.
import { TOKEN_PATTERNS } from './patterns.js';
import { scanTokens, type TokenMatch, type TokenScanner } from './tokens.js';

/** What `scanTokens` reads of one text: a window never exceeds it. */
export const WINDOW_LENGTH = 64 * 1024;
/**
 * Windows overlap by the longest token a pattern allows, so every token lies whole in the window it
 * starts in. Capped at half a window to keep the scan linear: only a PEM block may be longer than
 * 32 KiB on paper, and real ones (16384-bit RSA included) stay under 13 KiB.
 */
const OVERLAP = Math.min(longestToken(), WINDOW_LENGTH / 2);
/** Text read before a window's own part, for patterns that look behind (`(?<![\w-])requirepass`). */
const LOOKBEHIND = 256;
const STEP = WINDOW_LENGTH - OVERLAP - LOOKBEHIND;

function longestToken(): number {
  let longest = 0;
  for (const pattern of TOKEN_PATTERNS) longest = Math.max(longest, pattern.maxLength);
  return longest;
}

/** `scanTokens(text, team)` for a text of any length; offsets are `text`'s. */
export function scanTokensInChunks(text: string, team?: TokenScanner): TokenMatch[] {
  if (text.length <= WINDOW_LENGTH) return [...scanTokens(text, team)];
  const found: TokenMatch[] = [];
  // Each window owns the tokens that start in [own, own + STEP); the loop advances by STEP > 0.
  for (let own = 0; own < text.length; own += STEP) {
    const from = Math.max(0, own - LOOKBEHIND);
    const window = text.slice(from, Math.min(text.length, own + STEP + OVERLAP));
    for (const match of scanTokens(window, team)) {
      const start = from + match.start;
      if (start < own || start >= own + STEP) continue;
      found.push({ ...match, start, end: from + match.end });
    }
  }
  return found;
}
