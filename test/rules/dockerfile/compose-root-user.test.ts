import { ruleTester } from '../../support/ruleTester.js';

const service = (user: string) => `services:\n  web:\n    image: nginx:1.27\n    user: ${user}\n`;

ruleTester('dockerfile/compose-root-user', {
  valid: [
    { code: service('"10001:10001"'), filename: 'compose.yaml' },
    { name: 'a named non-root user', code: service('postgres'), filename: 'compose.yaml' },
    { name: 'UID 1000 with group 0 is not root', code: service('"1000:0"'), filename: 'compose.yaml' },
    { name: 'a name that only contains root', code: service('rootless'), filename: 'compose.yaml' },
    { name: 'interpolated', code: service('"${UID}:${GID}"'), filename: 'compose.yaml' },
    { name: 'no user: the image decides (dockerfile/root-user judges the Dockerfile)', code: 'services:\n  web:\n    image: nginx:1.27\n', filename: 'compose.yaml' },
  ],
  invalid: [
    {
      name: 'root',
      code: service('root'),
      filename: 'compose.yaml',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 15, severity: 'warning', message: 'Service "web" runs as root (user: root)' }],
      output: null,
    },
    { name: 'UID 0 as a number', code: service('0'), filename: 'compose.yaml', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 12, message: 'Service "web" runs as root (user: 0)' }] },
    { name: '0:0 quoted', code: service('"0:0"'), filename: 'compose.yaml', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 16, message: 'Service "web" runs as root (user: 0:0)' }] },
    { name: 'root with a group', code: service('root:root'), filename: 'compose.yaml', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 20, messageId: 'root' }] },
  ],
});
