// Template for the host-namespace rules: a pod-spec boolean (`hostNetwork`, `hostPID`, `hostIPC`)
// that must not be true. Each rule file supplies its metadata; the check and the fix live here.
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { PeerIds, Rule } from '../../server/src/engine/types.js';
import { booleanValue } from '../../server/src/k8s/model.js';
import { resourceLabel } from './support.js';

interface HostNamespaceRule {
  id: string;
  field: 'hostNetwork' | 'hostPID' | 'hostIPC';
  title: string;
  shares: string;
  rationale: string;
  peers: PeerIds;
}

export function hostNamespaceRule(spec: HostNamespaceRule): Rule {
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      defaultSeverity: 'error',
      description: `Flags pod specs with \`${spec.field}: true\`.`,
      rationale: spec.rationale,
      remediation: `Remove \`${spec.field}: true\` from the pod spec. Workloads that truly need it (node agents) should say so with a suppression and a reason.`,
      peers: spec.peers,
      messages: { shared: `{{resource}} shares the host's ${spec.shares} (${spec.field}: true)` },
      fixes: [`Remove ${spec.field}: true`],
      preset: 'recommended',
      scope: 'document',
    },
    checkYaml(file, context) {
      for (const podSpec of file.podSpecs) {
        const setting = podSpec.resource.nav.field(podSpec.node, spec.field);
        if (!setting || booleanValue(setting) !== true) continue;
        context.report({
          messageId: 'shared',
          data: { resource: resourceLabel(podSpec) },
          range: setting.range,
          fixes: [{ title: `Remove ${spec.field}: true`, isPreferred: true, changes: [{ kind: 'yaml.remove', target: setting.pair }] }],
        });
      }
    },
  });
}
