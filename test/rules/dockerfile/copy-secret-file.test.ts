import { ruleTester } from '../../support/ruleTester.js';

const COPY = (line: string) => ({ code: `FROM alpine:3.20\n${line}\n`, filename: 'Dockerfile' });

ruleTester('dockerfile/copy-secret-file', {
  valid: [
    COPY('COPY . /app'),
    COPY('COPY .env.example /app/.env.example'),
    COPY('COPY id_rsa.pub /root/.ssh/authorized_keys'),
    { name: 'a .key installed as a public key (jenkinsci/docker)', ...COPY('COPY jenkins.io-2026.key /war/jenkins-key.pub') },
    { name: 'a .key into an apt keyring', ...COPY('COPY repo.key /etc/apt/keyrings/') },
    COPY('COPY vendor.key /etc/pki/rpm-gpg/RPM-GPG-KEY-vendor'),
    COPY('COPY certs/ca.pem /usr/local/share/ca-certificates/ca.pem'),
    COPY('COPY fullchain.pem cert.pem /etc/nginx/'),
    COPY('COPY .ssh/known_hosts /root/.ssh/known_hosts'),
    COPY('COPY keys.go package.json /src/'),
    COPY('ADD https://example.com/server.key /tmp/'),
    { name: 'a heredoc is not a file', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nA=1\nEOF\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'a key copied into a GnuPG home or a private .asc is still a private key',
      ...COPY('COPY signing.key /root/.gnupg/secring.gpg'),
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 17, severity: 'error', messageId: 'secretFile' }],
    },
    {
      name: 'SSH key: error, on the source',
      ...COPY('COPY id_rsa /root/.ssh/id_rsa'),
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 12, severity: 'error', message: 'COPY puts an SSH private key (id_rsa) into an image layer, readable by anyone with the image: mount it with RUN --mount=type=secret instead' }],
    },
    {
      name: '.env (warning), .npmrc, kubeconfig, .aws/credentials, *.key, server.pem',
      ...COPY('COPY .env .npmrc config/kubeconfig home/.aws/credentials tls/server.key server.pem /app/'),
      errors: [
        { line: 2, column: 6, endLine: 2, endColumn: 10, severity: 'warning', messageId: 'secretFile' },
        { line: 2, column: 11, endLine: 2, endColumn: 17, severity: 'warning', messageId: 'secretFile' },
        { line: 2, column: 18, endLine: 2, endColumn: 35, severity: 'error', messageId: 'secretFile' },
        { line: 2, column: 36, endLine: 2, endColumn: 57, severity: 'error', messageId: 'secretFile' },
        { line: 2, column: 58, endLine: 2, endColumn: 72, severity: 'error', messageId: 'secretFile' },
        { line: 2, column: 73, endLine: 2, endColumn: 83, severity: 'error', messageId: 'secretFile' },
      ],
    },
    {
      name: 'from another stage, JSON form, ADD, .env.production',
      code: 'FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build /root/.npmrc /root/.npmrc\nADD [".env.production", "/app/"]\n',
      filename: 'Dockerfile',
      errors: [
        { line: 3, column: 19, endLine: 3, endColumn: 31, messageId: 'secretFile' },
        { line: 4, column: 6, endLine: 4, endColumn: 23, message: /^ADD puts an environment file \(\.env\.production\)/ },
      ],
    },
    {
      name: 'escape directive (backslash paths), continuation, CRLF, --platform',
      code: '# escape=`\r\nFROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nCOPY `\r\n  secrets\\id_ed25519 C:\\keys\\\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 21, messageId: 'secretFile' }],
    },
  ],
});
