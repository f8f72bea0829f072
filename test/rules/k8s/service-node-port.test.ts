import { ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/service-node-port', {
  valid: [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n  ports: [{port: 80}]\n',
    { name: 'Helm: a templated type', filename: 'chart/templates/svc.yaml', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: {{ .Values.service.type }}\n' },
    { name: 'a custom resource with a NodePort type', code: 'apiVersion: example.com/v1\nkind: Service\nspec:\n  type: NodePort\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: "NodePort"\n  ports: [{port: 80, nodePort: 30080}]\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 19, message: 'Service "web" listens on a port of every node (type: NodePort)', severity: 'info' }],
      output: null,
    },
  ],
});
