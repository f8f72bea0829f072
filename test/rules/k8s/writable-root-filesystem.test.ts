import { dedent, ruleTester } from '../../support/ruleTester.js';
import { NOT_DECLARED_WINDOWS, WINDOWS_CASES } from './windowsPods.js';

ruleTester('k8s/writable-root-filesystem', {
  valid: [
    ...WINDOWS_CASES,
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        readOnlyRootFilesystem: true\n',
    {
      name: 'through a << merge key, with a container-specific key beside it',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext: &base
                readOnlyRootFilesystem: true
            - name: sidecar
              securityContext:
                <<: *base
                runAsUser: 10002
      `),
    },
    { name: 'YAML 1.1 true (`yes`)', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext: { readOnlyRootFilesystem: yes }\n' },
    { name: 'docker-compose read_only is not Kubernetes', filename: 'docker-compose.yml', code: 'services:\n  web:\n    image: nginx\n    read_only: false\n' },
  ],
  invalid: [
    {
      name: 'Windows by node selector only: admission still treats the pod as Linux',
      code: NOT_DECLARED_WINDOWS.nodeSelector,
      errors: [{ line: 9, column: 13, endLine: 9, endColumn: 16, messageId: 'missing' }],
    },
    {
      name: 'a chart template that declares Windows only under an if: the default render may be Linux',
      code: NOT_DECLARED_WINDOWS.helmConditional,
      filename: 'chart/templates/pod.yaml',
      errors: [{ line: 10, column: 13, endLine: 10, endColumn: 16, messageId: 'missing' }],
    },
    {
      name: 'explicit false in a Job',
      code: dedent(`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: migrate
                  image: ghcr.io/acme/migrate:2.3.1
                  securityContext:
                    readOnlyRootFilesystem: false
      `),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 42, message: 'Container "migrate" has a writable root filesystem (readOnlyRootFilesystem: false)', severity: 'warning' }],
    },
    {
      name: 'unset, in each container kind, with a quoted name',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          initContainers:
            - name: "init"
          containers:
            - name: 'app'
              securityContext: {}
          ephemeralContainers:
            - name: debug
      `),
      errors: [
        { line: 5, column: 13, endLine: 5, endColumn: 19, message: 'Init container "init" does not set readOnlyRootFilesystem: true, so its root filesystem is writable' },
        { line: 7, column: 13, endLine: 7, endColumn: 18, message: /^Container "app" does not set/ },
        { line: 10, column: 13, endLine: 10, endColumn: 18, message: /^Ephemeral container "debug" does not set/ },
      ],
    },
    {
      name: 'a merge key whose own key overrides the merged true',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext: &base
                readOnlyRootFilesystem: true
            - name: scratch
              securityContext:
                <<: *base
                readOnlyRootFilesystem: false
      `),
      errors: [{ line: 11, column: 9, endLine: 11, endColumn: 38, messageId: 'wrongValue' }],
    },
    {
      name: 'an unnamed container is anchored at its first key',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: nginx:1.27\n',
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 12, message: 'Container "(unnamed)" does not set readOnlyRootFilesystem: true, so its root filesystem is writable' }],
    },
  ],
});
