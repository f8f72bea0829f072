// k8s/image-digest: a container image not pinned by digest (preset `all`: most teams pin by tag and let a bot bump it).
import { defineRule } from '../../server/src/engine/defineRule.js';
import { missingDigest } from '../../server/src/images/checks.js';
import { containerLabel } from './support.js';
import { forEachContainerImage } from './image-support.js';

export default defineRule({
  meta: {
    id: 'k8s/image-digest',
    title: 'Container image not pinned by digest',
    defaultSeverity: 'info',
    description: 'Flags a container `image:` that is not pinned by digest (`image:tag@sha256:…`). Images a Helm template writes are not judged.',
    rationale:
      'A tag can be re-pointed by whoever controls the repository: only a digest always means the same bytes, so every node runs what was tested and a compromised tag cannot swap the image.',
    remediation: 'Append the digest of the image you tested (`docker buildx imagetools inspect <image>` prints it), keeping the tag for readers: `nginx:1.30.1-alpine@sha256:<digest>`; let Renovate or Dependabot keep it current.',
    peers: {},
    messages: { unpinned: '{{container}} runs {{image}}, which is not pinned by digest: append @sha256:<digest> of the image you tested' },
    fixes: [],
    preset: 'all',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachContainerImage(file, (image, container) => {
      const found = missingDigest(image);
      if (found) context.report({ messageId: 'unpinned', data: { container: containerLabel(container), image: image.ref.text }, range: found.range });
    });
  },
});
