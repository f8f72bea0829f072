import { ruleTester } from '../../support/ruleTester.js';

const service = (annotations: string, spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n${annotations}spec:\n  type: LoadBalancer\n${spec}  ports:\n    - port: 5432\n`;

ruleTester('k8s/service-load-balancer-source-ranges', {
  valid: [
    service('', '  loadBalancerSourceRanges: [10.0.0.0/8, 192.168.0.0/16]\n'),
    { name: 'the generic source-range annotation', code: service('  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24"\n', '') },
    { name: 'AWS internal (any value but false)', code: service('  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-internal: "0.0.0.0/0"\n', '') },
    { name: 'AWS Load Balancer Controller scheme', code: service('  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n', '') },
    { name: 'GKE internal', code: service('  annotations:\n    networking.gke.io/load-balancer-type: "Internal"\n', '') },
    { name: 'AKS internal', code: service('  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n', '') },
    { name: 'AKS allowed service tags', code: service('  annotations:\n    service.beta.kubernetes.io/azure-allowed-service-tags: AzureFrontDoor.Backend\n', '') },
    { name: 'a ClusterIP Service', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports: [{port: 5432}]\n' },
    { name: 'Helm: annotations from values may make it internal', filename: 'chart/templates/svc.yaml', code: service('  annotations: {{- toYaml .Values.service.annotations | nindent 4 }}\n', '') },
    { name: 'Helm: a templated type', filename: 'chart/templates/svc.yaml', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: {{ .Values.service.type }}\n  ports: [{port: 5432}]\n' },
    { name: 'Helm: templated source ranges', filename: 'chart/templates/svc.yaml', code: service('', '  loadBalancerSourceRanges: {{- toYaml .Values.service.sourceRanges | nindent 4 }}\n') },
  ],
  invalid: [
    {
      name: 'a database on a public load balancer',
      code: service('', ''),
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 21, message: 'Service "db" gets a load balancer open to every address on port 5432: set loadBalancerSourceRanges or make it internal', severity: 'warning' }],
      output: null,
    },
    {
      name: 'web ports only (HTTP/3 on UDP 443 too): information',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 80\n    - port: 443\n    - {port: 443, protocol: UDP}\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 21, message: 'Service "web" gets a load balancer open to every address on web ports 80, 443: set loadBalancerSourceRanges unless it serves the internet', severity: 'info' }],
    },
    {
      name: 'AWS internal set to false is external',
      code: service('  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-internal: "false"\n', ''),
      errors: [{ line: 8, column: 9, endLine: 8, endColumn: 21, message: /open to every address on port 5432/ }],
    },
    {
      name: 'source ranges of every address, in the field and in the annotation',
      code: service('', '  loadBalancerSourceRanges:\n    - 10.0.0.0/8\n    - ::/0\n') + '---\n' + service('  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 0.0.0.0/0"\n', ''),
      errors: [
        { line: 9, column: 7, endLine: 9, endColumn: 11, message: 'Service "db" lets every address through its load balancer (::/0)', severity: 'warning' },
        { line: 18, column: 61, endLine: 18, endColumn: 84, message: 'Service "db" lets every address through its load balancer (0.0.0.0/0)' },
      ],
    },
  ],
});
