// dockerfile/compose-host-ipc: `ipc: host` shares the host's IPC namespace.
import { composeSettingRule } from './compose-setting.js';

export default composeSettingRule({
  id: 'dockerfile/compose-host-ipc',
  key: 'ipc',
  value: 'host',
  title: 'Compose service in the host IPC namespace',
  defaultSeverity: 'warning',
  consequence: "shares the host's IPC namespace",
  rationale:
    "With the host's IPC namespace the container can read and write the shared memory, semaphores and message queues of every process on the host, and their data with them.",
  remediation: 'Remove `ipc: host`. To share memory between services, use `ipc: shareable` on one and `ipc: "service:<name>"` on the other.',
  peers: { kics: ['Shared Host IPC Namespace'] },
});
