import { ruleTester } from '../../support/ruleTester.js';

const digest = 'sha256:' + 'c'.repeat(64);

ruleTester('dockerfile/image-latest', {
  valid: [
    { code: 'FROM node:22-slim\n', filename: 'Dockerfile' },
    { name: 'scratch needs no tag', code: 'FROM scratch\n', filename: 'Dockerfile' },
    { name: 'stage names are not images', code: 'FROM alpine:3.20 AS base\nFROM base\nFROM BASE\n', filename: 'Dockerfile' },
    { name: 'a digest pins latest', code: `FROM alpine:latest@${digest}\nFROM alpine@${digest}\n`, filename: 'Dockerfile' },
    { name: '$-images are the build’s choice', code: 'ARG BASE=alpine\nFROM $BASE\nFROM ${BASE}:latest\n', filename: 'Dockerfile' },
    { name: '--platform with a tag', code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n', filename: 'Dockerfile' },
    { name: 'a registry port is not a tag', code: 'FROM localhost:5000/team/app:1.4\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'untagged',
      code: 'FROM ubuntu\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 12, severity: 'warning', message: 'ubuntu has no tag, so it builds on whatever `latest` is today: tag the version you tested' }],
    },
    {
      name: ':latest, range on the tag; every stage is checked, builders too',
      code: 'FROM golang:latest AS build\nFROM gcr.io/distroless/static-debian13:latest\n',
      filename: 'Dockerfile',
      errors: [
        { line: 1, column: 13, endLine: 1, endColumn: 19, messageId: 'latest' },
        { line: 2, column: 40, endLine: 2, endColumn: 46, messageId: 'latest' },
      ],
    },
    {
      name: 'untagged behind a registry port, with --platform, AS name',
      code: 'FROM --platform=linux/arm64 localhost:5000/base AS b\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 29, endLine: 1, endColumn: 48, messageId: 'untagged' }],
    },
    {
      name: 'escape directive, continuation and CRLF',
      code: '# escape=`\r\nFROM `\r\n  nginx AS web\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 8, messageId: 'untagged' }],
    },
    {
      name: 'after a heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\nFROM ubuntu\nEOF\nFROM debian\n',
      filename: 'Dockerfile',
      errors: [{ line: 5, column: 6, endLine: 5, endColumn: 12, messageId: 'untagged' }],
    },
  ],
});
