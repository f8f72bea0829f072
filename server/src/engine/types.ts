// The engine's vocabulary: rules, findings, structured fixes and run options. Pure types, no I/O.
import type { Node as YamlNode, Pair as YamlPair, YAMLMap, YAMLSeq } from 'yaml';
import type { YamlDocumentCache } from '../yaml/documentCache.js';
import type { YamlFile } from '../k8s/yamlFile.js';
import type { DockerfileFile, Instruction } from '../dockerfile/model.js';
import type { TeamSecretPattern } from '../secrets/teamPatterns.js';
import type { LintConfig } from './config.js';
import type { HelmHint } from '../helm/consumers.js';
import type { BuildContextHint } from '../dockerfile/buildContext.js';
import type { KustomizeHint } from '../k8s/kustomize.js';
import type { LintLimits } from '../text/limits.js';
import type { OffsetRange, Range } from '../text/positions.js';
import type { Severity } from '../text/severity.js';

export type RuleDomain = 'k8s' | 'dockerfile' | 'secrets';

/** Ids of the equivalent checks in peer linters, for users coming from them. */
export interface PeerIds {
  kubeLinter?: string[];
  trivy?: string[];
  checkov?: string[];
  kics?: string[];
  hadolint?: string[];
  polaris?: string[];
  buildkit?: string[];
}

/** The smallest built-in preset that turns a rule on: `recommended` ⊂ `strict` ⊂ `all`. */
export type PresetName = 'recommended' | 'strict' | 'all';

export interface RuleMeta {
  /** `<domain>/<kebab-name>`; never changes once shipped. */
  id: string;
  title: string;
  defaultSeverity: Severity;
  /** One sentence: what the rule flags. */
  description: string;
  /** Why it matters (docs and hover). */
  rationale: string;
  /** How to fix it (docs and hover). */
  remediation: string;
  peers: PeerIds;
  /** Message templates by id; `{{name}}` placeholders are filled from the report's data. */
  messages: Record<string, string>;
  /** Titles of the fixes the rule can offer (docs). Empty when the rule has none. */
  fixes: string[];
  preset: PresetName;
  /** Extra sections of the rule's docs page, generated from data (secrets/token lists its formats). */
  docsSections?: { title: string; markdown: string }[];
  /**
   * `document`: the rule reads one YAML document at a time and reports inside it, so the editor re-runs
   * it on the edited document only (engine/documentFindings.ts). A workspace rule's summary of a YAML
   * file is then its summaries of each document joined, their lists end to end (the same scalars in
   * each): the editor summarizes the edited document only. Omitted: it sees the whole file.
   */
  scope?: 'document';
  /** JSON schema of the rule's options (validated by the config loader). */
  optionsSchema?: object;
  defaultOptions?: Record<string, unknown>;
}

/** A YAML value the fix layer can change: a scalar, a collection, or a whole key/value pair. */
export type YamlTarget = YamlNode | YamlPair;
export type YamlPlain = string | number | boolean | YamlPlain[] | { [key: string]: YamlPlain };

/**
 * Structured edits: rules say *what* changes in model terms; the fix layer (server/src/fixes, with
 * server/src/yamlEdits for YAML) turns them into minimal text edits that keep the user's formatting.
 */
export type FixChange =
  /** Replace a scalar's value, keeping its quoting style where it can. */
  | { kind: 'yaml.set'; node: YamlNode; value: string | number | boolean }
  /** Insert `path` (e.g. ['securityContext', 'runAsNonRoot']) below `map`, reusing existing mappings on the way. */
  | { kind: 'yaml.insert'; map: YAMLMap; path: string[]; value: YamlPlain }
  /** Append an item to a sequence, in the sequence's own style (block or flow). */
  | { kind: 'yaml.append'; seq: YAMLSeq; value: YamlPlain }
  /** Remove a key/value pair or a sequence item, with its line(s) when it has them to itself. */
  | { kind: 'yaml.remove'; target: YamlTarget }
  /** Replace a range the model supplied (an image reference, an instruction keyword). */
  | { kind: 'text.replace'; range: OffsetRange; text: string }
  /** Insert whole lines before the line that contains `offset`. */
  | { kind: 'text.insertLines'; offset: number; lines: string[] }
  /**
   * Append `text` to another file (`.dockerignore`): `before` is its text as the caller read it, undefined
   * when the file does not exist and is to be created. No edit of the linted document: the LSP layer sends
   * it as a CreateFile/TextDocumentEdit, fix-all and `--fix` leave it out.
   */
  | { kind: 'file.edit'; path: string; before?: string; text: string };

export interface Fix {
  /** Says exactly what changes, e.g. `Set allowPrivilegeEscalation: false`. */
  title: string;
  /** One preferred fix per finding is what fix-all applies. */
  isPreferred?: boolean;
  changes: FixChange[];
}

export interface RelatedLocation {
  message: string;
  range: OffsetRange;
}

