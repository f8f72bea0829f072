// Code lenses on each workload's `kind:`: the Pod Security level its pod template meets ("Pod Security:
// baseline"), with what keeps it from restricted in the tooltip. Read from the document's last lint.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { workloadLevels, type WorkloadLevel } from '../scan/workloads.js';
import type { LintedDocument } from './codeActions.js';

export function isCodeLensParams(value: unknown): value is CodeLensParams {
  const textDocument = typeof value === 'object' && value !== null ? (value as { textDocument?: unknown }).textDocument : undefined;
  return typeof textDocument === 'object' && textDocument !== null && typeof (textDocument as { uri?: unknown }).uri === 'string';
}

export function podSecurityLenses(linted: LintedDocument): CodeLens[] {
  // An empty command id: the lens is a label to read, not a button.
  return workloadLevels(linted.result).map((workload) => ({ range: workload.kindRange, command: { title: `Pod Security: ${workload.podSecurity}${workload.helmTemplate ? ' (as far as the template shows)' : ''}`, command: '', tooltip: tooltip(workload) } }));
}

function tooltip({ podSecurity, violations, helmTemplate }: WorkloadLevel): string {
  if (helmTemplate && podSecurity !== 'privileged') return `Settings the chart's values fill in are not checked here: with its default values the workload may meet less than ${podSecurity}.`;
  if (podSecurity === 'restricted') return 'Meets the Pod Security Standards restricted profile.';
  const blocking = podSecurity === 'privileged' ? `Not baseline because of ${violations.baseline.join(', ')}.` : '';
  return `${blocking} Not restricted because of ${violations.restricted.join(', ')}. The manifestlint:pss-${podSecurity === 'privileged' ? 'baseline' : 'restricted'} preset shows where.`.trim();
}
