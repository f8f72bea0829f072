import { ruleTester } from '../../support/ruleTester.js';

const tls = 'tls';
const signature = 'signature';

ruleTester('dockerfile/verification-disabled', {
  valid: [
    { code: 'FROM debian:12\nRUN curl -fsSL -o /k https://x/k && wget -q https://x/y && pip install --index-url https://p/simple flask\n', filename: 'Dockerfile' },
    { name: 'a -k that is the value of curl -o, and -k of another program', code: 'FROM debian:12\nRUN curl -fsSLo k https://x/k && ssh-keygen -k && echo curl -k\n', filename: 'Dockerfile' },
    { name: 'verification switched on, or variables with safe values', code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nARG GIT_SSL_NO_VERIFY\nRUN npm config set strict-ssl true && git -c http.sslVerify=true clone https://x\n', filename: 'Dockerfile' },
    {
      name: 'local packages built earlier, a local file: repository (docker-library/postgres, nginx)',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-*.apk\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n',
      filename: 'Dockerfile',
    },
  ],
  invalid: [
    {
      name: 'curl -k in a bundle, wget, pip --trusted-host, npm and git config',
      code: [
        'FROM debian:12',
        'RUN curl -fsSLk https://x/y -o /y && wget --no-check-certificate https://z \\',
        ' && pip install --trusted-host pypi.org flask && npm config set strict-ssl false \\',
        ' && git -c http.sslVerify=false clone https://x && git config --global http.sslverify false',
        'RUN curl --insecure https://x && pip3 config set global.trusted-host x && python3 -m pip download --trusted-host=h y',
        '',
      ].join('\n'),
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 10, endLine: 2, endColumn: 16, severity: 'warning', message: 'curl -fsSLk switches off TLS certificate checks: whoever sits on the network path decides what gets into the image' },
        { line: 2, column: 43, endLine: 2, endColumn: 65, messageId: tls, message: /^wget --no-check-certificate / },
        { line: 3, column: 17, endLine: 3, endColumn: 31, messageId: tls, message: /^pip --trusted-host / },
        { line: 3, column: 65, endLine: 3, endColumn: 75, messageId: tls, message: /^npm config set strict-ssl false / },
        { line: 4, column: 12, endLine: 4, endColumn: 32, messageId: tls, message: /^git http\.sslVerify=false / },
        { line: 4, column: 72, endLine: 4, endColumn: 86, messageId: tls },
        { line: 5, column: 10, endLine: 5, endColumn: 20, messageId: tls, message: /^curl --insecure / },
        { line: 5, column: 50, endLine: 5, endColumn: 69, messageId: tls, message: /^pip config set trusted-host / },
        { line: 5, column: 99, endLine: 5, endColumn: 115, messageId: tls },
      ],
      output: null,
    },
    {
      name: 'package signatures: apt-get, [trusted=yes], dnf, rpm, apt -o',
      code: [
        'FROM debian:12',
        'RUN apt-get install -y --allow-unauthenticated foo && apt-get install --force-yes bar',
        'RUN echo "deb [trusted=yes] http://x/ ./" > /etc/apt/sources.list.d/x.list',
        'RUN dnf install --nogpgcheck -y x && rpm -i --nosignature x && apt-get -o APT::Get::AllowUnauthenticated=true install z',
        'RUN apt-get -o Acquire::https::Verify-Peer=false update',
        '',
      ].join('\n'),
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 24, endLine: 2, endColumn: 47, messageId: signature, message: /^apt-get --allow-unauthenticated installs packages without checking their signatures/ },
        { line: 2, column: 71, endLine: 2, endColumn: 82, messageId: signature, message: /^apt-get --force-yes / },
        { line: 3, column: 10, endLine: 3, endColumn: 42, messageId: signature, message: /^\[trusted=yes\] / },
        { line: 4, column: 17, endLine: 4, endColumn: 29, messageId: signature, message: /^dnf --nogpgcheck / },
        { line: 4, column: 45, endLine: 4, endColumn: 58, messageId: signature, message: /^rpm --nosignature / },
        { line: 4, column: 75, endLine: 4, endColumn: 110, messageId: signature, message: /^apt-get -o APT::Get::AllowUnauthenticated=true / },
        { line: 5, column: 16, endLine: 5, endColumn: 49, messageId: tls },
      ],
    },
    {
      name: 'variables in ENV, ARG and RUN (before a command, after export); values that are not switches are not quoted',
      code: [
        'FROM node:22',
        'ARG NODE_TLS_REJECT_UNAUTHORIZED=0',
        'ENV PYTHONHTTPSVERIFY=0 GIT_SSL_NO_VERIFY=true npm_config_strict_ssl=false',
        'ENV PIP_TRUSTED_HOST pypi.internal.example',
        'RUN NODE_TLS_REJECT_UNAUTHORIZED=0 node x.js && export GIT_SSL_NO_VERIFY=1',
        '',
      ].join('\n'),
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 35, messageId: tls, message: /^NODE_TLS_REJECT_UNAUTHORIZED=0 / },
        { line: 3, column: 5, endLine: 3, endColumn: 24, messageId: tls, message: /^PYTHONHTTPSVERIFY=0 / },
        { line: 3, column: 25, endLine: 3, endColumn: 47, messageId: tls, message: /^GIT_SSL_NO_VERIFY switches/ },
        { line: 3, column: 48, endLine: 3, endColumn: 75, messageId: tls, message: /^npm_config_strict_ssl=false / },
        { line: 4, column: 5, endLine: 4, endColumn: 43, messageId: tls, message: /^PIP_TRUSTED_HOST switches/ },
        { line: 5, column: 5, endLine: 5, endColumn: 35, messageId: tls },
        { line: 5, column: 56, endLine: 5, endColumn: 75, messageId: tls },
      ],
    },
    {
      name: 'exec form, heredoc, behind sudo and env',
      code: 'FROM debian:12\nRUN ["sh", "-c", "curl -k https://x"]\nRUN <<EOF\nsudo -E wget --no-check-certificate https://y\nEOF\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 24, endLine: 2, endColumn: 26, messageId: tls },
        { line: 4, column: 14, endLine: 4, endColumn: 36, messageId: tls },
      ],
    },
  ],
});
