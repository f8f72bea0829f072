// Lints a list of files and returns one result per file, in the order given (callers sort paths).
import type { LintConfig } from '../engine/config.js';
import { effectiveLimits, maxFileBytes, NotLintedError, tooLargeReason } from '../text/limits.js';
import { lintDocument } from '../linter/lint.js';
import type { LintResult } from '../engine/runRules.js';
import { fingerprints } from '../linter/fingerprint.js';
import { hasWorkspaceRules, summarizeText, type FileSummaries } from '../linter/workspace.js';
import { workloadLevels, type WorkloadLevel } from './workloads.js';
import type { Finding, ScopedSuppression } from '../engine/types.js';
import type { HelmHint } from '../helm/consumers.js';
import { readTextFile } from '../files/readText.js';
import { languageOf } from '../text/fileKinds.js';
import { helmHintFor } from '../helm/chart.js';
import type { KustomizeHint } from '../k8s/kustomize.js';
import { KustomizeLookup, kustomizeHintFor } from './kustomizeHint.js';
import type { BuildContextHint } from '../dockerfile/buildContext.js';
import { buildContextFor } from '../dockerfile/buildContextFiles.js';

export interface FileResult {
  /** Absolute path. */
  path: string;
  findings: Finding[];
  /** What the workspace rules keep of the file (linter/workspace.ts); dropped once the scan has run them. */
  summaries?: FileSummaries;
  /** The file's suppressions of workspace rules, applied to their findings on it; dropped with `summaries`. */
  workspaceSuppressions?: ScopedSuppression[];
  /** The workloads (resources with a pod template) and the Pod Security level each meets. */
  workloads?: WorkloadLevel[];
  /** Set when the file could not be read or linting it failed; the scan goes on. The line a report prints. */
  error?: string;
  /** The file was not linted on purpose (not a regular file, too large, binary, over its time budget…): `error` says why. */
  notLinted?: boolean;
  /** Set with `error` when manifestlint itself failed on the file (a bug): the cause alone, for callers that word it their own way. */
  internalError?: string;
}

export type ConfigForFile = (path: string) => LintConfig | undefined;

/** A path that was asked for and is not linted, with the reason: reported, never skipped in silence. */
export function notLinted(path: string, reason: string): FileResult {
  return { path, findings: [], error: `Not linted: ${reason}`, notLinted: true };
}

/** A failure of manifestlint itself (a bug): reported as such, and the scan goes on. */
export function failedOn(path: string, reason: string): FileResult {
  return { path, findings: [], error: `manifestlint failed on this file: ${reason}`, internalError: reason };
}

/**
 * Reports keep each fix's title (SARIF and JSON say what is fixable) but not its edits: those hold
 * the file's whole parsed tree, which a scan of thousands of files must not retain. `--fix` lints
 * files one at a time through the fix layer instead.
 */
export function withoutFixEdits(finding: Finding): Finding {
  return finding.fixes ? { ...finding, fixes: finding.fixes.map(({ title, isPreferred }) => ({ title, isPreferred, changes: [] })) } : finding;
}

/** A file read for linting, with what the engine needs beside its text; or the result saying why it was not. */
export type ReadForLint =
  | { ok: true; text: string; validUtf8: boolean; config: LintConfig | undefined; helm: HelmHint | undefined; kustomize: KustomizeHint | undefined; buildContext: BuildContextHint | undefined; size: number; mtimeMs: number }
  | { ok: false; result: FileResult };

/**
 * Reads the file as the engine would lint it: a regular file (a FIFO or a device named `Dockerfile` is
 * refused at once, never waited on or read without end) within the file's size limit. A link named
 * on the command line is followed: it is the user's choice; discovery never yields one. A scan passes
 * the one KustomizeLookup it keeps for all its files.
 */
