import { printable } from '../text/printable.js';

/**
 * Fills a rule's message template: `Container "{{container}}" runs privileged`. Values come from the
 * file (names, redacted previews) and may hold control characters: they are shown as escapes.
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? printable(String(data[name])) : whole));
}

/** `the final stage` → `The final stage`: a label written for mid-sentence that starts a message. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
