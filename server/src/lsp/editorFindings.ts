// Which findings the editor shows, and how: the user's `minimumSeverity` and `hiddenRules`, and the
// workspace's baseline (findings it holds hinted, hidden or shown as usual). Only the editor reads
// through here: scans, reports and CI see every finding.
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
    const hidden = new Set(settings.hiddenRules);
    const minimum = RANK[settings.minimumSeverity];
    const inBaseline = settings.baseline === 'show' ? () => false : this.baselineMatcher(linted);
    const shown: ShownFinding[] = [];
    linted.result.findings.forEach((finding, index) => {
      if (hidden.has(finding.ruleId) || RANK[finding.severity] < minimum) return;
      const baselined = inBaseline(index);
      if (baselined && settings.baseline === 'hide') return;
      shown.push({ index, finding, inBaseline: baselined });
    });
    return shown;
  }

  diagnostics(linted: LintedDocument, settings: DocumentSettings): Diagnostic[] {
    return this.shown(linted, settings).map(({ index, finding, inBaseline }) => toDiagnostic(finding, linted.uri, { index, version: linted.version }, inBaseline));
  }

  /** Whether the finding at an index is one the baseline holds; each entry matches one finding, in document order. */
  private baselineMatcher(linted: LintedDocument): (index: number) => boolean {
    const baseline = this.baselineFor(linted.uri);
    if (!baseline) return () => false;
    let prints = fingerprintsOf.get(linted.result);
    if (!prints) fingerprintsOf.set(linted.result, (prints = fingerprints(linted.result, linted.text)));
    const left = new Map(baseline);
    const matched = new Set<number>();
    linted.result.findings.forEach((finding, index) => {
      // A workspace rule's finding carries the fingerprint a scan gives it (made from its message, not the model).
      const key = baselineKey(finding.ruleId, finding.fingerprint ?? prints[index]);
      const count = left.get(key) ?? 0;
      if (count === 0) return;
      left.set(key, count - 1);
      matched.add(index);
    });
    return (index) => matched.has(index);
  }
}
