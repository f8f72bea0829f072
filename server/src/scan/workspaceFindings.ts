// After a scan has linted its files: the workspace rules over their summaries, whose findings join
// each file's own (fingerprinted like them, so baselines and code scanning track them too) once the
// file's suppressions of those rules are applied.
import type { Finding } from '../engine/types.js';
import { joinWorkspaceFindings, workspaceFindings } from '../linter/workspace.js';
import type { ConfigForFile, FileResult } from './scan.js';

/** `nameOf`: how messages name a file (relative to where the scan runs); `keepSuppressed` as ResultNeeds says. */
export function withWorkspaceFindings(results: readonly FileResult[], configFor: ConfigForFile, nameOf?: (path: string) => string, keepSuppressed = false): FileResult[] {
  const summaries = new Map(results.flatMap((result) => (result.summaries ? [[result.path, result.summaries] as const] : [])));
  const found: Map<string, Finding[]> = summaries.size ? workspaceFindings(summaries, configFor, nameOf) : new Map();
  return results.map(({ summaries: _summaries, workspaceSuppressions, ...result }) => ({
    ...result,
    findings: joinWorkspaceFindings(result.findings, found.get(result.path) ?? [], workspaceSuppressions, keepSuppressed),
  }));
}
