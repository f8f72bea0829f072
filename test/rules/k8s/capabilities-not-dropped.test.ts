import { dedent, ruleTester } from '../../support/ruleTester.js';
import { WINDOWS_CASES } from './windowsPods.js';

ruleTester('k8s/capabilities-not-dropped', {
  valid: [
    ...WINDOWS_CASES,
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        capabilities:\n          drop: [ALL]\n',
    {
      name: 'ALL in any case, quoted, beside other entries',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext: { capabilities: { drop: [NET_RAW, "all"] } }\n    - name: b\n      securityContext:\n        capabilities:\n          drop:\n            - \'All\'\n',
    },
    { name: 'Helm values.yaml', filename: 'values.yaml', code: 'securityContext:\n  capabilities:\n    drop: []\n' },
  ],
  invalid: [
    {
      name: 'a drop list without ALL, in a PodTemplate: the list is the offending value',
      code: dedent(`
        apiVersion: v1
        kind: PodTemplate
        metadata:
          name: worker
        template:
          spec:
            containers:
              - name: worker
                image: ghcr.io/acme/worker:1.4.0
                securityContext:
                  capabilities:
                    drop: [NET_RAW]
      `),
      errors: [{ line: 12, column: 13, endLine: 12, endColumn: 28, message: 'Container "worker" does not drop ALL capabilities', severity: 'warning' }],
    },
    {
      name: 'no drop at all: reported on the container name, not on the capabilities it adds',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n    - name: sidecar\n',
      errors: [
        { line: 5, column: 13, endLine: 5, endColumn: 16, messageId: 'notDropped' },
        { line: 9, column: 13, endLine: 9, endColumn: 20, messageId: 'notDropped' },
      ],
    },
    {
      name: 'capabilities is not a pod-level field',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    capabilities: { drop: [ALL] }\n  ephemeralContainers:\n    - name: debug\n',
      errors: [{ line: 7, column: 13, endLine: 7, endColumn: 18, message: 'Ephemeral container "debug" does not drop ALL capabilities' }],
    },
  ],
});
