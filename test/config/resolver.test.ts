// Which config applies to a file: discovery, every `extends` form, overrides, ignore globs, ignores,
// locked rules, the fallback when a config breaks, and caching that spares the keystroke path any I/O.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { recommendedConfig, presetConfig } from '../../server/src/config/presets.js';
import { ConfigResolver } from '../../server/src/config/resolver.js';
import { diskSource, type ConfigSource } from '../../server/src/config/source.js';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace.js';

let workspace: TempWorkspace;
afterEach(() => workspace?.dispose());

function resolverFor(ws: TempWorkspace, source: ConfigSource = diskSource): ConfigResolver {
  return new ConfigResolver({ source, rootFor: () => ws.root });
}

function severityOf(resolver: ConfigResolver, file: string, ruleId: string): string | undefined {
  const setting = resolver.resolve(workspace.path(file)).config.rules[ruleId];
  return setting ? (setting.severity ?? 'default') : undefined;
}

describe('config discovery', () => {
  it('applies the recommended preset when there is no config file', () => {
    workspace = tempWorkspace({ 'k8s/app.yaml': '' });
    const resolved = resolverFor(workspace).resolve(workspace.path('k8s/app.yaml'));
    assert.deepEqual(resolved.config.rules, recommendedConfig().rules);
    assert.deepEqual(resolved.sources, ['manifestlint:recommended']);
    assert.equal(resolved.configFile, undefined);
  });

  it('uses the nearest config file upwards; a folder\'s own config wins over the root one', () => {
    workspace = tempWorkspace({
      '.manifestlint.yaml': 'rules: { k8s/host-path: warning }\n',
      'team-b/.manifestlint.json': '{ "rules": { "k8s/host-path": "info" } }\n',
    });
    const resolver = resolverFor(workspace);
    assert.equal(severityOf(resolver, 'team-a/deep/app.yaml', 'k8s/host-path'), 'warning');
    assert.equal(severityOf(resolver, 'team-b/app.yaml', 'k8s/host-path'), 'info');
    assert.equal(resolver.resolve(workspace.path('team-b/x/app.yaml')).configFile, workspace.path('team-b/.manifestlint.json'));
  });

  it('stops at the workspace root: a config above it does not apply', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'rules: { k8s/host-path: off }\n' });
    const resolver = new ConfigResolver({ rootFor: () => workspace.path('inner') });
    assert.equal(resolver.resolve(workspace.path('inner/app.yaml')).configFile, undefined);
  });

  it('an explicit config file overrides discovery', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'rules: { k8s/host-path: off }\n', 'ci/policy.yaml': 'rules: { k8s/host-path: error }\n' });
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'), 'ci/policy.yaml');
    assert.equal(resolved.configFile, workspace.path('ci/policy.yaml'));
    assert.equal(resolved.config.rules['k8s/host-path'].severity, 'error');
  });
});

