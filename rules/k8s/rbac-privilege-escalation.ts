// k8s/rbac-privilege-escalation: permissions that lead to more privilege than they name.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { coversApiGroup, findItem, namesResource, rbacLabel, WILDCARD, wildcardItem, type PolicyRule, type RbacItem, type RbacRole } from '../../server/src/k8s/rbac.js';
import type { Report } from '../../server/src/engine/types.js';
import { ESCALATION_PATHS, type EscalationPath } from './rbac-escalation-paths.js';
import { forEachPolicyRule, listed, reachOf } from './rbac-support.js';

export default defineRule({
  meta: {
    id: 'k8s/rbac-privilege-escalation',
    title: 'RBAC privilege escalation path',
    defaultSeverity: 'warning',
    description:
      'Flags Role and ClusterRole rules that lead to more privilege than they name: `escalate`, `bind` and `impersonate` (errors); `create` on `pods/exec`, `pods/attach`, `nodes/proxy` and `serviceaccounts/token`; writes on `pods/ephemeralcontainers`, RBAC objects and admission webhook configurations; writing workloads in `kube-system`.',
    rationale:
      'Kubernetes stops a subject from granting permissions it does not hold, except through `escalate` and `bind`; `impersonate` borrows anyone\'s. A shell in a pod (exec, attach, ephemeral containers, the kubelet API behind nodes/proxy) yields that pod\'s service account and Secrets; a minted token yields a service account\'s permissions; a mutating webhook sees and rewrites every admitted object; a pod in kube-system may run as the add-ons\' service accounts. Rules limited to named objects with `resourceNames` are not flagged.',
    remediation:
      'Remove the permission, or limit it with `resourceNames` to the objects the workload manages (the roles it may bind, its own webhook configuration). Interactive access (exec, attach, debug) belongs to people through short-lived bindings, not to workloads.',
    peers: {
      trivy: ['KSV-0043', 'KSV-0047', 'KSV-0050', 'KSV-0053', 'KSV-0114'],
      checkov: ['CKV_K8S_155', 'CKV_K8S_157', 'CKV_K8S_158'],
      kics: ['RBAC Roles Allow Privilege Escalation', 'RBAC Roles with Impersonate Permission', 'RBAC Roles with Exec Permission', 'RBAC Roles with Attach Permission'],
      polaris: ['clusterrolePodExecAttach', 'rolePodExecAttach'],
    },
    messages: Object.fromEntries(ESCALATION_PATHS.map((path) => [path.id, path.message])),
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachPolicyRule(file, (rule, role) => {
      for (const path of ESCALATION_PATHS) {
        if (path.roleNamespace && (role.kind !== 'Role' || role.namespace !== path.roleNamespace)) continue;
        if (!path.apiGroups.some((group) => coversApiGroup(rule, group))) continue;
        for (const report of findingsOnPath(rule, role, path)) context.report(report);
      }
    });
  },
});

/** One finding per anchored item: per verb for `bind`, per resource for `pods/exec`. */
function findingsOnPath(rule: PolicyRule, role: RbacRole, path: EscalationPath): Report[] {
  const base = { role: rbacLabel(role), reach: reachOf(role) };
  if (path.anchor === 'verb') {
    const verb = findItem(rule.verbs, path.verbs);
    const resources = rule.resources.items.filter((item) => item.value === WILDCARD || path.resources.includes(item.value));
    if (!verb || resources.length === 0) return [];
    return [{ messageId: path.id, data: { ...base, resources: listed(resources) }, range: verb.range, severity: path.severity }];
  }
  const wildcard = wildcardItem(rule.verbs);
  const verbs: RbacItem[] = wildcard ? [wildcard] : rule.verbs.items.filter((item) => path.verbs.includes(item.value));
  if (verbs.length === 0) return [];
  return rule.resources.items
    .filter((item) => namesResource(item, path.resources))
    .map((item) => ({ messageId: path.id, data: { ...base, resource: item.value, verbs: listed(verbs) }, range: item.range, severity: path.severity }));
}
