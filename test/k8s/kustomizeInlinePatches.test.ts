// Kustomize patches written inside a kustomization (`patch: |`, strategic merge or JSON 6902) and JSON
// 6902 patch files are linted by the same rules as any manifest, for the values they write: an insecure
// value is flagged where it is written, a field they leave to the base never is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { recommendedConfig } from '../../server/src/config/presets.js';
import { lint } from '../../server/src/linter/lint.js';
import { fixFile } from '../../server/src/linter/fixFile.js';
import { YamlDocumentCache } from '../../server/src/yaml/documentCache.js';

const KUSTOMIZATION = '/repo/overlays/debug/kustomization.yaml';
const PATCH_FILE = '/repo/overlays/debug/privileged.yaml';
const config = recommendedConfig();

/** `line:column-line:column rule "the text flagged"` for each finding. */
function flagged(text: string, uri = KUSTOMIZATION, kustomize?: { patchOf: string }, yamlCache?: YamlDocumentCache): string[] {
  return lint(text, { uri, config, kustomize, yamlCache }).map((f) => {
    const { start, end } = f.range;
    const written = text.split('\n')[start.line].slice(start.character, start.line === end.line ? end.character : undefined);
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.ruleId} ${JSON.stringify(written)}`;
  });
}

const JSON_PATCH = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../../base]
patches:
  - target: {group: apps, version: v1, kind: Deployment, name: web}
    patch: |-
      - op: replace
        path: /spec/replicas
        value: 1
      - op: add
        path: /spec/template/spec/containers/0/securityContext/privileged
        value: true
      - op: remove
        path: /spec/template/spec/securityContext/runAsNonRoot
`;

describe('inline JSON 6902 patches in a kustomization', () => {
  it('flag the value an add or replace writes, on its value: pair, and nothing a remove takes away', () => {
    assert.deepEqual(flagged(JSON_PATCH), ['12:9-12:20 k8s/privileged-container "value: true"']);
  });

  it('a patch that writes nothing insecure, or only removes, is clean (no field is missing from a patch)', () => {
    assert.deepEqual(flagged(JSON_PATCH.replace('value: true', 'value: false')), []);
  });

  it('a whole value written at once: each field where it is written; pod fields and escaped keys too', () => {
    const text = `kind: Kustomization
patches:
  - target: {kind: StatefulSet}
    patch: |
      - op: add
        path: /spec/template/spec/containers/-
        value:
          name: debug
          image: busybox:1.37
          securityContext: {allowPrivilegeEscalation: true, capabilities: {add: [SYS_ADMIN]}}
      - op: add
        path: /spec/template/spec/hostPID
        value: yes
      - op: add
        path: /spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1debug
        value: unconfined
`;
    assert.deepEqual(flagged(text), [
      '10:82-10:91 k8s/dangerous-capability "SYS_ADMIN"',
      '13:9-13:19 k8s/host-pid "value: yes"',
      '16:16-16:26 k8s/apparmor "unconfined"',
    ]);
  });

  it('a path that goes on inside an earlier value adds to it, without changing the parsed document', () => {
    const text = `kind: Kustomization
patches:
  - target: {kind: Deployment}
    patch: |-
      [{"op": "add", "path": "/spec/template/spec/containers/0/securityContext", "value": {"runAsNonRoot": true}},
       {"op": "add", "path": "/spec/template/spec/containers/0/securityContext/privileged", "value": true}]
`;
    const cache = new YamlDocumentCache();
    const expected = [`6:93-6:106 k8s/privileged-container ${JSON.stringify('"value": true')}`];
    assert.deepEqual(flagged(text, KUSTOMIZATION, undefined, cache), expected);
    assert.deepEqual(flagged(text, KUSTOMIZATION, undefined, cache), expected, 'the same findings from the cached parse');
  });

  it('10,000 operations on 50 containers: one resource, the last write wins, work in proportion to the text', () => {
    let text = 'kind: Kustomization\npatches:\n  - target: {kind: Deployment}\n    patch: |-\n';
    for (let i = 0; i < 10_000; i++) text += `      - {op: add, path: /spec/template/spec/containers/${i % 50}/securityContext/privileged, value: ${i === 9_999}}\n`;
    assert.deepEqual(flagged(text), ['10004:87-10004:98 k8s/privileged-container "value: true"']);
  });

  it('a target named by a label selector: the kind comes from the path', () => {
    const text = 'kind: Kustomization\npatches:\n  - target: {labelSelector: app=web}\n    patch: |-\n      - {op: add, path: /spec/template/spec/hostNetwork, value: true}\n';
    assert.deepEqual(flagged(text), ['5:58-5:69 k8s/host-network "value: true"']);
  });
});

describe('inline strategic-merge patches in a kustomization', () => {
  it('are the resources they write: an insecure value flagged where written, missing fields never', () => {
    const text = `resources: [../../base]
patches:
  - patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers:
              - name: web
                securityContext:
                  privileged: true
patchesStrategicMerge:
  - |-
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: agent}
    spec: {template: {spec: {hostNetwork: true}}}
`;
    assert.deepEqual(flagged(text), ['13:19-13:35 k8s/privileged-container "privileged: true"', '19:30-19:47 k8s/host-network "hostNetwork: true"']);
  });

  it('a folded, quoted or unparsable patch string is skipped, never guessed at', () => {
    const text = 'kind: Kustomization\npatches:\n  - patch: >\n      apiVersion: v1\n      kind: Pod\n      spec: {hostPID: true}\n  - patch: "apiVersion: v1\\nkind: Pod\\nspec: {hostPID: true}\\n"\n  - patch: |\n      apiVersion: v1\n      kind: Pod\n      spec: {hostPID: true\n';
    assert.deepEqual(flagged(text), []);
  });

  it('a kustomization-named file that is not a kustomization is not read for patches', () => {
    const text = 'kind: ConfigMap\napiVersion: v1\nmetadata: {name: x}\ndata:\n  patches: |\n    apiVersion: v1\n    kind: Pod\n    spec: {hostPID: true}\n';
    assert.deepEqual(flagged(text), []);
  });
});

describe('a JSON 6902 patch file a kustomization names', () => {
  const hint = { patchOf: KUSTOMIZATION };
  const OPS = '- op: add\n  path: /spec/template/spec/containers/0/securityContext/privileged\n  value: true\n- op: remove\n  path: /spec/template/spec/containers/0/securityContext/runAsNonRoot\n';

  it('is linted for what its operations write, in YAML or JSON; without the kustomization it is just a list', () => {
    assert.deepEqual(flagged(OPS, PATCH_FILE, hint), ['3:3-3:14 k8s/privileged-container "value: true"']);
    const json = '[\n  {"op": "replace", "path": "/spec/template/spec/hostIPC", "value": true}\n]\n';
    assert.deepEqual(flagged(json, PATCH_FILE, hint), [`2:60-2:73 k8s/host-ipc ${JSON.stringify('"value": true')}`]);
    assert.deepEqual(flagged(OPS, PATCH_FILE), []);
  });

  it('the fix sets the value the operation writes, and the patch stays a patch', () => {
    const fixed = fixFile(OPS, PATCH_FILE, config, { kustomize: hint });
    assert.equal(fixed.text, OPS.replace('value: true', 'value: false'));
    assert.deepEqual(parseDocument(fixed.text).toJS()[0], { op: 'add', path: '/spec/template/spec/containers/0/securityContext/privileged', value: false });
  });

  it('inline patches get no fix: their text is a string of the kustomization, and it stays as written', () => {
    assert.equal(fixFile(JSON_PATCH, KUSTOMIZATION, config).text, JSON_PATCH);
  });
});
