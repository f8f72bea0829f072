import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, ruleTester } from '../../support/ruleTester.js';
import { applyFirstFix } from './fixtures.js';

const RULE = 'dockerfile/root-user';

ruleTester(RULE, {
  valid: [
    { name: 'dockerfileTarget: the target stage sets a user; the root debug stage after it does not ship', code: 'FROM alpine:3.20 AS runtime\nUSER app\nFROM runtime AS debug\nUSER root\n', filename: 'Dockerfile', dockerfileTarget: 'runtime' },
    { code: 'FROM node:22-slim\nUSER node\nCMD ["node", "app.js"]\n', filename: 'Dockerfile' },
    { name: 'numeric UID and group', code: 'FROM alpine:3.20\nUSER 10001:10001\n', filename: 'Dockerfile' },
    { name: 'root for setup, then a user', code: 'FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER app\n', filename: 'Dockerfile' },
    { name: 'distroless :nonroot defaults to non-root', code: 'FROM gcr.io/distroless/static-debian13:nonroot\nCOPY app /app\n', filename: 'Dockerfile' },
    { name: 'Chainguard defaults to non-root', code: 'FROM cgr.dev/chainguard/python:latest\n', filename: 'Dockerfile' },
    { name: '.NET chiseled defaults to app', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n', filename: 'Dockerfile' },
    { name: '.NET Azure Linux distroless defaults to app', code: 'FROM mcr.microsoft.com/dotnet/runtime-deps:9.0-azurelinux3.0-distroless\n', filename: 'Dockerfile' },
    { name: 'Nano Server defaults to ContainerUser', code: 'FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022\n', filename: 'Dockerfile' },
    { name: 'USER root in a builder stage only', code: 'FROM golang:1.23 AS build\nUSER root\nFROM gcr.io/distroless/static-debian13:nonroot\n', filename: 'Dockerfile' },
    { name: 'the USER is inherited through a chain of stages', code: 'FROM node:22-slim AS base\nUSER node\nFROM base AS app\nCMD ["node"]\n', filename: 'Dockerfile' },
    { name: 'a $-user is the build’s choice', code: 'FROM alpine:3.20\nARG UID=10001\nUSER $UID\n', filename: 'Dockerfile' },
    { name: 'unknown base built from an ARG without default', code: 'ARG BASE\nFROM $BASE\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: "an official image's mirror is known as the official image (skaffold's mirror.gcr.io/library/ubuntu)",
      code: 'FROM mirror.gcr.io/library/ubuntu:24.04\nRUN true\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 5, severity: 'warning', message: 'The final stage runs as root: mirror.gcr.io/library/ubuntu:24.04 defaults to root and no USER sets another user' }],
    },
    {
      name: 'dockerfileTarget: the target stage is judged and named',
      code: 'FROM alpine:3.20 AS runtime\nCOPY app /app\nFROM runtime AS debug\nUSER app\nRUN id\n',
      filename: 'Dockerfile',
      dockerfileTarget: 'RUNTIME',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'The target stage "runtime" runs as root: alpine:3.20 defaults to root and no USER sets another user' }],
    },
    {
      name: 'dockerfileTarget naming no stage of this Dockerfile: the final stage is judged',
      code: 'FROM alpine:3.20 AS build\nUSER app\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
      filename: 'Dockerfile',
      dockerfileTarget: 'runtime',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 5, message: /^The final stage runs as root/ }],
    },
    {
      name: 'last USER is root',
      code: 'FROM alpine:3.20\nUSER app\nUSER root\nCMD ["sh"]\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 10, severity: 'warning', message: 'The final stage runs as root (USER root): switch to a non-root user before the container starts' }],
    },
    {
      name: 'USER 0:0',
      code: 'FROM alpine:3.20\nUSER 0:0\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 9, messageId: 'rootUser' }],
    },
    {
      name: 'no USER on a root base, ARG in FROM, --platform',
      code: 'ARG NODE=22\nFROM --platform=linux/amd64 node:${NODE}-slim\nCMD ["node"]\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 5, message: 'The final stage runs as root: node:22-slim defaults to root and no USER sets another user' }],
    },
    {
      name: 'scratch runs as root without USER',
      code: 'FROM golang:1.23 AS build\nUSER nobody\nFROM scratch\nCOPY --from=build /app /app\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 5, message: /scratch defaults to root/ }],
    },
    {
      name: 'chain: the root stage’s USER root is what ships',
      code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nRUN id\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10, messageId: 'rootUser' }],
    },
    {
      name: 'distroless :debug (not nonroot), escape directive and CRLF',
      code: '# escape=`\r\nFROM gcr.io/distroless/base-debian13:debug\r\nENTRYPOINT ["/app"]\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 5, messageId: 'noUser' }],
    },
    {
      name: 'an unknown base may set its own USER: info, worded as such',
      code: 'FROM registry.corp.example/platform/base:1.2\nCOPY app /app\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 5, severity: 'info', message: 'No USER in the final stage: it runs as root unless registry.corp.example/platform/base:1.2 sets a non-root user' }],
    },
    {
      name: 'heredoc in the final stage',
      code: 'FROM debian:12-slim\nRUN <<EOF\nuseradd app\nEOF\nUSER root\n',
      filename: 'Dockerfile',
      errors: [{ line: 5, column: 6, endLine: 5, endColumn: 10, messageId: 'rootUser' }],
    },
  ],
});

describe(`${RULE}: fix`, () => {
  it('adds USER at the end of the dockerfileTarget stage, not of the last stage', () => {
    const code = 'FROM alpine:3.20 AS runtime\nCOPY app /app\nFROM runtime AS debug\nRUN id\n';
    assert.deepEqual(applyFirstFix(RULE, code, { dockerfileTarget: 'runtime' }), {
      titles: ['Add USER 65532 at the end of the target stage "runtime"'],
      output: 'FROM alpine:3.20 AS runtime\nCOPY app /app\nUSER 65532\nFROM runtime AS debug\nRUN id\n',
    });
  });

  it('adds USER before CMD, with the family’s user', () => {
    const code = dedent(`
      FROM node:22-slim
      WORKDIR /app
      RUN npm ci
      CMD ["node", "server.js"]
    `);
    assert.deepEqual(applyFirstFix(RULE, code), {
      titles: ['Add USER node before CMD'],
      output: 'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\nUSER node\nCMD ["node", "server.js"]\n',
    });
  });

  it('adds USER after the last RUN when CMD comes before it, keeping CRLF', () => {
    assert.equal(applyFirstFix(RULE, 'FROM alpine:3.20\r\nCMD ["sh"]\r\nRUN apk add curl\r\n').output, 'FROM alpine:3.20\r\nCMD ["sh"]\r\nRUN apk add curl\r\nUSER 65532\r\n');
  });

  it('adds USER after the explicit USER root, and after a heredoc body at the end of a file without a final line break', () => {
    assert.equal(applyFirstFix(RULE, 'FROM alpine:3.20\nUSER root\nENTRYPOINT ["/app"]\n').output, 'FROM alpine:3.20\nUSER root\nUSER 65532\nENTRYPOINT ["/app"]\n');
    assert.equal(applyFirstFix(RULE, 'FROM alpine:3.20\nRUN <<EOF\nadduser -D app\nEOF').output, 'FROM alpine:3.20\nRUN <<EOF\nadduser -D app\nEOF\nUSER 65532');
  });
});
