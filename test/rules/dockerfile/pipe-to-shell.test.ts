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
    { name: 'case patterns named like shells are not commands', ...RUN('RUN curl -fsSLo /tmp/x https://x; case "$SHELL" in sh|bash) echo posix ;; *) echo other ;; esac') },
    { name: 'arithmetic and heredoc bodies are not commands', ...RUN('RUN <<EOF\nn=$(( $(nproc) | 1 ))\ncat <<EOT > /notes\ncurl https://x | sh\nEOT\nEOF') },
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
      name: 'inside a subshell, a case arm, a function, an if, and out of a group',
      ...RUN('RUN (cd /tmp && curl -fsSL https://x | sh)\nRUN case "$(uname -m)" in x86_64) wget -qO- https://x | bash ;; esac\nRUN f() { curl -s https://x | sh; }; f\nRUN if true; then curl -s https://x | python3 -; fi\nRUN { curl -s https://x; } | sh'),
      errors: [
        { line: 2, column: 17, endLine: 2, endColumn: 42, messageId: 'piped' },
        { line: 3, column: 35, endLine: 3, endColumn: 61, messageId: 'piped' },
        { line: 4, column: 11, endLine: 4, endColumn: 33, messageId: 'piped' },
        { line: 5, column: 19, endLine: 5, endColumn: 48, messageId: 'piped' },
        { line: 6, column: 7, endLine: 6, endColumn: 32, messageId: 'piped' },
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
