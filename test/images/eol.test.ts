// The end-of-life table, family by family: an ended release, one ending soon, a supported one, a tag
// naming two releases, and what gets no verdict. Days are pinned, so the table never ages here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageRef } from '../../server/src/dockerfile/images.js';
import { endOfLife } from '../../server/src/images/eol.js';
import { EOL_TABLE } from '../../server/src/images/eolTable.js';

const TODAY = '2026-12-06';

/** `status release → advice [fix tag]`, or `-` for no verdict. */
function verdict(image: string, today = TODAY, warnDays = 90): string {
  const ref = parseImageRef(image);
  assert.ok(ref, image);
  const found = endOfLife(ref, today, warnDays);
  if (!found) return '-';
  return `${found.status} ${found.release} ${found.date} → ${found.advice ?? '?'}${found.tag ? ` [${found.tag}]` : ''}`;
}

const FAMILIES: Record<string, [image: string, expected: string, today?: string][]> = {
  Debian: [
    ['debian:buster-slim', 'ended Debian 10 (buster) 2024-06-30 → debian:bookworm-slim [bookworm-slim]'],
    ['debian:11', 'ending Debian 11 (bullseye) 2026-08-31 → debian:12 [12]', '2026-07-01'],
    ['debian:bookworm', '-'],
    ['debian:12.5-slim', '-'],
    ['debian:buster-20240612-slim', 'ended Debian 10 (buster) 2024-06-30 → debian:bookworm-slim'],
  ],
  Ubuntu: [
    ['ubuntu:focal', 'ended Ubuntu 20.04 (focal) 2025-05-31 → ubuntu:noble [noble]'],
    ['ubuntu:22.04', 'ending Ubuntu 22.04 (jammy) 2027-04-01 → ubuntu:24.04 [24.04]', '2027-02-01'],
    ['ubuntu:noble-20240801', '-'],
  ],
  Alpine: [
    ['alpine:3.15', 'ended Alpine Linux 3.15 2023-11-01 → alpine:3.23 [3.23]'],
    ['alpine:3.21.2', 'ending Alpine Linux 3.21 2026-11-01 → alpine:3.23 [3.23]', '2026-10-01'],
    ['alpine:3.22', '-'],
  ],
  'CentOS, Rocky, Alma': [
    ['centos:7', 'ended CentOS 7 2024-06-30 → rockylinux:9 or almalinux:9'],
    ['centos:centos8', 'ended CentOS 8 2021-12-31 → rockylinux:9 or almalinux:9'],
    ['quay.io/centos/centos:stream9', 'ending CentOS Stream 9 2027-05-31 → quay.io/centos/centos:stream10 [stream10]', '2027-04-01'],
    ['rockylinux:8-minimal', 'ending Rocky Linux 8 2029-05-31 → rockylinux:9-minimal [9-minimal]', '2029-04-01'],
    ['rockylinux:9.3', '-'],
    ['almalinux:8', 'ended AlmaLinux 8 2029-05-31 → almalinux:9 [9]', '2029-06-01'],
  ],
  'Amazon Linux': [
    ['amazonlinux:2', 'ended Amazon Linux 2 2026-06-30 → amazonlinux:2023 [2023]'],
    ['amazonlinux:2018.03', 'ended Amazon Linux 2018.03 2023-12-31 → amazonlinux:2023 [2023]'],
    ['amazonlinux:2023.6.20241212.0', '-'],
  ],
  UBI: [
    ['registry.access.redhat.com/ubi7/ubi-minimal:7.9', 'ended Red Hat Enterprise Linux 7 2024-06-30 → registry.access.redhat.com/ubi9/ubi-minimal'],
    ['registry.access.redhat.com/ubi9/ubi:9.4', '-'],
  ],
  Fedora: [
    ['fedora:41', 'ended Fedora 41 2025-12-15 → fedora:44 [44]'],
    ['fedora:43', 'ending Fedora 43 2026-12-09 → fedora:44 [44]'],
    ['fedora:44', '-'],
  ],
  Python: [
    ['python:3.10', 'ended Python 3.10 2026-10-31 → python:3.13 [3.13]'],
    ['python:3.11-slim', 'ending Python 3.11 2027-10-31 → python:3.13-slim [3.13-slim]', '2027-09-01'],
    ['python:3.13-slim-bookworm', '-'],
    ['python:3.8-slim-buster', 'ended Debian 10 (buster) 2024-06-30 → python:3.13-slim-bookworm [3.13-slim-bookworm]'],
    ['python:3.12-slim-bullseye', 'ended Debian 11 (bullseye) 2026-08-31 → python:3.12-slim-bookworm [3.12-slim-bookworm]'],
    ['python:3.14.0rc1-slim', '-'],
    ['python:3', '-'],
  ],
  'Node.js': [
    ['node:18-alpine3.18', 'ended Node.js 18 2025-04-30 → node:24-alpine3.23 [24-alpine3.23]'],
    ['node:iron-slim', 'ended Node.js 20 2026-04-30 → node:24-slim [24-slim]'],
    ['node:22.11.0-bookworm', 'ending Node.js 22 2027-04-30 → node:24-bookworm [24-bookworm]', '2027-03-01'],
    ['node:lts-bullseye', 'ended Debian 11 (bullseye) 2026-08-31 → node:lts-bookworm [lts-bookworm]'],
    ['node:24-slim', '-'],
  ],
  Go: [
    ['golang:1.21-alpine3.18', 'ended Go 1.21 2024-08-13 → golang:1.27-alpine3.23 [1.27-alpine3.23]'],
    ['golang:1.25-bookworm', 'ending Go 1.25 2026-08-19 → golang:1.27-bookworm [1.27-bookworm]', '2026-08-01'],
    ['golang:1.26', '-'],
  ],
  Ruby: [
    ['ruby:3.2-bullseye', 'ended Ruby 3.2 2026-03-31 → ruby:3.4-bookworm [3.4-bookworm]'],
    ['ruby:3.3-slim', 'ending Ruby 3.3 2027-03-31 → ruby:3.4-slim [3.4-slim]', '2027-02-01'],
    ['ruby:3.4', '-'],
  ],
  PHP: [
    ['php:8.1-apache-bullseye', 'ended PHP 8.1 2025-12-31 → php:8.4-apache-bookworm [8.4-apache-bookworm]'],
    ['php:8.2-fpm', 'ending PHP 8.2 2026-12-31 → php:8.4-fpm [8.4-fpm]'],
    ['php:8.3-cli-alpine', '-'],
  ],
  Java: [
    ['eclipse-temurin:17-jdk-focal', 'ended Ubuntu 20.04 (focal) 2025-05-31 → eclipse-temurin:17-jdk-noble [17-jdk-noble]'],
    ['eclipse-temurin:8u392-b08-jdk-focal', 'ended Ubuntu 20.04 (focal) 2025-05-31 → eclipse-temurin:8-jdk-noble'],
    ['eclipse-temurin:24-jre', 'ended Eclipse Temurin 24 2025-09-16 → eclipse-temurin:25-jre [25-jre]'],
    ['eclipse-temurin:11-jre', 'ending Eclipse Temurin 11 2027-10-31 → eclipse-temurin:25-jre [25-jre]', '2027-09-01'],
    ['eclipse-temurin:21-jre-noble', '-'],
    ['amazoncorretto:17-al2', 'ended Amazon Linux 2 2026-06-30 → amazoncorretto:17-al2023 [17-al2023]'],
    ['amazoncorretto:21-alpine3.22', '-'],
    ['openjdk:11-jre-slim', 'ended the openjdk image 11 2022-07-31 → eclipse-temurin:11-jre'],
    ['openjdk:18-ea-11-jdk', '-'],
  ],
  '.NET': [
    ['mcr.microsoft.com/dotnet/aspnet:8.0', 'ended .NET 8 2026-11-10 → mcr.microsoft.com/dotnet/aspnet:10.0 [10.0]'],
    ['mcr.microsoft.com/dotnet/sdk:9.0-alpine', 'ending .NET 9 2026-11-10 → mcr.microsoft.com/dotnet/sdk:10.0-alpine [10.0-alpine]', '2026-10-01'],
    ['mcr.microsoft.com/dotnet/runtime:6.0-bullseye-slim', 'ended .NET 6 2024-11-12 → mcr.microsoft.com/dotnet/runtime:10.0'],
    ['mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled', '-'],
  ],
  Perl: [
    ['perl:5.38-slim-bookworm', 'ended Perl 5.38 2026-07-02 → perl:5.42-slim-bookworm [5.42-slim-bookworm]'],
    ['perl:5.40', '-'],
  ],
  'Web servers': [
    ['nginx:1.25-alpine', 'ended nginx 1.25 2024-05-29 → nginx:1.30-alpine [1.30-alpine]'],
    ['nginx:1.30', '-'],
    ['httpd:2.2', 'ended Apache HTTP Server 2.2 2017-07-11 → httpd:2.4 [2.4]'],
    ['httpd:2.4-alpine', '-'],
  ],
  'Data stores (advice, never a tag swap)': [
    ['postgres:14-alpine', 'ended PostgreSQL 14 2026-11-12 → postgres:17-alpine'],
    ['postgres:15', 'ending PostgreSQL 15 2027-11-11 → postgres:17', '2027-10-01'],
    ['postgres:9.6.24', 'ended PostgreSQL 9.6 2021-11-11 → postgres:17'],
    ['mysql:8.0.36-debian', 'ended MySQL 8.0 2026-04-30 → mysql:8.4-debian'],
    ['mysql:8', '-'],
    ['mysql:9.3.0', 'ended MySQL 9.3 2025-07-22 → mysql:9.7'],
    ['mariadb:10.5-focal', 'ended Ubuntu 20.04 (focal) 2025-05-31 → mariadb:11.4-noble'],
    ['redis:7.0', 'ended Redis 7.0 2024-07-29 → redis:8.2'],
    ['redis:8.0-alpine', 'ending Redis 8.0 2026-12-01 → redis:8.2-alpine', '2026-11-01'],
    ['mongo:6.0', 'ended MongoDB 6.0 2025-07-31 → mongo:8.0'],
    ['mongo:7.0', '-'],
  ],
  "Official images' mirrors are the official images, their names kept in the advice": [
    ['public.ecr.aws/docker/library/python:3.8-slim-buster', 'ended Debian 10 (buster) 2024-06-30 → public.ecr.aws/docker/library/python:3.13-slim-bookworm [3.13-slim-bookworm]'],
    ['mirror.gcr.io/library/redis:7.0', 'ended Redis 7.0 2024-07-29 → mirror.gcr.io/library/redis:8.2'],
  ],
  'Unknown: never guessed': [
    ['myorg/python:3.8', '-'],
    ['registry.corp.example/base/debian:buster', '-'],
    ['python', '-'],
    ['python:latest', '-'],
    [`python@sha256:${'a'.repeat(64)}`, '-'],
    ['bitnami/postgresql:14', '-'],
  ],
};

