// Text from a repository (file names, messages quoting its content, error strings, config values) made
// safe to print: a control byte or an escape sequence in a file name could otherwise move the cursor,
// clear the screen or recolour the report, and rewrite what the reviewer sees.
import { Document, visit } from 'yaml';

/**
 * DEL, C1 controls (U+009B is a one-character CSI on some terminals), the Unicode line separators, and
 * the bidirectional controls that reorder how a line is displayed ("Trojan Source").
 */
const BEYOND_C0 = String.raw`\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
/** The above and the C0 controls (escape, newline, bell…). */
const UNPRINTABLE = new RegExp(String.raw`[\u0000-\u001f${BEYOND_C0}]`, 'g');
/** What JSON.stringify and the `yaml` package leave raw: they escape C0 controls, and their own newlines are layout. */
const UNESCAPED_BY_SERIALIZERS = new RegExp(`[${BEYOND_C0}]`, 'g');
const HAS_UNESCAPED = new RegExp(`[${BEYOND_C0}]`);

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/** `text` with every control character written as a visible escape (`\e`, `\n`, `\x07`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => NAMED[char] ?? codeEscape(char, char.charCodeAt(0) <= 0xff ? 2 : 4));
}

/**
 * JSON for a report that may be printed to a terminal: JSON.stringify escapes C0 controls already;
 * this writes the rest of what `printable` covers as `\uXXXX` too, which leaves the data unchanged.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNESCAPED_BY_SERIALIZERS, (char) => codeEscape(char, 4));
}

/**
 * YAML for a terminal (`print-config`): the `yaml` package escapes C0 controls in double-quoted
 * strings but prints the others raw, in plain strings too. A string holding one is double-quoted, where
 * `\uXXXX` is an escape YAML reads back as the same character.
 */
export function terminalSafeYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && HAS_UNESCAPED.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString().replace(UNESCAPED_BY_SERIALIZERS, (char) => codeEscape(char, 4));
}

function codeEscape(char: string, digits: 2 | 4): string {
  return (digits === 2 ? '\\x' : '\\u') + char.charCodeAt(0).toString(16).padStart(digits, '0');
}
