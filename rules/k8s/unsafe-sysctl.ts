// k8s/unsafe-sysctl: a pod sysctl outside the "safe" set, which can weaken the node's kernel for every
// pod on it (Pod Security baseline, "Sysctls").
import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { KUBERNETES_VERSION_SCHEMA, listFor, SAFE_SYSCTLS } from './pod-security-lists.js';
import { resourceLabel } from './support.js';

interface Options {
  /** Picks admission's safe list, which grew in 1.27, 1.29, 1.32 and 1.37. */
  kubernetesVersion: string;
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/unsafe-sysctl',
    title: 'Unsafe sysctl',
    defaultSeverity: 'warning',
    description:
      'Flags `securityContext.sysctls` entries whose name is not in the safe set Pod Security baseline allows for the Kubernetes version (option `kubernetesVersion`, default the newest list): e.g. `kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_unprivileged_port_start`, and the TCP keepalive and buffer settings.',
    rationale:
      'A sysctl outside the safe set is not isolated to the pod: it changes the kernel for every pod on the node (memory, networking, security knobs such as `kernel.randomize_va_space`) and can disable protections or destabilise the node. The kubelet refuses unsafe sysctls unless the node allows them, and Pod Security baseline rejects them.',
    remediation: 'Remove the sysctl, or set it on dedicated nodes through their configuration (and allow it there with `--allowed-unsafe-sysctls`) instead of from the pod.',
    peers: { kubeLinter: ['unsafe-sysctls'], trivy: ['KSV-0026'], kics: ['Pod Misconfigured Sysctls'] },
    messages: { unsafe: '{{resource}} sets sysctl {{name}}, which is not in the safe set: it reaches beyond the pod' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: { type: 'object', properties: { kubernetesVersion: KUBERNETES_VERSION_SCHEMA }, additionalProperties: false },
    defaultOptions: { kubernetesVersion: 'latest' },
  },
  checkYaml(file, context) {
    const safe = listFor(SAFE_SYSCTLS, context.options.kubernetesVersion);
    for (const podSpec of file.podSpecs) {
      const nav = podSpec.resource.nav;
      for (const sysctl of nav.items(nav.seq(podSpec.securityContext, 'sysctls'))) {
        const name = isMap(sysctl) ? nav.field(sysctl, 'name') : undefined;
        if (!name || name.templated || typeof name.value !== 'string' || safe.has(name.value)) continue;
        context.report({ messageId: 'unsafe', data: { resource: resourceLabel(podSpec), name: name.value }, range: name.valueRange });
      }
    }
  },
});
