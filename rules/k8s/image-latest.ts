// k8s/image-latest: a container image without a tag (so `latest`) or tagged `latest`, and a pull
// policy that makes each node keep whichever `latest` it pulled first.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { floatingTag } from '../../server/src/images/checks.js';
import { containerLabel } from './support.js';
import { forEachContainerImage } from './image-support.js';

/** Pull policies under which a node reuses the image it already has. */
const REUSES_CACHED = new Set(['IfNotPresent', 'Never']);

export default defineRule({
  meta: {
    id: 'k8s/image-latest',
    title: 'Container image without a version tag',
    defaultSeverity: 'warning',
    description:
      'Flags a container `image:` with no tag (which means `latest`) or the `latest` tag, unless a digest pins it; the message says when `imagePullPolicy: IfNotPresent` or `Never` also lets each node run a different `latest`. Images a Helm template writes are not judged.',
    rationale:
      '`latest` moves: two replicas can run different code, a rollback cannot go back, and a vulnerability report cannot say which version runs. With `IfNotPresent` (or `Never`) each node keeps whichever `latest` it pulled first.',
    remediation: 'Tag the version you tested (`nginx:1.30.1-alpine`), or pin a digest (`@sha256:…`); then the default pull policy (`IfNotPresent`) is safe.',
    peers: { kubeLinter: ['latest-tag'], polaris: ['tagNotSpecified'] },
    messages: {
      untagged: '{{container}} runs {{image}} with no tag, so whatever `latest` is when the node pulls: tag the version you tested',
      latest: '{{container}} runs {{image}}, whose `latest` tag changes under you: tag the version you tested',
      cached: '{{container}} runs {{image}} ({{why}}) with imagePullPolicy: {{policy}}, so each node keeps whichever version it pulled first: tag the version you tested',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachContainerImage(file, (image, container) => {
      const found = floatingTag(image);
      if (!found) return;
      const policy = container.podSpec.resource.nav.field(container.node, 'imagePullPolicy');
      const data = { container: containerLabel(container), image: image.ref.text };
      if (typeof policy?.value === 'string' && REUSES_CACHED.has(policy.value) && !policy.templated) {
        context.report({
          messageId: 'cached',
          data: { ...data, why: found.kind === 'untagged' ? 'no tag' : 'latest', policy: policy.value },
          range: found.range,
          related: [{ message: `imagePullPolicy: ${policy.value}`, range: policy.valueRange }],
        });
      } else {
        context.report({ messageId: found.kind, data, range: found.range });
      }
    });
  },
});
