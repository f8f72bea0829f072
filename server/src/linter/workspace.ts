// The workspace rules of the catalog over the summaries of a set of files: what a scan adds after its
// files are linted, and what the editor re-runs when a file of its workspace index changes.
import { allRules } from '../../../rules/index.js';
import type { LintConfig } from '../engine/config.js';
import type { Finding, RunOptions } from '../engine/types.js';
import { runRules } from '../engine/runRules.js';
import { runWorkspaceRules, type FileSummaries } from '../engine/workspace.js';

export type { FileSummaries };

/** True when some rule of the catalog needs the whole workspace (and so summaries are worth keeping). */
export const hasWorkspaceRules = allRules.some((rule) => rule.checkWorkspace);

/**
 * Findings of the workspace rules, by file; `configFor` gives each file's config (undefined: not
 * linted), `nameOf` how messages name a file.
 */
export function workspaceFindings(files: ReadonlyMap<string, FileSummaries>, configFor: (file: string) => LintConfig | undefined, nameOf?: (file: string) => string): Map<string, Finding[]> {
  return runWorkspaceRules(files, allRules, configFor, nameOf);
}

const WORKSPACE_RULES = allRules.filter((rule) => rule.checkWorkspace);

/** What the workspace rules keep of a file not open in the editor: parsed, summarized, no other rule run. */
export function summarizeText(text: string, options: Omit<RunOptions, 'summarize'>): FileSummaries {
  return runRules(text, { ...options, summarize: true }, WORKSPACE_RULES).summaries ?? {};
}
