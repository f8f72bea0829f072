import { printable } from '../text/printable.js';
import type { Severity } from '../text/severity.js';
import type { Finding, Fix, Rule } from './types.js';

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

/** What every finding of `rule` says, wherever its range comes from (a parsed file, a workspace summary). */
export function findingOf(
  rule: Rule,
  report: { messageId: string; data?: Record<string, string | number>; severity?: Severity; fixes?: Fix[] },
  configured: Severity | undefined,
): Pick<Finding, 'ruleId' | 'severity' | 'message' | 'fixes'> {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${rule.meta.id} reported unknown message id "${report.messageId}"`);
  return { ruleId: rule.meta.id, severity: configured ?? report.severity ?? rule.meta.defaultSeverity, message: formatMessage(template, report.data), fixes: report.fixes };
}
