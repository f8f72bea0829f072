// Checksums issuers put in their tokens, so that a string of the right shape but typed by hand, cut
// short or made up for a test is told apart from a token the issuer could have minted.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `value` in base62, left-padded with `0` to `width` digits. */
export function base62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
  return out.padStart(width, '0');
}

/**
 * GitHub's token format (ghp_, gho_, ghu_, ghs_, ghr_), which npm adopted for npm_: after the prefix,
 * random characters then 6 base62 digits of the CRC-32 of those random characters.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 */
export function hasGithubChecksum(token: string, prefixLength = 4): boolean {
  const random = token.slice(prefixLength, -6);
  return random.length > 0 && base62(crc32(random), 6) === token.slice(-6);
}
