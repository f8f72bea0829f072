import { ruleTester } from '../../support/ruleTester.js';
import { podWithImage } from './imagePods.js';

const pod = podWithImage;

ruleTester('k8s/image-digest', {
  valid: [pod(`nginx:1.30.1-alpine@sha256:${'a'.repeat(64)}`), pod(`ghcr.io/acme/api@sha256:${'b'.repeat(64)}`), { name: 'Helm', filename: 'chart/templates/pod.yaml', code: pod('{{ .Values.image }}') }],
  invalid: [
    {
      code: pod('nginx:1.30.1-alpine'),
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 31, severity: 'info', message: 'Container "web" runs nginx:1.30.1-alpine, which is not pinned by digest: append @sha256:<digest> of the image you tested' }],
      output: null,
    },
  ],
});
