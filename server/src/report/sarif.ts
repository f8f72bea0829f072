// SARIF 2.1.0 report for code-scanning platforms: the rule catalog with help links, one result per
// finding with its region, stable fingerprints, and suppressions with their justification. Findings in
// a workload carry the Pod Security level it meets; the run lists every workload with its level.
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { version } from '../../../package.json';
import { allRules } from '../../../rules/index.js';
import { ruleDocsUrl } from '../engine/docsUrl.js';
import type { Finding } from '../engine/types.js';
import type { Severity } from '../text/severity.js';
import type { FileResult } from '../scan/scan.js';
import { SUPPRESSION_CHECKS } from '../suppressions/checks.js';
import { workloadEntry } from './json.js';
import { terminalSafeJson } from './printable.js';
import { workloadOfFinding } from '../scan/workloads.js';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = 'SRCROOT';

export function formatSarif(results: readonly FileResult[], options: { cwd: string }): string {
  const descriptors: Sarif.ReportingDescriptor[] = [
    ...allRules.map(({ meta }) => ({
      id: meta.id,
      name: ruleName(meta.id),
      shortDescription: { text: meta.title },
      fullDescription: { text: meta.description },
      help: { text: `${meta.rationale}\n\nHow to fix: ${meta.remediation}`, markdown: `${meta.rationale}\n\n**How to fix:** ${meta.remediation}\n\n[Documentation](${ruleDocsUrl(meta.id)})` },
      helpUri: ruleDocsUrl(meta.id),
      defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
      properties: { tags: ['security', meta.id.split('/')[0]] },
    })),
    // Reports about suppressions themselves (unused, invalid, locked) have ids too.
    ...SUPPRESSION_CHECKS.map((check) => ({
      id: check.id,
      name: ruleName(check.id),
      shortDescription: { text: check.title },
      fullDescription: { text: check.description },
      helpUri: ruleDocsUrl(check.id),
      defaultConfiguration: { level: LEVEL[check.severity] },
      properties: { tags: ['maintainability'] },
    })),
  ];
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'manifestlint',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/manifestlint/manifestlint',
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) => toResults(result, options.cwd, ruleIndex)),
        properties: { workloads: results.flatMap((result) => (result.workloads ?? []).map((workload) => ({ artifactLocation: artifact(result.path, options.cwd), ...workloadEntry(workload) }))) },
        invocations: [
          {
            executionSuccessful: results.every((r) => !r.error),
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({ level: 'error' as const, message: { text: r.error ?? '' }, locations: [{ physicalLocation: { artifactLocation: artifact(r.path, options.cwd) } }] })),
          },
        ],
      },
    ],
  };
  return terminalSafeJson(log) + '\n';
}

/** SARIF wants an identifier-like name: `k8s/privileged-container` → `PrivilegedContainer`. */
function ruleName(id: string): string {
  return id.slice(id.indexOf('/') + 1).replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

function artifact(path: string, cwd: string): Sarif.ArtifactLocation {
  const rel = relative(cwd, path);
  // Inside the scanned root: relative to SRCROOT, so the log is portable; elsewhere an absolute URI.
  return rel.startsWith('..') ? { uri: pathToFileURL(path).href } : { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function toResults(result: FileResult, cwd: string, ruleIndex: Map<string, number>): Sarif.Result[] {
  const location = artifact(result.path, cwd);
  const occurrences = new Map<string, number>();
  const workloadOf = workloadOfFinding(result.workloads ?? []);
  return result.findings.map((finding) => {
    // The model-based fingerprint when the scan made one (it survives reworded messages and moved lines).
    const identity = `${finding.ruleId}|${location.uri}|${finding.fingerprint ?? finding.message}`;
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    const sarifResult: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(finding) } }],
      // Stable across edits that move lines: what is wrong, where (file), and which occurrence.
      partialFingerprints: { 'manifestlintFinding/v1': `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}:${occurrence}` },
    };
    const workload = workloadOf(finding);
    if (workload) sarifResult.properties = { podSecurity: workload.podSecurity, workload: workload.name === undefined ? workload.kind : `${workload.kind}/${workload.name}` };
    if (finding.related?.length) {
      sarifResult.relatedLocations = finding.related.map((related, id) => ({ id, message: { text: related.message }, physicalLocation: { artifactLocation: related.file ? artifact(related.file, cwd) : location, region: region(related) } }));
    }
    if (finding.suppressed) {
      sarifResult.suppressions = [{ kind: finding.suppressed.kind, status: 'accepted', ...(finding.suppressed.justification ? { justification: finding.suppressed.justification } : {}) }];
    }
    return sarifResult;
  });
}

function region({ range }: Pick<Finding, 'range'>): Sarif.Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
