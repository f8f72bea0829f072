import { ruleTester } from '../../support/ruleTester.js';
import { podWithImage } from './imagePods.js';

const pod = podWithImage;
const options = { allowedRegistries: ['registry.acme.io', 'ghcr.io/acme/', 'docker.io/library/*'] };

ruleTester('k8s/image-registry', {
  valid: [
    { name: 'no allow-list: nothing reported', code: pod('quay.io/evil/miner:1') },
    { options, code: pod('registry.acme.io/team/api:1.2') },
    { options, code: pod('ghcr.io/acme/tool:3') },
    { name: 'an official image is docker.io/library/<name>', options, code: pod('nginx:1.30') },
    { name: 'Helm', options, filename: 'chart/templates/pod.yaml', code: pod('{{ .Values.image }}') },
  ],
  invalid: [
    {
      name: 'another registry',
      options,
      code: pod('quay.io/evil/miner:1'),
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 32, message: 'Container "web" runs quay.io/evil/miner:1 from quay.io/evil/miner, which is not under an allowed registry (registry.acme.io, ghcr.io/acme/, docker.io/library/*)' }],
    },
    { name: 'a prefix matches at a path boundary only', options, code: pod('ghcr.io/acmecorp/tool:3'), errors: [{ line: 8, column: 12, endLine: 8, endColumn: 35 }] },
    { name: 'a Docker Hub user image is not an official one', options, code: pod('bitnami/redis:7'), errors: [{ line: 8, column: 12, endLine: 8, endColumn: 27, message: /from docker\.io\/bitnami\/redis,/ }] },
    { name: 'a look-alike host', options, code: pod('registry.acme.io.evil.com/api:1'), errors: [{ line: 8, column: 12, endLine: 8, endColumn: 43 }] },
  ],
});
