import { ruleTester } from '../../support/ruleTester.js';

const role = (kind: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: app\n  namespace: team\nrules:\n${rules}`;

ruleTester('k8s/rbac-secrets-access', {
  valid: [
    role('ClusterRole', '  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n'),
    { name: 'named Secrets only', code: role('Role', '  - apiGroups: [""]\n    resources: [secrets]\n    resourceNames: [app-tls]\n    verbs: [get]\n') },
    { name: 'writing without reading', code: role('Role', '  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [create, delete]\n') },
    { name: 'a resource called secrets in another group', code: role('ClusterRole', '  - apiGroups: [example.com]\n    resources: [secrets]\n    verbs: [get]\n') },
    { name: 'no apiGroups matches no group', code: role('ClusterRole', '  - resources: [secrets]\n    verbs: [get]\n') },
  ],
  invalid: [
    {
      name: 'a ClusterRole reads every Secret of the cluster: a warning',
      code: role('ClusterRole', '  - apiGroups: [""]\n    resources: [configmaps, secrets]\n    verbs: [get, list, watch, update]\n'),
      errors: [{ line: 8, column: 29, endLine: 8, endColumn: 36, message: 'ClusterRole "app" can read every Secret in every namespace (get, list, watch)', severity: 'warning' }],
      output: null,
    },
    {
      name: 'a Role reads the Secrets of its namespace: information; null is the core group',
      code: role('Role', '  - apiGroups: [~]\n    resources:\n      - secrets\n    verbs: ["*"]\n'),
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 16, message: 'Role "app" can read every Secret in namespace team (*)', severity: 'info' }],
    },
  ],
});