/** What a rule reports; the engine adds rule id, severity, message text and LSP range. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  range: OffsetRange;
  /** Overrides the rule's default severity for this finding (e.g. a sensitive hostPath is an error). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface RuleContext<Options = Record<string, unknown>> {
  options: Options;
  /** The document's path or URI, for rules that care about file names. */
  uri: string;
  /** Helm chart facts the caller read from disk (RunOptions.helm); absent in a pure lint. */
  helm?: HelmHint;
  /** The Dockerfile stage that ships, from the config (`dockerfileTarget`); see `shippedStage`. */
  dockerfileTarget?: string;
  /** The team's own secret patterns that apply to this file (`secrets.patterns`); see secrets/teamPatterns.ts. */
  secretPatterns?: readonly TeamSecretPattern[];
  /** The Dockerfile's build context as the caller read it (RunOptions.buildContext); absent in a pure lint. */
  buildContext?: BuildContextHint;
  /** Today, for rules that judge dates (end of life); RunOptions.now, or the system clock. */
  now?: Date;
  report(report: Report): void;
}

/** A rule implements the checks for the languages it understands. */
export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  checkYaml?(file: YamlFile, context: RuleContext<Options>): void;
  checkDockerfile?(file: DockerfileFile, context: RuleContext<Options>): void;
  /**
   * For what a rule finds in one Dockerfile instruction from its text alone (not its stage, not the
   * other instructions): run once per distinct instruction text, and in the editor only on instructions
   * that changed (engine/instructionFindings.ts). A rule may have both this and `checkDockerfile`.
   */
  checkInstruction?(instruction: Instruction, context: RuleContext<Options>): void;
  /** A workspace rule (engine/workspace.ts): what it keeps of one file, as plain data; undefined for nothing. */
  summarize?(file: YamlFile | DockerfileFile, context: SummaryContext<Options>): unknown;
  /** A workspace rule: checks the summaries of every file and reports on any of them. */
  checkWorkspace?(files: readonly WorkspaceFile<unknown>[], context: WorkspaceContext): void;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification?: string;
}

/** What one suppression covers: findings starting on these lines, findings starting in these ranges, or the whole file. */
export type SuppressionScope = { lines: { first: number; last: number } } | { ranges: readonly OffsetRange[] } | 'file';

/** One rule switched off in part of a file, by one comment id, annotation or config entry. Plain data. */
export interface ScopedSuppression {
  ruleId: string;
  scope: SuppressionScope;
  suppression: Suppression;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  offsets: OffsetRange;
  /** `file`: set when the place is in another file (a workspace rule's finding), as the scan or the editor names files. */
  related?: { message: string; range: Range; file?: string }[];
  fixes?: Fix[];
  /** Set when a suppression comment, annotation or config ignore hides the finding (SARIF keeps it). */
  suppressed?: Suppression;
  /** Set by scans (linter/fingerprint.ts): matches the finding across commits, for baselines and code scanning. */
  fingerprint?: string;
}

/** What the engine needs to lint one text, beside the rules it runs. */
export interface RunOptions {
  /** File path or URI; decides the language when `languageId` is absent. */
  uri: string;
  /** The editor's language id (`yaml`, `dockerfile`, …). */
  languageId?: string;
  /** The effective configuration: which rules run, with which severity and options. */
  config: LintConfig;
  /** Held across versions of one open document: YAML documents that did not change are not re-parsed. */
  yamlCache?: YamlDocumentCache;
  /** Also keep the workspace rules' summaries of the file (LintResult.summaries): scans and the editor's workspace index want them. */
  summarize?: boolean;
  /** Facts about the file's Helm chart that only the filesystem knows (see server/src/helm/chart.ts). */
  helm?: HelmHint;
  /** Set when a kustomization names the file as a patch (see server/src/scan/kustomizeHint.ts). */
  kustomize?: KustomizeHint;
  /** For a Dockerfile: its .dockerignore and the secret-looking files in its folder (see server/src/dockerfile/buildContextFiles.ts). */
  buildContext?: BuildContextHint;
  /** Overrides the config's (and the defaults') size limit and time budget. */
  limits?: Partial<LintLimits>;
  /** Milliseconds, monotonic; tests inject one to exercise the time budget. */
  clock?: () => number;
  /** Today, for rules that judge dates (end-of-life tables); tests pin it. Defaults to the system clock. */
  now?: Date;
}

/** A place in a workspace file as a summary keeps it: offsets (for fixes) and line/character (for reports). */
export interface Located {
  offsets: OffsetRange;
  range: Range;
}

/** What a workspace rule's `summarize` is given beside the file (engine/workspace.ts). */
export interface SummaryContext<Options = Record<string, unknown>> {
  options: Options;
  uri: string;
  dockerfileTarget?: string;
  /** The place of `range` in this file, to keep in a summary. */
  locate(range: OffsetRange): Located;
}

/** One file's summary, for one workspace rule. */
export interface WorkspaceFile<Summary> {
  /** The file's path (or URI in the editor for a document not on disk). */
  file: string;
  summary: Summary;
  /** The rule's options in the config of this file (a workspace can have several configs). */
  options: Record<string, unknown>;
}

/** What a workspace rule reports: like Report, in any file of the workspace. */
export interface WorkspaceReport {
  /** The file the finding is in: one of the WorkspaceFile's `file`. */
  file: string;
  messageId: string;
  data?: Record<string, string | number>;
  at: Located;
  severity?: Severity;
  /** Places in this or other files that explain the finding (the Dockerfile behind a pod's image). */
  related?: { file: string; message: string; at: Located }[];
  /** Plain-data fixes only (`file.edit`): a summary holds no parsed tree. */
  fixes?: Fix[];
}

export interface WorkspaceContext {
  /** A file as messages name it: relative to the workspace or the scan's folder. */
  nameOf(file: string): string;
  report(report: WorkspaceReport): void;
}
