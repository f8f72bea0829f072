// k8s/helm-insecure-values: the settings a chart's values feed into its pod specs, checked where
// they are written, and the message naming the templates that read them when the caller knows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulesById } from '../../rules/index.js';
import { type HelmHint, valuesConsumers } from '../../server/src/helm/consumers.js';
import type { Report } from '../../server/src/engine/types.js';
import { readHelmHint, findChartRoot } from '../../server/src/helm/chart.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';
import { dedent, ruleTester } from '../support/ruleTester.js';

const filename = 'charts/web/values.yaml';

ruleTester('k8s/helm-insecure-values', {
  valid: [
    { name: '`helm create` defaults', filename, code: 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: ""\npodSecurityContext: {}\nsecurityContext: {}\n' },
    { name: 'hardened settings', filename, code: 'securityContext:\n  privileged: false\n  allowPrivilegeEscalation: false\n  runAsNonRoot: true\n  runAsUser: 1000\n  readOnlyRootFilesystem: true\n  capabilities:\n    drop: [ALL]\n' },
    { name: 'not a values file', filename: 'charts/web/config.yaml', code: 'securityContext:\n  privileged: true\n' },
    { name: 'a values file without chart keys', filename, code: 'settings:\n  privileged: true\n' },
    { name: 'a Kubernetes manifest named values.yaml', filename, code: 'apiVersion: v1\nkind: Pod\nimage: {tag: latest}\nhostNetwork: true\n' },
    { name: 'a disabled Bitnami-style security context', filename, code: 'containerSecurityContext:\n  enabled: false\n  privileged: true\n' },
    { name: 'a feature the chart defaults switch off (its init container does not render)', filename, code: 'image:\n  repository: nginx\nvolumePermissions:\n  enabled: false\n  containerSecurityContext:\n    runAsUser: 0\n' },
    { name: 'container-only fields are not pod fields', filename, code: 'podSecurityContext:\n  privileged: true\n  fsGroup: 1000\n' },
    { name: 'a values string that is itself a template', filename, code: 'image:\n  tag: "{{ .Chart.AppVersion }}"\nsecurityContext:\n  runAsUser: {{ .Values.uid }}\n' },
    { name: 'harmless capability', filename, code: 'securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n' },
  ],
  invalid: [
    {
      name: 'the same feature switched on in the defaults',
      filename,
      code: 'image:\n  repository: nginx\nvolumePermissions:\n  enabled: true\n  containerSecurityContext:\n    runAsUser: 0\n',
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 17, message: /^Chart value volumePermissions\.containerSecurityContext\.runAsUser: 0 runs as root;/ }],
    },
    {
      name: 'securityContext fed to every container',
      filename,
      code: dedent(`
        image:
          repository: nginx
        securityContext:
          privileged: true
          allowPrivilegeEscalation: true
          runAsUser: 0
      `),
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 19, severity: 'error', message: "Chart value securityContext.privileged: true runs the container privileged, with full access to the host; read by the chart's templates" },
        { line: 5, column: 3, endLine: 5, endColumn: 33, severity: 'warning', message: /^Chart value securityContext\.allowPrivilegeEscalation: true allows privilege escalation;/ },
        { line: 6, column: 3, endLine: 6, endColumn: 15, severity: 'error', message: /^Chart value securityContext\.runAsUser: 0 runs as root;/ },
      ],
    },
    {
      name: 'nested sections and lists of sidecars',
      filename: 'values-prod.yaml',
      code: dedent(`
        controller:
          podSecurityContext:
            runAsNonRoot: false
            seccompProfile:
              type: Unconfined
          hostPID: true
          sidecars:
            - name: proxy
              containerSecurityContext:
                readOnlyRootFilesystem: false
                capabilities:
                  add: [SYS_ADMIN]
                procMount: Unmasked
        replicaCount: 2
      `),
      errors: [
        { line: 3, column: 5, endLine: 3, endColumn: 24, message: /^Chart value controller\.podSecurityContext\.runAsNonRoot: false lets the container run as root;/ },
        { line: 5, column: 7, endLine: 5, endColumn: 23, severity: 'error', message: /^Chart value controller\.podSecurityContext\.seccompProfile\.type: Unconfined disables seccomp;/ },
        { line: 6, column: 3, endLine: 6, endColumn: 16, severity: 'error', message: /^Chart value controller\.hostPID: true shares the host's process namespace;/ },
        { line: 10, column: 9, endLine: 10, endColumn: 38, message: /^Chart value controller\.sidecars\[0\]\.containerSecurityContext\.readOnlyRootFilesystem: false/ },
        { line: 12, column: 17, endLine: 12, endColumn: 26, severity: 'error', messageId: 'dangerousCapability' },
        { line: 13, column: 9, endLine: 13, endColumn: 28, severity: 'error', message: /procMount: Unmasked mounts \/proc unmasked/ },
      ],
    },
    {
      name: 'a Windows chart: HostProcess in the pod security context',
      filename,
      code: 'image:\n  repository: exporter\npodSecurityContext:\n  windowsOptions:\n    hostProcess: true\n',
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 22, severity: 'error', message: /^Chart value podSecurityContext\.windowsOptions\.hostProcess: true runs a Windows HostProcess container/ }],
    },
    {
      name: 'image tag latest, at any depth, through an alias',
      filename,
      code: 'image:\n  tag: latest\nworker:\n  image: &img\n    tag: "latest"\n  hostNetwork: true\ncron:\n  image: *img\n',
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 14, severity: 'warning', message: /^Chart value image\.tag: latest deploys whatever image was pushed last/ },
        { line: 5, column: 5, endLine: 5, endColumn: 18, messageId: 'insecure' },
        { line: 6, column: 3, endLine: 6, endColumn: 20, message: /^Chart value worker\.hostNetwork: true/ },
      ],
    },
  ],
});

describe('k8s/helm-insecure-values with the chart known', () => {
  const rule = rulesById.get('k8s/helm-insecure-values');

  function messages(text: string, helm: HelmHint): string[] {
    const reports: Report[] = [];
    rule?.checkYaml?.(parseYamlFile(text, 'charts/web/values.yaml'), { options: {}, uri: 'charts/web/values.yaml', helm, report: (r) => reports.push(r) });
    return reports.map((r) => String(r.data?.consumer));
  }

  it('names the templates that read the value, most specific reference first', () => {
    const helm = {
      valuesConsumers: valuesConsumers([
        { name: 'templates/deployment.yaml', text: 'securityContext:\n  {{- toYaml .Values.securityContext | nindent 12 }}\nimage: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"' },
        { name: 'templates/job.yaml', text: '{{- with .Values.securityContext }}\nsecurityContext: {{ toYaml . | nindent 4 }}\n{{- end }}' },
      ]),
    };
    assert.deepEqual(messages('securityContext:\n  privileged: true\nimage:\n  tag: latest\n', helm), [
      'read by templates/deployment.yaml, templates/job.yaml (.Values.securityContext)',
      'read by templates/deployment.yaml (.Values.image.tag)',
    ]);
  });

  it('reads the hint of a chart on disk', () => {
    assert.equal(findChartRoot('test/fixtures/helm/webapp/templates/deployment.yaml'), 'test/fixtures/helm/webapp');
    assert.equal(findChartRoot('/'), undefined);
    const hint = readHelmHint('test/fixtures/helm/webapp/values.yaml');
    assert.deepEqual(hint?.valuesConsumers.securityContext, ['templates/deployment.yaml']);
    assert.deepEqual(hint?.valuesConsumers['serviceAccount.create'], ['templates/_helpers.tpl', 'templates/serviceaccount.yaml']);
  });
});
