import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/unverified-download', {
  valid: [
    {
      name: 'checked with sha256sum -c (docker-library/golang style)',
      code: 'FROM debian:12\nRUN curl -fsSLo go.tgz "$url" && echo "$sha256 *go.tgz" | sha256sum -c - && tar -C /usr/local -xzf go.tgz\n',
      filename: 'Dockerfile',
    },
    {
      name: 'checked with gpg --verify, the signature download itself is not flagged (docker-library/python style)',
      code: 'FROM debian:12\nRUN wget -O python.tar.xz "$URL" && wget -O python.tar.xz.asc "$URL.asc" && gpg --batch --verify python.tar.xz.asc python.tar.xz\n',
      filename: 'Dockerfile',
    },
    {
      name: 'checked with openssl inside a quoted substitution (nginx style), cosign',
      code: 'FROM debian:12\nRUN curl -f -L -O https://x/a.tgz && if [ "$(openssl sha512 -r a.tgz)" = "$SUM" ]; then echo ok; else exit 1; fi\nRUN curl -fsSLO https://x/b && cosign verify-blob --key k.pub --signature b.sig b\n',
      filename: 'Dockerfile',
    },
    {
      name: 'not saved to a file: piped, to stdout, a substitution, /dev/null, --spider; keys and checksums',
      code: 'FROM debian:12\nRUN curl -fsSL https://x/a | tar -xz && wget -qO- https://x/b | tar -x && V="$(curl -s https://x/v)"\nRUN curl -o /dev/null https://x/health && wget --spider https://x/c\nRUN curl -fsSLo /usr/share/keyrings/docker.gpg https://download.docker.com/linux/debian/gpg && wget https://x/SHA256SUMS\n',
      filename: 'Dockerfile',
    },
  ],
  invalid: [
    {
      name: 'curl -o, wget, curl -O, a redirection, --output=, in any stage',
      code: [
        'FROM debian:12 AS build',
        'RUN curl -fsSLo tool.tgz https://example.com/tool-1.2.tgz && tar -xzf tool.tgz',
        'RUN wget https://example.com/a.tgz && curl -O "https://example.com/b.tgz" > /dev/null',
        'RUN curl -fsSL https://example.com/c.tgz > c.tgz && curl --output=d.zip https://x/d.zip',
        '',
      ].join('\n'),
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 26, endLine: 2, endColumn: 58, severity: 'info', message: 'curl saves a download that no step of this RUN verifies: check it with sha256sum -c or its signature before using it' },
        { line: 3, column: 10, endLine: 3, endColumn: 35, message: /^wget saves a download/ },
        { line: 3, column: 47, endLine: 3, endColumn: 74, messageId: 'unverified' },
        { line: 4, column: 16, endLine: 4, endColumn: 41, messageId: 'unverified' },
        { line: 4, column: 73, endLine: 4, endColumn: 88, messageId: 'unverified' },
      ],
      output: null,
    },
    {
      name: 'a checksum in another RUN does not check this one',
      code: 'FROM debian:12\nRUN curl -fsSLo a.tgz https://x/a.tgz\nRUN echo "$SUM  a.tgz" | sha256sum -c -\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 23, endLine: 2, endColumn: 38, messageId: 'unverified' }],
    },
  ],
});
