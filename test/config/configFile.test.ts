// Config problems are located in the config file at the offending key or value (exact 1-based ranges,
// as the editor shows them), with messages that say what to write instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigFile } from '../../server/src/config/configFile.js';
import { dedent } from '../support/ruleTester.js';

/** `line:col-endLine:endCol message` for each problem. */
function problemsOf(text: string, path = '/repo/.manifestlint.yaml'): string[] {
  return parseConfigFile(path, text).problems.map(
    (p) => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1} ${p.message}`,
  );
}

describe('config file problems', () => {
  it('accepts a complete valid config, and an empty file', () => {
    const parsed = parseConfigFile(
      '/repo/.manifestlint.yaml',
      dedent(`
        extends: [manifestlint:strict, ./base.yaml, "@acme/manifestlint-config"]
        rules:
          k8s/host-path: warning
          k8s/dangerous-capability: { severity: error, options: { allowedCapabilities: [NET_ADMIN] } }
        overrides:
          - files: ["dev/**"]
            rules: { k8s/run-as-root: off }
        ignore: [generated]
        ignores:
          - { rule: k8s/host-network, kind: DaemonSet, name: cni, reason: CNI plugin }
        locked: [k8s/privileged-container]
        unusedSuppressions: warning
      `),
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.data?.locked, ['k8s/privileged-container']);
    assert.deepEqual(problemsOf(''), []);
  });

  it('an unknown rule id: at the key, with a suggestion', () => {
    assert.deepEqual(problemsOf('rules:\n  k8s/privileged: error\n'), ['2:3-2:17 rules.k8s/privileged: unknown rule "k8s/privileged": did you mean "k8s/privileged-container"?']);
  });

  it('a misspelt severity: at the value, listing both accepted forms', () => {
    assert.deepEqual(problemsOf('rules:\n  k8s/host-path: warn\n'), ['2:18-2:22 rules.k8s/host-path: must be one of off, info, warning, error, or an object']);
  });

  it('a bad severity inside the object form: at that value only', () => {
    assert.deepEqual(problemsOf('rules:\n  k8s/host-path: { severity: high }\n'), ['2:30-2:34 rules.k8s/host-path.severity: must be one of off, info, warning, error']);
  });

  it('options of the wrong type, validated by the rule\'s own schema', () => {
    const text = dedent(`
      rules:
        k8s/dangerous-capability:
          options:
            allowedCapabilities: NET_ADMIN
    `);
    assert.deepEqual(problemsOf(text), ['4:28-4:37 rules.k8s/dangerous-capability.options.allowedCapabilities: must be an array']);
  });

  it('an option the rule does not have, and options for a rule without any: at the key', () => {
    assert.deepEqual(problemsOf('rules:\n  k8s/dangerous-capability: { options: { allowed: [] } }\n'), [
      '2:42-2:49 rules.k8s/dangerous-capability.options.allowed: unknown setting "allowed": did you mean "allowedCapabilities"?',
    ]);
    assert.deepEqual(problemsOf('rules:\n  k8s/host-pid: { options: {} }\n'), ['2:19-2:26 rules.k8s/host-pid.options: unknown setting "options" (expected severity)']);
  });

  it('an ignores entry without a reason: at the entry, saying why a reason is needed', () => {
    const text = dedent(`
      ignores:
        - rule: k8s/host-network
          kind: DaemonSet
    `);
    assert.deepEqual(problemsOf(text), ['2:5-2:9 ignores[0]: missing "reason": say why the finding is acceptable']);
  });

  it('an empty reason, an unknown locked rule and a misspelt top-level key, in document order', () => {
    const text = dedent(`
      rule:
        k8s/host-pid: off
      ignores:
        - { rule: k8s/host-pid, reason: "" }
      locked: [k8s/host-pidd]
    `);
    assert.deepEqual(problemsOf(text), [
      '1:1-1:5 rule: unknown setting "rule": did you mean "rules"?',
      '4:35-4:37 ignores[0].reason: must not be empty',
      '5:10-5:23 locked[0]: unknown rule "k8s/host-pidd": did you mean "k8s/host-pid"?',
    ]);
  });

  it('overrides need files and rules or a dockerfileTarget; a dockerfileTarget is a stage name', () => {
    assert.deepEqual(problemsOf('overrides:\n  - files: []\n'), ['2:5-2:10 overrides[0]: sets nothing: add "rules", "dockerfileTarget" or "limits"', '2:12-2:14 overrides[0].files: must not be empty']);
    assert.deepEqual(problemsOf('overrides:\n  - rules: {}\n'), ['2:5-2:10 overrides[0]: missing "files"']);
    assert.deepEqual(problemsOf('dockerfileTarget: runtime\noverrides:\n  - { files: [tools/Dockerfile], dockerfileTarget: "--target ci" }\n'), [
      '3:52-3:65 overrides[0].dockerfileTarget: must be a stage name, as in `FROM <image> AS <name>`',
    ]);
  });

  it('a YAML syntax error or a duplicate key: where the parser found it, and no schema noise', () => {
    assert.deepEqual(problemsOf('rules:\n  k8s/host-pid: [off\n'), ['3:1-3:1 syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    assert.deepEqual(problemsOf('rules: {k8s/host-pid: off, k8s/host-pid: info}\n'), ['1:28-1:29 syntax error: Map keys must be unique']);
  });

  it('a JSON config: the same problems, located in the JSON text', () => {
    const text = '{\n  "rules": {\n    "k8s/host-path": "warn"\n  }\n}\n';
    assert.deepEqual(problemsOf(text, '/repo/.manifestlint.json'), ['3:22-3:28 rules.k8s/host-path: must be one of off, info, warning, error, or an object']);
  });

  it('a config that is not a mapping', () => {
    assert.deepEqual(problemsOf('- k8s/host-path\n'), ['1:1-2:1 must be an object']);
  });
});

describe('a hostile config file is refused with a clear problem, never a crash', () => {
  it('an alias bomb ("billion laughs"): one problem at the first alias, nothing expanded', () => {
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const parsed = parseConfigFile('/repo/.manifestlint.yaml', `${levels.join('\n')}\n`);
    assert.equal(parsed.data, undefined);
    assert.deepEqual(problemsOf(`${levels.join('\n')}\n`), [
      '2:10-2:13 its aliases (*name) expand into more than 100 copies of anchored values: not read (a guard against "billion laughs" files)',
    ]);
  });

  it('a few aliases, as a team would use them to share a list, are read', () => {
    const parsed = parseConfigFile('/repo/.manifestlint.yaml', 'x-globs: &generated [generated, "**/*.gen.yaml"]\nignore: *generated\n');
    assert.deepEqual(parsed.problems.map((p) => p.message), ['x-globs: unknown setting "x-globs" (expected $schema, extends, rules, overrides, ignore, ignores, locked, unusedSuppressions, dockerfileTarget, limits, secrets, podSpecPaths)']);
    const shared = parseConfigFile('/repo/.manifestlint.yaml', 'ignore: &generated [generated]\noverrides:\n  - { files: *generated, rules: { k8s/host-pid: off } }\n');
    assert.deepEqual(shared.problems, []);
    assert.deepEqual(shared.data?.overrides?.[0].files, ['generated']);
  });

  it('a flat mapping of 60,000 keys: duplicates are found in one pass, and the problems are capped', { timeout: 120_000 }, () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `  k${i % 59_999}: off`).join('\n');
    const problems = problemsOf(`rules:\n${keys}\n`);
    assert.deepEqual(problems, ['60001:3-60001:4 syntax error: Map keys must be unique']);
    const unknown = problemsOf(`rules:\n${Array.from({ length: 60_000 }, (_, i) => `  k${i}: off`).join('\n')}\n`);
    assert.equal(unknown.length, 101);
    assert.equal(unknown[100], '101:3-101:6 …and 59900 more problems in this file');
  });

  it('130,000 ignores entries: one problem for the list, the entries are not all reported', { timeout: 120_000 }, () => {
    const entries = Array.from({ length: 130_000 }, () => '- {rule: k8s/host-pid}').join('\n');
    const problems = problemsOf(`ignores:\n${entries}\n`);
    assert.equal(problems.length, 101);
    assert.equal(problems[0], '1:1-1:8 ignores: has more than 10000 entries, the most one list may hold');
    assert.match(problems[100], /…and 129901 more problems in this file$/);
  });

  it('nesting too deep for the parser: a problem, not a stack overflow', () => {
    const problems = parseConfigFile('/repo/.manifestlint.yaml', `rules: ${'['.repeat(200_000)}\n`).problems;
    assert.equal(problems[0].message, 'syntax error: it is nested too deeply');
    assert.ok(problems.length <= 101);
  });

  it('messages quote a key or value, short and with control characters escaped; a syntax error has no code frame', () => {
    const secret = `\u001b[2J${'s3cr3t'.repeat(30)}`;
    const [message] = parseConfigFile('/repo/.manifestlint.yaml', `rules:\n  "${secret.replace('\u001b', '\\e')}": off\n`).problems.map((p) => p.message);
    assert.equal(message, `rules.\\u001b[2J${'s3cr3t'.repeat(10).slice(0, 56)}…: unknown rule "\\u001b[2J${'s3cr3t'.repeat(10).slice(0, 56)}…" (see \`manifestlint rules\`)`);
    const [syntax] = parseConfigFile('/repo/.manifestlint.yaml', `rules: {a: b\nnext: line holding ${'x'.repeat(300)}\n`).problems.map((p) => p.message);
    assert.ok(!syntax.includes('\n') && syntax.length <= 'syntax error: '.length + 121, syntax);
  });
});