export function readForLint(path: string, configFor: ConfigForFile, kustomizations = new KustomizeLookup()): ReadForLint {
  const config = configFor(path);
  const limits = effectiveLimits(config?.limits);
  const read = readTextFile(path, { maxBytes: maxFileBytes(limits) });
  if (!read.ok) return { ok: false, result: notLinted(path, read.failure === 'tooLarge' ? tooLargeReason(limits) : `${read.message}.`) };
  return { ...read, config, helm: helmHintFor(path, maxFileBytes(limits)), kustomize: kustomizations.hintFor(path), buildContext: buildContextFor(path) };
}

/** The result for a file whose lint threw: "not linted" for a limit the engine enforced, else a bug report. */
export function resultOfFailure(path: string, error: unknown): FileResult {
  if (error instanceof NotLintedError) return { path, findings: [], error: error.message, notLinted: true };
  return failedOn(path, error instanceof Error ? error.message : String(error));
}

/**
 * A file a scan is given whose name says neither YAML nor Dockerfile was named on purpose (discovery
 * only yields such files when named explicitly, or piped in as `-`): it is read as YAML.
 */
export function languageIdOf(path: string): 'yaml' | undefined {
  return languageOf(path) ? undefined : 'yaml';
}

/** What a report needs of each file beyond its findings: each costs work, so a scan asks only for what it shows. */
export interface ResultNeeds {
  /** Suppressed findings too, marked (SARIF records them with their justification). */
  keepSuppressed?: boolean;
  /** The Pod Security level of each workload (JSON, SARIF and HTML show it): the profiles' rules run again. */
  podSecurity?: boolean;
  /**
   * Only what the workspace rules need of the file, no findings: a file that is not reported on but is
   * part of the workspace they judge (`--changed-since` reports the changed files, judged with the rest).
   */
  contextOnly?: boolean;
}

export function lintFile(path: string, configFor: ConfigForFile, needs: ResultNeeds = {}, kustomizations = new KustomizeLookup()): FileResult {
  try {
    const read = readForLint(path, configFor, kustomizations);
    return read.ok ? lintRead(path, read, needs) : read.result;
  } catch (error) {
    return resultOfFailure(path, error);
  }
}

/** Lints text that is not read from `path` (piped in), as if it were that file: its language, config and hints. */
export function lintText(path: string, text: string, config: LintConfig | undefined, needs: ResultNeeds = {}): FileResult {
  try {
    return lintRead(path, { text, config, helm: helmHintFor(path), kustomize: kustomizeHintFor(path), buildContext: buildContextFor(path) }, needs);
  } catch (error) {
    return resultOfFailure(path, error);
  }
}

function lintRead(path: string, read: Pick<ReadForLint & { ok: true }, 'text' | 'config' | 'helm' | 'kustomize' | 'buildContext'>, needs: ResultNeeds): FileResult {
  const options = { uri: path, languageId: languageIdOf(path), config: read.config, helm: read.helm, kustomize: read.kustomize, buildContext: read.buildContext };
  if (needs.contextOnly) return { path, findings: [], ...forWorkspaceRules({ summaries: summarizeText(read.text, options) }) };
  const result = lintDocument(read.text, { ...options, keepSuppressed: Boolean(needs.keepSuppressed), summarize: hasWorkspaceRules });
  const workloads = needs.podSecurity ? workloadLevels(result) : [];
  const prints = fingerprints(result, read.text);
  const findings = result.findings.map((finding, i) => ({ ...withoutFixEdits(finding), fingerprint: prints[i] }));
  return { path, findings, ...(workloads.length ? { workloads } : {}), ...forWorkspaceRules(result) };
}

/** What the workspace rules need of a file's lint once every file is linted (workspaceFindings.ts): its summaries and its suppressions of them. */
export function forWorkspaceRules({ summaries, workspaceSuppressions }: Pick<LintResult, 'summaries' | 'workspaceSuppressions'>): Pick<FileResult, 'summaries' | 'workspaceSuppressions'> {
  if (!summaries || Object.keys(summaries).length === 0) return {};
  return { summaries, ...(workspaceSuppressions && { workspaceSuppressions }) };
}