describe('extends', () => {
  it('builds on manifestlint:recommended when extends is omitted, and on nothing with extends: []', () => {
    workspace = tempWorkspace({ 'a/.manifestlint.yaml': 'rules: {}\n', 'b/.manifestlint.yaml': 'extends: []\nrules: { k8s/host-pid: error }\n' });
    const resolver = resolverFor(workspace);
    assert.deepEqual(Object.keys(resolver.resolve(workspace.path('a/x.yaml')).config.rules).sort(), Object.keys(recommendedConfig().rules).sort());
    assert.deepEqual(Object.keys(resolver.resolve(workspace.path('b/x.yaml')).config.rules), ['k8s/host-pid']);
  });

  it('a built-in preset: manifestlint:all turns on every rule', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'extends: manifestlint:all\n' });
    const resolved = resolverFor(workspace).resolve(workspace.path('x.yaml'));
    assert.deepEqual(Object.keys(resolved.config.rules).sort(), Object.keys(presetConfig('all').rules).sort());
    assert.deepEqual(resolved.sources, ['manifestlint:all', workspace.path('.manifestlint.yaml')]);
  });

  it('a relative path, whose own extends resolve from its folder; later entries and the config itself win', () => {
    workspace = tempWorkspace({
      'policy/base.yaml': 'extends: ./security.yaml\nrules: { k8s/host-path: info, k8s/host-pid: info }\n',
      'policy/security.yaml': 'extends: []\nrules: { k8s/host-ipc: error }\nlocked: [k8s/privileged-container]\n',
      '.manifestlint.yaml': 'extends: [./policy/base.yaml]\nrules: { k8s/host-pid: warning }\nlocked: [k8s/host-pid]\n',
    });
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'));
    assert.deepEqual(resolved.problems, []);
    assert.equal(resolved.config.rules['k8s/host-ipc'].severity, 'error');
    assert.equal(resolved.config.rules['k8s/host-path'].severity, 'info');
    assert.equal(resolved.config.rules['k8s/host-pid'].severity, 'warning');
    assert.deepEqual(resolved.config.locked, ['k8s/privileged-container', 'k8s/host-pid']);
  });

  it('a package from the workspace node_modules: its manifestlint.yaml, or a file inside it', () => {
    workspace = tempWorkspace({
      'node_modules/@acme/manifestlint-config/package.json': '{ "name": "@acme/manifestlint-config", "main": "index.js" }\n',
      'node_modules/@acme/manifestlint-config/index.js': 'throw new Error("configs are data: never executed")\n',
      'node_modules/@acme/manifestlint-config/manifestlint.yaml': 'extends: manifestlint:strict\nrules: { k8s/host-port: error }\n',
      'node_modules/@acme/manifestlint-config/relaxed.json': '{ "extends": [], "rules": { "k8s/host-port": "info" } }\n',
      'svc/.manifestlint.yaml': 'extends: "@acme/manifestlint-config"\n',
      'legacy/.manifestlint.yaml': 'extends: "@acme/manifestlint-config/relaxed.json"\n',
    });
    const resolver = resolverFor(workspace);
    const svc = resolver.resolve(workspace.path('svc/app.yaml'));
    assert.deepEqual(svc.problems, []);
    assert.deepEqual(svc.sources, ['manifestlint:strict', workspace.path('node_modules/@acme/manifestlint-config/manifestlint.yaml'), workspace.path('svc/.manifestlint.yaml')]);
    assert.equal(svc.config.rules['k8s/host-port'].severity, 'error');
    assert.equal(severityOf(resolver, 'legacy/app.yaml', 'k8s/host-port'), 'info');
  });

  it('reports a missing file, a missing package and an unknown preset at the extends entry', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'extends:\n  - ./nope.yaml\n  - "@acme/missing"\n  - manifestlint:strictest\n' });
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'));
    assert.deepEqual(
      resolved.problems.map((p) => [p.range.start.line + 1, p.range.start.character + 1, p.message]),
      [
        [2, 5, `extends: cannot find extended config "./nope.yaml" (looked for ${workspace.path('nope.yaml')})`],
        [3, 5, 'extends: cannot find package "@acme/missing" in node_modules (install it, or use a relative path ./…)'],
        [4, 5, 'extends: unknown preset "manifestlint:strictest" (expected manifestlint:recommended, manifestlint:strict, manifestlint:all)'],
      ],
    );
  });

  it('reports a cycle at the entry that closes it, naming the files on it', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: [manifestlint:strict, ./a.yaml]\n' });
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'));
    const cycle = resolved.problems.find((p) => p.message.includes('cycle'));
    assert.equal(cycle?.file, workspace.path('b.yaml'));
    assert.equal(cycle?.message, 'extends: cycle a.yaml → b.yaml → a.yaml');
    assert.deepEqual(cycle?.range.start, { line: 0, character: 31 });
  });

  it('points at the extends entry of a base config that has problems', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'extends: ./base.yaml\n', 'base.yaml': 'rules:\n  k8s/host-pid: sometimes\n' });
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'));
    assert.deepEqual(resolved.problems.map((p) => [p.file, p.range.start.line + 1, p.range.start.character + 1]), [
      [workspace.path('base.yaml'), 2, 17],
      [workspace.path('.manifestlint.yaml'), 1, 10],
    ]);
    assert.match(resolved.problems[1].message, /^extends: "\.\/base\.yaml" has problems, first: rules\.k8s\/host-pid: must be one of/);
  });
});

