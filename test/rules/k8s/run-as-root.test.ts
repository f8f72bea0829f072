import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dedent, lintWithRule, ruleTester } from '../../support/ruleTester.js';
import { WINDOWS_DEPLOYMENT } from './windowsPods.js';

ruleTester('k8s/run-as-root', {
  valid: [
    { name: 'its own user namespace (hostUsers: false), as Pod Security admission allows from 1.35', code: 'apiVersion: v1\nkind: Pod\nspec:\n  hostUsers: false\n  containers:\n    - name: app\n' },
    { name: 'requireRunAsNonRoot: pod-level runAsNonRoot covers the containers', code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: { runAsNonRoot: true }\n  containers:\n    - name: app\n      securityContext: { runAsUser: 1000 }\n', options: { requireRunAsNonRoot: true } },
    {
      name: 'pod-level runAsNonRoot: true covers every container',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    runAsNonRoot: true\n  initContainers:\n    - name: init\n  containers:\n    - name: app\n',
    },
    {
      name: 'a container runAsUser above 0 is enough',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext: { runAsUser: 10001 }\n',
    },
    {
      name: 'container runAsNonRoot: false, but the pod-level runAsUser it inherits is not root',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    runAsUser: 1000\n  containers:\n    - name: app\n      securityContext:\n        runAsNonRoot: false\n',
    },
    {
      name: 'an explicit runAsUser: 0 is k8s/root-uid\'s finding, not this one',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext: { runAsUser: 0 }\n',
    },
    { name: 'YAML 1.1 true (`Yes`) at pod level', code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: { runAsNonRoot: Yes }\n  containers:\n    - name: app\n' },
    { name: 'Helm values.yaml', filename: 'values.yaml', code: 'podSecurityContext:\n  runAsNonRoot: false\nsecurityContext: {}\n' },
  ],
  invalid: [
    {
      name: 'requireRunAsNonRoot (Pod Security restricted): a non-zero runAsUser alone does not count',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext: { runAsUser: 1000 }\n',
      options: { requireRunAsNonRoot: true },
      errors: [{ line: 5, column: 13, endLine: 5, endColumn: 16, message: 'Container "app" does not set runAsNonRoot: true: its runAsUser is not enforced against an image that switches to root, and Pod Security restricted requires it' }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext: { runAsUser: 1000, runAsNonRoot: true }\n',
    },
    {
      name: 'Windows pod: runAsNonRoot applies there too; the fix sets it without a (Linux-only) runAsUser',
      code: WINDOWS_DEPLOYMENT,
      errors: [{ line: 11, column: 17, endLine: 11, endColumn: 20, messageId: 'missing' }],
      output: `${WINDOWS_DEPLOYMENT}          securityContext:\n            runAsNonRoot: true\n`,
    },
    {
      name: 'ReplicaSet without any security context: one finding per container, on its name',
      code: dedent(`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: cache
        spec:
          selector:
            matchLabels: { app: cache }
          template:
            metadata:
              labels: { app: cache }
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                - name: exporter
                  image: oliver006/redis_exporter:v1.62.0
      `),
      errors: [
        { line: 13, column: 17, endLine: 13, endColumn: 22, message: 'Container "redis" may run as root: neither runAsNonRoot: true nor a runAsUser above 0 is set', severity: 'warning' },
        { line: 15, column: 17, endLine: 15, endColumn: 25, message: 'Container "exporter" may run as root: neither runAsNonRoot: true nor a runAsUser above 0 is set' },
      ],
    },
    {
      name: 'pod-level runAsNonRoot: false is reported once, where it is written',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        metadata:
          name: tools
        spec:
          securityContext:
            runAsNonRoot: false
          containers:
            - name: shell
              securityContext: { runAsUser: 1000 }
            - name: a
            - name: b
      `),
      errors: [{ line: 7, column: 5, endLine: 7, endColumn: 24, message: 'Containers of Pod "tools" may run as root: the pod sets runAsNonRoot: false and no runAsUser above 0 is set' }],
    },
    {
      name: 'a container overriding the pod-level runAsNonRoot: true',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
            - name: legacy
              securityContext:
                runAsNonRoot: false
      `),
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 28, message: 'Container "legacy" may run as root: runAsNonRoot is false and no runAsUser above 0 is set' }],
    },
    {
      name: 'CRLF line ends and non-ASCII text before the finding',
      code: '# Überprüfung — 検査\r\napiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: café\r\n',
      errors: [{ line: 6, column: 13, endLine: 6, endColumn: 17, message: /^Container "café" may run as root/ }],
    },
  ],
});

it('offers no "Harden container securityContext" on a Windows pod: it would write Linux-only settings', () => {
  const [finding] = lintWithRule('k8s/run-as-root', { code: WINDOWS_DEPLOYMENT });
  assert.deepEqual(finding?.fixes?.map((fix) => fix.title), ['Add securityContext.runAsNonRoot: true to Container "web"']);
});
