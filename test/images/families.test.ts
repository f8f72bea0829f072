import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyImage, nonRootDefaultUser } from '../../server/src/images/classify.js';
import { parseImageRef } from '../../server/src/dockerfile/images.js';

function verdict(text: string) {
  const ref = parseImageRef(text);
  assert.ok(ref, text);
  const found = classifyImage(ref);
  return found && { imageClass: found.imageClass, ...found.family.replacement?.(ref.tag, ref.repository) };
}

describe('base image table', () => {
  it('classifies by family and tag variant', () => {
    const table: [string, string | undefined][] = [
      ['node:22', 'fullLanguage'],
      ['node:22.11.0-bookworm', 'fullLanguage'],
      ['node:22-bookworm-slim', 'smallDistro'],
      ['node:lts-alpine3.20', 'smallDistro'],
      ['python:3.12-slim', 'smallDistro'],
      ['debian', 'fullOs'],
      ['debian:trixie-slim', 'smallDistro'],
      ['rockylinux:9-minimal', 'smallDistro'],
      ['golang:1.23-alpine', 'toolchain'],
      ['rust:1-slim', 'toolchain'],
      ['eclipse-temurin:21', 'toolchain'],
      ['eclipse-temurin:21-jre', 'smallDistro'],
      ['openjdk:17-jdk-slim', 'toolchain'],
      ['mcr.microsoft.com/dotnet/sdk:8.0-alpine', 'toolchain'],
      ['mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless', 'minimal'],
      ['gcr.io/distroless/java21-debian13:debug', 'debug'],
      ['cgr.dev/chainguard/python:latest-dev', 'debug'],
      ['cgr.dev/chainguard/wolfi-base', 'smallDistro'],
      ['registry.access.redhat.com/ubi9/ubi-micro', 'minimal'],
      ['registry.access.redhat.com/ubi9/ubi', 'fullOs'],
      ['redhat/ubi9-minimal', 'smallDistro'],
      ['busybox:1.36', 'smallDistro'],
      ['registry.corp.example/base:1', undefined],
      ['myorg/node:22', undefined],
    ];
    for (const [text, expected] of table) assert.equal(verdict(text)?.imageClass, expected, text);
  });

  it('suggests same-family replacements that keep the version; a fix tag only when unambiguous', () => {
    assert.deepEqual(verdict('node:20'), { imageClass: 'fullLanguage', advice: 'node:20-slim', tag: '20-slim' });
    assert.deepEqual(verdict('python:3.12-bookworm'), { imageClass: 'fullLanguage', advice: 'python:3.12-slim-bookworm or gcr.io/distroless/python3-debian13', tag: '3.12-slim-bookworm' });
    assert.deepEqual(verdict('debian'), { imageClass: 'fullOs', advice: 'debian:stable-slim', tag: 'stable-slim' });
    assert.deepEqual(verdict('eclipse-temurin:25-jdk-noble'), { imageClass: 'toolchain', advice: 'eclipse-temurin:25-jre-noble or gcr.io/distroless/java25-debian13', tag: '25-jre-noble' });
    assert.deepEqual(verdict('maven:3.9.9-eclipse-temurin-17'), { imageClass: 'toolchain', advice: 'eclipse-temurin:17-jre' });
    assert.deepEqual(verdict('mcr.microsoft.com/dotnet/sdk:9.0'), { imageClass: 'toolchain', advice: 'mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled' });
    assert.deepEqual(verdict('nginx:1.27-bookworm'), { imageClass: 'fullLanguage', advice: 'nginx:1.27-alpine or nginxinc/nginx-unprivileged:1.27-alpine' });
    assert.deepEqual(verdict('php:8.3-apache'), { imageClass: 'fullLanguage', advice: 'php:8.3-fpm-alpine' });
    assert.deepEqual(verdict('public.ecr.aws/docker/library/node:20'), { imageClass: 'fullLanguage', advice: 'node:20-slim', tag: '20-slim' }, "an official image's mirror");
  });

  it('knows which images run as a non-root user by default', () => {
    const user = (text: string) => {
      const ref = parseImageRef(text);
      assert.ok(ref, text);
      return nonRootDefaultUser(ref);
    };
    assert.equal(user('gcr.io/distroless/static-debian13:nonroot'), 'nonroot');
    assert.equal(user('gcr.io/distroless/base-debian13:debug-nonroot'), 'nonroot');
    assert.equal(user('gcr.io/distroless/static-debian13'), undefined);
    assert.equal(user('cgr.dev/chainguard/static'), 'nonroot');
    assert.equal(user('cgr.dev/chainguard/node:latest-dev'), undefined);
    assert.equal(user('cgr.dev/chainguard/wolfi-base'), undefined);
    assert.equal(user('mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled'), 'app');
    assert.equal(user('mcr.microsoft.com/dotnet/runtime:9.0.19-azurelinux3.0-distroless-extra-amd64'), 'app');
    assert.equal(user('mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0'), undefined);
    assert.equal(user('mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022'), 'ContainerUser');
    assert.equal(user('mcr.microsoft.com/windows/nanoserver:ltsc2022'), 'ContainerUser');
    assert.equal(user('mcr.microsoft.com/windows/servercore:ltsc2022'), undefined);
    assert.equal(user('nginxinc/nginx-unprivileged:1.27-alpine'), 'nginx');
    assert.equal(user('node:22-slim'), undefined);
    assert.equal(user('mirror.gcr.io/library/nginx:1.27'), undefined);
    assert.equal(user('public.ecr.aws/docker/library/nginxinc/nginx-unprivileged:1.27'), undefined, 'not a mirror path: an owner below library/');
  });
});