describe('rules, overrides, ignore, ignores', () => {
  it('a severity keeps the options in force; options replace them over the rule defaults', () => {
    workspace = tempWorkspace({
      '.manifestlint.yaml': 'rules:\n  k8s/dangerous-capability: { options: { allowedCapabilities: [NET_ADMIN] } }\noverrides:\n  - files: ["edge/**"]\n    rules: { k8s/dangerous-capability: warning }\n',
    });
    const resolver = resolverFor(workspace);
    assert.deepEqual(resolver.resolve(workspace.path('edge/x.yaml')).config.rules['k8s/dangerous-capability'], { severity: 'warning', options: { allowedCapabilities: ['NET_ADMIN'] } });
    assert.deepEqual(resolver.resolve(workspace.path('core/x.yaml')).config.rules['k8s/dangerous-capability'], { severity: undefined, options: { allowedCapabilities: ['NET_ADMIN'] } });
  });

  it('overrides apply to the files their globs match, relative to the config folder, in order', () => {
    workspace = tempWorkspace({
      'deploy/.manifestlint.yaml': 'overrides:\n  - files: ["dev/**", "*.local.yaml"]\n    rules: { k8s/run-as-root: off }\n  - files: ["dev/strict/**"]\n    rules: { k8s/run-as-root: error }\n',
    });
    const resolver = resolverFor(workspace);
    assert.equal(severityOf(resolver, 'deploy/dev/app.yaml', 'k8s/run-as-root'), 'off');
    assert.equal(severityOf(resolver, 'deploy/prod/app.local.yaml', 'k8s/run-as-root'), 'off');
    assert.equal(severityOf(resolver, 'deploy/dev/strict/app.yaml', 'k8s/run-as-root'), 'error');
    assert.equal(severityOf(resolver, 'deploy/prod/app.yaml', 'k8s/run-as-root'), 'default');
  });

  it('dockerfileTarget: set at the top, replaced by the overrides that match, inherited through extends', () => {
    workspace = tempWorkspace({
      'base.yaml': 'dockerfileTarget: runtime\n',
      '.manifestlint.yaml': 'extends: [./base.yaml]\noverrides:\n  - files: ["tools/**"]\n    dockerfileTarget: ci\n  - files: ["tools/legacy/**"]\n    rules: { dockerfile/root-user: off }\n',
    });
    const resolver = resolverFor(workspace);
    const target = (file: string) => resolver.resolve(workspace.path(file)).config.dockerfileTarget;
    assert.deepEqual(['Dockerfile', 'tools/Dockerfile', 'tools/legacy/Dockerfile'].map(target), ['runtime', 'ci', 'ci']);
    assert.equal(severityOf(resolver, 'tools/legacy/Dockerfile', 'dockerfile/root-user'), 'off');
    workspace.dispose();
    workspace = tempWorkspace({ '.manifestlint.yaml': 'rules: { dockerfile/root-user: error }\n' });
    assert.equal(resolverFor(workspace).resolve(workspace.path('Dockerfile')).config.dockerfileTarget, undefined);
  });

  it('ignore globs and the default ignores leave a file unlinted (no rule runs)', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'ignore: [generated, "charts/*/templates/**"]\n' });
    const resolver = resolverFor(workspace);
    const ignored = (file: string) => resolver.resolve(workspace.path(file)).ignored;
    assert.deepEqual(
      ['a/generated/x.yaml', 'charts/web/templates/dep.yaml', 'vendor/k8s/x.yaml', 'node_modules/p/x.yaml', 'charts/web/values.yaml', 'k8s/app.yaml'].map(ignored),
      [true, true, true, true, false, false],
    );
    assert.deepEqual(resolver.resolve(workspace.path('vendor/x.yaml')).config.rules, {});
  });

  it('ignores entries reach the files their globs match, without the globs', () => {
    workspace = tempWorkspace({
      '.manifestlint.yaml': 'ignores:\n  - { rule: k8s/host-network, kind: DaemonSet, name: cni, reason: CNI plugin, files: ["infra/**"] }\n  - { rule: k8s/host-pid, reason: debugging tools }\n',
    });
    const resolver = resolverFor(workspace);
    assert.deepEqual(resolver.resolve(workspace.path('infra/cni.yaml')).config.ignores, [
      { rule: 'k8s/host-network', kind: 'DaemonSet', name: 'cni', reason: 'CNI plugin' },
      { rule: 'k8s/host-pid', reason: 'debugging tools' },
    ]);
    assert.deepEqual(resolver.resolve(workspace.path('apps/web.yaml')).config.ignores, [{ rule: 'k8s/host-pid', reason: 'debugging tools' }]);
  });
});

