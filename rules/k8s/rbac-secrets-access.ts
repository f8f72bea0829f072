// k8s/rbac-secrets-access: a role that reads every Secret in its reach.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { coversApiGroup, findItem, rbacLabel, WILDCARD } from '../../server/src/k8s/rbac.js';
import { forEachPolicyRule, reachOf } from './rbac-support.js';

const READ_VERBS = ['get', 'list', 'watch', WILDCARD];

export default defineRule({
  meta: {
    id: 'k8s/rbac-secrets-access',
    title: 'Role reads Secrets',
    defaultSeverity: 'warning',
    description:
      'Flags Role and ClusterRole rules that grant `get`, `list` or `watch` on `secrets` without naming them in `resourceNames`: a warning for a ClusterRole (every namespace), information for a Role (one namespace).',
    rationale:
      'Secrets hold passwords, keys and the tokens of other service accounts, so reading all of them is often a step to more privilege. `list` and `watch` return every Secret in full, not just names. Controllers that manage Secrets need this, but it should be limited to the namespace (a Role) or to named Secrets where possible.',
    remediation:
      'Grant the access in a Role in the namespaces the workload serves rather than a ClusterRole, and list the Secrets it needs in `resourceNames` (which limits `get`; `list` and `watch` then need a field selector).',
    peers: {
      kubeLinter: ['access-to-secrets'],
      trivy: ['KSV-0041', 'KSV-0113'],
      kics: ['RBAC Roles with Read Secrets Permissions'],
    },
    messages: { readsSecrets: '{{role}} can read every Secret {{reach}} ({{verbs}})' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachPolicyRule(file, (rule, role) => {
      const secrets = findItem(rule.resources, ['secrets']);
      if (!secrets || !coversApiGroup(rule, '')) return;
      const verbs = rule.verbs.items.filter((item) => READ_VERBS.includes(item.value));
      if (verbs.length === 0) return;
      context.report({
        messageId: 'readsSecrets',
        data: { role: rbacLabel(role), reach: reachOf(role), verbs: verbs.map((item) => item.value).join(', ') },
        range: secrets.range,
        severity: role.kind === 'ClusterRole' ? 'warning' : 'info',
      });
    });
  },
});
