// k8s/rbac-cluster-admin-binding: a binding that hands out cluster-admin, or a role of this file as strong.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { aggregates, boundRoles, isLimitedToNamedObjects, rbacLabel, rbacModel, wildcardItem, type PolicyRule, type RbacItem, type RbacModel, type RbacRole } from '../../server/src/k8s/rbac.js';
import { roleRefLabel, subjectsLabel } from './rbac-support.js';

export default defineRule({
  meta: {
    id: 'k8s/rbac-cluster-admin-binding',
    title: 'Binding grants cluster-admin',
    defaultSeverity: 'error',
    description:
      'Flags RoleBindings and ClusterRoleBindings of the `cluster-admin` ClusterRole, or of a Role or ClusterRole in the same file (aggregated ClusterRoles included) that grants every verb on every resource of every API group. A RoleBinding, which limits it to one namespace, is a warning.',
    rationale:
      'cluster-admin (`*` on `*`) is full control of the cluster: every Secret, every node through privileged pods, and RBAC itself. Whoever holds the bound service account token (any process in its pods) holds all of it. Kubernetes\' own `system:` bindings are not flagged.',
    remediation:
      'Bind a role that lists the verbs and resources the subject needs. Reserve cluster-admin for break-glass accounts of people, granted for a short time.',
    peers: {
      kubeLinter: ['cluster-admin-role-binding'],
      trivy: ['KSV-0111'],
      kics: ['Cluster Admin Rolebinding With Superuser Permissions'],
      polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole', 'rolebindingClusterAdminRole'],
    },
    messages: {
      clusterAdmin: '{{binding}} grants cluster-admin to {{subjects}}: full control {{reach}}',
      allOnAll: '{{binding}} grants {{role}}, which allows every verb on every resource ("*" on "*"), to {{subjects}}',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkYaml(file, context) {
    const model = rbacModel(file);
    const grantOfAll = allOnAllGrants(model);
    for (const binding of model.bindings) {
      const ref = binding.roleRef;
      if (!ref || binding.name?.startsWith('system:')) continue;
      const severity = binding.kind === 'ClusterRoleBinding' ? 'error' : 'warning';
      const data = { binding: rbacLabel(binding), subjects: subjectsLabel(binding), role: roleRefLabel(binding), reach: binding.kind === 'ClusterRoleBinding' ? 'of the cluster' : 'of the namespace' };
      if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
        context.report({ messageId: 'clusterAdmin', data, range: ref.range, severity });
        continue;
      }
      const wildcard = boundRoles(model, binding)
        .map(grantOfAll)
        .find((item) => item !== undefined);
      if (wildcard) context.report({ messageId: 'allOnAll', data, range: ref.range, severity, related: [{ message: 'Every verb on every resource', range: wildcard.range }] });
    }
  },
});

/**
 * For a role of the file, the `*` verb of a rule that makes it cluster-admin in all but name, its own
 * or (for an aggregated ClusterRole) one it gathers. Each role's answer is worked out once, and
 * aggregation looks only at the few roles that grant everything, so many bindings and roles stay cheap.
 */
function allOnAllGrants(model: RbacModel): (role: RbacRole) => RbacItem | undefined {
  const own = new Map<RbacRole, RbacItem>();
  for (const role of model.roles) {
    const item = role.rules.map(allOnAll).find((found) => found !== undefined);
    if (item) own.set(role, item);
  }
  const answers = new Map<RbacRole, RbacItem | undefined>();
  return (role) => {
    if (!answers.has(role)) {
      let item = own.get(role);
      if (!item && role.aggregatesFrom) for (const [lender, grant] of own) if (!item && aggregates(role, lender)) item = grant;
      answers.set(role, item);
    }
    return answers.get(role);
  };
}

/** The `*` verb of a rule that grants every verb on every resource in every API group, as cluster-admin does. */
function allOnAll(rule: PolicyRule): RbacItem | undefined {
  if (isLimitedToNamedObjects(rule) || !wildcardItem(rule.resources) || !wildcardItem(rule.apiGroups)) return undefined;
  return wildcardItem(rule.verbs);
}
