// Suppressions end to end through the engine: every comment form in YAML and Dockerfiles, annotations
// on a resource or its pod template, config ignores, locked rules, and the reports on unused, invalid
// and locked suppressions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index.js';
import type { LintConfig } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/linter/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { FAKE_TOKENS } from '../secrets/fakes.js';
import { dedent } from '../support/ruleTester.js';

const RULES: LintConfig['rules'] = { 'k8s/privileged-container': {}, 'k8s/host-network': {}, 'k8s/host-pid': {}, 'secrets/token': {} };

function run(code: string, extra: Partial<LintConfig> = {}, uri = 'manifest.yaml'): Finding[] {
  return lint(code, { uri, config: { rules: RULES, ...extra }, keepSuppressed: true });
}

/** `line:col ruleId [suppressed kind: reason]` per finding, 1-based. */
function summary(findings: Finding[]): string[] {
  return findings.map((f) => {
    const hidden = f.suppressed ? ` [${f.suppressed.kind}: ${f.suppressed.justification}]` : '';
    return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}${hidden}`;
  });
}

/** A privileged Pod: lines 1-4 header (plus `metadata` lines), then `spec:`, the `spec` lines, the container. */
const pod = (spec: string, metadata = '') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', ...(metadata ? [metadata] : []), 'spec:', spec, '  containers:', '    - name: shell', '      securityContext:', '        privileged: true', ''].join('\n');

describe('suppression comments in YAML', () => {
  it('disable-next-line hides the finding on the next line, marked inSource with its reason', () => {
    const code = pod('  # manifestlint-disable-next-line k8s/host-network -- node exporter\n  hostNetwork: true');
    assert.deepEqual(summary(run(code)), ['7:3 k8s/host-network [inSource: node exporter]', '11:9 k8s/privileged-container']);
  });

  it('dropped rather than marked when the caller does not keep suppressed findings', () => {
    const code = pod('  # manifestlint-disable-next-line k8s/host-network -- node exporter\n  hostNetwork: true');
    assert.deepEqual(summary(lint(code, { uri: 'm.yaml', config: { rules: RULES } })), ['11:9 k8s/privileged-container']);
  });

  it('disable-line on the same line, several ids at once', () => {
    const code = pod('  hostNetwork: true # manifestlint-disable-line k8s/host-network, k8s/host-pid -- CNI\n  hostPID: true');
    assert.deepEqual(summary(run(code)), [
      '6:3 k8s/host-network [inSource: CNI]',
      '6:67 manifestlint/unused-suppression',
      '7:3 k8s/host-pid',
      '11:9 k8s/privileged-container',
    ]);
  });

  it('disable-file anywhere in the file covers every document of it', () => {
    const code = `${pod('  hostPID: true')}---\n${pod('  hostPID: true')}# manifestlint-disable-file k8s/privileged-container -- debug pods, deleted after use\n`;
    assert.deepEqual(
      summary(run(code)).filter((s) => s.includes('privileged')),
      ['10:9 k8s/privileged-container [inSource: debug pods, deleted after use]', '21:9 k8s/privileged-container [inSource: debug pods, deleted after use]'],
    );
  });

  it('works in a later document of a multi-document file, reports included', () => {
    const code = `${pod('  hostPID: true')}---\n${pod('  # manifestlint-disable-next-line k8s/host-network, k8s/host-pid -- node exporter\n  hostNetwork: true')}`;
    assert.deepEqual(summary(run(code)), [
      '6:3 k8s/host-pid',
      '10:9 k8s/privileged-container',
      '17:54 manifestlint/unused-suppression',
      '18:3 k8s/host-network [inSource: node exporter]',
      '22:9 k8s/privileged-container',
    ]);
  });

  it('reports an unused suppression (info) at the rule id, but not for a rule that is off here', () => {
    const code = '# manifestlint-disable-next-line k8s/host-pid, k8s/host-ipc -- legacy\napiVersion: v1\nkind: ConfigMap\n';
    const findings = run(code);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.message, f.range.start.character, f.range.end.character]), [
      ['manifestlint/unused-suppression', 'info', 'Unused suppression: k8s/host-pid reports nothing here', 33, 45],
    ]);
    assert.deepEqual(run(code, { unusedSuppressions: 'off' }), []);
    assert.equal(run(code, { unusedSuppressions: 'warning' })[0].severity, 'warning');
  });

  it('a suppression without a reason has no effect and says so; an unknown id gets a suggestion', () => {
    const code = pod('  hostNetwork: true # manifestlint-disable-line k8s/host-network k8s/host-netwrk');
    const findings = run(code);
    assert.deepEqual(summary(findings), ['6:3 k8s/host-network', '6:21 manifestlint/invalid-suppression', '6:66 manifestlint/invalid-suppression', '10:9 k8s/privileged-container']);
    assert.match(findings[1].message, /^Suppression needs a reason after "--"/);
    assert.equal(findings[2].message, 'Unknown rule "k8s/host-netwrk" in suppression: did you mean "k8s/host-network"?');
  });

  it('a locked rule cannot be suppressed: the finding stays and the suppression is reported', () => {
    const code = pod('  hostNetwork: true', '  # manifestlint-disable-file k8s/privileged-container -- please');
    const findings = run(code, { locked: ['k8s/privileged-container'] });
    assert.deepEqual(summary(findings), ['5:31 manifestlint/locked-suppression', '7:3 k8s/host-network', '11:9 k8s/privileged-container']);
    assert.equal(findings[0].message, 'k8s/privileged-container is locked by the team config: this suppression has no effect');
    assert.equal(findings[0].severity, 'warning');
  });
});

