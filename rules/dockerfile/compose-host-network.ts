// dockerfile/compose-host-network: `network_mode: host` puts the service on the host's network stack.
import { composeSettingRule } from './compose-setting.js';

export default composeSettingRule({
  id: 'dockerfile/compose-host-network',
  key: 'network_mode',
  value: 'host',
  title: 'Compose service on the host network',
  defaultSeverity: 'warning',
  consequence: "shares the host's network stack",
  rationale:
    "With the host's network the service can bind any host port, reach services that listen only on the host's localhost (the Docker API on tcp://127.0.0.1, databases, metadata endpoints) and sniff host traffic with NET_RAW; Compose's own network isolation no longer applies.",
  remediation: 'Remove `network_mode: host`: publish the ports the service serves with `ports:` and let it reach other services by name on the Compose network.',
  peers: { kics: ['Shared Host Network Namespace'] },
});
