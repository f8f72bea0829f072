// Text from a repository (file names, values quoted in messages, error strings) made safe to show: a
// control byte or an escape sequence could otherwise move a terminal's cursor, clear the screen or
// recolour a report, and rewrite what the reviewer sees.

/**
 * DEL, C1 controls (U+009B is a one-character CSI on some terminals), the Unicode line separators, and
 * the bidirectional controls that reorder how a line is displayed ("Trojan Source").
 */
export const BEYOND_C0 = String.raw`\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
/** The above and the C0 controls (escape, newline, bell…). */
const UNPRINTABLE = new RegExp(String.raw`[\u0000-\u001f${BEYOND_C0}]`, 'g');

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/** `text` with every control character written as a visible escape (`\e`, `\n`, `\x07`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => NAMED[char] ?? codeEscape(char, char.charCodeAt(0) <= 0xff ? 2 : 4));
}

/** `\xHH` or `\uHHHH` for one character. */
export function codeEscape(char: string, digits: 2 | 4): string {
  return (digits === 2 ? '\\x' : '\\u') + char.charCodeAt(0).toString(16).padStart(digits, '0');
}
