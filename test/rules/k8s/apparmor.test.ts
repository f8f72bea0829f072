import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/apparmor', {
  valid: [
    { name: 'RuntimeDefault at pod level', code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    appArmorProfile: { type: RuntimeDefault }\n  containers:\n    - name: app\n' },
    { name: 'a Localhost profile on a container', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        appArmorProfile:\n          type: Localhost\n          localhostProfile: k8s-nginx\n' },
    { name: 'allowed annotation values', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n    container.apparmor.security.beta.kubernetes.io/side: localhost/k8s-side\n    container.apparmor.security.beta.kubernetes.io/empty: ""\nspec:\n  containers:\n    - name: app\n' },
    { name: 'an annotation on the Deployment, not its pod template, is not read', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n' },
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n',
  ],
  invalid: [
    {
      name: 'Unconfined on a container and at pod level',
      code: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              securityContext:
                appArmorProfile:
                  type: Unconfined
              containers:
                - name: app
                  securityContext:
                    appArmorProfile: { type: Unconfined }
      `),
      errors: [
        { line: 10, column: 11, endLine: 10, endColumn: 27, message: 'The pod security context of Deployment "web" sets AppArmor profile type Unconfined: only RuntimeDefault or Localhost confine the container', severity: 'error' },
        { line: 14, column: 32, endLine: 14, endColumn: 48, message: 'Container "app" sets AppArmor profile type Unconfined: only RuntimeDefault or Localhost confine the container' },
      ],
      output: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              securityContext:
                appArmorProfile:
                  type: RuntimeDefault
              containers:
                - name: app
                  securityContext:
                    appArmorProfile: { type: RuntimeDefault }
      `),
    },
    {
      name: 'the beta annotation on the pod template',
      code: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: unconfined
            spec:
              containers:
                - name: app
      `),
      errors: [{ line: 9, column: 61, endLine: 9, endColumn: 71, message: 'The AppArmor annotation of container "app" in Deployment "web" says unconfined: only runtime/default or localhost/<profile> confine it' }],
      output: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: runtime/default
            spec:
              containers:
                - name: app
      `),
    },
  ],
});
