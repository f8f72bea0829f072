// k8s/added-capability: any capability added beyond an allowed list: by default the runtime's default
// set, as Pod Security baseline allows; Pod Security restricted allows NET_BIND_SERVICE alone.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { BASELINE_CAPABILITIES } from './pod-security-lists.js';
import { capabilityEntries, containerLabel } from './support.js';

interface Options {
  /** Capabilities a container may add, spelled as Pod Security admission compares them (`NET_BIND_SERVICE`). */
  allowedCapabilities: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/added-capability',
    title: 'Capability added beyond the allowed set',
    defaultSeverity: 'warning',
    description:
      'Flags `securityContext.capabilities.add` entries not in `allowedCapabilities` (default: the container runtime\'s default set, which Pod Security baseline allows: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Names are compared as admission compares them: `CAP_CHOWN` or `chown` is not `CHOWN`. k8s/dangerous-capability names the worst capabilities whatever this list says.',
    rationale:
      'Each added capability hands the container a piece of root. Pod Security baseline rejects any capability beyond the runtime\'s default set (NET_RAW included) and restricted any but NET_BIND_SERVICE; admission compares the names exactly, so a `CAP_`-prefixed or lower-case name is rejected too.',
    remediation: 'Remove the capability, or spell it as Kubernetes lists it (`NET_BIND_SERVICE`, without `CAP_`). If the workload needs more, list it in `allowedCapabilities` and run it in a namespace whose Pod Security level allows it.',
    peers: { trivy: ['KSV-0022', 'KSV-0106'], checkov: ['CKV_K8S_25'], kics: ['Containers With Added Capabilities'] },
    messages: {
      notAllowed: '{{container}} adds capability {{capability}}, which is not in the allowed set ({{allowed}})',
      misspelled: '{{container}} adds capability {{capability}}: Pod Security admission compares names exactly and knows it only as {{canonical}}',
    },
    fixes: ['Remove <capability> from capabilities.add', 'Write <capability> as Kubernetes spells it'],
    preset: 'all',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: { allowedCapabilities: { type: 'array', items: { type: 'string' }, description: 'Capabilities a container may add, as Kubernetes spells them (e.g. NET_BIND_SERVICE).' } },
      additionalProperties: false,
    },
    defaultOptions: { allowedCapabilities: [...BASELINE_CAPABILITIES] },
  },
  checkYaml(file, context) {
    const allowed = new Set(context.options.allowedCapabilities);
    const allowedText = context.options.allowedCapabilities.join(', ') || 'none';
    for (const container of file.containers) {
      for (const entry of capabilityEntries(container, 'add')) {
        if (allowed.has(entry.written)) continue;
        const data = { container: containerLabel(container), capability: entry.written, canonical: entry.capability, allowed: allowedText };
        if (allowed.has(entry.capability)) {
          // An allowed capability, written the way the runtime accepts but admission does not.
          context.report({ messageId: 'misspelled', data, range: entry.range, fixes: [{ title: `Write ${entry.written} as ${entry.capability}`, isPreferred: true, changes: [{ kind: 'yaml.set', node: entry.node, value: entry.capability }] }] });
        } else {
          context.report({ messageId: 'notAllowed', data, range: entry.range, fixes: [{ title: `Remove ${entry.written} from capabilities.add`, isPreferred: true, changes: [{ kind: 'yaml.remove', target: entry.node }] }] });
        }
      }
    }
  },
});
