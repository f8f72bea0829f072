// GitLab code quality report (the `codequality` artifact): the merge request widget shows what a change
// adds and fixes, matching issues across pipelines by their fingerprint.
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { Severity } from '../text/severity.js';
import type { FileResult } from '../scan/scan.js';
import { terminalSafeJson } from './printable.js';

/** GitLab's scale is info, minor, major, critical, blocker. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

export function formatGitlab(results: readonly FileResult[], options: { cwd: string }): string {
  const issues = results.flatMap((result) => {
    const path = (relative(options.cwd, result.path) || result.path).split(sep).join('/');
    const occurrences = new Map<string, number>();
    return result.findings
      .filter((finding) => !finding.suppressed)
      .map((finding) => {
        // Unique per issue, as GitLab requires: the model fingerprint, the file, and which occurrence.
        const identity = `${finding.ruleId}|${path}|${finding.fingerprint ?? finding.message}`;
        const occurrence = occurrences.get(identity) ?? 0;
        occurrences.set(identity, occurrence + 1);
        return {
          type: 'issue',
          description: finding.message,
          check_name: finding.ruleId,
          fingerprint: createHash('sha256').update(`${identity}|${occurrence}`).digest('hex').slice(0, 32),
          severity: GITLAB_SEVERITY[finding.severity],
          location: { path, lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 } },
        };
      });
  });
  return terminalSafeJson(issues) + '\n';
}
