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

type ReportedMessage = { messageId: string; data?: Record<string, string | number> };

/** What every finding of `rule` says, wherever its range comes from (a parsed file, a workspace summary). */
export function findingOf(
  rule: Rule,
  report: ReportedMessage & { severity?: Severity; fixes?: Fix[] },
  configured: Severity | undefined,
): Pick<Finding, 'ruleId' | 'severity' | 'message' | 'fixes'> {
  return { ruleId: rule.meta.id, severity: severityOf(rule, report, configured), message: messageOf(rule, report), fixes: report.fixes };
}

/** The config's severity for the rule, else the one the report asks for, else the rule's default. */
export function severityOf(rule: Rule, report: { severity?: Severity }, configured: Severity | undefined): Severity {
  return configured ?? report.severity ?? rule.meta.defaultSeverity;
}

/**
 * The message of a report, formatted once per report object: the editor reuses a report on every
 * keystroke while the part of the file it is about is unchanged.
 */
export function messageOf(rule: Rule, report: ReportedMessage): string {
  let message = formatted.get(report);
  if (message === undefined) {
    const template = rule.meta.messages[report.messageId];
    if (template === undefined) throw new Error(`${rule.meta.id} reported unknown message id "${report.messageId}"`);
    formatted.set(report, (message = formatMessage(template, report.data)));
  }
  return message;
}

const formatted = new WeakMap<ReportedMessage, string>();
