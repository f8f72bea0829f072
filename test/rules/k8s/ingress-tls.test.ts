import { dedent, ruleTester } from '../../support/ruleTester.js';

const ingress = (annotations: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n${annotations}spec:\n${spec}`;
const rule = (host: string) => `    - host: ${host}\n      http:\n        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]\n`;

ruleTester('k8s/ingress-tls', {
  valid: [
    ingress('', `  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n  rules:\n${rule('shop.example.com')}`),
    { name: 'a wildcard certificate covers one label', code: ingress('', `  tls:\n    - hosts: ["*.example.com"]\n      secretName: wildcard\n  rules:\n${rule('Shop.example.com')}`) },
    { name: 'a tls entry without hosts covers every host', code: ingress('', `  tls:\n    - secretName: default\n  rules:\n${rule('shop.example.com')}`) },
    { name: 'AWS Load Balancer Controller certificate', code: ingress('  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc\n', `  rules:\n${rule('shop.example.com')}`) },
    { name: 'Helm: tls from values', filename: 'chart/templates/ingress.yaml', code: ingress('', `  tls: {{- toYaml .Values.ingress.tls | nindent 4 }}\n  rules:\n${rule('shop.example.com')}`) },
    { name: 'Helm: a templated host', filename: 'chart/templates/ingress.yaml', code: ingress('', `  rules:\n${rule('{{ .Values.ingress.hostname }}')}`) },
    {
      name: 'Helm: tls in an if block counts as written',
      filename: 'chart/templates/ingress.yaml',
      code: ingress('', `  {{- if .Values.ingress.tls }}\n  tls:\n    - hosts:\n        - {{ .Values.ingress.hostname }}\n      secretName: tls\n  {{- end }}\n  rules:\n${rule('{{ .Values.ingress.hostname }}')}`),
    },
    { name: 'an Ingress of another API group', code: 'apiVersion: example.com/v1\nkind: Ingress\nspec:\n  rules:\n    - host: a.example.com\n' },
  ],
  invalid: [
    {
      name: 'a host the certificate does not cover, and a wildcard that covers one label only',
      code: ingress('', `  tls:\n    - hosts: ["*.example.com"]\n      secretName: wildcard\n  rules:\n${rule('shop.example.com')}${rule('api.eu.example.com')}`),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 31, message: 'Ingress "web" serves api.eu.example.com over plain HTTP: no tls entry covers it', severity: 'warning' }],
      output: null,
    },
    {
      name: 'no tls at all: each host, and a rule for every host',
      code: dedent(`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          rules:
            - host: shop.example.com
              http:
                paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
            - http:
                paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
      `),
      errors: [
        { line: 7, column: 13, endLine: 7, endColumn: 29, message: 'Ingress "web" serves shop.example.com over plain HTTP: no tls entry covers it' },
        { line: 10, column: 7, endLine: 10, endColumn: 11, message: 'Ingress "web" serves every host over plain HTTP: it has no tls entry' },
      ],
    },
    {
      name: 'only a default backend',
      code: ingress('', '  defaultBackend:\n    service: {name: web, port: {number: 80}}\n'),
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 17, message: 'Ingress "web" serves every host over plain HTTP: it has no tls entry' }],
    },
  ],
});
