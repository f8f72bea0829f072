// Kustomize patches: a file a kustomization names as a patch sets some fields of a resource defined
// elsewhere, so it is linted for the values it writes (an insecure one is flagged) and never for the
// fields it leaves to the base; the kustomization is found from the patch alone, and re-read when it changes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { recommendedConfig } from '../../server/src/config/presets.js';
import { patchFilesOf } from '../../server/src/k8s/kustomize.js';
import { lint } from '../../server/src/linter/lint.js';
import { kustomizeHintFor } from '../../server/src/scan/kustomizeHint.js';

/** A strategic-merge patch that only makes the container privileged. */
export const PRIVILEGED_PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            privileged: true\n';

const findings = (text: string, kustomize?: { patchOf: string }) =>
  lint(text, { uri: '/repo/overlays/prod/patch.yaml', config: recommendedConfig(), kustomize }).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);

describe('a Kustomize patch is linted for what it sets', () => {
  const hint = { patchOf: '/repo/overlays/prod/kustomization.yaml' };

  it('flags the insecure value it introduces, and nothing it leaves to the base', () => {
    assert.deepEqual(findings(PRIVILEGED_PATCH, hint), ['11:13 k8s/privileged-container']);
    // The same text as a whole manifest is missing many settings.
    assert.ok(findings(PRIVILEGED_PATCH).length > 3);
  });

  it('a patch that sets only replicas and resources is clean', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          resources: {limits: {memory: 256Mi}}\n';
    assert.deepEqual(findings(patch, hint), []);
  });

  it('written values that fall short are still flagged: pod and container level', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      automountServiceAccountToken: true\n      containers:\n        - name: web\n          securityContext:\n            readOnlyRootFilesystem: false\n            capabilities: {drop: [NET_RAW]}\n';
    assert.deepEqual(findings(patch, hint), ['6:7 k8s/host-network', '7:7 k8s/service-account-token', '11:13 k8s/writable-root-filesystem', '12:28 k8s/capabilities-not-dropped']);
  });
});

describe('the kustomization that names a patch', () => {
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-kustomize-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'overlays/prod/patches'), { recursive: true });
  writeFileSync(join(root, 'overlays/prod/patches/debug.yaml'), PRIVILEGED_PATCH);
  writeFileSync(join(root, 'overlays/prod/replicas.yaml'), PRIVILEGED_PATCH);
  writeFileSync(join(root, 'overlays/prod/deployment.yaml'), PRIVILEGED_PATCH);
  const kustomization = join(root, 'overlays/prod/kustomization.yaml');

  it('reads every form a kustomization names patch files in; inline patches are not files', () => {
    const text = 'patches:\n  - path: a.yaml\n  - patch: |-\n      apiVersion: v1\n      kind: Pod\n  - path: b.json\n    target: {kind: Deployment}\npatchesStrategicMerge:\n  - c.yaml\n  - |-\n    apiVersion: v1\n    kind: Pod\npatchesJson6902:\n  - target: {kind: Deployment}\n    path: d.yaml\n';
    assert.deepEqual(patchFilesOf(text), ['a.yaml', 'b.json', 'c.yaml', 'd.yaml']);
    assert.deepEqual(patchFilesOf('[not, a, mapping]'), []);
  });

  it('is found in the folder of the patch or above; a resource it lists is no patch', () => {
    writeFileSync(kustomization, 'resources: [deployment.yaml]\npatches:\n  - path: patches/debug.yaml\npatchesStrategicMerge: [replicas.yaml]\n');
    assert.deepEqual(kustomizeHintFor(join(root, 'overlays/prod/patches/debug.yaml')), { patchOf: kustomization });
    assert.deepEqual(kustomizeHintFor(join(root, 'overlays/prod/replicas.yaml')), { patchOf: kustomization });
    assert.equal(kustomizeHintFor(join(root, 'overlays/prod/deployment.yaml')), undefined);
  });

  it('is read again when it changes on disk', () => {
    writeFileSync(kustomization, 'resources: [deployment.yaml]\npatches:\n  - path: patches/debug.yaml\npatchesStrategicMerge: [replicas.yaml]\n');
    assert.ok(kustomizeHintFor(join(root, 'overlays/prod/replicas.yaml')));
    writeFileSync(kustomization, 'resources: [deployment.yaml, replicas.yaml]\n# a longer file: a new size, whatever the clock\n');
    assert.equal(kustomizeHintFor(join(root, 'overlays/prod/replicas.yaml')), undefined);
  });

  it('is not looked for above the repository root', () => {
    const outer = mkdtempSync(join(tmpdir(), 'manifestlint-kustomize-outer-'));
    try {
      mkdirSync(join(outer, 'repo/.git'), { recursive: true });
      writeFileSync(join(outer, 'kustomization.yaml'), 'patches: [{path: repo/patch.yaml}]\n');
      writeFileSync(join(outer, 'repo/patch.yaml'), PRIVILEGED_PATCH);
      assert.equal(kustomizeHintFor(join(outer, 'repo/patch.yaml')), undefined);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });
});
