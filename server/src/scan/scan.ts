// Lints a list of files and returns one result per file, in the order given (callers sort paths).
import { readFileSync } from 'node:fs';
import type { LintConfig } from '../config/types.js';
import { lint } from '../engine/lint.js';
import { NotLintedError } from '../engine/limits.js';
import type { Finding, HelmHint } from '../engine/types.js';
import { readHelmHint } from '../helm/chart.js';
import { isValuesFileName } from '../helm/detect.js';

export interface FileResult {
  /** Absolute path. */
  path: string;
  findings: Finding[];
  /** Set when the file could not be read or linting it failed; the scan goes on. */
  error?: string;
  /** The file was not linted on purpose (too large, binary, over its time budget): `error` says why. */
  notLinted?: boolean;
}

export type ConfigForFile = (path: string) => LintConfig | undefined;

/**
 * Reports keep each fix's title (SARIF and JSON say what is fixable) but not its edits: those hold
 * the file's whole parsed tree, which a scan of thousands of files must not retain. `--fix` lints
 * files one at a time through the fix layer instead.
 */
export function withoutFixEdits(finding: Finding): Finding {
  return finding.fixes ? { ...finding, fixes: finding.fixes.map(({ title, isPreferred }) => ({ title, isPreferred, changes: [] })) } : finding;
}

/** A chart's values file is linted knowing which templates read which values (read from disk). */
export function helmHintFor(path: string): HelmHint | undefined {
  return isValuesFileName(path) ? readHelmHint(path) : undefined;
}

export function lintFile(path: string, configFor: ConfigForFile, keepSuppressed = false): FileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path, findings: [], error: `cannot read file: ${(error as Error).message}` };
  }
  try {
    return { path, findings: lint(text, { uri: path, config: configFor(path), keepSuppressed, helm: helmHintFor(path) }).map(withoutFixEdits) };
  } catch (error) {
    if (error instanceof NotLintedError) return { path, findings: [], error: error.message, notLinted: true };
    return { path, findings: [], error: `manifestlint failed on this file: ${(error as Error).message}` };
  }
}
