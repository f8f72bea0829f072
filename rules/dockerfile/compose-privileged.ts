// dockerfile/compose-privileged: a Compose service with `privileged: true` is root on the host.
import { composeSettingRule } from './compose-setting.js';

export default composeSettingRule({
  id: 'dockerfile/compose-privileged',
  key: 'privileged',
  value: 'true',
  title: 'Privileged Compose service',
  defaultSeverity: 'error',
  consequence: 'runs privileged: it has full access to the host',
  rationale:
    'A privileged container gets every Linux capability and all host devices, without seccomp or AppArmor confinement: whoever controls the container controls the host.',
  remediation: 'Remove `privileged: true` and grant only the capabilities (`cap_add`) or devices (`devices:`) the service needs.',
  peers: { kics: ['Privileged Containers Enabled'] },
});
