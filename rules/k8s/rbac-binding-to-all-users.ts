// k8s/rbac-binding-to-all-users: a role granted to anonymous callers or to every authenticated user.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { rbacLabel, rbacModel } from '../../server/src/k8s/rbac.js';
import { roleRefLabel } from './rbac-support.js';

/** The groups (and user) Kubernetes puts every caller in; what the finding says of each. */
const ALL_USERS: ReadonlyMap<string, { messageId: string; severity: 'error' | 'warning' }> = new Map([
  ['system:anonymous', { messageId: 'anonymous', severity: 'error' }],
  ['system:unauthenticated', { messageId: 'anonymous', severity: 'error' }],
  ['system:authenticated', { messageId: 'authenticated', severity: 'warning' }],
]);

/** ClusterRoles Kubernetes itself binds to these groups: discovery and version information only. */
const PUBLIC_BY_DESIGN = new Set(['system:discovery', 'system:basic-user', 'system:public-info-viewer']);

export default defineRule({
  meta: {
    id: 'k8s/rbac-binding-to-all-users',
    title: 'Role bound to all users',
    defaultSeverity: 'error',
    description:
      'Flags RoleBinding and ClusterRoleBinding subjects `system:anonymous` and `system:unauthenticated` (errors) and `system:authenticated` (a warning), except for the discovery roles Kubernetes binds to them itself.',
    rationale:
      '`system:anonymous` and `system:unauthenticated` are anyone who can reach the API server, with no credentials. `system:authenticated` is anyone with any valid credential: every service account token of every pod and, on some managed clusters, any account of the cloud provider. A role bound to them is public.',
    remediation: 'Bind the role to the users, groups or service accounts that need it.',
    peers: { trivy: ['KSV-0122', 'KSV-01011'] },
    messages: {
      anonymous: '{{binding}} grants {{role}} to {{subject}}: anyone who can reach the API server, without credentials',
      authenticated: '{{binding}} grants {{role}} to system:authenticated: anyone with any valid credential, every pod\'s service account included',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const binding of rbacModel(file).bindings) {
      if (binding.roleRef && PUBLIC_BY_DESIGN.has(binding.roleRef.name)) continue;
      for (const subject of binding.subjects) {
        const verdict = ALL_USERS.get(subject.name);
        if (!verdict || (subject.kind !== 'Group' && subject.kind !== 'User')) continue;
        context.report({ messageId: verdict.messageId, data: { binding: rbacLabel(binding), role: roleRefLabel(binding), subject: subject.name }, range: subject.range, severity: verdict.severity });
      }
    }
  },
});
