import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/sudo', {
  valid: [
    { code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y sudo\n', filename: 'Dockerfile' },
    { code: 'FROM debian:12-slim\nRUN echo "use sudo wisely" && grep sudo /etc/group\n', filename: 'Dockerfile' },
    { name: 'not a RUN', code: 'FROM debian:12-slim\nCMD sudo -u app ./run\n', filename: 'Dockerfile' },
    { name: 'a case pattern, a for list, a function name', code: 'FROM debian:12-slim\nRUN case "$USER" in sudo|root) echo admin ;; esac; for sudo in a; do :; done; sudo() { :; }\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN sudo apt-get update && DEBIAN_FRONTEND=noninteractive sudo apt-get install -y curl\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 9, severity: 'warning', message: 'sudo in RUN: switch users with USER instead' },
        { line: 2, column: 59, endLine: 2, endColumn: 63, messageId: 'sudo' },
      ],
    },
    {
      name: 'in a case arm, after then, inside $( )',
      code: 'FROM debian:12-slim\nRUN case "$ID" in debian) sudo apt-get update ;; esac && if true; then sudo make; fi && echo $(sudo id)\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 27, endLine: 2, endColumn: 31, messageId: 'sudo' },
        { line: 2, column: 72, endLine: 2, endColumn: 76, messageId: 'sudo' },
        { line: 2, column: 96, endLine: 2, endColumn: 100, messageId: 'sudo' },
      ],
    },
    {
      name: 'continuation with the escape directive, CRLF, heredoc, builder stage',
      code: '# escape=`\r\nFROM --platform=$BUILDPLATFORM debian:12 AS build\r\nRUN make `\r\n && /usr/bin/sudo make install\r\nRUN <<EOF\r\nsudo ldconfig\r\nEOF\r\nFROM build\r\n',
      filename: 'Dockerfile',
      errors: [
        { line: 4, column: 5, endLine: 4, endColumn: 18, messageId: 'sudo' },
        { line: 6, column: 1, endLine: 6, endColumn: 5, messageId: 'sudo' },
      ],
    },
  ],
});
