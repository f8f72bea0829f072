// `podSpecPaths` in the team config: validated where written, merged along `extends`, and used by the
// engine, so a team's own resource kind is checked like a Deployment.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { parseConfigFile } from '../../server/src/config/configFile.js';
import { ConfigResolver } from '../../server/src/config/resolver.js';
import { lint } from '../../server/src/linter/lint.js';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace.js';

let workspace: TempWorkspace | undefined;
afterEach(() => workspace?.dispose());

const problemsOf = (text: string) =>
  parseConfigFile('/repo/.manifestlint.yaml', text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);

const WORKER = 'apiVersion: acme.io/v1\nkind: Worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: job\n          securityContext: {privileged: true}\n';

describe('podSpecPaths in the config', () => {
  it('accepts entries with an apiVersion or a group, a kind and a dotted path', () => {
    assert.deepEqual(problemsOf('podSpecPaths:\n  - { apiVersion: acme.io/v1, kind: Worker, path: spec.template.spec }\n  - { apiVersion: acme.io, kind: Batch, path: spec.jobs.pod }\n'), []);
  });

  it('says what is wrong with an entry, where it is written', () => {
    assert.deepEqual(problemsOf('podSpecPaths:\n  - { apiVersion: acme.io/v1, kind: Worker }\n'), ['2:7 podSpecPaths[0]: missing "path"']);
    assert.deepEqual(problemsOf('podSpecPaths:\n  - { apiVersion: acme.io/v1, kind: Worker, path: "spec..spec" }\n'), ['2:51 podSpecPaths[0].path: must be a dotted path such as `spec.template.spec`']);
    assert.deepEqual(problemsOf('podSpecPaths:\n  - { apiVersion: "acme io", kind: Worker, path: spec }\n'), ['2:19 podSpecPaths[0].apiVersion: must be an apiVersion such as `acme.io/v1`, or a group such as `acme.io`']);
    assert.deepEqual(problemsOf('podSpecPaths:\n  - { apiVersion: v1, kind: Worker, path: spec, extra: 1 }\n'), ['2:49 podSpecPaths[0].extra: unknown setting "extra" (expected apiVersion, kind, path)']);
  });

  it('reaches the engine, with the entries of extended configs too', () => {
    workspace = tempWorkspace({
      'base.yaml': 'podSpecPaths: [{ apiVersion: acme.io, kind: Worker, path: spec.template.spec }]\n',
      '.manifestlint.yaml': 'extends: [manifestlint:recommended, ./base.yaml]\npodSpecPaths: [{ apiVersion: acme.io/v1, kind: Batch, path: spec.pod }]\n',
    });
    const root = workspace.root;
    const { config } = new ConfigResolver({ rootFor: () => root }).resolve(workspace.path('worker.yaml'));
    assert.deepEqual(config.podSpecPaths?.map((entry) => entry.kind), ['Batch', 'Worker']);
    const privileged = lint(WORKER, { uri: workspace.path('worker.yaml'), config }).filter((f) => f.ruleId === 'k8s/privileged-container');
    assert.deepEqual(privileged.map((f) => f.range.start.line + 1), [8]);
  });
});
