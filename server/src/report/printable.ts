// Reports made safe to print on a terminal: `printable` (text/printable.ts) for text, and JSON and YAML
// serialisations that escape what their serialisers leave raw.
import { Document, visit } from 'yaml';
import { BEYOND_C0, codeEscape } from '../text/printable.js';

export { printable } from '../text/printable.js';

/** What JSON.stringify and the `yaml` package leave raw: they escape C0 controls, and their own newlines are layout. */
const UNESCAPED_BY_SERIALIZERS = new RegExp(`[${BEYOND_C0}]`, 'g');
const HAS_UNESCAPED = new RegExp(`[${BEYOND_C0}]`);

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
