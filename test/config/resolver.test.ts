// Which config applies to a file: discovery, every `extends` form, overrides, ignore globs, ignores,
// locked rules, the fallback when a config breaks, and caching that spares the keystroke path any I/O.
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { afterEach, describe, it } from 'node:test';
import { recommendedConfig, presetConfig } from '../../server/src/config/presets.js';
import { ConfigResolver, MAX_CHAIN_FILES, MAX_EXTENDS_DEPTH } from '../../server/src/config/resolver.js';
import { diskSource, type ConfigSource } from '../../server/src/config/source.js';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace.js';

let workspace: TempWorkspace;
/** A second folder, outside the workspace, holding what a hostile repository would like to read. */
let outside: TempWorkspace | undefined;
afterEach(() => {
  workspace?.dispose();
  outside?.dispose();
  outside = undefined;
});

/** Content no message may ever quote. */
const SECRET = 'root:$6$planted-outside-the-workspace$:19000:0:99999:7:::';

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
        [4, 5, 'extends: unknown preset "manifestlint:strictest" (expected manifestlint:recommended, manifestlint:strict, manifestlint:all, manifestlint:pss-baseline, manifestlint:pss-restricted)'],
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

describe('bounded extends', () => {
  it(`a 10,000-deep extends chain: a problem at the entry ${MAX_EXTENDS_DEPTH} levels down, no stack overflow`, { timeout: 120_000 }, () => {
    const files: Record<string, string> = { '.manifestlint.yaml': 'extends: ./c1.yaml\n', 'c10000.yaml': 'extends: []\n' };
    for (let i = 1; i < 10_000; i++) files[`c${i}.yaml`] = `extends: ./c${i + 1}.yaml\n`;
    workspace = tempWorkspace(files);
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'));
    const deepest = resolved.problems[0];
    assert.equal(deepest.file, workspace.path(`c${MAX_EXTENDS_DEPTH}.yaml`));
    assert.equal(deepest.message, `extends: "./c${MAX_EXTENDS_DEPTH + 1}.yaml" is more than ${MAX_EXTENDS_DEPTH} levels deep: not read`);
    assert.deepEqual(resolved.config.rules, recommendedConfig().rules, 'the defaults stay in force');
  });

  it('a diamond of extends doubling at every level: the files read are capped, not 2^30', () => {
    const files: Record<string, string> = { '.manifestlint.yaml': 'extends: [./d1.yaml, ./d1.yaml]\n', 'd30.yaml': 'extends: []\n' };
    for (let i = 1; i < 30; i++) files[`d${i}.yaml`] = `extends: [./d${i + 1}.yaml, ./d${i + 1}.yaml]\n`;
    workspace = tempWorkspace(files);
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'));
    assert.ok(resolved.problems.some((p) => p.message.endsWith(`not read: this config already reads ${MAX_CHAIN_FILES} files, the most one config may extend`)));
  });

  it('configs of more than 2 MB in all: the extends entry that goes over is not read', () => {
    const big = `ignore:\n${Array.from({ length: 9_000 }, (_, i) => `  - generated-folder-number-${i}/**`).join('\n')}\n`;
    const files: Record<string, string> = { '.manifestlint.yaml': 'extends: ./b0.yaml\n', 'b9.yaml': big };
    for (let i = 0; i < 9; i++) files[`b${i}.yaml`] = `extends: ./b${i + 1}.yaml\n${big}`;
    workspace = tempWorkspace(files);
    const problems = resolverFor(workspace).resolve(workspace.path('app.yaml')).problems;
    assert.match(problems[0].message, /^extends: "\.\/b\d\.yaml" not read: this config already reads more than 2 MB of config files$/);
  });

  it('a config file over 1 MB is not read', () => {
    workspace = tempWorkspace({ '.manifestlint.yaml': `# ${'x'.repeat(1024 * 1024)}\n` });
    const resolved = resolverFor(workspace).resolve(workspace.path('app.yaml'));
    assert.deepEqual(resolved.problems.map((p) => p.message), ['cannot read this config: larger than 1 MB: not read']);
  });
});

describe('config files stay inside the project', () => {
  function withOutsideSecret(files: Record<string, string>): string {
    outside = tempWorkspace({ 'shadow.yaml': `${SECRET}\nrules: { k8s/host-pid: off }\n` });
    workspace = tempWorkspace(files);
    return outside.path('shadow.yaml');
  }

  function assertNothingQuoted(problems: readonly { message: string }[]): void {
    for (const problem of problems) assert.ok(!problem.message.includes('planted'), problem.message);
  }

  it('extends by absolute path or ../ outside the workspace: refused at the entry, naming the path as written, the file never read', () => {
    const secretPath = withOutsideSecret({});
    const relativePath = `../${secretPath.split('/').slice(-2).join('/')}`;
    workspace.write('.manifestlint.yaml', `extends:\n  - ${secretPath}\n  - ${relativePath}\n`);
    const reads: string[] = [];
    const source: ConfigSource = { ...diskSource, read: (path, root) => (reads.push(path), diskSource.read(path, root)) };
    const resolved = resolverFor(workspace, source).resolve(workspace.path('app.yaml'));
    assert.deepEqual(
      resolved.problems.map((p) => [p.file, p.range.start.line + 1, p.message]),
      [
        [workspace.path('.manifestlint.yaml'), 2, `extends: "${secretPath}" is outside the project folder ${workspace.root}: not read`],
        [workspace.path('.manifestlint.yaml'), 3, `extends: "${relativePath}" is outside the project folder ${workspace.root}: not read`],
      ],
    );
    assert.deepEqual(reads, [workspace.path('.manifestlint.yaml')]);
    assertNothingQuoted(resolved.problems);
    assert.deepEqual(resolved.config.rules, recommendedConfig().rules);
  });

  it('a symlink inside the workspace to a file outside it: as config, or extended, not followed', () => {
    const secretPath = withOutsideSecret({ '.manifestlint.yaml': 'extends: ./policy.yaml\n', 'linked/app.yaml': '' });
    symlinkSync(secretPath, workspace.path('policy.yaml'));
    symlinkSync(secretPath, workspace.path('linked/.manifestlint.yaml'));
    const resolver = resolverFor(workspace);
    const extended = resolver.resolve(workspace.path('app.yaml'));
    // The same words as for a path written outside: whether the link's target exists is not told either.
    assert.deepEqual(extended.problems.map((p) => p.message), [`extends: "./policy.yaml" is outside the project folder ${workspace.root}: not read`]);
    const discovered = resolver.resolve(workspace.path('linked/app.yaml'));
    assert.deepEqual(discovered.problems.map((p) => p.message), ['cannot read this config: a link to a file outside the folder being linted: not followed']);
    assert.deepEqual(discovered.config.rules, recommendedConfig().rules);
    assertNothingQuoted([...extended.problems, ...discovered.problems]);
  });

  it('a package in node_modules, linked inside the project (pnpm, workspaces) is read; one linked from outside is not', () => {
    withOutsideSecret({
      'node_modules/.pnpm/@acme+config@1.0.0/node_modules/@acme/config/manifestlint.yaml': 'extends: []\nrules: { k8s/host-port: error }\n',
      'node_modules/@acme/.keep': '',
      'a/.manifestlint.yaml': 'extends: "@acme/config"\n',
      'b/.manifestlint.yaml': 'extends: "@acme/evil"\n',
    });
    symlinkSync(workspace.path('node_modules/.pnpm/@acme+config@1.0.0/node_modules/@acme/config'), workspace.path('node_modules/@acme/config'), 'dir');
    outside?.write('evil/manifestlint.yaml', `${SECRET}\n`);
    symlinkSync(outside?.path('evil') ?? '', workspace.path('node_modules/@acme/evil'), 'dir');
    const resolver = resolverFor(workspace);
    const linked = resolver.resolve(workspace.path('a/app.yaml'));
    assert.deepEqual(linked.problems, []);
    assert.equal(linked.config.rules['k8s/host-port'].severity, 'error');
    const evil = resolver.resolve(workspace.path('b/app.yaml'));
    assert.deepEqual(evil.problems.map((p) => p.message), ['extends: cannot read "@acme/evil": a link to a file outside the folder being linted: not followed']);
    assertNothingQuoted(evil.problems);
  });

  it('an explicit config outside the root (the editor setting): refused, naming it as written; the CLI may allow it', () => {
    const secretPath = withOutsideSecret({});
    const contained = resolverFor(workspace).resolve(workspace.path('app.yaml'), secretPath);
    assert.deepEqual(contained.problems.map((p) => p.message), [`config file "${secretPath}" is outside the folder ${workspace.root}: not read`]);
    assert.deepEqual(contained.config.rules, recommendedConfig().rules);
    assertNothingQuoted(contained.problems);

    outside?.write('policy.yaml', 'extends: [./base.yaml, ../elsewhere.yaml]\nrules: { k8s/host-ipc: error }\n');
    outside?.write('base.yaml', 'extends: []\nrules: { k8s/host-pid: error }\n');
    const chosen = new ConfigResolver({ rootFor: () => workspace.root, explicitConfigAnywhere: true }).resolve(workspace.path('app.yaml'), outside?.path('policy.yaml'));
    assert.deepEqual(
      chosen.problems.map((p) => p.message),
      [`extends: "../elsewhere.yaml" is outside the project folder ${outside?.root}: not read`],
      'what a chosen config extends stays inside its own project',
    );
  });
});

describe('limits', () => {
  it('merge limit by limit through extends and overrides, and reach the engine config', () => {
    workspace = tempWorkspace({
      'base.yaml': 'extends: []\nlimits: { maxFileSizeMB: 2, timeBudgetMs: 1000 }\n',
      '.manifestlint.yaml': 'extends: ./base.yaml\nlimits: { timeBudgetMs: 3000 }\noverrides:\n  - files: ["big/**"]\n    limits: { maxFileSizeMB: 50 }\n',
    });
    const resolver = resolverFor(workspace);
    assert.deepEqual(resolver.resolve(workspace.path('app.yaml')).config.limits, { maxFileSizeMB: 2, timeBudgetMs: 3000 });
    assert.deepEqual(resolver.resolve(workspace.path('big/dump.yaml')).config.limits, { maxFileSizeMB: 50, timeBudgetMs: 3000 });
    workspace.dispose();
    workspace = tempWorkspace({ '.manifestlint.yaml': 'rules: {}\n' });
    assert.equal(resolverFor(workspace).resolve(workspace.path('app.yaml')).config.limits, undefined);
  });
});
