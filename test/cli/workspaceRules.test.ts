// The CLI reports the workspace rules' findings as the editor does: on both files, each pointing to the other.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { tempWorkspace } from '../support/tempWorkspace.js';

const CLI = resolve('dist/cli.js');
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cart\nspec:\n  containers:\n    - name: server\n      image: acme/cartservice:1.4\n';

const workspace = (files: Record<string, string>) => tempWorkspace('cli-workspace', files);

function scan(root: string, format: string, paths: string[] = []) {
  return spawnSync(process.execPath, [CLI, 'scan', ...paths, '--format', format], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('manifestlint scan: workspace rules', () => {
  const root = workspace({ 'k8s/pod.yaml': POD, 'src/cartservice/Dockerfile': 'FROM node:24\nUSER root\nCMD ["node", "server.js"]\n' });

  it('reports a pod running, as root, the image a Dockerfile of the scan builds as root, on both files', () => {
    const files = JSON.parse(scan(root, 'json').stdout) as { filePath: string; findings: { ruleId: string; line: number; message: string }[] }[];
    const found = files.flatMap((file) => file.findings.filter((f) => f.ruleId === 'k8s/image-runs-as-root').map((f) => `${file.filePath}:${f.line} ${f.message}`));
    assert.deepEqual(found, [
      'k8s/pod.yaml:8 Container "server" runs acme/cartservice:1.4, built by src/cartservice/Dockerfile, which runs as root (USER root): set runAsNonRoot: true and a runAsUser above 0, or add a USER to the Dockerfile',
      'src/cartservice/Dockerfile:2 This image runs as root (USER root) and Pod "cart" runs it without runAsNonRoot or a non-root runAsUser (k8s/pod.yaml)',
    ]);
  });

  it('SARIF links each finding to the other file', () => {
    const log = JSON.parse(scan(root, 'sarif').stdout) as Sarif.Log;
    const result = log.runs[0].results?.find((r) => r.ruleId === 'k8s/image-runs-as-root' && r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'k8s/pod.yaml');
    assert.equal(result?.relatedLocations?.[0]?.physicalLocation?.artifactLocation?.uri, 'src/cartservice/Dockerfile');
  });

  it('--fix reports them too, worked out over the files as fixed', () => {
    // Nothing a fix writes gives the pod's namespace a NetworkPolicy.
    const fixRoot = workspace({ 'k8s/pod.yaml': POD });
    const files = JSON.parse(spawnSync(process.execPath, [CLI, 'scan', '--fix', '--format', 'json'], { cwd: fixRoot, encoding: 'utf8' }).stdout) as { filePath: string; findings: { ruleId: string }[] }[];
    const found = files.flatMap((file) => file.findings.filter((f) => f.ruleId === 'k8s/namespace-without-network-policy').map(() => file.filePath));
    assert.deepEqual(found, ['k8s/pod.yaml']);
  });

  it('sees only the files the scan is given', () => {
    const files = JSON.parse(scan(root, 'json', ['k8s']).stdout) as { findings: { ruleId: string }[] }[];
    assert.ok(!files.some((file) => file.findings.some((f) => f.ruleId === 'k8s/image-runs-as-root')));
  });
});

describe('manifestlint scan: suppressing a workspace rule', () => {
  const RULE = 'k8s/image-runs-as-root';
  const DOCKERFILE = 'FROM node:24\nUSER root\nCMD ["node", "server.js"]\n';
  const found = (root: string) =>
    (JSON.parse(scan(root, 'json').stdout) as { filePath: string; findings: { ruleId: string }[] }[]).flatMap((file) =>
      file.findings.filter((f) => f.ruleId === RULE || f.ruleId.startsWith('manifestlint/')).map((f) => `${file.filePath} ${f.ruleId}`),
    );

  it('a comment above the finding hides it in that file only, and is not called unused', () => {
    const pod = POD.replace('      image:', `      # manifestlint-disable-next-line ${RULE} -- the entrypoint drops root before serving\n      image:`);
    const root = workspace({ 'k8s/pod.yaml': pod, 'src/cartservice/Dockerfile': DOCKERFILE });
    assert.deepEqual(found(root), [`src/cartservice/Dockerfile ${RULE}`]);
  });

  it('a comment in the Dockerfile hides the finding on its USER line', () => {
    const root = workspace({ 'k8s/pod.yaml': POD, 'src/cartservice/Dockerfile': DOCKERFILE.replace('USER root', `# manifestlint-disable-next-line ${RULE} -- reviewed\nUSER root`) });
    assert.deepEqual(found(root), [`k8s/pod.yaml ${RULE}`]);
  });

  it("an annotation on the pod and the team config's ignores (by kind and name) hide it", () => {
    const annotated = POD.replace('  name: cart\n', '  name: cart\n  annotations:\n    ignore.manifestlint.io/image-runs-as-root: "the entrypoint drops root"\n');
    assert.deepEqual(found(workspace({ 'k8s/pod.yaml': annotated, 'src/cartservice/Dockerfile': DOCKERFILE })), [`src/cartservice/Dockerfile ${RULE}`]);
    const config = `extends: [manifestlint:recommended]\nignores:\n  - { rule: ${RULE}, kind: Pod, name: cart, reason: reviewed }\n`;
    assert.deepEqual(found(workspace({ '.manifestlint.yaml': config, 'k8s/pod.yaml': POD, 'src/cartservice/Dockerfile': DOCKERFILE })), [`src/cartservice/Dockerfile ${RULE}`]);
  });

  it('SARIF keeps the suppressed finding with its justification', () => {
    const pod = POD.replace('      image:', `      # manifestlint-disable-next-line ${RULE} -- the entrypoint drops root before serving\n      image:`);
    const log = JSON.parse(scan(workspace({ 'k8s/pod.yaml': pod, 'src/cartservice/Dockerfile': DOCKERFILE }), 'sarif').stdout) as Sarif.Log;
    const result = log.runs[0].results?.find((r) => r.ruleId === RULE && r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'k8s/pod.yaml');
    assert.deepEqual(result?.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'the entrypoint drops root before serving' }]);
  });
});
