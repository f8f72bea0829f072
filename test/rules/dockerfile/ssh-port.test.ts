import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/ssh-port', {
  valid: [
    { code: 'FROM alpine:3.20\nEXPOSE 8080 443/tcp 2222\n', filename: 'Dockerfile' },
    { name: 'UDP 22 is not SSH', code: 'FROM alpine:3.20\nEXPOSE 22/udp\n', filename: 'Dockerfile' },
    { name: 'a variable port', code: 'FROM alpine:3.20\nARG PORT=22\nEXPOSE $PORT\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 80 22\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 11, endLine: 2, endColumn: 13, severity: 'warning', message: 'EXPOSE 22 publishes SSH: use docker exec or kubectl exec instead of an SSH server' }],
    },
    {
      name: '22/tcp, a range that includes 22, continuation with the escape directive and CRLF',
      code: '# escape=`\r\nFROM alpine:3.20\r\nEXPOSE 22/TCP `\r\n    20-25\r\n',
      filename: 'Dockerfile',
      errors: [
        { line: 3, column: 8, endLine: 3, endColumn: 14, messageId: 'ssh' },
        { line: 4, column: 5, endLine: 4, endColumn: 10, messageId: 'ssh' },
      ],
    },
  ],
});
