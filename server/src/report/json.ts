// Machine-readable report: one entry per file with its findings and, for Kubernetes manifests, the
// Pod Security level each workload meets; 1-based positions (as editors show).
import { relative } from 'node:path';
import type { FileResult } from '../scan/scan.js';
import { terminalSafeJson } from './printable.js';
import type { WorkloadLevel } from '../scan/workloads.js';

export function formatJson(results: readonly FileResult[], options: { cwd: string }): string {
  const files = results.map((result) => ({
    filePath: relative(options.cwd, result.path) || result.path,
    ...(result.error ? { error: result.error } : {}),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      ...(f.suppressed ? { suppressed: f.suppressed } : {}),
      fixable: Boolean(f.fixes?.length),
    })),
    ...(result.workloads ? { workloads: result.workloads.map(workloadEntry) } : {}),
  }));
  return terminalSafeJson(files) + '\n';
}

/** A workload as the report shows it: what it is, where its `kind` is, and the level it meets. */
export function workloadEntry(workload: WorkloadLevel) {
  return {
    kind: workload.kind,
    ...(workload.name !== undefined ? { name: workload.name } : {}),
    ...(workload.namespace !== undefined ? { namespace: workload.namespace } : {}),
    line: workload.kindRange.start.line + 1,
    column: workload.kindRange.start.character + 1,
    podSecurity: workload.podSecurity,
    ...(workload.helmTemplate ? { helmTemplate: true } : {}),
    podSecurityViolations: workload.violations,
  };
}
