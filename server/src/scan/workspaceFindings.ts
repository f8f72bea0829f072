// After a scan has linted its files: the workspace rules over their summaries, whose findings join
// each file's own (fingerprinted like them, so baselines and code scanning track them too).
import { fingerprintOf } from '../linter/fingerprint.js';
import type { Finding } from '../engine/types.js';
import { workspaceFindings } from '../linter/workspace.js';
import type { ConfigForFile, FileResult } from './scan.js';

/** `nameOf`: how messages name a file (relative to where the scan runs). */
export function withWorkspaceFindings(results: readonly FileResult[], configFor: ConfigForFile, nameOf?: (path: string) => string): FileResult[] {
  const summaries = new Map(results.flatMap((result) => (result.summaries ? [[result.path, result.summaries] as const] : [])));
  const found: Map<string, Finding[]> = summaries.size ? workspaceFindings(summaries, configFor, nameOf) : new Map();
  return results.map(({ summaries: _dropped, ...result }) => {
    const extra = found.get(result.path);
    if (!extra?.length) return result;
    const findings = [...result.findings, ...extra.map((finding) => ({ ...finding, fingerprint: fingerprintOf(finding) }))];
    findings.sort((a, b) => a.offsets.start - b.offsets.start || a.ruleId.localeCompare(b.ruleId));
    return { ...result, findings };
  });
}
