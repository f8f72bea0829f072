import { dedent, ruleTester } from '../../support/ruleTester.js';

const deployment = (securityContext: string) =>
  dedent(`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
    spec:
      template:
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
    ${securityContext}
  `);

ruleTester('k8s/privileged-container', {
  valid: [
    deployment('            privileged: false'),
    deployment('            runAsNonRoot: true'),
    { name: 'not a Kubernetes resource', code: 'jobs:\n  build:\n    securityContext:\n      privileged: true\n' },
    { name: 'a quoted "yes" is a string (the API server rejects it), not a boolean', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext: { privileged: "yes" }\n' },
    { name: 'privileged is not a pod-level field', code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    privileged: true\n  containers:\n    - name: a\n' },
  ],
  invalid: [
    {
      name: 'Deployment container',
      code: deployment('            privileged: true'),
      errors: [{ line: 12, column: 13, endLine: 12, endColumn: 29, message: 'Container "web" runs privileged: it has full access to the host', severity: 'error' }],
    },
    {
      name: 'init and ephemeral containers of a Pod, CRLF line ends',
      code: 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  initContainers:\r\n    - name: init\r\n      securityContext: {privileged: true}\r\n  ephemeralContainers:\r\n    - name: debug\r\n      securityContext:\r\n        privileged: true\r\n',
      errors: [
        { line: 6, column: 25, endLine: 6, endColumn: 41, message: /^Init container "init" runs privileged/ },
        { line: 10, column: 9, endLine: 10, endColumn: 25, message: /^Ephemeral container "debug" runs privileged/ },
      ],
    },
    {
      name: 'CronJob, via an alias, after non-ASCII text',
      code: dedent(`
        # Tâche nocturne — 夜间任务
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
          annotations: { note: &sc { privileged: true } }
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      securityContext: *sc
      `),
      errors: [{ line: 6, column: 30, endLine: 6, endColumn: 46, messageId: 'privileged' }],
    },
    {
      name: 'second document of a file whose first document has a syntax error',
      code: 'a: [1, 2\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: x\n      securityContext:\n        privileged: true\n',
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 25, messageId: 'privileged' }],
    },
    {
      name: 'YAML 1.1 booleans, as Kubernetes parses them: `on` is true',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext:\n        privileged: on\n    - name: b\n      securityContext:\n        privileged: No\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 23, message: 'Container "a" runs privileged: it has full access to the host' }],
    },
    {
      name: 'items of a kind: List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    spec:\n      containers:\n        - name: x\n          securityContext: {privileged: true}\n',
      errors: [{ line: 9, column: 29, endLine: 9, endColumn: 45, messageId: 'privileged' }],
    },
  ],
});
