// k8s/privilege-escalation: `allowPrivilegeEscalation` defaults to true, so it must be set to false.
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Container } from '../../server/src/k8s/model.js';
import { capabilityEntries, requireContainerBoolean } from './support.js';

/**
 * A privileged container or one that adds SYS_ADMIN can escalate whatever this field says (the API
 * server even rejects `false` beside `privileged: true`); k8s/privileged-container and
 * k8s/dangerous-capability report those containers instead.
 */
function escalationIsMoot(container: Container): boolean {
  return container.effective.privileged?.value === true || capabilityEntries(container, 'add').some((entry) => entry.capability === 'SYS_ADMIN');
}

export default defineRule({
  meta: {
    id: 'k8s/privilege-escalation',
    title: 'Privilege escalation allowed',
    defaultSeverity: 'warning',
    description: 'Flags containers that do not set `allowPrivilegeEscalation: false` (unset means allowed), except privileged ones and ones adding SYS_ADMIN, which escalate regardless. Pods that declare `os.name: windows` are not checked: the setting is Linux-only, and the API server rejects it there.',
    rationale:
      'With privilege escalation allowed, a process can gain more privileges than its parent through setuid binaries or file capabilities (no_new_privs is off). Kubernetes allows it unless the field is explicitly false.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    peers: { kubeLinter: ['privilege-escalation-container'], trivy: ['KSV-0001'], checkov: ['CKV_K8S_20'], kics: ['Privilege Escalation Allowed'], polaris: ['privilegeEscalationAllowed'] },
    messages: {
      wrongValue: '{{container}} allows privilege escalation (allowPrivilegeEscalation: {{value}})',
      missing: '{{container}} does not set allowPrivilegeEscalation: false, so privilege escalation is allowed',
    },
    fixes: ['Set allowPrivilegeEscalation: false', 'Add securityContext.allowPrivilegeEscalation: false'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    requireContainerBoolean(file, 'allowPrivilegeEscalation', false, context.report, escalationIsMoot);
  },
});
