import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/root-uid', {
  valid: [
    { name: 'UID 0 in its own user namespace (hostUsers: false), as Pod Security admission allows from 1.35', code: 'apiVersion: v1\nkind: Pod\nspec:\n  hostUsers: false\n  containers:\n    - name: app\n      securityContext: { runAsUser: 0 }\n' },
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext: { runAsUser: 10001 }\n',
    { name: 'no runAsUser at all (k8s/run-as-root covers that)', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n' },
    {
      name: 'pod-level runAsUser: 0 that every container overrides is never in force',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: a\n      securityContext: { runAsUser: 1000 }\n    - name: b\n      securityContext: { runAsUser: 1001 }\n',
    },
    { name: 'docker-compose user: root is not Kubernetes', filename: 'compose.yaml', code: 'services:\n  app:\n    image: node:22\n    user: "0"\n' },
  ],
  invalid: [
    {
      name: 'pod-level runAsUser: 0 in a ReplicationController, reported once for both containers',
      code: dedent(`
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: legacy
        spec:
          replicas: 2
          template:
            spec:
              securityContext:
                runAsUser: 0
              containers:
                - name: app
                - name: sidecar
      `),
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 21, message: 'The pod security context of ReplicationController "legacy" runs as root (runAsUser: 0)', severity: 'error' }],
    },
    {
      name: 'pod-level 0 still reported when only the second container inherits it',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsUser: 0}\n  containers:\n    - name: a\n      securityContext: {runAsUser: 1000}\n    - name: b\n',
      errors: [{ line: 4, column: 21, endLine: 4, endColumn: 33, messageId: 'rootUid' }],
    },
    {
      name: 'an init container that chowns a volume as root',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsUser: 10001
          initContainers:
            - name: fix-permissions
              command: [chown, -R, "10001", /data]
              securityContext:
                runAsUser: 0
          containers:
            - name: app
      `),
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 21, message: 'Init container "fix-permissions" runs as root (runAsUser: 0)' }],
    },
    {
      name: 'the container\'s own 0 and the pod\'s 0 inherited by another container are two findings',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: a\n      securityContext:\n        runAsUser: 0\n    - name: b\n',
      errors: [
        { line: 5, column: 5, endLine: 5, endColumn: 17, message: 'The pod security context of Pod runs as root (runAsUser: 0)' },
        { line: 9, column: 9, endLine: 9, endColumn: 21, message: 'Container "a" runs as root (runAsUser: 0)' },
      ],
    },
  ],
});
