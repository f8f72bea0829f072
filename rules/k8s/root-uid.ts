// k8s/root-uid: an explicit `runAsUser: 0` runs the container as root on purpose.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { forEachEffectiveSetting, runsInUserNamespace, setSettingFix, SUGGESTED_NON_ROOT_UID, withHardening } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/root-uid',
    title: 'Runs as UID 0',
    defaultSeverity: 'error',
    description: 'Flags an effective `runAsUser: 0`, whether set on the container or inherited from the pod. Pods with `hostUsers: false` run in their own user namespace and are not checked, as Pod Security admission (1.35+) does.',
    rationale: 'UID 0 is root. Setting it explicitly overrides a non-root image user and defeats `runAsNonRoot` (the kubelet then refuses to start the pod).',
    remediation: `Set \`runAsUser\` to a non-zero UID (e.g. ${SUGGESTED_NON_ROOT_UID}) that owns the files the application needs.`,
    peers: { trivy: ['KSV-0105'], checkov: ['CKV_K8S_23'], kics: ['Container Running As Root'] },
    messages: { rootUid: '{{container}} runs as root (runAsUser: 0)' },
    fixes: [`Set runAsUser: ${SUGGESTED_NON_ROOT_UID}`],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachEffectiveSetting(file, 'runAsUser', (setting, container, subject) => {
      if (setting?.value !== 0 || runsInUserNamespace(container.podSpec)) return;
      context.report({
        messageId: 'rootUid',
        data: { container: subject },
        range: setting.range,
        fixes: withHardening(container, [{ ...setSettingFix(setting, SUGGESTED_NON_ROOT_UID, 'runAsUser'), isPreferred: true }], setting),
      });
    });
  },
});
