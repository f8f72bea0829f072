import { ruleTester } from '../../support/ruleTester.js';

const binding = (subjects: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: app\n  namespace: team\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader\nsubjects:\n${subjects}`;

ruleTester('k8s/rbac-default-service-account-binding', {
  valid: [
    binding('  - kind: ServiceAccount\n    name: app\n'),
    { name: 'a user named default is no service account', code: binding('  - kind: User\n    name: default\n') },
  ],
  invalid: [
    {
      name: 'the default service account, of the binding\'s namespace or another',
      code: binding('  - kind: ServiceAccount\n    name: default\n  - {kind: ServiceAccount, name: default, namespace: web}\n'),
      errors: [
        { line: 12, column: 11, endLine: 12, endColumn: 18, message: 'RoleBinding "app" grants Role "reader" to the default service account of namespace team: every pod there without its own service account gets it', severity: 'warning' },
        { line: 13, column: 34, endLine: 13, endColumn: 41, message: 'RoleBinding "app" grants Role "reader" to the default service account of namespace web: every pod there without its own service account gets it' },
      ],
      output: null,
    },
  ],
});
