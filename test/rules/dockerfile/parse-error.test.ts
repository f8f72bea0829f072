import { ALPHABETS, FAKE_TOKENS, fake, randomChars } from '../../secrets/fakes.js';
import { ruleTester } from '../../support/ruleTester.js';

/** An AWS access key id of letters only: keyword-shaped, yet a secret. */
const LETTERS_ONLY_KEY = fake('AK', 'IA', randomChars(16, ALPHABETS.letters.toUpperCase(), 3));

ruleTester('dockerfile/parse-error', {
  valid: [
    { code: '# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine:3.20\nrun echo lower-case keywords are fine\n', filename: 'Dockerfile' },
    { name: 'empty file', code: '', filename: 'Dockerfile' },
    { name: 'comments only', code: '# to do\n', filename: 'Dockerfile' },
    { name: 'heredoc bodies are not instructions', code: 'FROM alpine:3.20\nRUN <<EOF\nNOT AN INSTRUCTION\nEOF\n', filename: 'Dockerfile' },
    { name: 'backtick escape directive with Windows paths', code: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nCOPY C:\\a\\ C:\\b\\\r\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'a template (Go, Cottle: dotnet/dotnet-docker) is one info note on its first delimiter, its own syntax unchecked',
      code: '{{\n    set isAlpine to find(OS_VERSION, "alpine") >= 0 ^\n}}FROM {{ARGS["base"]}}\nRUN {{if isAlpine:apk add curl^else:apt-get install curl}}\n',
      filename: 'Dockerfile.linux',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', message: 'This file is a template ({{ where an instruction should start), not a Dockerfile: its syntax is not checked; lint the Dockerfile it renders' }],
    },
    {
      name: 'a Jinja template, opened by {% further down',
      code: 'FROM alpine:3.20\n{% if dev %}\nRUN apk add gdb\n{% endif %}\n',
      filename: 'Dockerfile.j2',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 3, severity: 'info', message: /^This file is a template \(\{% where/ }],
    },
    {
      name: 'unknown instruction with a suggestion',
      code: 'FROM alpine:3.20\nRUNN echo hi\nCOPPY a b\nFOO x\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 1, endLine: 2, endColumn: 5, severity: 'error', message: 'Unknown instruction RUNN (did you mean RUN?)' },
        { line: 3, column: 1, endLine: 3, endColumn: 6, message: 'Unknown instruction COPPY (did you mean COPY?)' },
        { line: 4, column: 1, endLine: 4, endColumn: 4, message: 'Unknown instruction FOO' },
      ],
    },
    {
      name: 'a pasted token, a long or non-letter keyword, a keyword-shaped key: not quoted, the suggestion kept',
      code: `FROM alpine:3.20\n${FAKE_TOKENS['github-token']}\n${LETTERS_ONLY_KEY}\nENTRY_POINT ["x"]\n${'A'.repeat(5000)} x\n`,
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 1, endLine: 2, endColumn: 41, message: 'Unknown instruction' },
        { line: 3, column: 1, endLine: 3, endColumn: 21, message: 'Unknown instruction' },
        { line: 4, column: 1, endLine: 4, endColumn: 12, message: 'Unknown instruction (did you mean ENTRYPOINT?)' },
        { line: 5, column: 1, endLine: 5, endColumn: 5001, message: 'Unknown instruction' },
      ],
    },
    {
      name: 'no FROM: reported once',
      code: 'RUN a\nRUN b\nCMD c\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: 'No FROM instruction: the first stage must start with FROM <image>' }],
    },
    {
      name: 'instruction before FROM, FROM with --platform but no image',
      code: 'ENV A=1\nFROM alpine:3.20\nFROM --platform=linux/amd64\n',
      filename: 'Dockerfile',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 4, message: 'ENV before the first FROM: only ARG may come before FROM' },
        { line: 3, column: 1, endLine: 3, endColumn: 5, messageId: 'fromWithoutImage' },
      ],
    },
    {
      name: 'a digest pinned with the tag colon (seen in GoogleCloudPlatform/kubernetes-engine-samples)',
      code: 'FROM spack/rockylinux8:sha256:c530b10099eeedad9d384ffc7419f355d93289b2e615143256186406ee04e275 AS spack-builder\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 95, message: 'spack/rockylinux8:sha256:c530b10099eeedad9d384ffc7419f355d93289b2e615143256186406ee04e275 is not a valid image reference: a digest follows @, not : (spack/rockylinux8@sha256:c530b100…)' }],
    },
    {
      name: 'FROM junk, invalid reference, duplicate stage (case-insensitive)',
      code: 'FROM alpine:3.20 AS base\nFROM alpine:3.20 AS app extra\nFROM Alpine\nFROM alpine:3.20 AS Base\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 25, endLine: 2, endColumn: 30, messageId: 'fromSyntax' },
        { line: 3, column: 6, endLine: 3, endColumn: 12, message: 'Alpine is not a valid image reference: repository names are lower case' },
        { line: 4, column: 21, endLine: 4, endColumn: 25, message: 'Stage name base is already used by an earlier stage' },
      ],
    },
    {
      name: 'invalid escape directive, unterminated heredoc, CRLF',
      code: '# escape=x\r\nFROM alpine:3.20\r\nRUN <<EOF\r\necho never closed\r\n',
      filename: 'Dockerfile',
      errors: [
        { line: 1, column: 10, endLine: 1, endColumn: 11, message: 'Invalid escape directive x: use \\ or `' },
        { line: 3, column: 5, endLine: 3, endColumn: 10, message: 'Heredoc <<EOF is never closed: end it with a line that is exactly EOF' },
      ],
    },
  ],
});
