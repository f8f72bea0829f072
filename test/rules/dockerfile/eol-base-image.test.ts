import { dedent } from '../../support/ruleTester.js';
import { datedRuleTable } from '../datedRuleTable.js';

const TODAY = '2026-12-06';
const dockerfile = (name: string, code: string, rest: { today?: string; findings?: string[]; fixed?: string | null; options?: Record<string, unknown> } = {}) => ({
  name,
  code,
  filename: 'Dockerfile',
  today: rest.today ?? TODAY,
  ...rest,
});

datedRuleTable('dockerfile/eol-base-image', [
  dockerfile('a supported release', 'FROM python:3.13-slim-bookworm\n'),
  dockerfile('unknown family, latest, untagged, scratch, a stage name', 'FROM registry.corp.example/base:buster\nFROM python:latest\nFROM debian AS base\nFROM base\nFROM scratch\n'),
  dockerfile('ARG without a default: only the build knows', 'ARG TAG\nFROM python:${TAG}\n'),
  dockerfile(
    'two releases in one tag: the earlier end (Debian 10) is reported, both are replaced',
    'FROM python:3.8-slim-buster\nCMD ["python"]\n',
    {
      findings: ['1:6-1:28 warning FROM python:3.8-slim-buster: Debian 10 (buster) has had no security fixes since 2024-06-30: use python:3.13-slim-bookworm'],
      fixed: 'FROM python:3.13-slim-bookworm\nCMD ["python"]\n',
    },
  ),
  dockerfile('near the end: info with the date', 'FROM php:8.2-fpm-alpine\n', {
    findings: ['1:6-1:24 info FROM php:8.2-fpm-alpine: security support for PHP 8.2 ends on 2026-12-31, in 25 days: plan the move to php:8.4-fpm-alpine'],
    fixed: 'FROM php:8.4-fpm-alpine\n',
  }),
  dockerfile('warnDays: 0 leaves only what has ended', 'FROM php:8.2-fpm-alpine\n', { options: { warnDays: 0 } }),
  dockerfile('every stage: a builder on an ended toolchain compiles it into what ships', dedent(`
    FROM --platform=$BUILDPLATFORM golang:1.21-alpine3.18 AS build
    RUN go build -o /app .
    FROM gcr.io/distroless/static-debian13
    COPY --from=build /app /app
  `), {
    findings: ['1:32-1:54 warning FROM golang:1.21-alpine3.18: Go 1.21 has had no security fixes since 2024-08-13: use golang:1.27-alpine3.23'],
    fixed: 'FROM --platform=$BUILDPLATFORM golang:1.27-alpine3.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n',
  }),
  dockerfile('ARG-resolved tag: reported on the FROM, no one-click edit of the ARG', 'ARG PYTHON_VERSION=3.9\nFROM python:${PYTHON_VERSION}-slim\n', {
    findings: ['2:6-2:35 warning FROM python:3.9-slim: Python 3.9 has had no security fixes since 2025-10-31: use python:3.13-slim'],
    fixed: null,
  }),
  dockerfile('a data store: advice, never a tag swap (its data needs a migration)', 'FROM postgres:14-alpine\n', {
    findings: ['1:6-1:24 warning FROM postgres:14-alpine: PostgreSQL 14 has had no security fixes since 2026-11-12: use postgres:17-alpine'],
    fixed: null,
  }),
  dockerfile('a family with no supported release left: advice from another', 'FROM centos:7\n', {
    findings: ['1:6-1:14 warning FROM centos:7: CentOS 7 has had no security fixes since 2024-06-30: use rockylinux:9 or almalinux:9'],
    fixed: null,
  }),
  dockerfile('a digest does not make an ended release supported; the fix drops the stale digest', `FROM node:18@sha256:${'a'.repeat(64)}\n`, {
    findings: ['1:6-1:85 warning FROM node:18@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: Node.js 18 has had no security fixes since 2025-04-30: use node:24'],
    fixed: 'FROM node:24\n',
  }),
  dockerfile('the same tag, judged years earlier, was supported', 'FROM python:3.8-slim-buster\n', { today: '2021-01-01' }),
]);
