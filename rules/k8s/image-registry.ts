// k8s/image-registry: a container image from a registry the team has not allowed (option
// `allowedRegistries`; nothing is reported until it is set), as Polaris and Kyverno policies do.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { fullImageName, isAllowedImage } from '../../server/src/images/checks.js';
import { containerLabel } from './support.js';
import { forEachContainerImage } from './image-support.js';

interface Options {
  allowedRegistries: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/image-registry',
    title: 'Container image from a registry not allowed',
    defaultSeverity: 'warning',
    description:
      'Flags a container `image:` that is not under one of `allowedRegistries`. Reports nothing until the option is set. Docker Hub images are compared as `docker.io/library/nginx` and `docker.io/bitnami/redis`. Images a Helm template writes are not judged.',
    rationale:
      'Images from a registry the team controls are scanned, signed and mirrored; an image pulled straight from a public registry skips all of that and can change or vanish. Admission policies (Kyverno, Gatekeeper, Polaris) reject such pods at deploy time: the editor can say so first.',
    remediation: 'Pull the image through your registry (mirror or proxy cache) and reference it there, or add its registry to `allowedRegistries` if it is trusted.',
    peers: {},
    messages: { notAllowed: '{{container}} runs {{image}} from {{name}}, which is not under an allowed registry ({{allowed}})' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: {
        allowedRegistries: {
          type: 'array',
          items: { type: 'string' },
          description: 'Registries or path prefixes images may come from: `registry.acme.io`, `registry.acme.io/team/`, `docker.io/library/` (a trailing `*` is allowed). Empty: the rule reports nothing.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowedRegistries: [] },
  },
  checkYaml(file, context) {
    const allowed = context.options.allowedRegistries;
    if (allowed.length === 0) return;
    forEachContainerImage(file, (image, container) => {
      const name = fullImageName(image);
      if (isAllowedImage(name, allowed)) return;
      context.report({ messageId: 'notAllowed', data: { container: containerLabel(container), image: image.ref.text, name, allowed: allowed.join(', ') }, range: image.range });
    });
  },
});
