import { dedent, ruleTester } from '../../support/ruleTester.js';
import { WINDOWS_CASES } from './windowsPods.js';

ruleTester('k8s/seccomp', {
  valid: [
    { name: 'requireProfile: false (Pod Security baseline): an unset profile passes', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n', options: { requireProfile: false } },
    ...WINDOWS_CASES,
    {
      name: 'pod-level RuntimeDefault covers every container',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  initContainers:\n    - name: init\n  containers:\n    - name: app\n',
    },
    {
      name: 'pod-level Localhost profile',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    seccompProfile: { type: Localhost, localhostProfile: profiles/app.json }\n  containers:\n    - name: app\n',
    },
    {
      name: 'every container sets its own profile',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext: { seccompProfile: { type: RuntimeDefault } }\n    - name: b\n      securityContext: { seccompProfile: { type: Localhost, localhostProfile: b.json } }\n',
    },
    {
      name: 'legacy pod annotation on the pod template',
      code: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: legacy
        spec:
          template:
            metadata:
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: runtime/default
            spec:
              containers:
                - name: app
      `),
    },
    {
      name: 'legacy per-container annotations',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    container.seccomp.security.alpha.kubernetes.io/a: docker/default\n    container.seccomp.security.alpha.kubernetes.io/b: localhost/b.json\nspec:\n  containers:\n    - name: a\n    - name: b\n',
    },
    { name: 'Helm values.yaml', filename: 'values.yaml', code: 'podSecurityContext:\n  seccompProfile:\n    type: Unconfined\n' },
  ],
  invalid: [
    {
      name: 'requireProfile: false still reports Unconfined',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        seccompProfile: { type: Unconfined }\n    - name: side\n',
      options: { requireProfile: false },
      errors: [{ line: 7, column: 27, endLine: 7, endColumn: 43, message: 'Container "app" disables seccomp (Unconfined)', severity: 'error' }],
    },
    {
      name: 'a CronJob without any profile: one finding for the pod, on its kind',
      code: dedent(`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly-report
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: report
                      image: ghcr.io/acme/report:5.0.2
                    - name: uploader
                      image: ghcr.io/acme/uploader:1.1.0
      `),
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 14, message: 'CronJob "nightly-report" sets no seccomp profile, so its containers run unconfined', severity: 'warning' }],
    },
    {
      name: 'pod-level Unconfined is one error, not one per container',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        metadata:
          name: strace
        spec:
          securityContext:
            seccompProfile:
              type: Unconfined
          containers:
            - name: a
            - name: b
      `),
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 23, message: 'The pod security context of Pod "strace" disables seccomp (Unconfined)', severity: 'error' }],
    },
    {
      name: 'a container overriding the pod-level RuntimeDefault with Unconfined',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seccompProfile: { type: RuntimeDefault }
          containers:
            - name: app
            - name: profiler
              securityContext:
                seccompProfile: { type: Unconfined }
      `),
      errors: [{ line: 10, column: 27, endLine: 10, endColumn: 43, message: 'Container "profiler" disables seccomp (Unconfined)', severity: 'error' }],
    },
    {
      name: 'only the container without a profile is named when another has one',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n    - name: sidecar\n',
      errors: [{ line: 9, column: 13, endLine: 9, endColumn: 20, message: 'Container "sidecar" runs without a seccomp profile', severity: 'warning' }],
    },
    {
      name: 'a seccompProfile without a type is no profile',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile: {}\n  containers:\n    - name: app\n',
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 10, messageId: 'podUnset' }],
    },
    {
      name: 'legacy pod annotation unconfined',
      code: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: legacy
        spec:
          template:
            metadata:
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: unconfined
            spec:
              containers:
                - name: app
      `),
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 61, message: 'The seccomp annotation of Deployment "legacy" disables seccomp (Unconfined)', severity: 'error' }],
    },
    {
      name: 'legacy container annotation unconfined; the other container has no profile',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    container.seccomp.security.alpha.kubernetes.io/app: unconfined\nspec:\n  containers:\n    - name: app\n    - name: sidecar\n',
      errors: [
        { line: 5, column: 5, endLine: 5, endColumn: 67, message: 'Container "app" disables seccomp (Unconfined)', severity: 'error' },
        { line: 9, column: 13, endLine: 9, endColumn: 20, messageId: 'containerUnset', severity: 'warning' },
      ],
    },
    {
      name: 'annotations on the Deployment itself do not reach its pods',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n',
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 17, messageId: 'podUnset' }],
    },
  ],
});
