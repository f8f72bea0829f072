// dockerfile/image-latest: a FROM image without a tag (implicitly `latest`) or tagged `latest`.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { forEachPulledImage } from './support.js';

export default defineRule({
  meta: {
    id: 'dockerfile/image-latest',
    title: 'Base image without a version tag',
    defaultSeverity: 'warning',
    description: 'Flags FROM images with no tag (which means `latest`) or the `latest` tag, unless a digest pins them.',
    rationale:
      '`latest` moves: the same Dockerfile builds a different image next week, a rebuild can silently pull a new major version, and a vulnerability report cannot say which base you run.',
    remediation: 'Tag the image with the version you tested (`node:22.11-slim`), and pin it by digest (`@sha256:…`) for reproducible builds.',
    peers: { hadolint: ['DL3006', 'DL3007'], trivy: ['DS-0001'], checkov: ['CKV_DOCKER_7'] },
    messages: {
      untagged: '{{image}} has no tag, so it builds on whatever `latest` is today: tag the version you tested',
      latest: '{{image}} uses the `latest` tag, which changes under you: tag the version you tested',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    forEachPulledImage(file, (image) => {
      const { ref } = image;
      if (ref.digest) return;
      if (ref.tag === undefined) context.report({ messageId: 'untagged', data: { image: ref.text }, range: image.range });
      else if (ref.tag === 'latest') context.report({ messageId: 'latest', data: { image: ref.text }, range: image.tagRange ?? image.range });
    });
  },
});
