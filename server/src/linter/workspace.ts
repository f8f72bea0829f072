// The workspace rules of the catalog over the summaries of a set of files: what a scan adds after its
// files are linted, and what the editor re-runs when a file of its workspace index changes.
import { allRules } from '../../../rules/index.js';
import { isOn, type LintConfig } from '../engine/config.js';
import type { Finding, ScopedSuppression } from '../engine/types.js';
import { recommendedConfig } from '../config/presets.js';
import type { LintOptions } from './lint.js';
import { applyLater } from '../suppressions/apply.js';
import { fingerprintOf } from './fingerprint.js';
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

/** Whether `config` turns a workspace rule on: a file under a config that turns none on gives them nothing to judge. */
export function enablesWorkspaceRules(config: LintConfig | undefined): boolean {
  return config !== undefined && WORKSPACE_RULES.some((rule) => isOn(config.rules[rule.meta.id]));
}

/**
 * What the workspace rules keep of a file they judge without reporting on it (not open in the editor,
 * not changed since the ref a scan compares with): parsed, summarized, no other rule run. The
 * recommended preset when no config is given, as for a lint.
 */
export function summarizeText(text: string, options: Omit<LintOptions, 'summarize' | 'keepSuppressed'>): FileSummaries {
  return runRules(text, { ...options, config: options.config ?? recommendedConfig(), summarize: true }, WORKSPACE_RULES).summaries ?? {};
}

/**
 * A file's own findings and the workspace rules' findings on it that its suppressions of them (`later`:
 * LintResult.workspaceSuppressions) do not hide, in document order; the latter fingerprinted as a scan
 * fingerprints them, so baselines and code scanning track them too. `own` itself when nothing joins it.
 */
export function joinWorkspaceFindings(own: Finding[], found: readonly Finding[], later: readonly ScopedSuppression[] | undefined, keepSuppressed: boolean): Finding[] {
  const shown = applyLater(found, later, keepSuppressed);
  if (shown.length === 0) return own;
  const findings = [...own, ...shown.map((finding) => ({ ...finding, fingerprint: fingerprintOf(finding) }))];
  return findings.sort((a, b) => a.offsets.start - b.offsets.start || a.ruleId.localeCompare(b.ruleId));
}
