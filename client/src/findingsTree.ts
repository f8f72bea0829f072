// The "manifestlint" view's tree, built from the diagnostics the server published: findings grouped
// by rule (then by file) or by file, each group with its count, worst groups first. Pure: no `vscode`
// import (the view adapts it), so it is unit-tested in node. `L` is where a finding is (a URI and range
// in the editor), carried through untouched.
import { countsWeight, type Counts, type SummarySeverity } from './summary';

export type Grouping = 'rule' | 'file';
export const GROUPINGS: readonly Grouping[] = ['rule', 'file'];

export interface FindingEntry<L> {
  /** A label for the file (workspace-relative path); also what tells files apart. */
  file: string;
  severity: SummarySeverity;
  rule: string;
  message: string;
  /** 0-based, for ordering and the "line N" label. */
  line: number;
  location: L;
}

export interface GroupNode<L> {
  kind: 'group';
  /** Stable across refreshes, so expanded groups stay expanded. */
  id: string;
  /** What the group's findings share: its label is a rule id or a file. */
  by: 'rule' | 'file';
  label: string;
  /** Where its first finding is (a file group's file, for its icon). */
  first: L;
  counts: Counts;
  /** The worst severity inside. */
  severity: SummarySeverity;
  children: TreeNode<L>[];
}

export interface FindingNode<L> {
  kind: 'finding';
  id: string;
  label: string;
  /** The rule (when not already the group) and the line. */
  description: string;
  severity: SummarySeverity;
  location: L;
}

export type TreeNode<L> = GroupNode<L> | FindingNode<L>;

export function groupFindings<L>(entries: readonly FindingEntry<L>[], grouping: Grouping): GroupNode<L>[] {
  if (grouping === 'file') return groupBy(entries, 'file', (inFile, parent) => findingNodes(inFile, parent, true));
  return groupBy(entries, 'rule', (inRule, parent) => groupBy(inRule, 'file', (inFile, fileId) => findingNodes(inFile, fileId, false), parent));
}

/** `2 errors, 1 warning`: a group's counts in words, for its tooltip. */
export function countsText(counts: Counts): string {
  const parts = (['error', 'warning', 'info'] as const).flatMap((severity) => (counts[severity] ? [`${counts[severity]} ${severity}${counts[severity] === 1 || severity === 'info' ? '' : 's'}`] : []));
  return parts.join(', ');
}

export const total = (counts: Counts): number => counts.error + counts.warning + counts.info;

function groupBy<L>(entries: readonly FindingEntry<L>[], key: 'rule' | 'file', children: (entries: FindingEntry<L>[], id: string) => TreeNode<L>[], parent = ''): GroupNode<L>[] {
  const groups = new Map<string, FindingEntry<L>[]>();
  for (const entry of entries) {
    const group = groups.get(entry[key]);
    if (group) group.push(entry);
    else groups.set(entry[key], [entry]);
  }
  const nodes = [...groups].map(([label, inGroup]): GroupNode<L> => {
    const counts: Counts = { error: 0, warning: 0, info: 0 };
    for (const entry of inGroup) counts[entry.severity]++;
    const id = `${parent}/${key}:${label}`;
    return { kind: 'group', id, by: key, label, first: inGroup[0].location, counts, severity: counts.error ? 'error' : counts.warning ? 'warning' : 'info', children: children(inGroup, id) };
  });
  // Rules: the worst first. Files: in path order, where the user expects to find them.
  return nodes.sort((a, b) => (key === 'rule' ? countsWeight(b.counts) - countsWeight(a.counts) : 0) || a.label.localeCompare(b.label));
}

function findingNodes<L>(entries: readonly FindingEntry<L>[], parent: string, showRule: boolean): FindingNode<L>[] {
  return [...entries]
    .sort((a, b) => a.line - b.line)
    .map((entry, index) => ({
      kind: 'finding',
      // Two findings can share a rule and a line: the position in the sorted list tells them apart.
      id: `${parent}#${index}`,
      label: entry.message,
      description: `${showRule ? `${entry.rule} · ` : ''}line ${entry.line + 1}`,
      severity: entry.severity,
      location: entry.location,
    }));
}
