// Findings as LSP diagnostics: severity, rule id as code with a link to its docs, related locations.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ruleDocsUrl } from '../engine/docsUrl.js';
import type { Finding } from '../engine/types.js';
import type { Severity } from '../text/severity.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

export { DIAGNOSTIC_SOURCE };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server in code action requests. */
export interface DiagnosticData {
  /** Index of the finding in the lint result of `version`. */
  index: number;
  version: number;
}

/** Said after the message of a finding the workspace's baseline holds, shown as a hint. */
export const IN_BASELINE_NOTE = ' (in baseline)';

/** `inBaseline`: the finding was there when the team adopted manifestlint; a hint, not a problem to act on now. */
export function toDiagnostic(finding: Finding, uri: string, data: DiagnosticData, inBaseline = false): Diagnostic {
  return {
    range: finding.range,
    severity: inBaseline ? DiagnosticSeverity.Hint : SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: inBaseline ? `${finding.message}${IN_BASELINE_NOTE}` : finding.message,
    // A workspace rule's related place may be in another file, which findings name by path.
    relatedInformation: finding.related?.map((r) => ({ location: { uri: r.file ? URI.file(r.file).toString() : uri, range: r.range }, message: r.message })),
    data,
  };
}

/** The one diagnostic on a file the engine did not lint on purpose (too large, binary, over its time budget). */
export function notLintedDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: 'not-linted',
    message,
  };
}

/** The one diagnostic shown when linting a document failed: the user learns why their file is silent. */
export function internalErrorDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'internal-error',
    message: `manifestlint failed on this file: ${reason}. Other files are still linted; please report this with the file's content.`,
  };
}
