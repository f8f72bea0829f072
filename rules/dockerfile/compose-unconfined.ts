// dockerfile/compose-unconfined: `security_opt` switches off seccomp, AppArmor, SELinux or /proc masking.
import { listItems } from '../../server/src/compose/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { forEachService, removeItemFixes, serviceLabel } from './compose-support.js';

/** The confinement each option turns off (Docker reads `name=value`, and the older `name:value`). */
const UNCONFINING_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['seccomp=unconfined', 'without a seccomp profile: every system call reaches the host kernel'],
  ['apparmor=unconfined', 'without AppArmor confinement'],
  ['label=disable', 'without SELinux separation'],
  ['systempaths=unconfined', 'with /proc and /sys unmasked: host kernel settings are readable and some writable'],
]);

export default defineRule({
  meta: {
    id: 'dockerfile/compose-unconfined',
    title: 'Compose service without seccomp, AppArmor or SELinux confinement',
    defaultSeverity: 'warning',
    description:
      'Flags `security_opt` entries of Docker Compose services that switch confinement off: `seccomp:unconfined`, `apparmor:unconfined`, `label:disable`, `systempaths=unconfined` (with `:` or `=`).',
    rationale:
      "Docker's default seccomp profile blocks the system calls most kernel exploits need, its AppArmor profile and SELinux labels stop a container from writing host files it reaches, and the masked /proc and /sys paths hide kernel interfaces. Each option here takes one of those layers away.",
    remediation: 'Remove the option. If a service needs a system call the default profile blocks, give it a custom profile (`seccomp=./profile.json`) that allows only that call.',
    peers: { kics: ['Default Seccomp Profile Disabled'] },
    messages: { unconfined: '{{service}} runs {{what}} ({{option}})' },
    fixes: ['Remove <option> from security_opt'],
    preset: 'recommended',
  },
  checkYaml(file, context) {
    forEachService(file, (service) => {
      for (const item of listItems(service, 'security_opt')) {
        const what = UNCONFINING_OPTIONS.get(item.value.trim().replace(':', '='));
        if (!what) continue;
        context.report({
          messageId: 'unconfined',
          data: { service: serviceLabel(service), what, option: item.value.trim() },
          range: item.range,
          fixes: removeItemFixes(item, `Remove ${item.value.trim()} from security_opt`),
        });
      }
    });
  },
});