describe('limits', () => {
  it('are read at the top and in overrides, within their bounds', () => {
    const parsed = parseConfigFile('/repo/.manifestlint.yaml', 'limits: { maxFileSizeMB: 1.5, timeBudgetMs: 2000 }\noverrides:\n  - { files: ["big/**"], limits: { maxFileSizeMB: 20 } }\n');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.data?.limits, { maxFileSizeMB: 1.5, timeBudgetMs: 2000 });
    assert.deepEqual(parsed.data?.overrides?.[0].limits, { maxFileSizeMB: 20 });
  });

  it('out of bounds, of the wrong type or misspelt: at the value or key', () => {
    assert.deepEqual(problemsOf('limits:\n  maxFileSizeMB: 0\n  timeBudgetMs: 1000000\n'), ['2:18-2:19 limits.maxFileSizeMB: must be at least 0.01', '3:17-3:24 limits.timeBudgetMs: must be at most 300000']);
    assert.deepEqual(problemsOf('limits: { timeBudgetMs: 150.5, maxFileSize: 3 }\n'), [
      '1:25-1:30 limits.timeBudgetMs: must be an integer',
      '1:32-1:43 limits.maxFileSize: unknown setting "maxFileSize": did you mean "maxFileSizeMB"?',
    ]);
  });
});
