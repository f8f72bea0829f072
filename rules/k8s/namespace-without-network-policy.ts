// k8s/namespace-without-network-policy (workspace): a workload that no NetworkPolicy of the workspace
// selects in its namespace. Kubernetes lets every pod reach every other by default; a namespace with a
// default-deny policy makes each allowed flow explicit. Info: a chart without policies is common, and
// the policy may live in another repository (a platform team's).
import type { YAMLMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Located, WorkspaceFile } from '../../server/src/engine/types.js';
import type { YamlNav } from '../../server/src/yaml/nav.js';
import { inApiGroup } from '../../server/src/k8s/model.js';
import { resourceLabel } from './support.js';
import { plainStrings, writtenNamespace } from './workspace-services.js';

interface Workload {
  /** Undefined: not written (decided by `kubectl -n` at apply time) or written by a template. */
  namespace?: string;
  label: string;
  labels: Record<string, string>;
  at: Located;
}

interface Policy {
  namespace?: string;
  /** The pod labels the policy requires; undefined when it selects every pod (or a selector we do not read exactly). */
  matchLabels?: Record<string, string>;
}

interface Summary {
  workloads: Workload[];
  policies: Policy[];
  /** A Helm template: a policy file created beside it would be rendered as part of the chart. */
  template: boolean;
}

/** The policy file the quick fix creates beside the manifest (with the namespace in its name when there is one). */
const POLICY_FILE = 'networkpolicy-default-deny';

export default defineRule({
  meta: {
    id: 'k8s/namespace-without-network-policy',
    title: 'Workload without a NetworkPolicy',
    defaultSeverity: 'info',
    description:
      'Flags a workload when no NetworkPolicy in the workspace selects its pods in its namespace (a policy with an empty `podSelector`, or whose `matchLabels` the pod template carries). Workloads and policies that do not write a namespace count as one namespace. Selectors this rule cannot read exactly (`matchExpressions`, templated values) count as selecting.',
    rationale:
      'Without a NetworkPolicy, every pod of the cluster can reach every other and any pod can call out: one compromised container can probe databases and internal APIs across namespaces. A default-deny policy per namespace, then one allow policy per flow, keeps the blast radius to what the app needs.',
    remediation:
      'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}`, `policyTypes: [Ingress, Egress]`), then allow the flows each workload needs (DNS egress, its clients). The quick fix creates `networkpolicy-default-deny-<namespace>.yaml` beside the manifest.',
    peers: { kubeLinter: ['non-isolated-pod'], polaris: ['missingNetworkPolicy'] },
    messages: {
      unselected: '{{workload}} is in {{namespace}}, which no NetworkPolicy in the workspace selects: every pod can reach it and it can reach every pod',
    },
    fixes: [`Create ${POLICY_FILE}-<namespace>.yaml (default deny) beside this manifest`],
    preset: 'recommended',
    scope: 'document',
  },
  summarize(file, context): Summary | undefined {
    if (file.language !== 'yaml') return undefined;
    const workloads: Workload[] = [];
    const policies: Policy[] = [];
    for (const resource of file.resources) {
      if (resource.partial) continue; // a Kustomize patch: the resource it patches is defined elsewhere
      const { nav } = resource;
      const namespace = writtenNamespace(resource);
      if (resource.kind === 'NetworkPolicy' && inApiGroup(resource, 'networking.k8s.io')) {
        policies.push({ namespace, matchLabels: exactMatchLabels(nav, nav.map(nav.map(resource.node, 'spec'), 'podSelector')) });
      } else if (resource.podSpec) {
        workloads.push({ namespace, label: resourceLabel(resource.podSpec), labels: plainStrings(nav, nav.map(resource.podSpec.metadata, 'labels')), at: context.locate(resource.kindRange) });
      }
    }
    return workloads.length || policies.length ? { workloads, policies, template: Boolean(file.helm) } : undefined;
  },
  checkWorkspace(files: readonly WorkspaceFile<Summary>[], context) {
    const policies = files.flatMap(({ summary }) => summary.policies);
    for (const { file, summary } of files) {
      for (const workload of summary.workloads) {
        if (policies.some((policy) => selects(policy, workload))) continue;
        const namespace = workload.namespace === undefined ? 'the namespace it is applied to' : `namespace "${workload.namespace}"`;
        // One file per namespace: a second namespace's fix in the same folder does not land in the first one's file.
        const path = beside(file, workload.namespace === undefined ? `${POLICY_FILE}.yaml` : `${POLICY_FILE}-${workload.namespace}.yaml`);
        context.report({
          file,
          messageId: 'unselected',
          data: { workload: workload.label, namespace },
          at: workload.at,
          fixes: summary.template ? [] : [{ title: `Create ${context.nameOf(path)} (default deny for ${namespace})`, changes: [{ kind: 'file.edit', path, text: defaultDenyPolicy(workload.namespace) }] }],
        });
      }
    }
  },
});

/** Same namespace (both unwritten counts as the same), and the pod carries every label the policy asks for. */
function selects(policy: Policy, workload: Workload): boolean {
  if (policy.namespace !== workload.namespace) return false;
  return !policy.matchLabels || Object.entries(policy.matchLabels).every(([key, value]) => workload.labels[key] === value);
}

/** `matchLabels` when that is all the selector says, exactly; undefined (selects all) otherwise. */
function exactMatchLabels(nav: YamlNav, podSelector: YAMLMap | undefined): Record<string, string> | undefined {
  if (!podSelector || nav.isTemplated(podSelector) || nav.field(podSelector, 'matchExpressions')) return undefined;
  const labels = plainStrings(nav, nav.map(podSelector, 'matchLabels'));
  return Object.keys(labels).length ? labels : undefined;
}

/** A file named `name` in the folder of `file` (a path, or a URI in the editor). */
function beside(file: string, name: string): string {
  return file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) + name;
}

function defaultDenyPolicy(namespace: string | undefined): string {
  const lines = [
    '# Denies all ingress and egress to the pods of this namespace: add one policy per flow they need',
    '# (e.g. DNS egress to kube-system, ingress from the ingress controller).',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: default-deny',
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    'spec:',
    '  podSelector: {}',
    '  policyTypes: [Ingress, Egress]',
  ];
  return lines.join('\n') + '\n';
}
