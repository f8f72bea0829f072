// Linting whole Helm charts: `helm create` output is quiet (no syntax errors, nothing a template
// decides is reported), and what a template writes literally is flagged at its exact position.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { isHelmTemplate, isValuesFileName } from '../../server/src/helm/detect.js';
import { isTemplatedSetting } from '../../server/src/k8s/model.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';

/** `line:col-endLine:endCol ruleId`, 1-based as the editor shows it. */
function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId}`;
}

function lintFixture(path: string, languageId?: string): Finding[] {
  return lint(readFileSync(`test/fixtures/helm/${path}`, 'utf8'), { uri: `test/fixtures/helm/${path}`, languageId });
}

const expected: Record<string, string[]> = {
  // `helm create` output: every security setting comes from the values, so the templates are silent.
  'webapp/templates/deployment.yaml': [],
  'webapp/templates/service.yaml': [],
  'webapp/templates/serviceaccount.yaml': [],
  'webapp/templates/ingress.yaml': [],
  'webapp/templates/hpa.yaml': [],
  'webapp/values.yaml': [],
  'webapp/Chart.yaml': [],
  // The test pod of `helm create` writes its container literally, without a securityContext.
  'webapp/templates/tests/test-connection.yaml': [
    '2:7-2:10 k8s/seccomp',
    '2:7-2:10 k8s/service-account-token',
    '11:13-11:17 k8s/capabilities-not-dropped',
    '11:13-11:17 k8s/privilege-escalation',
    '11:13-11:17 k8s/run-as-root',
    '11:13-11:17 k8s/writable-root-filesystem',
    '12:14-12:21 k8s/image-latest', // `image: busybox`, untagged as `helm create` writes it
  ],
  'insecure/templates/daemonset.yaml': [
    '3:7-3:16 k8s/service-account-token', // no serviceAccountName nor automount written anywhere
    '19:7-19:20 k8s/host-pid', // literal, inside {{- if .Values.debug }}
    '27:13-27:29 k8s/privileged-container', // literal privileged: true beside templated settings
    '42:17-42:28 k8s/capabilities-not-dropped', // the range's containers write a literal securityContext
    '42:17-42:28 k8s/privilege-escalation',
    '42:17-42:28 k8s/writable-root-filesystem',
    '50:13-50:39 k8s/host-path',
  ],
  'insecure/values.yaml': [
    '3:3-3:14 k8s/helm-insecure-values',
    '5:1-5:18 k8s/helm-insecure-values',
    '8:3-8:22 k8s/helm-insecure-values',
    '12:3-12:19 k8s/helm-insecure-values',
    '13:3-13:15 k8s/helm-insecure-values',
    '15:11-15:20 k8s/helm-insecure-values',
  ],
};

describe('Helm fixture charts', () => {
  for (const [path, findings] of Object.entries(expected)) {
    it(`${path}: ${findings.length} finding(s), no syntax error`, () => {
      const actual = lintFixture(path);
      assert.deepEqual(actual.map(describeFinding), findings);
      assert.deepEqual(actual.filter((f) => f.ruleId === 'k8s/yaml-syntax'), []);
    });
  }

  it('names templated resources and containers as written', () => {
    const messages = lintFixture('insecure/templates/daemonset.yaml').map((f) => f.message);
    assert.ok(messages.includes('DaemonSet "{{ $fullName }}" shares the host\'s process namespace (hostPID: true)'), messages.join('\n'));
    assert.ok(messages.includes('Container "{{ .name }}" does not drop ALL capabilities'), messages.join('\n'));
  });

  for (const path of ['webapp/templates/_helpers.tpl', 'webapp/templates/NOTES.txt', 'insecure/templates/_helpers.tpl']) {
    it(`${path} is not linted, even as language "helm"`, () => {
      assert.deepEqual(lintFixture(path, 'helm'), []);
    });
  }

  it('treats settings produced by toYaml as unknown, literal ones as known', () => {
    const file = parseYamlFile(readFileSync('test/fixtures/helm/insecure/templates/daemonset.yaml', 'utf8'), 'chart/templates/daemonset.yaml');
    const [agent, metrics, extra] = file.containers;
    assert.equal(isTemplatedSetting(agent, 'privileged'), false);
    assert.equal(isTemplatedSetting(agent, 'runAsUser'), true);
    assert.equal(isTemplatedSetting(agent, 'runAsNonRoot'), true, 'the pod securityContext is a toYaml block');
    assert.equal(isTemplatedSetting(metrics, 'readOnlyRootFilesystem'), true, 'securityContext: {{- toYaml … }}');
    assert.equal(isTemplatedSetting(extra, 'privileged'), true);
    assert.equal(isTemplatedSetting(extra, 'allowPrivilegeEscalation'), false);
  });
});

describe('a setting written only when the chart value of its name is set', () => {
  const template = (guard: string) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "op.fullname" . }}',
      'spec:',
      '  template:',
      '    spec:',
      `{{- if ${guard} }}`,
      '      hostNetwork: true',
      '      dnsPolicy: ClusterFirstWithHostNet',
      '{{- end }}',
      '      containers:',
      '        - name: op',
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '',
    ].join('\n');
  const hostNetwork = (guard: string) => lint(template(guard), { uri: 'chart/templates/deployment.yaml' }).filter((f) => f.ruleId === 'k8s/host-network').length;

  it('is the values file\'s to decide, as if the template wrote the value (kube-prometheus-stack\'s operator)', () => {
    assert.equal(hostNetwork('.Values.prometheusOperator.hostNetwork'), 0);
    assert.equal(hostNetwork('.Values.hostNetwork.enabled'), 0);
  });

  it('is reported when the guard is another value, or more than one value', () => {
    assert.equal(hostNetwork('.Values.debug'), 1);
    assert.equal(hostNetwork('and .Values.debug .Values.hostNetwork'), 1);
  });
});

describe('Helm file detection', () => {
  it('a template: actions in a templates/ folder, or Helm actions anywhere', () => {
    assert.equal(isHelmTemplate('charts/web/templates/deployment.yaml', 'name: {{ .Chart.Name }}'), true);
    assert.equal(isHelmTemplate('file:///c%3A/charts/web/templates/tests/pod.yaml', 'name: {{ $x }}'), true);
    assert.equal(isHelmTemplate('C:\\charts\\web\\templates\\svc.yaml', 'name: {{ $x }}'), true);
    assert.equal(isHelmTemplate('deploy/app.yaml', 'replicas: {{ .Values.replicas }}'), true);
    assert.equal(isHelmTemplate('deploy/app.yaml', '{{- if .Values.enabled }}\nkind: Pod\n{{- end }}'), true);
  });

  it('not a template: no actions, or only GitHub expressions outside templates/', () => {
    assert.equal(isHelmTemplate('charts/web/templates/plain.yaml', 'kind: Pod'), false);
    assert.equal(isHelmTemplate('.github/workflows/ci.yml', 'run: echo ${{ secrets.TOKEN }}'), false);
    assert.equal(isHelmTemplate('.github/workflow-templates/ci.yml', 'run: echo ${{ github.sha }}'), false);
  });

  it('values files by name', () => {
    for (const name of ['values.yaml', 'values.yml', 'charts/x/values-prod.yaml', 'values.staging.yaml']) assert.equal(isValuesFileName(name), true, name);
    for (const name of ['my-values.yaml', 'values.json', 'templates/values.txt']) assert.equal(isValuesFileName(name), false, name);
  });

  it('parses a template masked but keeps the original text for ranges and fixes', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n';
    const file = parseYamlFile(text, 'chart/templates/pod.yaml');
    assert.equal(file.text, text);
    assert.ok(file.helm);
    assert.equal(file.resources[0].name, '{{ .Release.Name }}');
    assert.equal(parseYamlFile(text.replace('{{ .Release.Name }}', 'web'), 'chart/templates/pod.yaml').helm, undefined);
  });
});

describe('Go templates outside a chart', () => {
  const only = { rules: { 'k8s/yaml-syntax': {}, 'k8s/host-pid': {}, 'secrets/hardcoded-credential': {} } };
  const summary = (text: string, uri: string) => lint(text, { uri, config: only }).map(describeFinding);

  it('are read as templates when they do not parse as YAML: no false syntax errors, the literal settings linted', () => {
    // As istio's test fixtures write them (tests/integration/.../gateway-api.yaml).
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .To.ServiceName }}-gateway\nspec:\n  hostPID: true\n  containers: []\n';
    assert.equal(parseYamlFile(text, 'testdata/gateway.yaml').helm !== undefined, true);
    assert.deepEqual(summary(text, 'testdata/gateway.yaml'), ['6:3-6:16 k8s/host-pid']);
  });

  it("are read as templates with a function's call too (consul-template in grafana/loki's Nomad examples)", () => {
    const text = 'common:\n  ring:\n    kvstore:\n      consul:\n        host: {{ env "attr.unique.network.ip-address" }}:8500\nserver:\n  http_listen_port: {{ env "NOMAD_PORT_http" }}\n';
    assert.deepEqual(summary(text, 'examples/nomad/config.yml'), []);
  });

  it('are linted as written when they parse: template text in a string is just text', () => {
    const text = 'template: "{{ .Name }} {{ $x }}"\ndb:\n  password: Zx9Lq2wPm7Vb\n';
    assert.equal(parseYamlFile(text, 'inject-config.yaml').helm, undefined);
    assert.deepEqual(summary(text, 'inject-config.yaml'), ['3:13-3:25 secrets/hardcoded-credential']);
  });

  it('are not GitHub Actions expressions, nor templates without a field or variable', () => {
    const text = 'run: echo ${{ .x }}\nbad: [\n';
    assert.equal(parseYamlFile(text, 'ci.yml').helm, undefined);
    assert.equal(parseYamlFile('note: {{ value }}\nbad: [\n', 'jinja.yml').helm, undefined);
    assert.equal(parseYamlFile('note: {{ value | default("x") }}\nbad: [\n', 'jinja.yml').helm, undefined);
  });
});
