// dockerfile/compose-host-pid: `pid: host` shares the host's process namespace.
import { composeSettingRule } from './compose-setting.js';

export default composeSettingRule({
  id: 'dockerfile/compose-host-pid',
  key: 'pid',
  value: 'host',
  title: 'Compose service in the host PID namespace',
  defaultSeverity: 'error',
  consequence: "shares the host's process namespace",
  rationale:
    "With the host's PID namespace the container sees every process on the host, can read their environment (secrets included) through /proc, and with enough privilege signal or ptrace them: a direct path to the host.",
  remediation: 'Remove `pid: host`. A monitoring agent that truly needs it should say so with a suppression and a reason.',
  peers: { kics: ['Host Namespace is Shared'] },
});
