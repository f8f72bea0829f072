// dockerfile/compose-cap-add: `cap_add` grants Linux capabilities; some of them reach beyond the container.
import { listItems } from '../../server/src/compose/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from '../k8s/capabilities.js';
import { forEachService, removeItemFixes, serviceLabel } from './compose-support.js';

interface Options {
  /** Capabilities the team accepts (e.g. NET_ADMIN for a VPN service). */
  allowedCapabilities: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'dockerfile/compose-cap-add',
    title: 'Compose service adds capabilities',
    defaultSeverity: 'warning',
    description:
      'Flags `cap_add` entries of Docker Compose services: dangerous ones (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, ALL, …, with or without the CAP_ prefix) as errors, any other as info.',
    rationale:
      "Capabilities split root into pieces; some pieces are nearly all of it. SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH and BPF have each been used to escape containers, NET_ADMIN and NET_RAW allow traffic interception on the host's networks, and ALL is `privileged` without the devices. Docker's default set is already enough for most services.",
    remediation:
      'Remove the capability from `cap_add`. If the service truly needs it, allow it in the team config (`allowedCapabilities`) with a reason; `cap_drop: [ALL]` beside the few it needs narrows it further.',
    peers: { kics: ['Container Capabilities Unrestricted'] },
    messages: {
      dangerous: '{{service}} adds capability {{capability}}: {{power}}',
      added: '{{service}} adds capability {{capability}}: check that it needs it',
    },
    fixes: ['Remove <capability> from cap_add'],
    preset: 'recommended',
    optionsSchema: {
      type: 'object',
      properties: { allowedCapabilities: { type: 'array', items: { type: 'string' }, description: 'Capabilities not to flag (with or without CAP_).' } },
      additionalProperties: false,
    },
    defaultOptions: { allowedCapabilities: [] },
  },
  checkYaml(file, context) {
    const allowed = new Set(context.options.allowedCapabilities.map(normalizeCapability));
    forEachService(file, (service) => {
      for (const item of listItems(service, 'cap_add')) {
        const capability = normalizeCapability(item.value);
        if (allowed.has(capability)) continue;
        const power = DANGEROUS_CAPABILITIES.get(capability);
        // Removing a dangerous capability is the fix all applies; any other is the user's call.
        const fixes = removeItemFixes(item, `Remove ${item.value} from cap_add`, power !== undefined);
        context.report({
          messageId: power ? 'dangerous' : 'added',
          data: { service: serviceLabel(service), capability: item.value, power: power ?? '' },
          range: item.range,
          severity: power ? 'error' : 'info',
          fixes,
        });
      }
    });
  },
});
