// k8s/rbac-wildcard: a Role or ClusterRole rule that grants with `*`, today's resources and tomorrow's.
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { RelatedLocation } from '../../server/src/engine/types.js';
import type { Severity } from '../../server/src/text/severity.js';
import { rbacLabel, wildcardItem, type PolicyRule, type RbacItem } from '../../server/src/k8s/rbac.js';
import { isBuiltInApiGroup, SENSITIVE_RESOURCES } from './rbac-escalation-paths.js';
import { forEachPolicyRule, listed, reachOf } from './rbac-support.js';

const READ_VERBS = ['get', 'list', 'watch'];

export default defineRule({
  meta: {
    id: 'k8s/rbac-wildcard',
    title: 'Wildcard in an RBAC rule',
    defaultSeverity: 'warning',
    description:
      'Flags Role and ClusterRole rules with `*` in `verbs`, `resources` or `apiGroups`. An error for `*` on `*` in every API group (cluster-admin); a warning when the wildcard reaches Kubernetes\' own API groups or sensitive resources (Secrets, pods, workloads, RBAC, webhooks, nodes…); information when it stays within custom resource groups or only the API groups are open.',
    rationale:
      'A wildcard grants whatever exists now and whatever is added later: new verbs, subresources such as `pods/exec`, and every resource a CRD installs. `*` verbs on `*` resources in every group is cluster-admin (or namespace-admin for a Role), Secrets, RBAC and webhooks included. An operator that owns its custom resource group often grants `*` there, which matters far less.',
    remediation:
      'List the verbs, resources and API groups the workload needs (`kubectl auth can-i --list --as=system:serviceaccount:<ns>:<sa>` and the audit log tell which), or limit the rule to named objects with `resourceNames`.',
    peers: {
      kubeLinter: ['wildcard-in-rules'],
      trivy: ['KSV-0044', 'KSV-0045', 'KSV-0046', 'KSV-0112'],
      checkov: ['CKV_K8S_49'],
      kics: ['RBAC Wildcard In Rule'],
    },
    messages: {
      everything: '{{role}} grants every verb on every resource in every API group ("*" on "*") {{reach}}',
      allOnAll: '{{role}} grants every verb on every resource ("*" on "*") of {{groups}} {{reach}}',
      allVerbs: '{{role}} grants every verb ("*") on {{resources}} {{reach}}',
      allResources: '{{role}} grants {{verbs}} on every resource ("*") of {{groups}} {{reach}}{{secrets}}',
      allGroups: '{{role}} grants on {{resources}} in every API group ("*"), including groups that CRDs add later',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachPolicyRule(file, (rule, role) => {
      const verb = wildcardItem(rule.verbs);
      const resource = wildcardItem(rule.resources);
      const group = wildcardItem(rule.apiGroups);
      const anchor = verb ?? resource ?? group;
      // A rule on non-resource URLs (`/metrics`) has no resources: its `*` verbs read a URL or two.
      if (!anchor || rule.resources.items.length === 0) return;
      const builtIn = group !== undefined || rule.apiGroups.items.some((item) => isBuiltInApiGroup(item.value));
      const data = { role: rbacLabel(role), reach: reachOf(role), resources: listed(rule.resources.items), verbs: listed(rule.verbs.items), groups: apiGroupsLabel(rule), secrets: '' };
      const related = [verb, resource, group].filter((item): item is RbacItem => item !== undefined && item !== anchor).map((item): RelatedLocation => ({ message: 'Wildcard in the same rule', range: item.range }));
      let messageId: string;
      let severity: Severity;
      if (verb && resource && group) [messageId, severity] = ['everything', 'error'];
      else if (verb && resource) [messageId, severity] = ['allOnAll', builtIn ? 'warning' : 'info'];
      else if (resource) {
        [messageId, severity] = ['allResources', builtIn ? 'warning' : 'info'];
        if (rule.apiGroups.items.some((item) => item.value === '' || item.value === '*') && rule.verbs.items.some((item) => READ_VERBS.includes(item.value))) data.secrets = ', Secrets included';
      } else if (verb) [messageId, severity] = ['allVerbs', rule.resources.items.some((item) => SENSITIVE_RESOURCES.has(item.value)) ? 'warning' : 'info'];
      else [messageId, severity] = ['allGroups', 'info'];
      context.report({ messageId, data, range: anchor.range, severity, ...(related.length > 0 && { related }) });
    });
  },
});

/** `the core API group`, `API groups apps, batch`: the groups a rule names, for messages. */
function apiGroupsLabel(rule: PolicyRule): string {
  const groups = rule.apiGroups.items;
  if (wildcardItem(rule.apiGroups)) return 'every API group';
  if (groups.length === 1 && groups[0].value === '') return 'the core API group';
  return `API group${groups.length === 1 ? '' : 's'} ${listed(groups)}`;
}
