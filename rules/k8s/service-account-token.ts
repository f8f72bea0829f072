// k8s/service-account-token: pods that never talk to the API server should not carry its token.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { booleanValue, isTemplatedKey } from '../../server/src/k8s/model.js';
import { podAnchor, resourceLabel } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/service-account-token',
    title: 'Service account token mounted',
    defaultSeverity: 'info',
    description:
      'Flags pods that use the default service account and do not set `automountServiceAccountToken: false`: they get an API token they most likely never use.',
    rationale:
      'Every pod gets a token for its service account mounted at /var/run/secrets/kubernetes.io/serviceaccount unless told otherwise. An attacker in the pod can use it against the API server. Pods that name a dedicated service account are assumed to need the API.',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount) when the workload does not call the Kubernetes API.',
    peers: { trivy: ['KSV-0036'], checkov: ['CKV_K8S_38'], kics: ['Service Account Token Automount Not Disabled'], polaris: ['automountServiceAccountToken'] },
    messages: {
      explicit: '{{resource}} mounts a service account token (automountServiceAccountToken: true) while using the default service account',
      missing: '{{resource}} mounts the default service account token; set automountServiceAccountToken: false if it does not call the API',
    },
    fixes: ['Add automountServiceAccountToken: false', 'Set automountServiceAccountToken: false'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const podSpec of file.podSpecs) {
      const nav = podSpec.resource.nav;
      const account = nav.string(podSpec.node, 'serviceAccountName') ?? nav.string(podSpec.node, 'serviceAccount');
      if (account && account !== 'default') continue;
      if (isTemplatedKey(nav, podSpec.node, 'automountServiceAccountToken')) continue;
      const setting = nav.field(podSpec.node, 'automountServiceAccountToken');
      if (booleanValue(setting) === false) continue;
      const data = { resource: resourceLabel(podSpec) };
      context.report(
        setting
          ? { messageId: 'explicit', data, range: setting.range, fixes: [{ title: 'Set automountServiceAccountToken: false', isPreferred: true, changes: [{ kind: 'yaml.set', node: setting.node, value: false }] }] }
          : { messageId: 'missing', data, range: podAnchor(podSpec), fixes: [{ title: 'Add automountServiceAccountToken: false', isPreferred: true, changes: [{ kind: 'yaml.insert', map: podSpec.node, path: ['automountServiceAccountToken'], value: false }] }] },
      );
    }
  },
});
