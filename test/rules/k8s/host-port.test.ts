import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/host-port', {
  valid: [
    { name: 'a host port the team allows (allowedHostPorts)', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: agent\n      ports: [{ containerPort: 9100, hostPort: 9100 }]\n', options: { allowedHostPorts: [9100] } },
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      ports:\n        - containerPort: 8080\n          name: http\n',
    { name: 'hostPort: 0 means none', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      ports: [{ containerPort: 8080, hostPort: 0 }]\n' },
    { name: 'a Service port is not a hostPort', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n      hostPort: 80\n' },
    { name: 'docker-compose published ports', filename: 'docker-compose.yaml', code: 'services:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n' },
  ],
  invalid: [
    {
      name: 'a host port outside allowedHostPorts',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: agent\n      ports: [{ containerPort: 9100, hostPort: 9100 }, { containerPort: 80, hostPort: 80 }]\n',
      options: { allowedHostPorts: [9100] },
      errors: [{ line: 6, column: 77, endLine: 6, endColumn: 89, message: 'Container "agent" binds host port 80 on the node' }],
    },
    {
      name: 'an ingress controller Deployment, block and flow ports',
      code: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ingress
        spec:
          template:
            spec:
              containers:
                - name: controller
                  ports:
                    - containerPort: 80
                      hostPort: 80
                    - { containerPort: 443, hostPort: 443, protocol: TCP }
                    - containerPort: 10254
      `),
      errors: [
        { line: 12, column: 15, endLine: 12, endColumn: 27, message: 'Container "controller" binds host port 80 on the node', severity: 'warning' },
        { line: 13, column: 37, endLine: 13, endColumn: 50, message: 'Container "controller" binds host port 443 on the node' },
      ],
    },
    {
      name: 'init container',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n    - name: probe\n      ports:\n        - hostPort: 9100\n  containers:\n    - name: app\n',
      errors: [{ line: 7, column: 11, endLine: 7, endColumn: 25, message: 'Init container "probe" binds host port 9100 on the node' }],
    },
  ],
});
