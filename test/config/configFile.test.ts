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
    assert.deepEqual(problemsOf('overrides:\n  - files: []\n'), ['2:5-2:10 overrides[0]: sets nothing: add "rules" or "dockerfileTarget"', '2:12-2:14 overrides[0].files: must not be empty']);
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
