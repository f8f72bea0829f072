// k8s/writable-root-filesystem: containers should run with a read-only root filesystem.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { requireContainerBoolean } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/writable-root-filesystem',
    title: 'Writable root filesystem',
    defaultSeverity: 'warning',
    description: 'Flags containers that do not set `readOnlyRootFilesystem: true`. Pods that declare `os.name: windows` are not checked: the setting is Linux-only, and the API server rejects it there.',
    rationale:
      'A writable root filesystem lets an attacker who gets code execution drop binaries, modify the application or persist tooling inside the container. A read-only root makes the image immutable at runtime.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume where the application must write (e.g. /tmp).',
    peers: { kubeLinter: ['no-read-only-root-fs'], trivy: ['KSV-0014'], checkov: ['CKV_K8S_22'], kics: ['Container Running With Writable Root Filesystem'], polaris: ['notReadOnlyRootFilesystem'] },
    messages: {
      wrongValue: '{{container}} has a writable root filesystem (readOnlyRootFilesystem: {{value}})',
      missing: '{{container}} does not set readOnlyRootFilesystem: true, so its root filesystem is writable',
    },
    fixes: ['Set readOnlyRootFilesystem: true', 'Add securityContext.readOnlyRootFilesystem: true'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    requireContainerBoolean(file, 'readOnlyRootFilesystem', true, context.report);
  },
});