describe('end-of-life table', () => {
  for (const [family, rows] of Object.entries(FAMILIES)) {
    it(family, () => {
      for (const [image, expected, today] of rows) assert.equal(verdict(image, today), expected, `${image} on ${today ?? TODAY}`);
    });
  }

  it('a digest pins an end-of-life image, it does not make it supported', () => {
    assert.match(verdict(`python:3.9@sha256:${'a'.repeat(64)}`), /^ended Python 3\.9/);
  });

  it('warnDays decides what is near: 0 reports only what has ended', () => {
    assert.equal(verdict('php:8.2-fpm', TODAY, 0), '-');
    assert.match(verdict('php:8.2-fpm', TODAY, 30), /^ending PHP 8\.2/);
    assert.match(verdict('php:8.2-fpm', '2026-12-31', 0), /^ended PHP 8\.2 2026-12-31/);
  });

  it('never suggests a release that is itself about to end: past the suggestion, the newest supported one', () => {
    assert.equal(verdict('python:3.8', '2029-10-01'), 'ended Python 3.8 2024-10-07 → python:3.14 [3.14]');
  });

  it('has a date, a source and well-formed releases for every product', () => {
    assert.match(EOL_TABLE.takenOn, /^\d{4}-\d{2}-\d{2}$/);
    for (const [slug, product] of Object.entries(EOL_TABLE.products)) {
      assert.match(product.source, /^https:\/\//, slug);
      assert.ok(product.releases.length > 0, slug);
      for (const release of product.releases) assert.ok(release.eol === null || /^\d{4}-\d{2}-\d{2}$/.test(release.eol), `${slug} ${release.release}`);
    }
  });
});
