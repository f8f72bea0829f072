import { ruleTester } from '../../support/ruleTester.js';

const binding = (role: string, subjects: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: open\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n${subjects}`;

ruleTester('k8s/rbac-binding-to-all-users', {
  valid: [
    binding('view', '  - kind: Group\n    name: developers\n'),
    { name: 'the discovery roles Kubernetes itself grants to everyone', code: binding('system:public-info-viewer', '  - kind: Group\n    name: system:unauthenticated\n') },
    { name: 'a service account that happens to have the name', code: binding('view', '  - kind: ServiceAccount\n    name: system:authenticated\n    namespace: x\n') },
  ],
  invalid: [
    {
      name: 'anonymous and unauthenticated are errors, authenticated a warning',
      code: binding('view', '  - kind: Group\n    name: system:unauthenticated\n  - kind: User\n    name: system:anonymous\n  - kind: Group\n    name: system:authenticated\n'),
      errors: [
        { line: 11, column: 11, endLine: 11, endColumn: 33, message: 'ClusterRoleBinding "open" grants ClusterRole "view" to system:unauthenticated: anyone who can reach the API server, without credentials', severity: 'error' },
        { line: 13, column: 11, endLine: 13, endColumn: 27, message: 'ClusterRoleBinding "open" grants ClusterRole "view" to system:anonymous: anyone who can reach the API server, without credentials', severity: 'error' },
        { line: 15, column: 11, endLine: 15, endColumn: 31, message: 'ClusterRoleBinding "open" grants ClusterRole "view" to system:authenticated: anyone with any valid credential, every pod\'s service account included', severity: 'warning' },
      ],
      output: null,
    },
  ],
});
