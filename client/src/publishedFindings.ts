// Every manifestlint diagnostic VS Code holds (open files and the last workspace scan), read once per
// change for the status bar, the summary page and the findings view alike. Hints are left out: the
// server publishes a finding as a hint when the workspace's baseline holds it, i.e. not one to act on now.
import { DiagnosticSeverity, languages, workspace, type Diagnostic, type Uri } from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/lsp/protocol';
import type { SummaryEntry, SummarySeverity } from './summary';

const SEVERITY: Partial<Record<DiagnosticSeverity, SummarySeverity>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
};

export interface PublishedFinding extends SummaryEntry {
  uri: Uri;
  diagnostic: Diagnostic;
}

export function publishedFindings(): PublishedFinding[] {
  return languages.getDiagnostics().flatMap(([uri, diagnostics]) => {
    const file = workspace.asRelativePath(uri);
    return diagnostics.flatMap((diagnostic) => {
      const severity = SEVERITY[diagnostic.severity];
      return diagnostic.source === DIAGNOSTIC_SOURCE && severity ? [{ uri, diagnostic, file, severity, rule: ruleOf(diagnostic) }] : [];
    });
  });
}

function ruleOf(diagnostic: Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}
