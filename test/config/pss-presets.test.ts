// The Pod Security Standards presets: `extends: manifestlint:pss-restricted` rejects each violation
// Pod Security admission's restricted profile rejects and accepts a compliant pod; pss-baseline accepts
// what only restricted forbids. Cases follow the controls of kubernetes.io/docs/concepts/security/pod-security-standards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigResolver } from '../../server/src/config/resolver.js';
import { diskSource } from '../../server/src/config/source.js';
import type { LintConfig } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/linter/lint.js';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace.js';

interface PodParts {
  spec?: string[];
  podContext?: string[];
  container?: string[];
  containerContext?: string[];
  capabilities?: string[];
  volumes?: string[];
}

const COMPLIANT: Required<PodParts> = {
  spec: [],
  podContext: ['runAsNonRoot: true', 'seccompProfile:', '  type: RuntimeDefault'],
  container: ['image: registry.example.com/web:1.0', 'ports:', '  - containerPort: 8080'],
  containerContext: ['allowPrivilegeEscalation: false'],
  capabilities: ['drop: [ALL]'],
  volumes: ['- name: tmp', '  emptyDir: {}'],
};

const indent = (lines: string[], by: string) => lines.map((line) => `${by}${line}\n`).join('');

/** The compliant pod with `parts` replacing (not adding to) the matching parts. */
function pod(parts: PodParts = {}): string {
  const p = { ...COMPLIANT, ...parts };
  return (
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n' +
    indent(p.spec, '  ') +
    '  securityContext:\n' + indent(p.podContext, '    ') +
    '  containers:\n    - name: app\n' + indent(p.container, '      ') +
    '      securityContext:\n' + indent(p.containerContext, '        ') +
    '        capabilities:\n' + indent(p.capabilities, '          ') +
    '  volumes:\n' + indent(p.volumes, '    ')
  );
}

/** Violations of baseline: both presets reject them. */
const BASELINE_VIOLATIONS: { control: string; rule: string; text: string }[] = [
  { control: 'HostProcess', rule: 'k8s/host-process', text: pod({ podContext: [...COMPLIANT.podContext, 'windowsOptions:', '  hostProcess: true'] }) },
  { control: 'Host Namespaces: hostNetwork', rule: 'k8s/host-network', text: pod({ spec: ['hostNetwork: true'] }) },
  { control: 'Host Namespaces: hostPID', rule: 'k8s/host-pid', text: pod({ spec: ['hostPID: true'] }) },
  { control: 'Host Namespaces: hostIPC', rule: 'k8s/host-ipc', text: pod({ spec: ['hostIPC: true'] }) },
  { control: 'Privileged Containers', rule: 'k8s/privileged-container', text: pod({ containerContext: [...COMPLIANT.containerContext, 'privileged: true'] }) },
  { control: 'Capabilities beyond the default set', rule: 'k8s/added-capability', text: pod({ capabilities: ['drop: [ALL]', 'add: [NET_RAW]'] }) },
  { control: 'HostPath Volumes', rule: 'k8s/host-path', text: pod({ volumes: ['- name: logs', '  hostPath: { path: /var/log }'] }) },
  { control: 'Host Ports', rule: 'k8s/host-port', text: pod({ container: ['image: registry.example.com/web:1.0', 'ports:', '  - containerPort: 8080', '    hostPort: 8080'] }) },
  { control: 'Host Probes / Lifecycle Hooks', rule: 'k8s/probe-host', text: pod({ container: ['image: registry.example.com/web:1.0', 'livenessProbe:', '  httpGet: { host: 10.0.0.1, port: 80 }'] }) },
  { control: 'AppArmor', rule: 'k8s/apparmor', text: pod({ containerContext: [...COMPLIANT.containerContext, 'appArmorProfile: { type: Unconfined }'] }) },
  { control: 'SELinux', rule: 'k8s/selinux', text: pod({ podContext: [...COMPLIANT.podContext, 'seLinuxOptions: { type: spc_t }'] }) },
  { control: '/proc Mount Type', rule: 'k8s/unmasked-proc', text: pod({ containerContext: [...COMPLIANT.containerContext, 'procMount: Unmasked'] }) },
  { control: 'Seccomp: Unconfined', rule: 'k8s/seccomp', text: pod({ podContext: ['runAsNonRoot: true', 'seccompProfile:', '  type: Unconfined'] }) },
  { control: 'Sysctls', rule: 'k8s/unsafe-sysctl', text: pod({ podContext: [...COMPLIANT.podContext, 'sysctls: [{ name: kernel.msgmax, value: "65536" }]'] }) },
];

