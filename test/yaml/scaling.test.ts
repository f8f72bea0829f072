// Inputs that once hung or crashed the linter, each at 100,000 repetitions (or, for the merge-key
// bombs, a depth no exponential walk survives). Each must lint and come back with its findings: the
// old code took minutes on every one of them, or overflowed the stack. Speed is measured in bench/;
// here the test runner's patience is the only clock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, type LintOptions } from '../../server/src/linter/lint.js';
import { YamlDocumentCache } from '../../server/src/yaml/documentCache.js';

const N = 100_000;

/**
 * The engine's size cap and time budget are its safety net, not what these tests are about: they are
 * raised so that a slow machine cannot turn a linear lint into a "not linted" result.
 */
const ROOMY = { maxFileSizeMB: 64, timeBudgetMs: 600_000 };

function findingsOf(text: string, uri: string, options: Partial<LintOptions> = {}): string[] {
  return lint(text, { uri, limits: ROOMY, ...options }).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  hostPID: true\n  containers: []\n';

describe('scaling: YAML', () => {
  it('merge keys nine levels deep (the 431-byte file that hung): excessive aliasing, and the pod still linted', () => {
    const levels = ['l0: &l0 {a: 1}', ...Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} {<<: [*l${i}, *l${i}]}`)];
    const text = `${levels.join('\n')}\n${POD.replace('spec:\n', 'spec:\n  <<: *l9\n')}`;
    assert.deepEqual(findingsOf(text, 'merge.yaml'), ['k8s/yaml-syntax@10', 'k8s/host-pid@18']);
  });

  it('merge keys thirty levels deep, the setting thirty merges down', () => {
    const levels = ['l0: &l0 {hostPID: true}', ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} {<<: [*l${i}, *l${i}]}`)];
    const text = `${levels.join('\n')}\n${POD.replace('  hostPID: true\n', '  <<: *l30\n')}`;
    // The merges expand far past what Kubernetes accepts (reported on l9's line), and hostPID is found anyway.
    assert.deepEqual(findingsOf(text, 'merge.yaml'), ['k8s/host-pid@1', 'k8s/yaml-syntax@10']);
  });

  it(`a merge of ${N} aliases`, () => {
    const text = `base: &b {hostPID: true}\n${POD.replace('  hostPID: true\n', `  <<: [${Array(N).fill('*b').join(', ')}]\n`)}`;
    assert.deepEqual(findingsOf(text, 'merges.yaml'), ['k8s/host-pid@1']);
  });

  it(`a flat mapping of ${N} keys, one of them repeated: the duplicate reported, the rest of the file linted`, () => {
    const keys = Array.from({ length: N }, (_, i) => `    key${i}: v\n`).join('');
    const text = POD.replace('  name: p\n', `  name: p\n  labels:\n${keys}    key7: again\n`);
    assert.deepEqual(findingsOf(text, 'wide.yaml'), [`k8s/yaml-syntax@${N + 6}`, `k8s/host-pid@${N + 9}`]);
  });

  it('130,000 documents ended by ... (one chunk for the editor\'s cache): not spread onto the stack', () => {
    const documents = 130_000; // the count that overflowed the stack
    const text = 'a: 1\n...\n'.repeat(documents) + POD;
    for (const yamlCache of [undefined, new YamlDocumentCache()]) {
      assert.deepEqual(findingsOf(text, 'docs.yaml', { yamlCache }), [`k8s/host-pid@${2 * documents + 7}`]);
    }
  });
});

describe('scaling: suppressions', () => {
  it(`${N} stacked disable-next-line comments: the finding below is suppressed, and none is unused (each covers it)`, () => {
    const text = POD.replace('  hostPID: true\n', `${'  # manifestlint-disable-next-line k8s/host-pid -- audited\n'.repeat(N)}  hostPID: true\n`);
    assert.deepEqual(findingsOf(text, 'pod.yaml'), []);
  });

  it(`${N} Dockerfile instructions, each suppressed by the comment above it`, () => {
    const text = `FROM ghcr.io/acme/base:1.0\nUSER app\n${'# manifestlint-disable-next-line dockerfile/sudo -- audited\nRUN sudo true\n'.repeat(N)}`;
    assert.deepEqual(findingsOf(text, 'Dockerfile'), []);
  });
});

describe('scaling: Helm templates', () => {
  it(`${N} actions on one line`, () => {
    const text = POD.replace('  name: p\n', `  name: p\n  annotations:\n    note: ${'{{ .Values.a }}'.repeat(N)}\n`);
    assert.deepEqual(findingsOf(text, 'chart/templates/pod.yaml'), ['k8s/host-pid@9']);
  });

  it(`${N} toYaml | nindent insertions in one list`, () => {
    const text = POD.replace('  containers: []\n', `  containers:\n${'    - name: c\n      {{- toYaml .Values.extra | nindent 6 }}\n'.repeat(N)}`);
    assert.deepEqual(findingsOf(text, 'chart/templates/pod.yaml'), ['k8s/host-pid@7']);
  });
});

describe('scaling: secrets', () => {
  it(`${N} credentials in one block scalar, each found on its own line`, () => {
    const lines = Array.from({ length: N }, (_, i) => `    db${i}.password=Xq7${(i * 7919).toString(36)}Lp9${(i * 104729).toString(36)}Zr\n`).join('');
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  app.properties: |\n${lines}`;
    const findings = findingsOf(text, 'cm.yaml');
    assert.equal(findings.length, N);
    assert.deepEqual(findings.slice(0, 2), ['secrets/hardcoded-credential@7', 'secrets/hardcoded-credential@8']);
    assert.equal(findings[N - 1], `secrets/hardcoded-credential@${N + 6}`);
  });
});