describe('an invalid config', () => {
  it('never disables linting: the preset applies until the config was ever valid, then the last valid one', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'rules: { k8s/host-pid: loud }\n' });
    const resolver = resolverFor(workspace);
    const broken = resolver.resolve(workspace.path('app.yaml'));
    assert.equal(broken.problems.length, 1);
    assert.deepEqual(broken.config.rules, recommendedConfig().rules);

    workspace.write('.manifestlint.yaml', 'rules: { k8s/host-pid: off, k8s/host-path: warning }\n');
    resolver.invalidate();
    assert.equal(resolver.resolve(workspace.path('app.yaml')).config.rules['k8s/host-pid'].severity, 'off');

    workspace.write('.manifestlint.yaml', 'rules: { k8s/host-pid: off, k8s/host-path: warnin }\n');
    resolver.invalidate();
    const fallback = resolver.resolve(workspace.path('app.yaml'));
    assert.deepEqual(fallback.problems.map((p) => p.message), ['rules.k8s/host-path: must be one of off, info, warning, error, or an object']);
    assert.equal(fallback.config.rules['k8s/host-pid'].severity, 'off');
    assert.equal(fallback.config.rules['k8s/host-path'].severity, 'warning');
  });
});

describe('caching', () => {
  it('does no filesystem work while nothing changed, and re-parses only changed files after invalidate()', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': 'extends: ./base.yaml\n', 'base.yaml': 'rules: { k8s/host-pid: info }\n' });
    const calls: string[] = [];
    const counting: ConfigSource = {
      version: (path) => (calls.push(`version ${path}`), diskSource.version(path)),
      read: (path) => (calls.push(`read ${path}`), diskSource.read(path)),
      isDirectory: (path) => (calls.push(`isDirectory ${path}`), diskSource.isDirectory(path)),
    };
    const resolver = resolverFor(workspace, counting);
    const first = resolver.resolve(workspace.path('k8s/app.yaml'));
    assert.ok(calls.length > 0);

    calls.length = 0;
    assert.equal(resolver.resolve(workspace.path('k8s/app.yaml')), first);
    resolver.resolve(workspace.path('k8s/other.yaml'));
    assert.deepEqual([...calls], [], 'a file in an already-discovered folder costs no I/O either');

    workspace.write('base.yaml', 'rules: { k8s/host-pid: error, k8s/host-ipc: info }\n');
    resolver.invalidate();
    calls.length = 0;
    assert.equal(resolver.resolve(workspace.path('k8s/app.yaml')).config.rules['k8s/host-pid'].severity, 'error');
    assert.deepEqual(calls.filter((c) => c.startsWith('read')), [`read ${workspace.path('base.yaml')}`]);
  });
});
