import { dedent } from '../../support/ruleTester.js';
import { datedRuleTable } from '../datedRuleTable.js';
import { podWithContainers } from './imagePods.js';

const TODAY = '2026-12-06';
const pod = podWithContainers;
const manifest = (name: string, code: string, rest: { today?: string; findings?: string[]; fixed?: string | null; filename?: string } = {}) => ({
  name,
  code,
  filename: rest.filename ?? 'pod.yaml',
  today: rest.today ?? TODAY,
  ...rest,
});

datedRuleTable('k8s/eol-image', [
  manifest('supported, unknown and untagged images', pod('  - name: a\n    image: python:3.13-slim\n  - name: b\n    image: registry.corp.example/team/api:1.8\n  - name: c\n    image: redis\n')),
  manifest(
    'an ended release: warning on the reference inside the quotes, the fix keeps them',
    pod('  - name: web\n    image: "node:18-alpine3.18"\n'),
    {
      findings: ['8:13-8:31 warning Container "web" runs node:18-alpine3.18: Node.js 18 has had no security fixes since 2025-04-30: use node:24-alpine3.23'],
      fixed: pod('  - name: web\n    image: "node:24-alpine3.23"\n'),
    },
  ),
  manifest('an init container near the end: info with the date', pod('  - name: app\n    image: busybox:1.37\n') + '  initContainers:\n  - name: migrate\n    image: php:8.2-cli\n', {
    findings: ['11:12-11:23 info Init container "migrate" runs php:8.2-cli: security support for PHP 8.2 ends on 2026-12-31, in 25 days: plan the move to php:8.4-cli'],
    fixed: pod('  - name: app\n    image: busybox:1.37\n') + '  initContainers:\n  - name: migrate\n    image: php:8.4-cli\n',
  }),
  manifest('two releases: the earlier end', pod('  - name: api\n    image: python:3.12-slim-bullseye\n'), {
    findings: ['8:12-8:37 warning Container "api" runs python:3.12-slim-bullseye: Debian 11 (bullseye) has had no security fixes since 2026-08-31: use python:3.12-slim-bookworm'],
    fixed: pod('  - name: api\n    image: python:3.12-slim-bookworm\n'),
  }),
  manifest('a data store: advice only', pod('  - name: db\n    image: mongo:6.0\n'), {
    findings: ['8:12-8:21 warning Container "db" runs mongo:6.0: MongoDB 6.0 has had no security fixes since 2025-07-31: use mongo:8.0'],
    fixed: null,
  }),
  manifest(
    'Helm: a templated image is not guessed',
    dedent(`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: {{ .Release.Name }}
      spec:
        template:
          spec:
            containers:
            - name: app
              image: {{ .Values.image }}
            - name: sidecar
              image: "{{ .Values.sidecar.repository }}:{{ .Values.sidecar.tag | default "3.8" }}"
    `),
    { filename: 'chart/templates/deployment.yaml' },
  ),
]);
