// Lints one open document for publishing: a failure becomes one diagnostic on that document instead
// of an exception through the server. A lint's findings become diagnostics later (editorFindings.ts),
// through the user's settings and baseline.
import type { Diagnostic } from 'vscode-languageserver';
import { lintDocument, type LintOptions } from '../linter/lint.js';
import type { LintResult } from '../engine/runRules.js';
import { NotLintedError } from '../text/limits.js';
import { internalErrorDiagnostic, notLintedDiagnostic } from './diagnostics.js';

/** The lint, or the one diagnostic that says why there is none (and the error, when it was a failure). */
export type Validation = { result: LintResult } | { result?: undefined; diagnostics: Diagnostic[]; error?: unknown };

export function validateText(text: string, options: LintOptions, lint: typeof lintDocument = lintDocument): Validation {
  try {
    return { result: lint(text, options) };
  } catch (error) {
    if (error instanceof NotLintedError) return { diagnostics: [notLintedDiagnostic(error.message)] };
    return { error, diagnostics: [internalErrorDiagnostic(error)] };
  }
}
