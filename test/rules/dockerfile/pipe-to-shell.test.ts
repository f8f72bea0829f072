import { ruleTester } from '../../support/ruleTester.js';

const RUN = (script: string) => ({ code: `FROM alpine:3.20\n${script}\n`, filename: 'Dockerfile' });

ruleTester('dockerfile/pipe-to-shell', {
  valid: [
    RUN('RUN curl -fsSLo install.sh https://example.com/install.sh && echo "abc  install.sh" | sha256sum -c - && sh install.sh'),
    RUN('RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt'),
    RUN('RUN wget -qO- https://example.com/key.asc | gpg --import'),
    RUN('RUN echo "curl https://x | sh" > notes.txt'),
    RUN("RUN echo 'a' | sh"),
    { name: 'CMD is not a build step', code: 'FROM alpine:3.20\nCMD curl -s https://x | sh\n', filename: 'Dockerfile' },
    RUN('RUN ["sh", "-c", "curl -fsSL https://x -o /tmp/x"]'),
  ],
  invalid: [
    {
      name: 'the shell behind time -p and command -p (no value to skip)',
      ...RUN('RUN curl -fsSL https://x/i.sh | time -p sh\nRUN curl -fsSL https://x/i.sh | command -p sh'),
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 43, messageId: 'piped' },
        { line: 3, column: 5, endLine: 3, endColumn: 46, messageId: 'piped' },
      ],
    },
    {
      name: 'curl | sh',
      ...RUN('RUN apk add curl && curl -fsSL https://example.com/install.sh | sh'),
      errors: [{ line: 2, column: 21, endLine: 2, endColumn: 67, severity: 'warning', message: 'A download (curl) runs unverified in sh: save it, check its checksum, then run it' }],
    },
    {
      name: 'wget -O- | sudo bash -s, across a continuation',
      ...RUN('RUN wget -O- https://example.com/setup \\\n    | sudo -E bash -s -- --yes'),
      errors: [{ line: 2, column: 5, endLine: 3, endColumn: 31, message: /A download \(wget\) runs unverified in bash/ }],
    },
    {
      name: 'into python3',
      ...RUN('RUN curl -sSL https://install.python-poetry.org | python3 -'),
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 60, message: /runs unverified in python3/ }],
    },
    {
      name: 'sh -c "$(curl …)" and bash <(curl …)',
      ...RUN('RUN sh -c "$(curl -fsSL https://x/install.sh)"\nRUN bash <(curl -s https://x/setup.sh)'),
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 47, messageId: 'piped' },
        { line: 3, column: 5, endLine: 3, endColumn: 38, messageId: 'piped' },
      ],
    },
    {
      name: 'in a heredoc script, CRLF',
      code: 'FROM alpine:3.20\r\nRUN <<EOF\r\nset -e\r\ncurl -fsSL https://x | sh\r\nEOF\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 26, messageId: 'piped' }],
    },
    {
      name: 'exec form sh -c, escape directive, builder stage with --platform',
      code: '# escape=`\nFROM --platform=$BUILDPLATFORM alpine:3.20 AS build\nRUN ["sh", "-c", "curl -s https://x | sh"]\nFROM scratch\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 19, endLine: 3, endColumn: 41, messageId: 'piped' }],
    },
  ],
});
