// The workloads of a linted file with the Pod Security level each meets, in editor positions: the
// `workloads` of JSON and SARIF reports and the editor's code lenses read this one list.
import { podSecurityLevels, type PodSecurityLevel } from '../../../rules/k8s/pod-security.js';
import type { LintResult } from '../engine/runRules.js';
import type { Finding } from '../engine/types.js';
import type { OffsetRange, Range } from '../text/positions.js';
import { lastAtOrBefore } from '../text/sortedSearch.js';

export interface WorkloadLevel {
  kind: string;
  name?: string;
  namespace?: string;
  /** The resource's `kind` value, where the editor shows the level. */
  kindRange: Range;
  /** The whole resource, to place findings in it. */
  offsets: OffsetRange;
  podSecurity: PodSecurityLevel;
  /** A Helm template: settings its values fill in are unknown, so the level is an upper bound. */
  helmTemplate?: true;
  /** The rules that keep it from restricted (baseline's first), for a tooltip or a report column. */
  violations: { baseline: string[]; restricted: string[] };
}

/** Empty for a Dockerfile or a YAML file without pod templates. */
export function workloadLevels(result: LintResult): WorkloadLevel[] {
  const file = result.file;
  if (file?.language !== 'yaml') return [];
  const helmTemplate = file.helm ? { helmTemplate: true as const } : {};
  return podSecurityLevels(file).map(({ resource, level, violations }) => {
    const [start, end] = resource.node.range ?? [0, 0];
    return {
      kind: resource.kind,
      ...(resource.name !== undefined ? { name: resource.name } : {}),
      ...(resource.namespace !== undefined ? { namespace: resource.namespace } : {}),
      kindRange: result.lines.rangeOf(resource.kindRange),
      offsets: { start, end },
      podSecurity: level,
      ...helmTemplate,
      violations,
    };
  });
}

/** The workload each finding sits in (undefined for findings outside any), by binary search: workloads are in document order. */
export function workloadOfFinding(workloads: readonly WorkloadLevel[]): (finding: Pick<Finding, 'offsets'>) => WorkloadLevel | undefined {
  const starts = workloads.map((workload) => workload.offsets.start);
  return ({ offsets }) => {
    const workload = workloads[lastAtOrBefore(starts, offsets.start)];
    return workload && offsets.start >= workload.offsets.start && offsets.start < workload.offsets.end ? workload : undefined;
  };
}
