import { ruleTester } from '../../support/ruleTester.js';
import { podWithImage } from './imagePods.js';
import { datedRuleTable } from '../datedRuleTable.js';

const pod = podWithImage;

ruleTester('k8s/image-non-minimal', {
  valid: [
    pod('node:22-slim'),
    pod('python:3.13-slim-bookworm'),
    pod('gcr.io/distroless/static-debian13:nonroot'),
    pod('busybox:1.37'),
    pod('eclipse-temurin:21-jre'),
    { name: 'an application image: its name says nothing about its base', code: pod('ghcr.io/acme/api:1.4.2') },
    { name: 'Helm', filename: 'chart/templates/pod.yaml', code: pod('{{ .Values.image }}') },
  ],
  invalid: [
    {
      name: 'a full language image: the slim tag of the same version, as a quick fix',
      code: pod('node:22'),
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 19, severity: 'warning', message: 'Container "web" runs node:22, a full Node.js image: use node:22-slim or gcr.io/distroless/nodejs22-debian13' }],
      // The fix is offered (Ctrl+.) but not preferred: fix-all does not change images.
      output: null,
    },
    {
      name: 'a full OS',
      code: pod('"ubuntu:24.04"'),
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 26, message: 'Container "web" runs ubuntu:24.04, a full Ubuntu image: use gcr.io/distroless/base-debian13 or debian:trixie-slim' }],
    },
    {
      name: 'a toolchain',
      code: pod('golang:1.26'),
      errors: [{ line: 8, column: 12, endLine: 8, endColumn: 23, message: 'Container "web" runs a build toolchain (golang:1.26, Go): run the built program on gcr.io/distroless/static-debian13 (with CGO_ENABLED=0) or scratch' }],
    },
  ],
});

// The quick fix itself (offered, never preferred), applied and re-linted.
datedRuleTable('k8s/image-non-minimal', [
  {
    name: 'quick fix: the slim tag of the same version, quotes kept',
    filename: 'pod.yaml',
    today: '2026-12-06',
    code: pod("'python:3.12-bookworm'"),
    findings: ["8:12-8:34 warning Container \"web\" runs python:3.12-bookworm, a full Python image: use python:3.12-slim-bookworm or gcr.io/distroless/python3-debian13"],
    fixed: pod("'python:3.12-slim-bookworm'"),
  },
  { name: 'no quick fix where no same-family tag exists', filename: 'pod.yaml', today: '2026-12-06', code: pod('ubuntu:24.04'), findings: ['8:12-8:24 warning Container "web" runs ubuntu:24.04, a full Ubuntu image: use gcr.io/distroless/base-debian13 or debian:trixie-slim'], fixed: null },
]);
