import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyFirstFix } from './fixtures.js';
import { ruleTester } from '../../support/ruleTester.js';

it('offers npm ci as a quick fix, not in fix-all (npm ci needs a package-lock.json)', () => {
  assert.deepEqual(applyFirstFix('dockerfile/npm-install-instead-of-ci', 'FROM node:22\nRUN npm install --omit=dev\n'), {
    titles: ['Replace npm install with npm ci'],
    output: 'FROM node:22\nRUN npm ci --omit=dev\n',
  });
});

ruleTester('dockerfile/npm-install-instead-of-ci', {
  valid: [
    { code: 'FROM node:22\nRUN npm ci --omit=dev\n', filename: 'Dockerfile' },
    { name: 'packages named, global installs', code: 'FROM node:22\nRUN npm install -g @angular/cli@13 && npm install lodash && npm i -g pnpm\n', filename: 'Dockerfile' },
    { name: 'a build stage', code: 'FROM node:22 AS build\nRUN npm install && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nRUN npm install --production && npm i\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 9, endLine: 2, endColumn: 16, severity: 'warning', message: '`npm install` resolves versions again at build time: use `npm ci` to install exactly what package-lock.json pins' },
        { line: 2, column: 37, endLine: 2, endColumn: 38, messageId: 'install' },
      ],
      output: null,
    },
  ],
});
