// The editor's workspace index moves workspace findings when an edit only moves the places a file's
// summaries point at (the common keystroke), instead of running every workspace rule over the
// workspace again. The user must not be able to tell: after any edit, every open file's workspace
// findings are those of an index built from scratch on the same texts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { presetConfig } from '../../server/src/config/presets.js';
import type { Finding } from '../../server/src/engine/types.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex.js';
import { tempWorkspace } from '../support/tempWorkspace.js';

const config = presetConfig('all');
const INGRESS = [
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata: {name: public, namespace: shop}',
  'spec:',
  '  rules:',
  '    - host: web.example.com',
  '      http:',
  '        paths:',
  '          - path: /',
  '            pathType: Prefix',
  '            backend:',
  '              service:',
  '                name: web',
  '                port: {number: 80}',
  '',
].join('\n');
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n';
const POD = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/web:1.4\n          securityContext:\n            privileged: true\n';
const DOCKERFILE = 'FROM node:22\nUSER root\nCMD ["node", "server.js"]\n';

/** Every open file's workspace findings after linting `texts` into `index` (each file's lint, as the server does). */
function lintAll(index: WorkspaceIndex, texts: Record<string, string>, order = Object.keys(texts)): Record<string, Finding[]> {
  const shown: Record<string, Finding[]> = {};
  for (const uri of order) shown[uri] = index.documentLinted(uri, lintDocument(texts[uri], { uri, config, summarize: true }).summaries);
  // Findings of the files not linted last may have changed with it: ask again (unchanged summaries change nothing).
  for (const uri of Object.keys(texts)) shown[uri] = index.documentLinted(uri, lintDocument(texts[uri], { uri, config, summarize: true }).summaries);
  return shown;
}

const freshIndex = () => new WorkspaceIndex({ configFor: () => config, nameOf: (path) => path, relint: () => undefined });

describe('workspace index', () => {
  it('gives the findings of an index built from scratch after edits that move, change, add and remove places', () => {
    const files = { '/ws/ingress.yaml': INGRESS, '/ws/app.yaml': `${SERVICE}---\n${POD}`, '/ws/Dockerfile': DOCKERFILE };
    const index = freshIndex();
    const first = lintAll(index, files);
    assert.ok(first['/ws/ingress.yaml'].some((finding) => finding.ruleId === 'k8s/exposed-privileged-workload' && finding.related?.length === 2), 'the Ingress to a privileged pod is found, its Service and pod related');
    const versions: Record<string, string>[] = [
      { ...files, '/ws/ingress.yaml': `# a comment above\n${INGRESS}` }, // the finding moved
      { ...files, '/ws/app.yaml': `# two\n# lines above\n${SERVICE}---\n${POD}` }, // its related places (another file) moved
      { ...files, '/ws/app.yaml': `${SERVICE}---\n${POD.replace('privileged: true', 'privileged: false')}` }, // gone
      { ...files, '/ws/app.yaml': `${SERVICE}---\n${POD}---\n${POD.replace('name: web', 'name: web-2')}` }, // a second one
      { ...files, '/ws/ingress.yaml': `${INGRESS.replace('namespace: shop', 'namespace: other')}` }, // no longer routed
      files,
    ];
    for (const [i, texts] of versions.entries()) {
      const edited = Object.keys(texts).filter((uri) => texts[uri] !== files[uri as keyof typeof files]);
      const shown = lintAll(index, texts, edited);
      assert.deepEqual(shown, lintAll(freshIndex(), texts), `version ${i} differs from an index built from scratch`);
    }
  });

  it('reads nothing from disk when the editor has no workspace folder (not the folder the server started in)', async () => {
    const started = process.cwd();
    const home = tempWorkspace('no-folder', { 'app.yaml': `${SERVICE}---\n${POD}`, 'ingress.yaml': INGRESS });
    const read: string[] = [];
    const index = new WorkspaceIndex({ configFor: (path) => (read.push(path), config), nameOf: (path) => path, relint: () => undefined });
    try {
      process.chdir(home);
      await index.indexFolders([]);
      assert.deepEqual(read, []);
      await index.indexFolders([pathToFileURL(home).href]); // the same files, as a workspace folder: indexed
      assert.deepEqual([...new Set(read)].sort(), [join(home, 'app.yaml'), join(home, 'ingress.yaml')]);
    } finally {
      process.chdir(started);
    }
  });
});
