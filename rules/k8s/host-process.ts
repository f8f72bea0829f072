// k8s/host-process: a Windows HostProcess container runs directly on the node, as privileged does on Linux.
import type { YAMLMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { booleanValue } from '../../server/src/k8s/model.js';
import type { Field, YamlNav } from '../../server/src/yaml/nav.js';
import { containerLabel, resourceLabel } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/host-process',
    title: 'Windows HostProcess container',
    defaultSeverity: 'error',
    description: 'Flags `securityContext.windowsOptions.hostProcess: true`, at pod level (every container) or on a container.',
    rationale:
      'A HostProcess container runs as a process on the Windows node, outside any container isolation, with the node\'s network and file system: it is the Windows counterpart of a privileged container, and Pod Security "baseline" forbids it.',
    remediation:
      'Remove `hostProcess: true` (or set it to `false`). Node-management workloads that truly need it belong in a namespace with a privileged Pod Security level, with a suppression that says why.',
    peers: { trivy: ['KSV-0103'], polaris: ['hostProcess'] },
    messages: { hostProcess: '{{subject}} runs as a HostProcess container: it has full access to the Windows node' },
    fixes: ['Set hostProcess: false'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    const report = (subject: string, setting: Field | undefined) => {
      if (!setting || setting.templated || booleanValue(setting) !== true) return;
      context.report({
        messageId: 'hostProcess',
        data: { subject },
        range: setting.range,
        fixes: [{ title: 'Set hostProcess: false', isPreferred: true, changes: [{ kind: 'yaml.set', node: setting.node, value: false }] }],
      });
    };
    for (const podSpec of file.podSpecs) {
      const nav = podSpec.resource.nav;
      report(`The pod security context of ${resourceLabel(podSpec)}`, hostProcessField(nav, podSpec.securityContext));
      for (const container of podSpec.containers) report(containerLabel(container), hostProcessField(nav, container.securityContext));
    }
  },
});

function hostProcessField(nav: YamlNav, securityContext: YAMLMap | undefined): Field | undefined {
  return nav.field(nav.map(securityContext, 'windowsOptions'), 'hostProcess');
}
