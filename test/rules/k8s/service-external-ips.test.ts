import { ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/service-external-ips', {
  valid: [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n',
    { name: 'an empty list', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalIPs: []\n' },
    { name: 'Helm: templated addresses', filename: 'chart/templates/svc.yaml', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalIPs:\n    - {{ .Values.externalIP }}\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalIPs:\n    - 203.0.113.10\n    - "2001:db8::1"\n',
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 19, message: 'Service "web" claims external IP 203.0.113.10: every node routes its traffic to the Service (CVE-2020-8554)', severity: 'warning' },
        { line: 8, column: 7, endLine: 8, endColumn: 20, message: 'Service "web" claims external IP 2001:db8::1: every node routes its traffic to the Service (CVE-2020-8554)' },
      ],
      output: null,
    },
  ],
});
