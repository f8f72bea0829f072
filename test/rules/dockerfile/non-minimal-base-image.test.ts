import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, ruleTester } from '../../support/ruleTester.js';
import { applyFirstFix, relatedOf } from './fixtures.js';

const RULE = 'dockerfile/non-minimal-base-image';
const dockerfile = (code: string) => ({ code, filename: 'Dockerfile' });

ruleTester(RULE, {
  valid: [
    { name: 'dockerfileTarget: a full image in a stage after the target does not ship', code: 'FROM node:22-slim AS runtime\nFROM node:22 AS dev\n', filename: 'Dockerfile', dockerfileTarget: 'runtime' },
    dockerfile('FROM node:22-slim\nCMD ["node", "server.js"]\n'),
    dockerfile('FROM node:22-alpine3.20\n'),
    dockerfile('FROM python:3.12-slim-bookworm\n'),
    dockerfile('FROM debian:bookworm-slim\n'),
    dockerfile('FROM gcr.io/distroless/static-debian13:nonroot\n'),
    dockerfile('FROM cgr.dev/chainguard/node:latest\n'),
    dockerfile('FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n'),
    dockerfile('FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n'),
    dockerfile('FROM eclipse-temurin:21-jre-alpine\n'),
    dockerfile('FROM openjdk:11-jre-slim\n'),
    dockerfile('FROM scratch\nCOPY app /app\n'),
    { name: 'unknown (private) base image', code: 'FROM registry.corp.example/platform/app-base:1.2\n', filename: 'Dockerfile' },
    { name: 'a full image in a builder stage only', code: dedent(`
      FROM golang:1.23 AS build
      RUN go build -o /app .
      FROM gcr.io/distroless/static-debian13
      COPY --from=build /app /app
    `), filename: 'Dockerfile' },
    { name: 'ARG default that is minimal', code: 'ARG BASE=node:22-slim\nFROM ${BASE}\n', filename: 'Dockerfile' },
    { name: 'ARG without default: only the build knows', code: 'ARG BASE\nFROM $BASE\n', filename: 'Dockerfile' },
    { name: '--platform and a chain ending in a slim image', code: 'FROM --platform=$BUILDPLATFORM node:22-slim AS base\nFROM base\n', filename: 'Dockerfile' },
    { name: 'not linted as a Dockerfile', code: 'FROM ubuntu:24.04\n', filename: 'notes.txt' },
  ],
  invalid: [
    {
      name: 'dockerfileTarget: the target stage is the one judged, and named in the message',
      code: 'FROM python:3.12 AS runtime\nCOPY app /app\nFROM runtime AS test\nRUN pytest\n',
      filename: 'Dockerfile',
      dockerfileTarget: 'runtime',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 17, message: /^The target stage "runtime" ships python:3\.12, a full Python image: use python:3\.12-slim/ }],
    },
    {
      name: 'full language image, message names the same-family replacement keeping the version',
      code: 'FROM node:22\nCMD ["node", "server.js"]\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 13, severity: 'warning', message: 'The final stage ships node:22, a full Node.js image: use node:22-slim or gcr.io/distroless/nodejs22-debian13' }],
    },
    {
      name: 'full OS image',
      code: 'FROM ubuntu:24.04\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 18, message: 'The final stage ships ubuntu:24.04, a full Ubuntu image: use gcr.io/distroless/base-debian13 or debian:trixie-slim' }],
    },
    {
      name: 'golang builder + golang final: the toolchain ships',
      code: dedent(`
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM golang:1.23-alpine
        COPY --from=build /out/app /app
      `),
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 24, message: 'The final stage ships a build toolchain (golang:1.23-alpine, Go): copy the build output into gcr.io/distroless/static-debian13 (with CGO_ENABLED=0) or scratch' }],
    },
    {
      name: 'buildpack-deps: its full tag holds compilers, named by what it is, not by its own name again',
      code: 'FROM buildpack-deps:bookworm\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 29, message: 'The final stage ships a build toolchain (buildpack-deps:bookworm, Debian): copy the build output into debian:trixie-slim' }],
    },
    {
      name: 'buildpack-deps: its -scm and -curl tags are a full Debian with version control or curl, no compilers',
      code: 'FROM buildpack-deps:bookworm-scm\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 33, message: 'The final stage ships buildpack-deps:bookworm-scm, a full Debian image: use debian:trixie-slim' }],
    },
    {
      name: 'buildpack-deps:…-curl is a full Debian too',
      code: 'FROM buildpack-deps:trixie-curl\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 32, message: 'The final stage ships buildpack-deps:trixie-curl, a full Debian image: use debian:trixie-slim' }],
    },
    {
      name: 'JDK in the final stage → JRE',
      code: 'FROM eclipse-temurin:21-jdk-jammy\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 34, message: /ships a build toolchain \(eclipse-temurin:21-jdk-jammy, Eclipse Temurin\): copy the build output into eclipse-temurin:21-jre-jammy or gcr.io\/distroless\/java21-debian13$/ }],
    },
    {
      name: 'multi-stage chain: the final FROM names a stage whose root is full',
      code: dedent(`
        FROM python:3.12 AS base
        RUN pip install app
        FROM base AS Runtime
        FROM runtime
      `),
      filename: 'Dockerfile',
      errors: [{ line: 4, column: 6, endLine: 4, endColumn: 13, message: /ships python:3\.12, a full Python image: use python:3\.12-slim or/ }],
    },
    {
      name: 'ARG in FROM: the default is what ships',
      code: 'ARG NODE=20\nARG VARIANT=bookworm\nFROM node:${NODE}-${VARIANT}\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 29, message: /ships node:20-bookworm, a full Node\.js image: use node:20-bookworm-slim$/ }],
    },
    {
      name: '--platform, escape directive and CRLF',
      code: '# escape=`\r\nFROM --platform=linux/amd64 `\r\n    debian:12\r\nRUN echo hi\r\n',
      filename: 'Dockerfile',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 14, message: /ships debian:12, a full Debian image: use debian:12-slim$/ }],
    },
    {
      name: 'Docker Hub spelled out',
      code: 'FROM docker.io/library/ruby:3.3\n',
      filename: 'Containerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 32, message: /ships docker\.io\/library\/ruby:3\.3, a full Ruby image: use ruby:3\.3-slim or ruby:3\.3-alpine$/ }],
    },
    {
      name: 'debug variant shipped (info)',
      code: 'FROM gcr.io/distroless/base-debian13:debug-nonroot\n',
      filename: 'Dockerfile',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 51, severity: 'info', message: 'The final stage ships a debug variant with a shell (gcr.io/distroless/base-debian13:debug-nonroot): use the non-debug tag (nonroot)' }],
    },
    {
      name: 'heredoc after the final FROM does not confuse the stage',
      code: 'FROM node:22-slim AS app\nFROM maven:3.9-eclipse-temurin-21\nRUN <<EOF\nmvn package\nEOF\n',
      filename: 'Dockerfile',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 34, message: /\(maven:3\.9-eclipse-temurin-21, Maven\): copy the build output into eclipse-temurin:21-jre$/ }],
    },
  ],
});

