// k8s/privileged-container: a container with `privileged: true` is root on the node.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { forEachEffectiveSetting, setSettingFix, withHardening } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/privileged-container',
    title: 'Privileged container',
    defaultSeverity: 'error',
    description: 'Flags containers whose securityContext sets `privileged: true`.',
    rationale:
      'A privileged container gets every Linux capability and access to all host devices, with no seccomp or AppArmor confinement: a compromise of the container is a compromise of the node.',
    remediation: 'Remove `privileged: true` (or set it to `false`) and grant only the specific capabilities the workload needs.',
    peers: { kubeLinter: ['privileged-container'], trivy: ['KSV-0017'], checkov: ['CKV_K8S_16'], kics: ['Privileged Containers Not Allowed'], polaris: ['runAsPrivileged'] },
    messages: { privileged: '{{container}} runs privileged: it has full access to the host' },
    fixes: ['Set privileged: false'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachEffectiveSetting(file, 'privileged', (setting, container, subject) => {
      if (setting?.value !== true) return;
      context.report({
        messageId: 'privileged',
        data: { container: subject },
        range: setting.range,
        fixes: withHardening(container, [{ ...setSettingFix(setting, false, 'privileged'), isPreferred: true }], setting),
      });
    });
  },
});
