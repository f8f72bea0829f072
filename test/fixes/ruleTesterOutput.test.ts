// Rule tables with `output`: the text after fix-all, spelled out as a reviewer reads it (ESLint style).
import { ruleTester } from '../support/ruleTester.js';

const pod = (securityContext: string) => `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web # front end\n      image: nginx:1.27\n${securityContext}\n`;

ruleTester('k8s/capabilities-not-dropped', {
  valid: [],
  invalid: [
    {
      name: 'a flow drop list gets ALL appended in place',
      code: pod('      securityContext: {capabilities: {drop: [NET_RAW]}}'),
      errors: [{ line: 7, column: 40, endLine: 7, endColumn: 55 }],
      output: pod('      securityContext: {capabilities: {drop: [NET_RAW, ALL]}}'),
    },
    {
      name: 'a missing list is inserted into the existing securityContext, in block style',
      code: pod('      securityContext:\n        runAsNonRoot: true'),
      errors: [{ line: 5, column: 13, endLine: 5, endColumn: 16 }],
      output: pod('      securityContext:\n        runAsNonRoot: true\n        capabilities:\n          drop:\n            - ALL'),
    },
  ],
});

ruleTester('k8s/host-pid', {
  valid: [],
  invalid: [
    {
      name: 'the pair goes with its line; the comment above it stays',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  # debugging only\n  hostPID: true\n  containers: []\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 16 }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  # debugging only\n  containers: []\n',
    },
  ],
});

ruleTester('k8s/host-path', {
  valid: [],
  invalid: [
    {
      name: 'no fix is offered, so fix-all changes nothing',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: data\n      hostPath: {path: /data}\n',
      errors: [{ line: 6, column: 18, endLine: 6, endColumn: 29 }],
      output: null,
    },
  ],
});
