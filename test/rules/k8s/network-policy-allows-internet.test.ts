import { dedent, ruleTester } from '../../support/ruleTester.js';

const policy = (from: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n${from}`;

ruleTester('k8s/network-policy-allows-internet', {
  valid: [
    policy('        - ipBlock:\n            cidr: 10.0.0.0/8\n'),
    { name: 'pods and namespaces', code: policy('        - namespaceSelector: {matchLabels: {team: web}}\n') },
    { name: 'egress to the internet is another question', code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n  egress:\n    - to:\n        - ipBlock: {cidr: 0.0.0.0/0}\n' },
    { name: 'Helm: a templated range', filename: 'chart/templates/np.yaml', code: policy('        - ipBlock:\n            cidr: {{ .Values.allowedCidr }}\n') },
  ],
  invalid: [
    {
      name: 'IPv4 and IPv6 ranges of every address, with or without except',
      code: dedent(`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from:
                - ipBlock:
                    cidr: 0.0.0.0/0
                    except: [10.0.0.0/8]
                - ipBlock: {cidr: "::/0"}
              ports: [{port: 443}]
      `),
      errors: [
        { line: 10, column: 19, endLine: 10, endColumn: 28, message: 'NetworkPolicy "web" allows ingress from every address (0.0.0.0/0)', severity: 'warning' },
        { line: 12, column: 27, endLine: 12, endColumn: 33, message: 'NetworkPolicy "web" allows ingress from every address (::/0)' },
      ],
      output: null,
    },
  ],
});
