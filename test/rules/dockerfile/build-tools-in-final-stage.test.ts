import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/build-tools-in-final-stage', {
  valid: [
    { name: 'tool-chain in a build stage only', code: 'FROM debian:12 AS build\nRUN apt-get install -y build-essential git\nFROM debian:12-slim\nCOPY --from=build /out /out\n', filename: 'Dockerfile' },
    {
      name: 'removed again: apt-mark auto + purge --auto-remove (docker-library), apk --virtual group, by name',
      code: 'FROM debian:12\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get install -y gcc make; apt-mark auto \'.*\'; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && apk del .build-deps\nRUN apt-get install -y git && apt-get purge -y git\n',
      filename: 'Dockerfile',
    },
    { name: 'other packages, a dry run', code: 'FROM debian:12\nRUN apt-get install -y curl libgcc-s1 gitlab-runner && apt-get install -s gcc\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'apt, apk and dnf, versions and numbered compilers',
      code: 'FROM debian:12\nRUN apt-get install -y curl build-essential git=1:2.39.2-1\nRUN apk add --no-cache gcc-12 make\nRUN dnf install -y gcc-c++ cmake && apt-get purge -y cmake\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 29, endLine: 2, endColumn: 44, severity: 'info', message: 'build-essential, git stay in the final stage: build in an earlier stage and COPY --from it only what runs' },
        { line: 3, column: 24, endLine: 3, endColumn: 30, message: 'gcc-12, make stay in the final stage: build in an earlier stage and COPY --from it only what runs' },
        { line: 4, column: 20, endLine: 4, endColumn: 27, message: /^gcc-c\+\+ stays in the final stage/ },
      ],
      output: null,
    },
    {
      name: 'the target stage under dockerfileTarget',
      code: 'FROM debian:12 AS runtime\nRUN apt-get install -y gcc\nFROM runtime AS test\n',
      filename: 'Dockerfile',
      dockerfileTarget: 'runtime',
      errors: [{ line: 2, column: 24, endLine: 2, endColumn: 27, message: /^gcc stays in the target stage "runtime"/ }],
    },
  ],
});
