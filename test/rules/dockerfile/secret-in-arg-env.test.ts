import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/secret-in-arg-env', {
  valid: [
    { code: 'FROM alpine:3.20\nARG VERSION=1.2\nENV NODE_ENV=production PORT=8080\n', filename: 'Dockerfile' },
    { name: 'exempt segments: public, file, version', code: 'FROM alpine:3.20\nARG PUBLIC_KEY\nENV TOKEN_FILE=/run/secrets/token\nARG SECRET_VERSION=3\n', filename: 'Dockerfile' },
    { name: 'a weak word holding capitalised words: a .NET setting names a thing (dotnet/dotnet-docker)', code: 'FROM alpine:3.20\nENV DefaultProcess__Filters__0__Key=ProcessId \\\n    DefaultProcess__Filters__0__Value=1\n', filename: 'Dockerfile' },
    { name: 'whole segments only', code: 'FROM alpine:3.20\nENV MONKEY=1 KEYBOARD_LAYOUT=us TOKENIZER=bpe AUTHOR=me PASSWORDLESS=true\n', filename: 'Dockerfile' },
    {
      name: 'qualifiers after the secret word name something about it (the same key names secrets/hardcoded-credential lets pass)',
      code: 'FROM alpine:3.20\nENV TOKEN_TTL=3600 SSH_KEY_PATH=/run/k AUTH_URL=https://x PASSWORD_MIN_LENGTH=12 KEY_ID=abc\n',
      filename: 'Dockerfile',
    },
    { name: 'BuildKit’s exempt names', code: 'FROM alpine:3.20\nARG PUBLIC_KEY\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nARG password_file\nARG AUTH_MODULE_VERSION\n', filename: 'Dockerfile' },
    { name: 'LABEL is not ARG/ENV', code: 'FROM alpine:3.20\nLABEL api_key=none\n', filename: 'Dockerfile' },
    {
      name: 'public material after the name: a PGP fingerprint (docker-library), a key id, a path, a version, a URL',
      code: 'FROM python:3.13-slim\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\nARG NODE_GPG_KEY="4ED7 78F5 39E3 634C 779C  87C6 D706 5826 6C1E 2E9F"\nENV SIGNING_KEY=/etc/keys/signing.pub API_TOKEN_URL=https://auth.example.com/token AUTH_PLUGIN=v1.4.2\n',
      filename: 'Dockerfile',
    },
    {
      name: 'one finding per secret: a literal credential is secrets/hardcoded-credential’s (or secrets/token’s), on the value',
      code: 'FROM alpine:3.20\nARG DB_PASSWORD=hunter2hunter2\nENV API_TOKEN="Tk9xQ2wLp7Zv"\n',
      filename: 'Dockerfile',
    },
    { name: 'a RUN mentioning a token is another rule’s business', code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=token TOKEN=$(cat /run/secrets/token) ./deploy\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'a stand-in under a weak word is still a secret passed by name (capitalised or not)',
      code: 'FROM alpine:3.20\nARG SSH_KEY=ChangeMe\nARG DEPLOY_KEY=ReplaceMe\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 12, messageId: 'secretName' },
        { line: 3, column: 5, endLine: 3, endColumn: 15, messageId: 'secretName' },
      ],
    },
    {
      name: 'dockerfileTarget: an ENV of the target stage ships (error); one of a later stage does not (warning)',
      code: 'FROM alpine:3.20 AS runtime\nENV API_TOKEN=x\nFROM runtime AS ci\nENV CI_TOKEN=y\n',
      filename: 'Dockerfile',
      dockerfileTarget: 'runtime',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 14, severity: 'error', messageId: 'secretName' },
        { line: 4, column: 5, endLine: 4, endColumn: 13, severity: 'warning', messageId: 'secretName' },
      ],
    },
    {
      name: 'ENV and ARG in the final stage: error, on the name',
      code: 'FROM node:22-slim\nARG NPM_TOKEN\nENV AWS_SECRET_ACCESS_KEY=abc DB_PASSWORD="p w"\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 14, severity: 'error', message: 'ARG NPM_TOKEN looks like a secret: build arguments are recorded in the image history; use RUN --mount=type=secret instead' },
        { line: 3, column: 5, endLine: 3, endColumn: 26, severity: 'error', message: /^ENV AWS_SECRET_ACCESS_KEY looks like a secret: ENV values are stored in the image config/ },
        { line: 3, column: 31, endLine: 3, endColumn: 42, severity: 'error', messageId: 'secretName' },
      ],
    },
    {
      name: 'BuildKit’s flagged names, with or without a value; a qualifier before the secret word does not cancel it',
      code: 'FROM alpine:3.20\nARG super_duper_secret_token\nARG auth\nARG apikey\nENV git_key=\nARG SUPER_Secret\nARG SECRET_PASSPHRASE\nARG PATH_TOKEN\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 29, messageId: 'secretName' },
        { line: 3, column: 5, endLine: 3, endColumn: 9, messageId: 'secretName' },
        { line: 4, column: 5, endLine: 4, endColumn: 11, messageId: 'secretName' },
        { line: 5, column: 5, endLine: 5, endColumn: 12, messageId: 'secretName' },
        { line: 6, column: 5, endLine: 6, endColumn: 17, messageId: 'secretName' },
        { line: 7, column: 5, endLine: 7, endColumn: 22, messageId: 'secretName' },
        { line: 8, column: 5, endLine: 8, endColumn: 15, messageId: 'secretName' },
      ],
    },
    {
      name: 'case-insensitive; legacy ENV form',
      code: 'FROM alpine:3.20\nENV github_token ghp_example\nENV apiKey=1 ApiKey_x=2\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 17, messageId: 'secretName' },
        { line: 3, column: 5, endLine: 3, endColumn: 11, messageId: 'secretName' },
        { line: 3, column: 14, endLine: 3, endColumn: 22, messageId: 'secretName' },
      ],
    },
    {
      name: 'a builder stage and a global ARG: warning; an ENV in a stage the final one continues: error',
      code: 'ARG REGISTRY_AUTH\nFROM golang:1.23 AS build\nARG GIT_TOKEN\nFROM alpine:3.20 AS base\nENV API_KEY=x\nFROM base\n',
      filename: 'Dockerfile',
      errors: [
        { line: 1, column: 5, endLine: 1, endColumn: 18, severity: 'warning', messageId: 'secretName' },
        { line: 3, column: 5, endLine: 3, endColumn: 14, severity: 'warning', messageId: 'secretName' },
        { line: 5, column: 5, endLine: 5, endColumn: 12, severity: 'error', messageId: 'secretName' },
      ],
    },
    {
      name: 'the secret arrives at build time: no value, a reference, a stand-in; compound names (PGPASSWORD)',
      code: 'FROM alpine:3.20\nARG PGPASSWORD\nARG NPM_TOKEN=changeme\nENV NPM_TOKEN=$NPM_TOKEN GITHUBTOKEN=${GH}\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 15, messageId: 'secretName' },
        { line: 3, column: 5, endLine: 3, endColumn: 14, messageId: 'secretName' },
        { line: 4, column: 5, endLine: 4, endColumn: 14, messageId: 'secretName' },
        { line: 4, column: 26, endLine: 4, endColumn: 37, messageId: 'secretName' },
      ],
    },
    {
      name: 'continuation with the escape directive, CRLF, --platform, after a heredoc',
      code: '# escape=`\r\nFROM --platform=$BUILDPLATFORM alpine:3.20\r\nRUN <<EOF\r\nENV NOT_THIS_TOKEN=1\r\nEOF\r\nENV A=1 `\r\n    SECRET=2\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 7, column: 5, endLine: 7, endColumn: 11, messageId: 'secretName' }],
    },
    {
      name: 'fix: an ARG used by one RUN becomes a secret mount that RUN reads (flags and continuation kept)',
      code: 'FROM node:22-slim\nWORKDIR /app\nARG NPM_TOKEN\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm \\\n    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 14, messageId: 'secretName' }],
      output: null, // a quick fix only: it changes how the image is built (--secret instead of --build-arg)
      quickFixOutputs: [
        'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=secret,id=npm_token --mount=type=cache,target=/root/.npm \\\n    export NPM_TOKEN="$(cat /run/secrets/npm_token)" && echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      ],
    },
    {
      name: 'fix: a RUN without flags',
      code: 'FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN git clone https://x-access-token:$GITHUB_TOKEN@github.com/org/repo /src\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 17, messageId: 'secretName' }],
      output: null,
      quickFixOutputs: ['FROM alpine:3.20\nRUN --mount=type=secret,id=github_token export GITHUB_TOKEN="$(cat /run/secrets/github_token)" && git clone https://x-access-token:$GITHUB_TOKEN@github.com/org/repo /src\n'],
    },
    {
      name: 'no fix where the edit would change the build: a default, two users, an ENV user, exec form, a heredoc, a global ARG, two names on one line',
      code: 'ARG REGISTRY_TOKEN\nFROM alpine:3.20\nARG A_TOKEN=changeme\nRUN use $A_TOKEN\nARG B_TOKEN\nRUN use $B_TOKEN\nRUN use ${B_TOKEN}\nARG C_TOKEN\nENV C=$C_TOKEN\nARG D_TOKEN\nRUN ["sh", "-c", "use $D_TOKEN"]\nARG E_TOKEN\nRUN <<EOF\nuse $E_TOKEN\nEOF\nARG F_TOKEN G_TOKEN\nRUN use $F_TOKEN\n',
      filename: 'Dockerfile',
      errors: [
        { line: 1, column: 5, endLine: 1, endColumn: 19, messageId: 'secretName' },
        { line: 3, column: 5, endLine: 3, endColumn: 12, messageId: 'secretName' },
        { line: 5, column: 5, endLine: 5, endColumn: 12, messageId: 'secretName' },
        { line: 8, column: 5, endLine: 8, endColumn: 12, messageId: 'secretName' },
        { line: 10, column: 5, endLine: 10, endColumn: 12, messageId: 'secretName' },
        { line: 12, column: 5, endLine: 12, endColumn: 12, messageId: 'secretName' },
        { line: 16, column: 5, endLine: 16, endColumn: 12, messageId: 'secretName' },
        { line: 16, column: 13, endLine: 16, endColumn: 20, messageId: 'secretName' },
      ],
      output: null,
    },
  ],
});
