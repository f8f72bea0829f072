// k8s/rbac-default-service-account-binding: permissions for every pod that names no service account.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { rbacLabel, rbacModel } from '../../server/src/k8s/rbac.js';
import { roleRefLabel } from './rbac-support.js';

export default defineRule({
  meta: {
    id: 'k8s/rbac-default-service-account-binding',
    title: 'Role bound to a default service account',
    defaultSeverity: 'warning',
    description: 'Flags RoleBinding and ClusterRoleBinding subjects that are the `default` service account of a namespace.',
    rationale:
      'Every pod that does not name a service account runs as `default`, and gets its token mounted unless told otherwise. A role bound to it is granted to every such pod in the namespace, today and later, including ones that never needed the API.',
    remediation: 'Create a dedicated ServiceAccount for the workload that needs the permissions, bind the role to it and set `serviceAccountName` in that workload\'s pod spec.',
    peers: { checkov: ['CKV_K8S_42'], kics: ['Role Binding To Default Service Account'] },
    messages: { defaultAccount: '{{binding}} grants {{role}} to the default service account of {{namespace}}: every pod there without its own service account gets it' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const binding of rbacModel(file).bindings) {
      for (const subject of binding.subjects) {
        if (subject.kind !== 'ServiceAccount' || subject.name !== 'default') continue;
        const namespace = subject.namespace ?? binding.namespace;
        context.report({
          messageId: 'defaultAccount',
          data: { binding: rbacLabel(binding), role: roleRefLabel(binding), namespace: namespace ? `namespace ${namespace}` : 'its namespace' },
          range: subject.range,
        });
      }
    }
  },
});
