import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/package-cache', {
  valid: [
    { name: 'lists removed, --no-cache, --no-cache-dir', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache curl && pip install --no-cache-dir flask\n', filename: 'Dockerfile' },
    { name: 'cache mounts, apt-get dist-clean, PIP_NO_CACHE_DIR in ENV and before the command', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\nRUN apt-get update; apt-get install -y y; apt-get dist-clean\nRUN --mount=type=cache,target=/root/.cache pip install a && --mount=type=cache,target=/var/cache/apk apk add b\nENV PIP_NO_CACHE_DIR=1\nRUN pip install c && PIP_NO_CACHE_DIR=off pip3 install d\n', filename: 'Dockerfile' },
    { name: 'a build stage that does not ship', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc && pip install x && apk add y\nFROM scratch\nCOPY --from=build /out /out\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'apt lists (fixed at the end of the RUN), apk add, pip and python -m pip (flags added)',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apk add curl && pip install --upgrade pip && python3 -m pip install -r requirements.txt\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 19, severity: 'info', message: 'The apt lists from `apt-get update` stay in this layer: remove them in the same RUN (&& rm -rf /var/lib/apt/lists/*)' },
        { line: 3, column: 5, endLine: 3, endColumn: 12, message: '`apk add` keeps its cache in the image: use apk add --no-cache' },
        { line: 3, column: 21, endLine: 3, endColumn: 32, message: '`pip install` keeps its download cache in the image: use pip install --no-cache-dir' },
        { line: 3, column: 50, endLine: 3, endColumn: 72, messageId: 'pipCache' },
      ],
      output:
        'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache curl && pip install --no-cache-dir --upgrade pip && python3 -m pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'no fix where appending is unsafe: update alone, inside if … fi, a heredoc',
      code: 'FROM debian:12\nRUN apt-get update\nRUN if true; then apt-get update && apt-get install -y x; fi\nRUN <<EOF\napt-get update\napt-get install -y y\nEOF\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 19, messageId: 'aptLists' },
        { line: 3, column: 19, endLine: 3, endColumn: 33, messageId: 'aptLists' },
        { line: 5, column: 1, endLine: 5, endColumn: 15, messageId: 'aptLists' },
      ],
      output: null,
    },
    {
      name: 'continuation lines and CRLF: the removal goes after the last word',
      code: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      curl\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 19, messageId: 'aptLists' }],
      output: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      curl && rm -rf /var/lib/apt/lists/*\r\n',
    },
  ],
});
