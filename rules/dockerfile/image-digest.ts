// dockerfile/image-digest: a FROM image not pinned by digest (strict preset).
import { defineRule } from '../../server/src/engine/defineRule.js';
import { forEachPulledImage } from './support.js';

export default defineRule({
  meta: {
    id: 'dockerfile/image-digest',
    title: 'Base image not pinned by digest',
    defaultSeverity: 'info',
    description: 'Flags FROM images that are not pinned by digest (`image:tag@sha256:…`).',
    rationale:
      'A tag can be re-pointed by whoever controls the repository: a digest is the only reference that always means the same bytes, so builds are reproducible and a compromised registry tag cannot swap your base.',
    remediation: 'Append the digest of the image you tested: `FROM node:22-slim@sha256:<digest>` (`docker buildx imagetools inspect node:22-slim` prints it); let a bot such as Renovate or Dependabot keep it current.',
    peers: {},
    messages: { unpinned: '{{image}} is not pinned by digest: append @sha256:<digest> of the image you tested' },
    fixes: [],
    preset: 'strict',
  },
  checkDockerfile(file, context) {
    forEachPulledImage(file, (image) => {
      if (!image.ref.digest) context.report({ messageId: 'unpinned', data: { image: image.ref.text }, range: image.range });
    });
  },
});