describe(`${RULE}: fixes and related information`, () => {
  it('swaps to the same family and version, keeping the registry as written', () => {
    assert.deepEqual(applyFirstFix(RULE, 'FROM node:22.11.0\n'), { titles: ['Use node:22.11.0-slim'], output: 'FROM node:22.11.0-slim\n' });
    assert.equal(applyFirstFix(RULE, 'FROM docker.io/library/python:3.12-bookworm AS app\n').output, 'FROM docker.io/library/python:3.12-slim-bookworm AS app\n');
    assert.equal(applyFirstFix(RULE, 'FROM eclipse-temurin:21-jdk\r\nCMD ["java"]\r\n').output, 'FROM eclipse-temurin:21-jre\r\nCMD ["java"]\r\n');
  });

  it('drops a digest that pinned the old tag', () => {
    const digest = 'sha256:' + 'b'.repeat(64);
    assert.equal(applyFirstFix(RULE, `FROM node:22@${digest}\n`).output, 'FROM node:22-slim\n');
  });

  it('offers no one-click fix for cross-family advice, a chain, or an ARG-built image', () => {
    assert.deepEqual(applyFirstFix(RULE, 'FROM golang:1.23\n'), { titles: [], output: undefined });
    assert.deepEqual(applyFirstFix(RULE, 'FROM node:22 AS base\nFROM base\n').titles, []);
    assert.deepEqual(applyFirstFix(RULE, 'ARG V=22\nFROM node:$V\n').titles, []);
    assert.deepEqual(applyFirstFix(RULE, 'FROM node:22-windowsservercore\n').titles, []);
  });

  it('points at the root FROM of a chain and at the ARG that set the image', () => {
    assert.deepEqual(relatedOf(RULE, 'FROM node:22 AS base\nFROM base AS deps\nFROM deps\n'), ['1:6 The chain of stages starts here: FROM node:22']);
    assert.deepEqual(relatedOf(RULE, 'ARG BASE=ubuntu:24.04\nFROM ${BASE}\n'), ['1:10 ARG BASE sets the image']);
  });
});
