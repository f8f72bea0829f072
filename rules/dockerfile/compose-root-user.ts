// dockerfile/compose-root-user: `user: root` (or UID 0) runs the service as root on purpose.
import { setting, settingText } from '../../server/src/compose/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { forEachService, serviceLabel } from './compose-support.js';

export default defineRule({
  meta: {
    id: 'dockerfile/compose-root-user',
    title: 'Compose service runs as root',
    defaultSeverity: 'warning',
    description: 'Flags Docker Compose services whose `user:` is root: `root`, `0`, or either with a group (`0:0`, `root:root`).',
    rationale:
      "Setting `user: root` overrides the non-root user an image may have chosen. Root in a container is root on the host's kernel: one escape (a kernel bug, a mounted socket, a writable host path) and the attacker owns the host.",
    remediation: "Remove `user:` to keep the image's user, or set a non-root UID (`user: \"10001:10001\"`) that owns the files the service writes.",
    peers: {},
    messages: { root: '{{service}} runs as root (user: {{user}})' },
    fixes: [],
    preset: 'recommended',
  },
  checkYaml(file, context) {
    forEachService(file, (service) => {
      const field = setting(service, 'user');
      const user = settingText(field);
      if (!field || user === undefined || !isRoot(user)) return;
      context.report({ messageId: 'root', data: { service: serviceLabel(service), user }, range: field.range });
    });
  },
});

/** `root`, `0`, `root:staff`, `0:0`: the user part (before `:`) names UID 0. */
function isRoot(user: string): boolean {
  const name = user.split(':', 1)[0].trim();
  return name === 'root' || /^0+$/.test(name);
}