describe('suppression annotations', () => {
  const deployment = (name: string, annotations: string, templateAnnotations = '') =>
    dedent(`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: ${name}
        annotations: {${annotations}}
      spec:
        template:
          metadata:
            annotations: {${templateAnnotations}}
          spec:
            hostNetwork: true
            containers:
              - name: app
                securityContext: {privileged: true}
    `);

  it('on the resource: hides that rule in the whole resource only, not in the next one', () => {
    const code = `${deployment('cni', 'ignore.manifestlint.io/host-network: "CNI plugin"')}---\n${deployment('web', '')}`;
    assert.deepEqual(summary(run(code)), [
      '11:7 k8s/host-network [inSource: CNI plugin]',
      '14:29 k8s/privileged-container',
      '26:7 k8s/host-network',
      '29:29 k8s/privileged-container',
    ]);
  });

  it('on the pod template', () => {
    const code = deployment('cni', '', 'ignore.manifestlint.io/privileged-container: "device plugin"');
    assert.deepEqual(summary(run(code)), ['11:7 k8s/host-network', '14:29 k8s/privileged-container [inSource: device plugin]']);
  });

  it('kube-linter\'s ignore-check annotation is not ours and suppresses nothing', () => {
    const code = deployment('cni', 'ignore-check.kube-linter.io/privileged-container: "x"');
    assert.deepEqual(summary(run(code)), ['11:7 k8s/host-network', '14:29 k8s/privileged-container']);
  });

  it('unused, empty-reason, unknown and locked annotations are reported at the annotation key', () => {
    const code = deployment('cni', 'ignore.manifestlint.io/host-pid: "old", ignore.manifestlint.io/host-network: "", ignore.manifestlint.io/privileged: "x", ignore.manifestlint.io/privileged-container: "y"');
    const findings = run(code, { locked: ['k8s/privileged-container'] });
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('manifestlint/')).map((f) => `${f.range.start.character + 1} ${f.ruleId}: ${f.message}`),
      [
        '17 manifestlint/unused-suppression: Unused suppression: k8s/host-pid reports nothing here',
        '57 manifestlint/invalid-suppression: ignore.manifestlint.io/host-network needs the reason as its value: without one it has no effect',
        '98 manifestlint/invalid-suppression: Unknown rule "privileged" in annotation ignore.manifestlint.io/privileged: did you mean ignore.manifestlint.io/privileged-container?',
        '138 manifestlint/locked-suppression: k8s/privileged-container is locked by the team config: this suppression has no effect',
      ],
    );
    assert.equal(findings.filter((f) => f.suppressed).length, 0);
  });

  it('annotation names are unique across the domains that lint YAML', () => {
    const names = allRules.filter((r) => r.checkYaml).map((r) => r.meta.id.slice(r.meta.id.indexOf('/') + 1));
    assert.equal(new Set(names).size, names.length);
  });
});

