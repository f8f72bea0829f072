import { ruleTester } from '../../support/ruleTester.js';

const digest = 'sha256:' + 'a'.repeat(64);
const image = (reference: string) => `services:\n  web:\n    image: ${reference}\n`;

ruleTester('dockerfile/compose-image-latest', {
  valid: [
    { code: image('nginx:1.27-alpine'), filename: 'compose.yaml' },
    { name: 'a digest pins it', code: image(`nginx@${digest}`), filename: 'compose.yaml' },
    { name: 'a registry port is not a tag', code: image('localhost:5000/team/app:1.4'), filename: 'compose.yaml' },
    { name: 'with build:, image: names what is built', code: 'services:\n  web:\n    build: .\n    image: acme/web\n', filename: 'compose.yaml' },
    { name: 'interpolated tag or image', code: 'services:\n  a:\n    image: nginx:${NGINX_VERSION}\n  b:\n    image: ${IMAGE}\n', filename: 'compose.yaml' },
    { name: 'not a Compose file: a Helm values image map', code: 'services:\n  web:\n    image:\n      repository: nginx\n      tag: latest\n', filename: 'values.yaml' },
  ],
  invalid: [
    {
      name: 'untagged: the range is the whole reference',
      code: image('nginx'),
      filename: 'compose.yaml',
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 17, severity: 'warning', message: 'Service "web" runs nginx with no tag, so whatever `latest` is when it is pulled: tag the version you tested' }],
      output: null,
    },
    {
      name: ':latest: the range is the tag, quoted or not',
      code: 'services:\n  a:\n    image: postgres:latest\n  b:\n    image: "ghcr.io/acme/api:latest"\n',
      filename: 'compose.yaml',
      errors: [
        { line: 3, column: 21, endLine: 3, endColumn: 27, message: 'Service "a" runs postgres:latest with the `latest` tag, which changes under you: tag the version you tested' },
        { line: 5, column: 30, endLine: 5, endColumn: 36, messageId: 'latest' },
      ],
    },
    {
      name: 'untagged with a registry port',
      code: image('localhost:5000/team/app'),
      filename: 'compose.yaml',
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 35, messageId: 'untagged' }],
    },
  ],
});
