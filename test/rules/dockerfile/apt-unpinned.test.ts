import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/apt-unpinned', {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=8.5.0-2 ca-certificates=20230311 ./local.deb git/bookworm-backports "$PKG"\n', filename: 'Dockerfile' },
    { name: 'other apt commands', code: 'FROM debian:12\nRUN apt-get update && apt-get purge -y curl\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get -y install curl=8.5.0-2 git wget && apt install -y jq\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 37, endLine: 2, endColumn: 45, severity: 'info', message: 'git, wget installed without a pinned version: add =<version>' },
        { line: 2, column: 64, endLine: 2, endColumn: 66, messageId: 'unpinned' },
      ],
    },
  ],
});
