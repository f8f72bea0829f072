import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester } from '../../support/ruleTester.js';
import { applyFirstFix } from './fixtures.js';

const RULE = 'dockerfile/add-instead-of-copy';
const digest = 'sha256:' + 'e'.repeat(64);

ruleTester(RULE, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY . /app\n', filename: 'Dockerfile' },
    { name: 'a local tar archive is unpacked on purpose', code: 'FROM scratch\nADD rootfs.tar.gz /\nADD vendor.tgz /opt/\n', filename: 'Dockerfile' },
    { name: 'a verified download', code: `FROM alpine:3.20\nADD --checksum=${digest} https://example.com/tool.bin /usr/local/bin/tool\n`, filename: 'Dockerfile' },
    { name: 'git pinned to a commit', code: `FROM alpine:3.20\nADD https://github.com/org/repo.git#${'a'.repeat(40)} /src\n`, filename: 'Dockerfile' },
    { name: 'a $-source may be anything', code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /x\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'local files',
      code: 'FROM alpine:3.20\nADD --chown=app:app src/ /app/\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4, severity: 'warning', message: 'Use COPY to copy local files: ADD also fetches URLs and unpacks archives, which COPY never does' }],
    },
    {
      name: 'remote URL, range on the URL',
      code: 'FROM alpine:3.20\nADD https://example.com/tool.bin /usr/local/bin/\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 33, message: 'ADD downloads https://example.com/tool.bin without verifying it: add --checksum=sha256:<digest> or download and check it in a RUN step' }],
    },
    {
      name: 'JSON form, heredoc, lower-case keyword, builder stage with --platform',
      code: 'FROM --platform=$BUILDPLATFORM alpine:3.20 AS build\nADD ["a b.txt", "/dst/"]\nadd <<EOF /etc/motd\nhello\nEOF\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, messageId: 'local' },
        { line: 3, column: 1, endLine: 3, endColumn: 4, messageId: 'local' },
      ],
    },
    {
      name: 'escape directive continuation and CRLF',
      code: '# escape=`\r\nFROM alpine:3.20\r\nADD `\r\n  https://example.com/a.zip C:\\a\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 28, messageId: 'remote' }],
    },
  ],
});

describe(`${RULE}: fix`, () => {
  it('replaces the keyword, keeping its case', () => {
    assert.deepEqual(applyFirstFix(RULE, 'FROM alpine:3.20\nADD app.py /app/\n'), { titles: ['Replace ADD with COPY'], output: 'FROM alpine:3.20\nCOPY app.py /app/\n' });
    assert.equal(applyFirstFix(RULE, 'from alpine:3.20\r\nadd app.py /app/\r\n').output, 'from alpine:3.20\r\ncopy app.py /app/\r\n');
  });

  it('has no fix for ADD-only flags or URLs', () => {
    assert.deepEqual(applyFirstFix(RULE, 'FROM alpine:3.20\nADD https://x/y /y\n').titles, []);
    assert.deepEqual(applyFirstFix(RULE, 'FROM alpine:3.20\nADD --keep-git-dir=true . /src\n').titles, []);
  });
});
