// k8s/capabilities-not-dropped: containers should start from no capabilities (`drop: [ALL]`).
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isTemplatedKey, isTemplatedSetting } from '../../server/src/k8s/model.js';
import { capabilityEntries, containerLabel, withHardening } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/capabilities-not-dropped',
    title: 'Capabilities not dropped',
    defaultSeverity: 'warning',
    description: 'Flags containers whose `securityContext.capabilities.drop` does not contain `ALL`. Pods that declare `os.name: windows` are not checked: the setting is Linux-only, and the API server rejects it there.',
    rationale:
      'Container runtimes grant a default set of capabilities (including NET_RAW, CHOWN, SETUID, DAC_OVERRIDE) that most applications never use. Dropping ALL and adding back only what is needed shrinks what an attacker can do.',
    remediation: 'Add `capabilities: { drop: [ALL] }` to the container securityContext, then `add` back only the capabilities the workload needs (often NET_BIND_SERVICE, or none).',
    peers: { kubeLinter: ['drop-net-raw-capability'], trivy: ['KSV-0003', 'KSV-0004'], checkov: ['CKV_K8S_28', 'CKV_K8S_37'], kics: ['Containers Not Dropping All Capabilities'], polaris: ['insecureCapabilities'] },
    messages: { notDropped: '{{container}} does not drop ALL capabilities' },
    fixes: ['Add ALL to capabilities.drop', 'Add securityContext.capabilities.drop: [ALL]'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const container of file.containers) {
      // Linux capabilities do not exist on Windows; the API server rejects `capabilities` on a Windows pod.
      if (container.podSpec.windows || capabilityEntries(container, 'drop').some((entry) => entry.capability === 'ALL')) continue;
      const nav = container.podSpec.resource.nav;
      const capabilities = nav.map(container.securityContext, 'capabilities');
      if (isTemplatedSetting(container, 'capabilities') || isTemplatedKey(nav, capabilities, 'drop')) continue;
      const drop = nav.seq(capabilities, 'drop');
      // A written `drop` list that lacks ALL is the offending value; a missing one is about the container.
      const dropField = nav.field(capabilities, 'drop');
      context.report({
        messageId: 'notDropped',
        data: { container: containerLabel(container) },
        range: dropField?.range ?? container.anchor,
        fixes: withHardening(container, [
          drop
            ? { title: 'Add ALL to capabilities.drop', isPreferred: true, changes: [{ kind: 'yaml.append', seq: drop, value: 'ALL' }] }
            : { title: 'Add securityContext.capabilities.drop: [ALL]', isPreferred: true, changes: [{ kind: 'yaml.insert', map: container.node, path: ['securityContext', 'capabilities', 'drop'], value: ['ALL'] }] },
        ]),
      });
    }
  },
});
