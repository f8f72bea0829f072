import { applyFirstFix } from './fixtures.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTester } from '../../support/ruleTester.js';

const code = 'FROM debian:12\nRUN apt-get update && apt-get -y install curl && rm -rf /var/lib/apt/lists/*\n';

it('offers --no-install-recommends as a quick fix, not in fix-all (a build may need a recommended package)', () => {
  assert.deepEqual(applyFirstFix('dockerfile/apt-no-install-recommends', code), {
    titles: ['Add --no-install-recommends'],
    output: 'FROM debian:12\nRUN apt-get update && apt-get -y install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
  });
});

ruleTester('dockerfile/apt-no-install-recommends', {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl && apt install --no-install-recommends x\n', filename: 'Dockerfile' },
    { name: 'switched off by -o or by an apt.conf line written earlier; a dry run', code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/norecs\nRUN apt-get install -y curl\nRUN apt-get -o APT::Install-Recommends=false install x && apt-get install -s y\n', filename: 'Dockerfile' },
    { name: 'a build stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM scratch\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code,
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 23, endLine: 2, endColumn: 41, severity: 'info', message: '`apt-get install` also installs recommended packages: add --no-install-recommends' }],
      output: null,
    },
  ],
});
