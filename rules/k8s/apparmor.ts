// k8s/apparmor: an AppArmor profile other than the runtime's default or one loaded on the node
// (Pod Security baseline, "AppArmor"), in the `appArmorProfile` field or the older annotation.
import { isPair, isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { PodSpec } from '../../server/src/k8s/model.js';
import type { Field } from '../../server/src/yaml/nav.js';
import { APPARMOR_PROFILE_TYPES } from './pod-security-lists.js';
import { forEachSecurityContext, resourceLabel } from './support.js';

/** The annotation Kubernetes read before 1.30 (and still honours): one per container, named after it. */
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** What the annotation may say: nothing, the runtime's default, or a profile loaded on the node. */
function isAllowedAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

/** The pod template's AppArmor annotations that name a forbidden profile. */
function forbiddenAnnotations(podSpec: PodSpec): { container: string; field: Field & { value: string } }[] {
  const nav = podSpec.resource.nav;
  const annotations = nav.map(podSpec.metadata, 'annotations');
  const found: { container: string; field: Field & { value: string } }[] = [];
  for (const item of annotations?.items ?? []) {
    const key = isPair(item) && isScalar(item.key) ? item.key.value : undefined;
    if (typeof key !== 'string' || !key.startsWith(ANNOTATION_PREFIX)) continue;
    const field = nav.field(annotations, key);
    if (!field || field.templated || typeof field.value !== 'string' || isAllowedAnnotation(field.value)) continue;
    found.push({ container: key.slice(ANNOTATION_PREFIX.length), field: field as Field & { value: string } });
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'k8s/apparmor',
    title: 'AppArmor profile not confining',
    defaultSeverity: 'error',
    description:
      'Flags `securityContext.appArmorProfile.type` other than `RuntimeDefault` or `Localhost` (pod or container), and `container.apparmor.security.beta.kubernetes.io/<container>` annotations other than `runtime/default` or `localhost/<profile>`, as Pod Security baseline does.',
    rationale:
      'On nodes with AppArmor the runtime confines every container with its default profile. `Unconfined` (or `unconfined` in the annotation) switches that off, leaving the container free to write to /proc and /sys files, mount and use raw sockets as far as its capabilities allow; Pod Security baseline rejects it.',
    remediation: 'Remove the profile to get the runtime default, or set `appArmorProfile.type: RuntimeDefault` (`Localhost` with `localhostProfile` for a profile of your own).',
    peers: { trivy: ['KSV-0002'], kics: ['Pod or Container Without AppArmor Profile'] },
    messages: {
      field: '{{subject}} sets AppArmor profile type {{type}}: only RuntimeDefault or Localhost confine the container',
      annotation: 'The AppArmor annotation of container "{{container}}" in {{resource}} says {{profile}}: only runtime/default or localhost/<profile> confine it',
    },
    fixes: ['Set appArmorProfile type: RuntimeDefault', 'Set the annotation to runtime/default'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachSecurityContext(file, (securityContext, subject, podSpec) => {
      const nav = podSpec.resource.nav;
      const type = nav.field(nav.map(securityContext, 'appArmorProfile'), 'type');
      if (!type || type.templated || typeof type.value !== 'string' || APPARMOR_PROFILE_TYPES.has(type.value)) return;
      context.report({
        messageId: 'field',
        data: { subject, type: type.value },
        range: type.range,
        fixes: [{ title: 'Set appArmorProfile type: RuntimeDefault', isPreferred: true, changes: [{ kind: 'yaml.set', node: type.node, value: 'RuntimeDefault' }] }],
      });
    });
    for (const podSpec of file.podSpecs) {
      for (const { container, field } of forbiddenAnnotations(podSpec)) {
        context.report({
          messageId: 'annotation',
          data: { container, resource: resourceLabel(podSpec), profile: field.value },
          range: field.valueRange,
          fixes: [{ title: 'Set the annotation to runtime/default', isPreferred: true, changes: [{ kind: 'yaml.set', node: field.node, value: 'runtime/default' }] }],
        });
      }
    }
  },
});