/** Violations of restricted only: pss-restricted rejects them, pss-baseline accepts them. */
const RESTRICTED_VIOLATIONS: { control: string; rule: string; text: string }[] = [
  { control: 'Volume Types', rule: 'k8s/restricted-volume-type', text: pod({ volumes: ['- name: shared', '  nfs: { server: nfs.internal, path: /exports }'] }) },
  { control: 'Privilege Escalation: unset', rule: 'k8s/privilege-escalation', text: pod({ containerContext: ['readOnlyRootFilesystem: true'] }) },
  { control: 'Privilege Escalation: true', rule: 'k8s/privilege-escalation', text: pod({ containerContext: ['allowPrivilegeEscalation: true'] }) },
  { control: 'Running as Non-root: unset (a runAsUser is not enough)', rule: 'k8s/run-as-root', text: pod({ podContext: ['runAsUser: 1000', 'seccompProfile:', '  type: RuntimeDefault'] }) },
  { control: 'Running as Non-root: false on the container', rule: 'k8s/run-as-root', text: pod({ containerContext: [...COMPLIANT.containerContext, 'runAsNonRoot: false'] }) },
  { control: 'Running as Non-root user: runAsUser 0', rule: 'k8s/root-uid', text: pod({ containerContext: [...COMPLIANT.containerContext, 'runAsUser: 0'] }) },
  { control: 'Seccomp: unset', rule: 'k8s/seccomp', text: pod({ podContext: ['runAsNonRoot: true'] }) },
  { control: 'Capabilities: ALL not dropped', rule: 'k8s/capabilities-not-dropped', text: pod({ capabilities: ['drop: [NET_RAW]'] }) },
  { control: 'Capabilities: added beyond NET_BIND_SERVICE', rule: 'k8s/added-capability', text: pod({ capabilities: ['drop: [ALL]', 'add: [CHOWN]'] }) },
  { control: '/proc Mount Type: Unmasked in a user namespace (restricted since 1.35)', rule: 'k8s/unmasked-proc', text: pod({ spec: ['hostUsers: false'], containerContext: [...COMPLIANT.containerContext, 'procMount: Unmasked'] }) },
];

let workspace: TempWorkspace;
const configs: Record<'pss-baseline' | 'pss-restricted', LintConfig> = { 'pss-baseline': { rules: {} }, 'pss-restricted': { rules: {} } };

before(() => {
  // Through `extends`, as a team would write it.
  workspace = tempWorkspace({ 'baseline/.manifestlint.yaml': 'extends: manifestlint:pss-baseline\n', 'restricted/.manifestlint.yaml': 'extends: [manifestlint:pss-restricted]\n' });
  const resolver = new ConfigResolver({ source: diskSource, rootFor: () => workspace.root });
  configs['pss-baseline'] = resolver.resolve(workspace.path('baseline/pod.yaml')).config;
  configs['pss-restricted'] = resolver.resolve(workspace.path('restricted/pod.yaml')).config;
});
after(() => workspace.dispose());

function ruleIds(preset: keyof typeof configs, text: string): string[] {
  return [...new Set(lint(text, { uri: 'pod.yaml', config: configs[preset] }).map((finding) => `${finding.ruleId} (${finding.severity})`))];
}

describe('manifestlint:pss-restricted', () => {
  it('accepts a pod that meets Pod Security restricted', () => assert.deepEqual(ruleIds('pss-restricted', pod()), []));

  for (const { control, rule, text } of [...BASELINE_VIOLATIONS, ...RESTRICTED_VIOLATIONS]) {
    it(`rejects ${control}, as an error of ${rule} alone`, () => assert.deepEqual(ruleIds('pss-restricted', text), [`${rule} (error)`]));
  }

  it('exempts a pod that declares os.name: windows from the Linux-only controls, as admission does from 1.25', () => {
    const windows = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: iis\nspec:\n  os:\n    name: windows\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: web\n      image: mcr.microsoft.com/windows/servercore/iis\n';
    assert.deepEqual(ruleIds('pss-restricted', windows), []);
    // runAsNonRoot is not one of them.
    assert.deepEqual(ruleIds('pss-restricted', windows.replace('    runAsNonRoot: true\n', '    runAsNonRoot: false\n')), ['k8s/run-as-root (error)']);
  });
});

describe('manifestlint:pss-baseline', () => {
  it('accepts a pod that meets restricted', () => assert.deepEqual(ruleIds('pss-baseline', pod()), []));

  for (const { control, rule, text } of BASELINE_VIOLATIONS) {
    it(`rejects ${control}, as an error of ${rule} alone`, () => assert.deepEqual(ruleIds('pss-baseline', text), [`${rule} (error)`]));
  }

  for (const { control, text } of RESTRICTED_VIOLATIONS) {
    it(`accepts what only restricted forbids: ${control}`, () => assert.deepEqual(ruleIds('pss-baseline', text), []));
  }

  it('accepts a plain pod with no security context at all', () => {
    assert.deepEqual(ruleIds('pss-baseline', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/web:1.0\n'), []);
  });
});
