// k8s/unmasked-proc: `procMount: Unmasked` exposes the host's /proc paths the runtime normally hides.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { containerLabel, setSettingFix } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/unmasked-proc',
    title: 'Unmasked /proc mount',
    defaultSeverity: 'error',
    description: 'Flags containers with `securityContext.procMount: Unmasked`.',
    rationale:
      'The default proc mount masks and makes read-only sensitive /proc paths (kcore, sysrq-trigger, kernel parameters). Unmasked removes that protection, which only nested-container builders need.',
    remediation: 'Remove `procMount: Unmasked` or set it to `Default`.',
    peers: { kubeLinter: ['unsafe-proc-mount'], trivy: ['KSV027'], kics: ['Unmasked Proc Mount'] },
    messages: { unmasked: '{{container}} mounts /proc unmasked (procMount: Unmasked)' },
    fixes: ['Set procMount: Default'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const container of file.containers) {
      const setting = container.effective.procMount;
      if (setting?.value !== 'Unmasked') continue;
      context.report({
        messageId: 'unmasked',
        data: { container: containerLabel(container) },
        range: setting.range,
        fixes: [{ ...setSettingFix(setting, 'Default', 'procMount'), isPreferred: true }],
      });
    }
  },
});
