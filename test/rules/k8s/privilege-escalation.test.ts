import { dedent, ruleTester } from '../../support/ruleTester.js';
import { WINDOWS_CASES } from './windowsPods.js';

ruleTester('k8s/privilege-escalation', {
  valid: [
    ...WINDOWS_CASES,
    {
      name: 'allowPrivilegeEscalation: false',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                allowPrivilegeEscalation: false
      `),
    },
    {
      name: 'a privileged container escalates regardless: k8s/privileged-container reports it',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: dind\n      securityContext:\n        privileged: true\n',
    },
    {
      name: 'a container adding SYS_ADMIN (any spelling) escalates regardless: k8s/dangerous-capability reports it',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext: {capabilities: {add: [CAP_SYS_ADMIN]}}\n    - name: b\n      securityContext: {capabilities: {add: [sys_admin]}}\n',
    },
    {
      name: 'shared through an anchor by two containers',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext: &restricted
                allowPrivilegeEscalation: false
            - name: sidecar
              securityContext: *restricted
      `),
    },
    { name: 'Helm values.yaml', filename: 'values.yaml', code: 'securityContext:\n  allowPrivilegeEscalation: true\n' },
  ],
  invalid: [
    {
      name: 'explicit true in a StatefulSet',
      code: dedent(`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          template:
            spec:
              containers:
                - name: postgres
                  image: postgres:16.4
                  securityContext:
                    allowPrivilegeEscalation: true
      `),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 43, message: 'Container "postgres" allows privilege escalation (allowPrivilegeEscalation: true)', severity: 'warning' }],
    },
    {
      name: 'unset: reported on the container name; the init container that sets it is fine',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          initContainers:
            - name: migrate
              securityContext: { allowPrivilegeEscalation: false }
          containers:
            - name: web
              image: nginx:1.27
      `),
      errors: [{ line: 10, column: 13, endLine: 10, endColumn: 16, message: 'Container "web" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed' }],
    },
    {
      name: 'a pod-level allowPrivilegeEscalation does not exist, so it protects nothing',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    allowPrivilegeEscalation: false\n  containers:\n    - name: app\n',
      errors: [{ line: 7, column: 13, endLine: 7, endColumn: 16, messageId: 'missing' }],
    },
    {
      name: 'adding NET_ADMIN does not make escalation moot',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: vpn\n      securityContext: {capabilities: {add: [NET_ADMIN]}}\n',
      errors: [{ line: 5, column: 13, endLine: 5, endColumn: 16, messageId: 'missing' }],
    },
    {
      name: 'ephemeral container of a Pod',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext: {allowPrivilegeEscalation: false}\n  ephemeralContainers:\n    - name: debugger\n      image: busybox:1.36\n',
      errors: [{ line: 8, column: 13, endLine: 8, endColumn: 21, message: /^Ephemeral container "debugger" does not set/ }],
    },
  ],
});