describe('config ignores', () => {
  const two = `${pod('  hostNetwork: true')}---\n${pod('  hostNetwork: true').replace('name: debug', 'name: other\n  namespace: tools')}`;

  it('match resources by kind, name and namespace; marked external with the reason', () => {
    const byName = run(two, { ignores: [{ rule: 'k8s/host-network', kind: 'Pod', name: 'debug', reason: 'reviewed' }] });
    assert.deepEqual(summary(byName).filter((s) => s.includes('host-network')), ['6:3 k8s/host-network [external: reviewed]', '18:3 k8s/host-network']);
    const byNamespace = run(two, { ignores: [{ rule: 'k8s/host-network', namespace: 'tools', reason: 'tools ns' }] });
    assert.deepEqual(summary(byNamespace).filter((s) => s.includes('host-network')), ['6:3 k8s/host-network', '18:3 k8s/host-network [external: tools ns]']);
  });

  it('apply to locked rules (they are reviewed config, not inline) and are never reported as unused', () => {
    const findings = run(two, { locked: ['k8s/host-network'], ignores: [{ rule: 'k8s/host-network', reason: 'lab cluster' }, { rule: 'k8s/host-pid', reason: 'unused' }] });
    assert.deepEqual(summary(findings).filter((s) => !s.includes('privileged')), ['6:3 k8s/host-network [external: lab cluster]', '18:3 k8s/host-network [external: lab cluster]']);
  });
});

describe('suppressions in Dockerfiles', () => {
  /** A GitHub token whose CRC32 checksum holds: secrets/token passes over ghp_ strings whose checksum fails. */
  const TOKEN = FAKE_TOKENS['github-token'];

  it('next-line (across continuation lines), line and file forms', () => {
    const code = [
      'FROM alpine:3.20',
      '# manifestlint-disable-next-line secrets/token -- revoked test token',
      'RUN echo one \\',
      `    ${TOKEN}`,
      `RUN echo ${TOKEN} # manifestlint-disable-line secrets/token -- revoked too`,
      `ENV LEAK=${TOKEN}`,
    ].join('\n');
    assert.deepEqual(summary(run(code, {}, 'Dockerfile')), [
      '4:5 secrets/token [inSource: revoked test token]',
      '5:10 secrets/token [inSource: revoked too]',
      '6:10 secrets/token',
    ]);
    const whole = `# manifestlint-disable-file secrets/token -- fixture image\n${code}`;
    assert.ok(run(whole, {}, 'Dockerfile').every((f) => f.suppressed?.justification === 'fixture image'));
  });

  it('next-line covers the heredoc body, and continuations after a comment or blank line (LF, CRLF, backtick escape)', () => {
    const directive = '# manifestlint-disable-next-line dockerfile/pipe-to-shell -- vendor installer, checksum pinned';
    const install = 'curl -fsSL https://example.invalid/install.sh | sh';
    const instructions = {
      heredoc: ['RUN <<EOF', 'set -e', install, 'EOF'],
      'comment line': ['RUN apk add curl && \\', '    # the vendor installer', `    ${install}`],
      'blank line': ['RUN apk add curl && \\', '', `    ${install}`],
      'backtick escape': ['RUN apk add curl && `', '    # the vendor installer', '', `    ${install}`],
    };
    for (const [name, instruction] of Object.entries(instructions)) {
      const header = name === 'backtick escape' ? ['# escape=`', 'FROM alpine:3.20'] : ['FROM alpine:3.20'];
      for (const eol of ['\n', '\r\n']) {
        const code = [...header, directive, ...instruction, 'USER app', ''].join(eol);
        const findings = run(code, { rules: { 'dockerfile/pipe-to-shell': {} } }, 'Dockerfile');
        assert.deepEqual(
          findings.map((f) => [f.ruleId, f.suppressed?.justification]),
          [['dockerfile/pipe-to-shell', 'vendor installer, checksum pinned']],
          `${name} ${JSON.stringify(eol)}`,
        );
      }
    }
  });

  it('reports an unused Dockerfile suppression', () => {
    const code = 'FROM alpine:3.20\n# manifestlint-disable-next-line secrets/token -- gone\nUSER app\n';
    assert.deepEqual(summary(run(code, {}, 'Dockerfile')), ['2:34 manifestlint/unused-suppression']);
  });
});
