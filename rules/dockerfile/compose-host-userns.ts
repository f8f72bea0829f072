// dockerfile/compose-host-userns: `userns_mode: host` opts the service out of user-namespace remapping.
import { composeSettingRule } from './compose-setting.js';

export default composeSettingRule({
  id: 'dockerfile/compose-host-userns',
  key: 'userns_mode',
  value: 'host',
  title: 'Compose service in the host user namespace',
  defaultSeverity: 'warning',
  consequence: "opts out of the daemon's user-namespace remapping: root in the container is root on the host",
  rationale:
    "A daemon started with `userns-remap` maps root in containers to an unprivileged host user, so an escape lands without privileges. `userns_mode: host` turns that off for the service: its root is the host's root.",
  remediation: 'Remove `userns_mode: host`. If the service needs host-owned files, give them to the remapped user instead.',
  peers: { kics: ['Shared Host User Namespace'] },
});
