// dockerfile/compose-image-latest: a Compose service pulls an image without a tag (so `latest`) or tagged `latest`.
import { setting } from '../../server/src/compose/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { floatingTag } from '../../server/src/images/checks.js';
import { writtenImage } from '../../server/src/images/written.js';
import { forEachService, serviceLabel } from './compose-support.js';

export default defineRule({
  meta: {
    id: 'dockerfile/compose-image-latest',
    title: 'Compose image without a version tag',
    defaultSeverity: 'warning',
    description:
      'Flags Docker Compose `image:` references with no tag (which means `latest`) or the `latest` tag, unless a digest pins them. A service that also has `build:` names the image it builds, and is not reported.',
    rationale:
      '`latest` moves: `docker compose pull` or a fresh machine runs a different image next week, an upgrade to a new major version happens without anyone deciding it, and a vulnerability report cannot say which version you run.',
    remediation: 'Tag the image with the version you tested (`postgres:17.2`), and pin it by digest (`@sha256:…`) where reproducibility matters.',
    peers: {},
    messages: {
      untagged: '{{service}} runs {{image}} with no tag, so whatever `latest` is when it is pulled: tag the version you tested',
      latest: '{{service}} runs {{image}} with the `latest` tag, which changes under you: tag the version you tested',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkYaml(file, context) {
    forEachService(file, (service) => {
      // With `build:`, `image:` is the name given to what is built, not something pulled.
      if (setting(service, 'build')) return;
      const image = writtenImage(setting(service, 'image'), file.text);
      const floating = image && floatingTag(image);
      if (floating) context.report({ messageId: floating.kind, data: { service: serviceLabel(service), image: image.ref.text }, range: floating.range });
    });
  },
});
