// k8s/run-as-root: nothing stops the container from running as root (the image's default user).
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isTemplatedSetting } from '../../server/src/k8s/model.js';
import { containerLabel, insertContainerSettingFix, resourceLabel, runsInUserNamespace, setSettingFix, SUGGESTED_NON_ROOT_UID, withHardening } from './support.js';

interface Options {
  /** Pod Security restricted: only `runAsNonRoot: true` counts; a non-zero `runAsUser` alone does not. */
  requireRunAsNonRoot: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/run-as-root',
    title: 'Container may run as root',
    defaultSeverity: 'warning',
    description:
      'Flags containers whose effective security context (pod level, overridden by the container) neither sets `runAsNonRoot: true` nor a `runAsUser` above 0; with `requireRunAsNonRoot` (Pod Security restricted) only `runAsNonRoot: true` counts. Pods with `hostUsers: false` run in their own user namespace and are not checked, as Pod Security admission (1.35+) does. On Windows pods the fix sets `runAsNonRoot: true` only (a UID is Linux-only).',
    rationale:
      "Without runAsNonRoot or a non-zero runAsUser the container runs as the image's user, which for most images is root. Root in a container is one kernel bug or one misconfigured mount away from root on the node.",
    remediation:
      'Set `runAsNonRoot: true` (pod or container securityContext) and a non-zero `runAsUser`, and build the image to work as that user.',
    peers: { kubeLinter: ['run-as-non-root'], trivy: ['KSV-0012'], checkov: ['CKV_K8S_23'], kics: ['Container Running As Root'], polaris: ['runAsRootAllowed'] },
    messages: {
      explicitFalse: '{{container}} may run as root: runAsNonRoot is false and no runAsUser above 0 is set',
      podExplicitFalse: 'Containers of {{resource}} may run as root: the pod sets runAsNonRoot: false and no runAsUser above 0 is set',
      missing: '{{container}} may run as root: neither runAsNonRoot: true nor a runAsUser above 0 is set',
      notEnforced: '{{container}} does not set runAsNonRoot: true: its runAsUser is not enforced against an image that switches to root, and Pod Security restricted requires it',
    },
    fixes: ['Add securityContext.runAsNonRoot: true (and a non-zero runAsUser)', 'Set runAsNonRoot: true'],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: { requireRunAsNonRoot: { type: 'boolean', description: 'Require `runAsNonRoot: true` even when a non-zero `runAsUser` is set (Pod Security restricted).' } },
      additionalProperties: false,
    },
    defaultOptions: { requireRunAsNonRoot: false },
  },
  checkYaml(file, context) {
    const reportedPodSettings = new Set<unknown>();
    for (const container of file.containers) {
      if (runsInUserNamespace(container.podSpec) || isTemplatedSetting(container, 'runAsNonRoot') || isTemplatedSetting(container, 'runAsUser')) continue;
      const { runAsNonRoot, runAsUser } = container.effective;
      if (runAsNonRoot?.value === true) continue;
      const uid = runAsUser?.value;
      if (uid === 0) continue; // k8s/root-uid's error
      const nonRootUid = typeof uid === 'number' && uid > 0;
      if (nonRootUid && !context.options.requireRunAsNonRoot) continue;
      const data = { container: containerLabel(container) };
      if (runAsNonRoot) {
        // An explicit `runAsNonRoot: false` is reported where it is written, once even when inherited.
        const fixes = [{ ...setSettingFix(runAsNonRoot, true, 'runAsNonRoot'), isPreferred: true }];
        if (runAsNonRoot.origin === 'container') {
          context.report({ messageId: nonRootUid ? 'notEnforced' : 'explicitFalse', data, range: runAsNonRoot.range, fixes });
        } else if (!reportedPodSettings.has(runAsNonRoot.node)) {
          reportedPodSettings.add(runAsNonRoot.node);
          context.report({ messageId: 'podExplicitFalse', data: { resource: resourceLabel(container.podSpec) }, range: runAsNonRoot.range, fixes });
        }
        continue;
      }
      const fix = insertContainerSettingFix(container, 'runAsNonRoot', true);
      if (!runAsUser && !container.podSpec.windows) { // Windows checks runAsNonRoot against the user name; a UID is Linux-only
        fix.title = `Add securityContext.runAsNonRoot: true and runAsUser: ${SUGGESTED_NON_ROOT_UID} to ${data.container}`;
        fix.changes.push({ kind: 'yaml.insert', map: container.node, path: ['securityContext', 'runAsUser'], value: SUGGESTED_NON_ROOT_UID });
      }
      context.report({ messageId: nonRootUid ? 'notEnforced' : 'missing', data, range: container.anchor, fixes: withHardening(container, [{ ...fix, isPreferred: true }]) });
    }
  },
});
