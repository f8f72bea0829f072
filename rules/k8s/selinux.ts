// k8s/selinux: SELinux options that lift the container's confinement (Pod Security baseline, "SELinux"):
// a type outside the container types, or a custom user or role.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { KUBERNETES_VERSION_SCHEMA, listFor, SELINUX_TYPES } from './pod-security-lists.js';
import { forEachSecurityContext } from './support.js';

interface Options {
  /** Picks admission's list of allowed types (`container_engine_t` is allowed from 1.31). */
  kubernetesVersion: string;
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/selinux',
    title: 'SELinux options lift confinement',
    defaultSeverity: 'error',
    description:
      'Flags `seLinuxOptions` (pod or container) whose `type` is not one of the container types Pod Security baseline allows (`container_t`, `container_init_t`, `container_kvm_t`, and from Kubernetes 1.31 `container_engine_t`), or that set a `user` or `role`.',
    rationale:
      'SELinux types decide what a process may touch on the node. A type such as `spc_t` (super-privileged container) or `unconfined_t` runs the container outside SELinux confinement, and a custom user or role can grant host-level access; Pod Security baseline rejects both.',
    remediation: 'Remove `seLinuxOptions.type` (the runtime picks `container_t`) or use one of the container types; remove `user` and `role`. Keep `level` for MCS labels if needed.',
    peers: { trivy: ['KSV-0025'], kics: ['Pod or Container Without SELinux Options'] },
    messages: {
      type: '{{subject}} sets SELinux type {{type}}: Pod Security baseline allows only {{allowed}}',
      userOrRole: '{{subject}} sets a custom SELinux {{key}}: Pod Security baseline forbids it',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: { type: 'object', properties: { kubernetesVersion: KUBERNETES_VERSION_SCHEMA }, additionalProperties: false },
    defaultOptions: { kubernetesVersion: 'latest' },
  },
  checkYaml(file, context) {
    const allowed = listFor(SELINUX_TYPES, context.options.kubernetesVersion);
    forEachSecurityContext(file, (securityContext, subject, podSpec) => {
      const nav = podSpec.resource.nav;
      const options = nav.map(securityContext, 'seLinuxOptions');
      const type = nav.field(options, 'type');
      if (type && !type.templated && typeof type.value === 'string' && type.value !== '' && !allowed.has(type.value)) {
        context.report({ messageId: 'type', data: { subject, type: type.value, allowed: [...allowed].join(', ') }, range: type.range });
      }
      for (const key of ['user', 'role']) {
        const field = nav.field(options, key);
        // Admission reads an empty string as unset.
        if (field && !field.templated && field.value !== '' && field.value !== null) context.report({ messageId: 'userOrRole', data: { subject, key }, range: field.range });
      }
    });
  },
});
