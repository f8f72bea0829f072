// Which findings the editor shows, and how: the user's `minimumSeverity` and `hiddenRules`, and the
// workspace's baseline (findings it holds hinted, hidden or shown as usual). Only the editor reads
// through here (open documents and the files its Scan Workspace publishes): CLI scans, reports and CI
// see every finding.
import type { Diagnostic } from 'vscode-languageserver';
import type { LintResult } from '../engine/runRules.js';
import type { Finding } from '../engine/types.js';
import { fingerprints } from '../linter/fingerprint.js';
import type { Severity } from '../text/severity.js';
import type { LintedDocument } from './codeActions.js';
import { toDiagnostic } from './diagnostics.js';
import { baselineKey, type FileBaseline } from './editorBaseline.js';
import type { DocumentSettings } from './settings.js';

export interface ShownFinding {
  /** Its index in the lint result: what code actions resolve it by. */
  index: number;
  finding: Finding;
  inBaseline: boolean;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Fingerprints hash each finding's text: computed once per lint result, and only when a baseline needs them. */
const fingerprintsOf = new WeakMap<LintResult, string[]>();

export class EditorFindings {
  constructor(private readonly baselineFor: (uri: string) => FileBaseline | undefined) {}

  shown(linted: LintedDocument, settings: DocumentSettings): ShownFinding[] {
    let prints = fingerprintsOf.get(linted.result);
    // A workspace rule's finding carries the fingerprint a scan gives it (made from its message, not the model).
    return shownFindings(linted.result.findings, settings, () => this.baselineFor(linted.uri), (finding, index) => {
      if (!prints) fingerprintsOf.set(linted.result, (prints = fingerprints(linted.result, linted.text)));
      return finding.fingerprint ?? prints[index];
    });
  }

  diagnostics(linted: LintedDocument, settings: DocumentSettings): Diagnostic[] {
    return this.shown(linted, settings).map(({ index, finding, inBaseline }) => toDiagnostic(finding, linted.uri, { index, version: linted.version }, inBaseline));
  }
}

/**
 * The findings the user's editor settings show, each with whether the baseline holds it: for open
 * documents and for the files a workspace scan publishes alike. The baseline is read, and
 * `fingerprintOf` asked, only when the `baseline` setting uses it; a finding without a fingerprint
 * matches no entry.
 */
export function shownFindings(findings: readonly Finding[], settings: DocumentSettings, baselineFor: () => FileBaseline | undefined, fingerprintOf: (finding: Finding, index: number) => string | undefined): ShownFinding[] {
  const hidden = new Set(settings.hiddenRules);
  const minimum = RANK[settings.minimumSeverity];
  const baseline = settings.baseline === 'show' ? undefined : baselineFor();
  const baselined = baseline ? inBaseline(findings, baseline, fingerprintOf) : new Set<number>();
  const shown: ShownFinding[] = [];
  findings.forEach((finding, index) => {
    if (hidden.has(finding.ruleId) || RANK[finding.severity] < minimum) return;
    if (baselined.has(index) && settings.baseline === 'hide') return;
    shown.push({ index, finding, inBaseline: baselined.has(index) });
  });
  return shown;
}

/** The indexes of the findings the baseline holds; each entry matches one finding, in document order. */
function inBaseline(findings: readonly Finding[], baseline: FileBaseline, fingerprintOf: (finding: Finding, index: number) => string | undefined): Set<number> {
  const left = new Map(baseline);
  const matched = new Set<number>();
  findings.forEach((finding, index) => {
    const fingerprint = fingerprintOf(finding, index);
    if (fingerprint === undefined) return;
    const key = baselineKey(finding.ruleId, fingerprint);
    const count = left.get(key) ?? 0;
    if (count === 0) return;
    left.set(key, count - 1);
    matched.add(index);
  });
  return matched;
}
