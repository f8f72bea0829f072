import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/probe-host', {
  valid: [
    { name: 'probes on the pod itself', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      livenessProbe:\n        httpGet: { path: /healthz, port: 8080 }\n      readinessProbe:\n        tcpSocket: { port: 8080, host: "" }\n' },
    { name: 'an exec probe', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      startupProbe:\n        exec: { command: [cat, /tmp/ready] }\n' },
  ],
  invalid: [
    {
      name: 'a probe and a hook that reach other hosts',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              livenessProbe:
                httpGet:
                  host: 169.254.169.254
                  path: /latest/meta-data/
                  port: 80
              lifecycle:
                preStop:
                  tcpSocket: { host: db.internal, port: 5432 }
      `),
      errors: [
        { line: 8, column: 11, endLine: 8, endColumn: 32, message: 'Container "app" has livenessProbe.httpGet connect to host 169.254.169.254 from the node', severity: 'warning' },
        { line: 13, column: 24, endLine: 13, endColumn: 41, message: 'Container "app" has lifecycle.preStop.tcpSocket connect to host db.internal from the node' },
      ],
      output: null,
    },
  ],
});
