// Runs one workspace rule over a set of files through the real engine (each file linted with
// summaries, then the rule over them), with only that rule on, and returns its findings by file as
// 1-based ranges, the way the scan and the editor combine them.
import { rulesById } from '../../rules/index.js';
import type { LintConfig } from '../../server/src/engine/config.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { workspaceFindings, type FileSummaries } from '../../server/src/linter/workspace.js';

export interface WorkspaceFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  related: { file?: string; line: number; message: string }[];
}

export function lintWorkspace(ruleId: string, files: Record<string, string>, options?: Record<string, unknown>): Record<string, WorkspaceFinding[]> {
  const rule = rulesById.get(ruleId);
  if (!rule?.checkWorkspace) throw new Error(`${ruleId} is not a workspace rule`);
  const config: LintConfig = { rules: { [ruleId]: { options: { ...rule.meta.defaultOptions, ...options } } } };
  const summaries = new Map<string, FileSummaries>();
  for (const [path, text] of Object.entries(files)) {
    const result = lintDocument(text, { uri: path, config, summarize: true });
    if (result.summaries) summaries.set(path, result.summaries);
  }
  const found: Record<string, WorkspaceFinding[]> = {};
  for (const [file, findings] of workspaceFindings(summaries, () => config)) {
    found[file] = findings.map((finding) => ({
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      message: finding.message,
      related: (finding.related ?? []).map((related) => ({ ...(related.file && { file: related.file }), line: related.range.start.line + 1, message: related.message })),
    }));
  }
  return found;
}
