// `manifestlint scan` over a Kustomize overlay: the inline patches of kustomization.yaml and the JSON
// 6902 patch file it names are reported where they write an insecure value, and the base's missing
// settings are not blamed on them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve('dist/cli.js');

const FILES: Record<string, string> = {
  'overlays/debug/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../../base]
patches:
  - target: {kind: Deployment, name: web}
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/securityContext/privileged
        value: true
  - patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            hostPID: true
patchesJson6902:
  - target: {group: apps, version: v1, kind: Deployment, name: web}
    path: host-network.yaml
`,
  'overlays/debug/host-network.yaml': '- op: replace\n  path: /spec/template/spec/hostNetwork\n  value: true\n- op: remove\n  path: /spec/template/spec/securityContext\n',
};

describe('manifestlint scan and Kustomize patches', () => {
  it('reports the insecure values inline patches and a JSON 6902 patch file write, where they are written', () => {
    const root = mkdtempSync(join(tmpdir(), 'manifestlint-cli-kustomize-'));
    try {
      mkdirSync(join(root, '.git'));
      for (const [path, text] of Object.entries(FILES)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const result = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json'], { cwd: root, encoding: 'utf8' });
      const report: { filePath: string; findings: { ruleId: string; line: number; column: number }[] }[] = JSON.parse(result.stdout);
      const found = report.flatMap((file) => file.findings.map((f) => `${file.filePath}:${f.line}:${f.column} ${f.ruleId}`));
      assert.deepEqual(found.sort(), [
        'overlays/debug/host-network.yaml:3:3 k8s/host-network',
        'overlays/debug/kustomization.yaml:17:13 k8s/host-pid',
        'overlays/debug/kustomization.yaml:9:9 k8s/privileged-container',
      ]);
      assert.equal(result.status, 1, 'privileged is an error');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
