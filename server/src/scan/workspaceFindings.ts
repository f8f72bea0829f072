// After a scan has linted its files: the workspace rules over their summaries, whose findings join
// each file's own (fingerprinted like them, so baselines and code scanning track them too) once the
// file's suppressions of those rules are applied.
import type { Finding } from '../engine/types.js';
import { joinWorkspaceFindings, workspaceFindings, type FileSummaries } from '../linter/workspace.js';
import type { ConfigForFile, FileResult } from './scan.js';

export interface WorkspaceFindingsOptions {
  configFor: ConfigForFile;
  /** How messages name a file (relative to where the scan runs). */
  nameOf?: (path: string) => string;
  /** As ResultNeeds says: suppressed findings kept, marked. */
  keepSuppressed?: boolean;
  /** Files the workspace rules judge with the results but are not reported on (ResultNeeds.contextOnly). */
  context?: readonly FileResult[];
}

export function withWorkspaceFindings(results: readonly FileResult[], { configFor, nameOf, keepSuppressed = false, context = [] }: WorkspaceFindingsOptions): FileResult[] {
  const summaries = new Map<string, FileSummaries>();
  for (const { path, summaries: kept } of [...context, ...results]) if (kept) summaries.set(path, kept);
  const found: Map<string, Finding[]> = summaries.size ? workspaceFindings(summaries, configFor, nameOf) : new Map();
  return results.map(({ summaries: _summaries, workspaceSuppressions, ...result }) => ({
    ...result,
    findings: joinWorkspaceFindings(result.findings, found.get(result.path) ?? [], workspaceSuppressions, keepSuppressed),
  }));
}
