// k8s/seccomp: containers should run under the RuntimeDefault (or a Localhost) seccomp profile.
import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isTemplatedSetting, type Container, type PodSpec } from '../../server/src/k8s/model.js';
import type { Field } from '../../server/src/yaml/nav.js';
import { containerLabel, podAnchor, resourceLabel, withHardening } from './support.js';

/** The annotations clusters before Kubernetes 1.19 read; `unconfined` there is as bad as the field. */
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

type Verdict = 'confined' | 'unconfined' | 'unset';

interface Options {
  /** Report containers without a profile (Pod Security restricted); false: only `Unconfined` (baseline). */
  requireProfile: boolean;
}

function profileVerdict(profile: Field | undefined, nav: PodSpec['resource']['nav']): { verdict: Verdict; at?: Field } {
  if (!profile) return { verdict: 'unset' };
  const type = isMap(profile.node) ? nav.field(profile.node, 'type') : undefined;
  if (!type) return { verdict: 'unset' };
  return { verdict: type.value === 'Unconfined' ? 'unconfined' : 'confined', at: type };
}

function annotation(podSpec: PodSpec, key: string): Field | undefined {
  const nav = podSpec.resource.nav;
  return nav.field(nav.map(podSpec.metadata, 'annotations'), key);
}

function annotationVerdict(field: Field | undefined): Verdict {
  if (!field || typeof field.value !== 'string') return 'unset';
  return field.value === 'unconfined' ? 'unconfined' : 'confined';
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/seccomp',
    title: 'Seccomp profile unconfined or unset',
    defaultSeverity: 'warning',
    description:
      'Flags containers that run without a seccomp profile (warning) or with `Unconfined` (error), looking at the effective `seccompProfile` and the legacy seccomp annotations. With `requireProfile: false` only `Unconfined` is reported, as Pod Security baseline does. Pods that declare `os.name: windows` are not checked: the setting is Linux-only, and the API server rejects it there.',
    rationale:
      'Seccomp filters the system calls a container may make. Without it the whole kernel syscall surface is reachable, and most container escapes go through a syscall the RuntimeDefault profile blocks.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or `Localhost` with a custom profile).',
    peers: { trivy: ['KSV-0030', 'KSV-0104'], checkov: ['CKV_K8S_31'], kics: ['Seccomp Profile Is Not Configured'] },
    messages: {
      unconfined: '{{subject}} disables seccomp (Unconfined)',
      podUnset: '{{subject}} sets no seccomp profile, so its containers run unconfined',
      containerUnset: '{{subject}} runs without a seccomp profile',
    },
    fixes: ['Add pod-level securityContext.seccompProfile.type: RuntimeDefault', 'Set seccompProfile type: RuntimeDefault'],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: { requireProfile: { type: 'boolean', description: 'Report containers without a seccomp profile (Pod Security restricted); false: only an `Unconfined` profile (Pod Security baseline).' } },
      additionalProperties: false,
    },
    defaultOptions: { requireProfile: true },
  },
  checkYaml(file, context) {
    for (const podSpec of file.podSpecs) {
      if (podSpec.windows) continue; // seccomp is Linux-only: nothing to set on a Windows pod
      const nav = podSpec.resource.nav;
      const podAnnotation = annotation(podSpec, POD_ANNOTATION);
      const podProfile = profileVerdict(nav.field(podSpec.securityContext, 'seccompProfile'), nav);
      const insertPodProfile = {
        title: 'Add pod-level securityContext.seccompProfile.type: RuntimeDefault',
        isPreferred: true,
        changes: [{ kind: 'yaml.insert' as const, map: podSpec.node, path: ['securityContext', 'seccompProfile', 'type'], value: 'RuntimeDefault' }],
      };
      const setRuntimeDefault = (at: Field) => ({ title: 'Set seccompProfile type: RuntimeDefault', isPreferred: true, changes: [{ kind: 'yaml.set' as const, node: at.node, value: 'RuntimeDefault' }] });

      if (podProfile.verdict === 'unconfined' && podProfile.at) {
        context.report({ messageId: 'unconfined', data: { subject: `The pod security context of ${resourceLabel(podSpec)}` }, range: podProfile.at.range, severity: 'error', fixes: [setRuntimeDefault(podProfile.at)] });
      } else if (annotationVerdict(podAnnotation) === 'unconfined' && podAnnotation) {
        context.report({ messageId: 'unconfined', data: { subject: `The seccomp annotation of ${resourceLabel(podSpec)}` }, range: podAnnotation.range, severity: 'error' });
      }
      const podConfined = podProfile.verdict !== 'unset' || annotationVerdict(podAnnotation) !== 'unset';

      const unsetContainers: Container[] = [];
      for (const container of podSpec.containers) {
        const own = profileVerdict(nav.field(container.securityContext, 'seccompProfile'), nav);
        const ownAnnotation = annotation(podSpec, CONTAINER_ANNOTATION_PREFIX + container.name);
        if (own.verdict === 'unconfined' && own.at) {
          context.report({ messageId: 'unconfined', data: { subject: containerLabel(container) }, range: own.at.range, severity: 'error', fixes: [setRuntimeDefault(own.at)] });
        } else if (own.verdict === 'unset' && annotationVerdict(ownAnnotation) === 'unconfined' && ownAnnotation) {
          context.report({ messageId: 'unconfined', data: { subject: containerLabel(container) }, range: ownAnnotation.range, severity: 'error' });
        } else if (own.verdict === 'unset' && annotationVerdict(ownAnnotation) === 'unset' && !podConfined && !isTemplatedSetting(container, 'seccompProfile')) {
          unsetContainers.push(container);
        }
      }
      if (unsetContainers.length === 0 || !context.options.requireProfile) continue;
      // No container has a profile: one finding for the pod, whose fix covers them all.
      if (unsetContainers.length === podSpec.containers.length) {
        context.report({ messageId: 'podUnset', data: { subject: resourceLabel(podSpec) }, range: podAnchor(podSpec), fixes: [insertPodProfile] });
        continue;
      }
      for (const container of unsetContainers) {
        context.report({ messageId: 'containerUnset', data: { subject: containerLabel(container) }, range: container.anchor, fixes: withHardening(container, [insertPodProfile]) });
      }
    }
  },
});
