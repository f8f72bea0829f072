// Hovers: on a finding, what its rule is for (title, why it matters, how to fix, a link to its page);
// on a workload's `kind:`, the Pod Security level it meets, from the same list the code lens reads.
// Pure: the server passes the document's last lint and the findings the editor shows for it.
import { MarkupKind, type Hover, type HoverParams, type Position, type Range } from 'vscode-languageserver';
import { rulesById } from '../../../rules/index.js';
import { ruleDocsUrl } from '../engine/docsUrl.js';
import { workloadLevels, type WorkloadLevel } from '../scan/workloads.js';
import type { Severity } from '../text/severity.js';
import type { LintedDocument } from './codeActions.js';
import type { ShownFinding } from './editorFindings.js';

export function isHoverParams(value: unknown): value is HoverParams {
  if (typeof value !== 'object' || value === null) return false;
  const { textDocument, position } = value as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } };
  return typeof textDocument?.uri === 'string' && Number.isInteger(position?.line) && Number.isInteger(position?.character);
}

/** `shown`: the findings the editor shows for `linted` (settings and baseline applied); a hidden finding has no hover. */
export function hover(linted: LintedDocument, position: Position, shown: readonly ShownFinding[]): Hover | null {
  const workload = workloadLevels(linted.result).find((candidate) => contains(candidate.kindRange, position));
  const here = shown.filter(({ finding }) => contains(finding.range, position));
  const sections = [...(workload ? [workloadSection(workload, shown)] : []), ...here.flatMap(findingSection)];
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: here[0]?.finding.range ?? workload?.kindRange };
}

function findingSection({ finding, inBaseline }: ShownFinding): string[] {
  const meta = rulesById.get(finding.ruleId)?.meta;
  if (!meta) return [];
  return [
    [
      `**${meta.title}** · \`${meta.id}\`${inBaseline ? ' · in the baseline' : ''}`,
      meta.rationale,
      `**How to fix:** ${meta.remediation}`,
      `[Rule documentation](${ruleDocsUrl(meta.id)})`,
    ].join('\n\n'),
  ];
}

function workloadSection(workload: WorkloadLevel, shown: readonly ShownFinding[]): string {
  const { podSecurity, violations, helmTemplate } = workload;
  const lines = [`**Pod Security: ${podSecurity}**${helmTemplate ? ' (as far as the template shows)' : ''}`];
  if (podSecurity === 'restricted') lines.push('Meets the Pod Security Standards restricted profile.');
  if (violations.baseline.length > 0) lines.push(`Not baseline because of ${ruleLinks(violations.baseline)}.`);
  if (violations.restricted.length > 0) lines.push(`Not restricted because of ${ruleLinks(violations.restricted)}.`);
  if (podSecurity !== 'restricted') lines.push(`The \`manifestlint:pss-${podSecurity === 'privileged' ? 'baseline' : 'restricted'}\` preset shows where.`);
  if (helmTemplate) lines.push("Settings the chart's values fill in are not checked here: with its default values the workload may meet less.");
  lines.push(findingCounts(workload, shown));
  return lines.join('\n\n');
}

function ruleLinks(ids: readonly string[]): string {
  return ids.map((id) => `[${id}](${ruleDocsUrl(id)})`).join(', ');
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** "Findings in this Deployment: 2 errors, 1 warning": what the editor shows inside the workload. */
function findingCounts(workload: WorkloadLevel, shown: readonly ShownFinding[]): string {
  const inside = shown.filter(({ finding }) => finding.offsets.start >= workload.offsets.start && finding.offsets.start < workload.offsets.end);
  const counts = SEVERITIES.flatMap((severity) => {
    const count = inside.filter(({ finding, inBaseline }) => !inBaseline && finding.severity === severity).length;
    return count > 0 ? [`${count} ${severity}${count === 1 || severity === 'info' ? '' : 's'}`] : [];
  });
  const baselined = inside.filter(({ inBaseline }) => inBaseline).length;
  if (baselined > 0) counts.push(`${baselined} in the baseline`);
  return `Findings in this ${workload.kind}: ${counts.length > 0 ? counts.join(', ') : 'none'}.`;
}

/** A range holds the characters from its start up to (not including) its end; an empty range holds its start. */
function contains(range: Range, position: Position): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const same = (a: Position, b: Position) => a.line === b.line && a.character === b.character;
  if (same(range.start, range.end)) return same(range.start, position);
  return !before(position, range.start) && before(position, range.end);
}
