// Lints one open document for publishing: findings become diagnostics, and a failure becomes one
// diagnostic on that document instead of an exception through the server.
import type { Diagnostic } from 'vscode-languageserver';
import { lintDocument, type LintOptions } from '../linter/lint.js';
import type { LintResult } from '../engine/runRules.js';
import { NotLintedError } from '../text/limits.js';
import { internalErrorDiagnostic, notLintedDiagnostic, toDiagnostic } from './diagnostics.js';

export interface Validation {
  diagnostics: Diagnostic[];
  /** Absent when linting failed. */
  result?: LintResult;
  error?: unknown;
}

export function validateText(text: string, version: number, options: LintOptions, lint: typeof lintDocument = lintDocument): Validation {
  try {
    const result = lint(text, options);
    return { result, diagnostics: result.findings.map((finding, index) => toDiagnostic(finding, options.uri, { index, version })) };
  } catch (error) {
    if (error instanceof NotLintedError) return { diagnostics: [notLintedDiagnostic(error.message)] };
    return { error, diagnostics: [internalErrorDiagnostic(error)] };
  }
}
