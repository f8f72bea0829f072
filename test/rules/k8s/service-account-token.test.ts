import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/service-account-token', {
  valid: [
    'apiVersion: v1\nkind: Pod\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n',
    { name: 'a dedicated service account is assumed to need the API', code: 'apiVersion: v1\nkind: Pod\nspec:\n  serviceAccountName: operator\n  containers:\n    - name: app\n' },
    { name: 'the deprecated serviceAccount field', code: 'apiVersion: v1\nkind: Pod\nspec:\n  serviceAccount: operator\n  containers:\n    - name: app\n' },
    { name: 'YAML 1.1 false (`no`)', code: 'apiVersion: v1\nkind: Pod\nspec:\n  automountServiceAccountToken: no\n  containers:\n    - name: app\n' },
    { name: 'a ServiceAccount is not a pod', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: true\n' },
  ],
  invalid: [
    {
      name: 'default service account, not disabled: info on the kind',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n',
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 10, message: 'Pod "web" mounts the default service account token; set automountServiceAccountToken: false if it does not call the API', severity: 'info' }],
    },
    {
      name: 'explicitly the default account with the token explicitly on',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: default\n  automountServiceAccountToken: true\n  containers:\n    - name: web\n',
      errors: [{ line: 7, column: 3, endLine: 7, endColumn: 37, message: 'Pod "web" mounts a service account token (automountServiceAccountToken: true) while using the default service account', severity: 'info' }],
    },
    {
      name: 'each workload of a List',
      code: dedent(`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web }
            spec:
              template:
                spec:
                  containers: [{ name: web }]
          - apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api }
            spec:
              template:
                spec:
                  serviceAccountName: api
                  containers: [{ name: api }]
          - apiVersion: batch/v1
            kind: Job
            metadata: { name: seed }
            spec:
              template:
                spec:
                  containers: [{ name: seed }]
      `),
      errors: [
        { line: 5, column: 11, endLine: 5, endColumn: 21, message: /^Deployment "web" mounts the default/ },
        { line: 20, column: 11, endLine: 20, endColumn: 14, message: /^Job "seed" mounts the default/ },
      ],
    },
  ],
});
