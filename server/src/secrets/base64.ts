// Strict base64 decoding for `Secret.data` values: text the token table can read, binary content
// (a keystore) that is still a committed secret, or undefined when the value is not base64 at all.

export type Decoded = { kind: 'text'; text: string } | { kind: 'binary' };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_DECODED_INPUT = 1024 * 1024;
/** U+FFFD marks bytes that were not UTF-8; control characters other than whitespace mark binary data. */
const NOT_TEXT = /[\uFFFD\u0000-\u0008\u000E-\u001F]/;

export function decodeBase64(encoded: string): Decoded | undefined {
  const compact = encoded.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || compact.length > MAX_DECODED_INPUT || !BASE64.test(compact)) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  return NOT_TEXT.test(text) ? { kind: 'binary' } : { kind: 'text', text };
}

/** The decoded text, or undefined for binary content and non-base64 values. */
export function decodeBase64Text(encoded: string): string | undefined {
  const decoded = decodeBase64(encoded);
  return decoded?.kind === 'text' ? decoded.text : undefined;
}
