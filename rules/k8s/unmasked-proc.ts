// k8s/unmasked-proc: a `procMount` other than Default exposes the host's /proc paths the runtime normally hides.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { containerLabel, runsInUserNamespace, setSettingFix } from './support.js';

interface Options {
  /** Pods with `hostUsers: false`: their /proc belongs to their own user namespace (Pod Security baseline from 1.35). */
  allowInUserNamespace: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/unmasked-proc',
    title: 'Unmasked /proc mount',
    defaultSeverity: 'error',
    description:
      'Flags containers whose `securityContext.procMount` is anything but `Default` (in practice `Unmasked`), as Pod Security does. Pods with `hostUsers: false` are allowed it unless `allowInUserNamespace` is false (Pod Security restricted).',
    rationale:
      'The default proc mount masks and makes read-only sensitive /proc paths (kcore, sysrq-trigger, kernel parameters). Unmasked removes that protection, which only nested-container builders need; in a user namespace (`hostUsers: false`) the paths no longer reach the node, which is why Pod Security baseline allows it there and restricted does not.',
    remediation: 'Remove `procMount` or set it to `Default`. A nested-container builder that needs it should run with `hostUsers: false`.',
    peers: { kubeLinter: ['unsafe-proc-mount'], trivy: ['KSV-0027'], kics: ['Unmasked Proc Mount'], polaris: ['procMount'] },
    messages: { unmasked: '{{container}} mounts /proc {{how}} (procMount: {{value}})' },
    fixes: ['Set procMount: Default'],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: { allowInUserNamespace: { type: 'boolean', description: 'Allow any procMount in pods with `hostUsers: false` (Pod Security baseline); false: flag it there too (Pod Security restricted).' } },
      additionalProperties: false,
    },
    defaultOptions: { allowInUserNamespace: true },
  },
  checkYaml(file, context) {
    for (const container of file.containers) {
      const setting = container.effective.procMount;
      if (!setting || setting.templated || typeof setting.value !== 'string' || setting.value === 'Default') continue;
      if (context.options.allowInUserNamespace && runsInUserNamespace(container.podSpec)) continue;
      context.report({
        messageId: 'unmasked',
        data: { container: containerLabel(container), how: setting.value === 'Unmasked' ? 'unmasked' : 'without the default masks', value: setting.value },
        range: setting.range,
        fixes: [{ ...setSettingFix(setting, 'Default', 'procMount'), isPreferred: true }],
      });
    }
  },
});
