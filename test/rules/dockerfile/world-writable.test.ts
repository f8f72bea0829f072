import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isWorldWritable } from '../../../rules/dockerfile/world-writable.js';
import { ruleTester } from '../../support/ruleTester.js';

it('world-writable modes', () => {
  for (const mode of ['777', '0777', '666', '772', '0757', 'a+rwx', 'o+w', 'a=rwx', 'ugo+rwx', 'u+x,o+w', 'o=rwx', 'a+w']) assert.equal(isWorldWritable(mode), true, mode);
  for (const mode of ['755', '644', '0750', '1777', '775', 'u+rwx', 'g+w', '+x', 'o-w', 'a-w', 'o+rx', 'a+rX', '-w']) assert.equal(isWorldWritable(mode), false, mode);
});

ruleTester('dockerfile/world-writable', {
  valid: [
    { code: 'FROM alpine:3.20\nRUN chmod 755 /app && chmod -R g+w /data && chmod 1777 /tmp\nCOPY --chmod=644 a /a\n', filename: 'Dockerfile' },
    { name: 'a chmod that is only text', code: 'FROM alpine:3.20\nRUN echo "chmod 777 is bad"\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'chmod 777, chmod -R a+rwx, sudo chmod o+w',
      code: 'FROM alpine:3.20\nRUN chmod 777 /app\nRUN chmod -R a+rwx /data && sudo chmod -v o+w /srv\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 11, endLine: 2, endColumn: 14, severity: 'warning', message: 'Mode 777 makes files writable by every user: grant write access to the owner only' },
        { line: 3, column: 14, endLine: 3, endColumn: 19, messageId: 'worldWritable' },
        { line: 3, column: 43, endLine: 3, endColumn: 46, messageId: 'worldWritable' },
      ],
    },
    {
      name: 'behind xargs (with -I) and nice: the wrappers secrets/hardcoded-credential skips too',
      code: 'FROM alpine:3.20\nRUN find /app -type d | xargs -I {} chmod 777 {}\nRUN nice -n 10 /bin/chmod a+w /srv\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 43, endLine: 2, endColumn: 46, messageId: 'worldWritable' },
        { line: 3, column: 27, endLine: 3, endColumn: 30, messageId: 'worldWritable' },
      ],
    },
    {
      name: 'wrapper options are per wrapper: time -p and xargs -p take no value, sudo -n neither, sudo -u does',
      code: 'FROM alpine:3.20\nRUN time -p chmod 777 /app\nRUN find /app | xargs -p chmod 777\nRUN sudo -n -u app chmod 777 /srv\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 19, endLine: 2, endColumn: 22, messageId: 'worldWritable' },
        { line: 3, column: 32, endLine: 3, endColumn: 35, messageId: 'worldWritable' },
        { line: 4, column: 26, endLine: 4, endColumn: 29, messageId: 'worldWritable' },
      ],
    },
    {
      name: 'COPY/ADD --chmod',
      code: 'FROM alpine:3.20\nCOPY --chmod=777 app /app\nADD --chown=1:1 --chmod=0666 conf /etc/conf\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 14, endLine: 2, endColumn: 17, messageId: 'worldWritable' },
        { line: 3, column: 25, endLine: 3, endColumn: 29, messageId: 'worldWritable' },
      ],
    },
    {
      name: 'heredoc, escape directive continuation, CRLF, builder stage',
      code: '# escape=`\r\nFROM --platform=$BUILDPLATFORM alpine:3.20 AS build\r\nRUN mkdir /x && `\r\n    chmod 0777 /x\r\nRUN <<EOF\r\nchmod -R o+w /y\r\nEOF\r\n',
      filename: 'Dockerfile',
      errors: [
        { line: 4, column: 11, endLine: 4, endColumn: 15, messageId: 'worldWritable' },
        { line: 6, column: 10, endLine: 6, endColumn: 13, messageId: 'worldWritable' },
      ],
    },
  ],
});
