import { ruleTester } from '../../support/ruleTester.js';
import { podWithContainer } from './imagePods.js';

const pod = podWithContainer;

ruleTester('k8s/image-latest', {
  valid: [
    pod('    image: nginx:1.30.1-alpine\n'),
    pod(`    image: nginx@sha256:${'a'.repeat(64)}\n`),
    { name: 'latest pinned by a digest', code: pod(`    image: nginx:latest@sha256:${'a'.repeat(64)}\n`) },
    { name: "Istio's injected placeholder", code: pod('    image: auto\n') },
    { name: 'not a reference (envsubst)', code: pod('    image: ${IMAGE}\n') },
    {
      name: 'Helm: a templated image is not judged',
      filename: 'chart/templates/deployment.yaml',
      code: pod('    image: {{ .Values.image }}\n  - name: side\n    image: "{{ .Values.side.repository }}:{{ .Values.side.tag }}"\n'),
    },
  ],
  invalid: [
    { name: 'untagged: on the whole value', code: pod('    image: nginx\n'), errors: [{ line: 8, column: 12, endLine: 8, endColumn: 17, messageId: 'untagged' }], output: null },
    {
      name: 'latest: on the tag, quotes kept out of the range',
      code: pod('    image: "registry.acme.io/team/api:latest"\n'),
      errors: [{ line: 8, column: 39, endLine: 8, endColumn: 45, message: 'Container "web" runs registry.acme.io/team/api:latest, whose `latest` tag changes under you: tag the version you tested' }],
    },
    {
      name: 'latest with IfNotPresent: each node keeps its own latest',
      code: pod('    image: busybox\n    imagePullPolicy: IfNotPresent\n'),
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 19, message: 'Container "web" runs busybox (no tag) with imagePullPolicy: IfNotPresent, so each node keeps whichever version it pulled first: tag the version you tested' }],
    },
    {
      name: 'init containers too',
      code: pod('    image: nginx:1.30\n  initContainers:\n  - name: init\n    image: alpine:latest\n'),
      errors: [{ line: 11, column: 19, endLine: 11, endColumn: 25, messageId: 'latest' }],
    },
  ],
});
