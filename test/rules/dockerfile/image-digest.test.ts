import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rulesById } from '../../../rules/index.js';
import { ruleTester } from '../../support/ruleTester.js';

const digest = 'sha256:' + 'd'.repeat(64);

it('dockerfile/image-digest is off in the recommended preset', () => assert.equal(rulesById.get('dockerfile/image-digest')?.meta.preset, 'strict'));

ruleTester('dockerfile/image-digest', {
  valid: [
    { code: `FROM node:22-slim@${digest}\n`, filename: 'Dockerfile' },
    { code: `FROM --platform=$BUILDPLATFORM golang:1.23@${digest} AS build\nFROM build\nFROM scratch\n`, filename: 'Dockerfile' },
    { name: '$-images', code: 'ARG BASE=node:22\nFROM ${BASE}\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim AS app\nFROM app\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 18, severity: 'info', message: 'node:22-slim is not pinned by digest: append @sha256:<digest> of the image you tested' }],
    },
    {
      name: 'escape directive, continuation, CRLF',
      code: '# escape=`\r\nFROM --platform=linux/amd64 `\r\n  alpine:3.20\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 14, messageId: 'unpinned' }],
    },
  ],
});
