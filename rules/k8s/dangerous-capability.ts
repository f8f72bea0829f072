// k8s/dangerous-capability: `capabilities.add` grants a capability that reaches beyond the container.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from './capabilities.js';
import { capabilityEntries, containerLabel } from './support.js';

interface Options {
  /** Capabilities the team accepts (e.g. NET_ADMIN for a CNI DaemonSet). */
  allowedCapabilities: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/dangerous-capability',
    title: 'Dangerous capability added',
    defaultSeverity: 'error',
    description: 'Flags `securityContext.capabilities.add` entries such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL (with or without the CAP_ prefix).',
    rationale:
      'Capabilities split root into pieces; some pieces are nearly all of it. SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH and BPF have each been used to escape containers, and NET_ADMIN/NET_RAW allow traffic interception on the node network.',
    remediation: 'Remove the capability from `capabilities.add`. If the workload truly needs it, allow it explicitly in the team config (`allowedCapabilities`) with a reason.',
    peers: { trivy: ['KSV-0005', 'KSV-0022'], checkov: ['CKV_K8S_25', 'CKV_K8S_39'], kics: ['Containers With Added Capabilities', 'Containers With Sys Admin Capabilities'], polaris: ['dangerousCapabilities'] },
    messages: { dangerous: '{{container}} adds capability {{capability}}: {{power}}' },
    fixes: ['Remove <capability> from capabilities.add'],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: { allowedCapabilities: { type: 'array', items: { type: 'string' }, description: 'Capabilities not to flag (with or without CAP_).' } },
      additionalProperties: false,
    },
    defaultOptions: { allowedCapabilities: [] },
  },
  checkYaml(file, context) {
    const allowed = new Set(context.options.allowedCapabilities.map(normalizeCapability));
    for (const container of file.containers) {
      for (const entry of capabilityEntries(container, 'add')) {
        const power = DANGEROUS_CAPABILITIES.get(entry.capability);
        if (!power || allowed.has(entry.capability)) continue;
        context.report({
          messageId: 'dangerous',
          data: { container: containerLabel(container), capability: entry.written, power },
          range: entry.range,
          fixes: [{ title: `Remove ${entry.written} from capabilities.add`, isPreferred: true, changes: [{ kind: 'yaml.remove', target: entry.node }] }],
        });
      }
    }
  },
});
