// k8s/eol-image: a container image whose distribution or runtime release is past (or near) the end
// of its security support, by the end-of-life table in server/src/images/.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { endOfLifeImage } from '../../server/src/images/checks.js';
import { dayOf } from '../../server/src/images/eol.js';
import { containerLabel } from './support.js';
import { EOL_DOCS, EOL_MESSAGES, EOL_OPTIONS, eolMessage, type EolOptions } from '../../server/src/images/eolRuleText.js';
import { forEachContainerImage, imageEditFixes } from './image-support.js';

export default defineRule<EolOptions>({
  meta: {
    id: 'k8s/eol-image',
    title: 'Container image past end of life',
    defaultSeverity: 'warning',
    description: `Flags a container \`image:\` whose tag names a release past its end of security support (a warning) or within \`warnDays\` of it (info, with the date). ${EOL_DOCS.description}`,
    rationale: EOL_DOCS.rationale,
    remediation: EOL_DOCS.remediation,
    peers: {},
    messages: EOL_MESSAGES,
    fixes: ['Use the supported tag of the same family and variant (python:3.8-slim-buster → python:3.13-slim-bookworm)'],
    preset: 'recommended',
    scope: 'document',
    ...EOL_OPTIONS,
  },
  checkYaml(file, context) {
    const today = dayOf(context.now ?? new Date());
    forEachContainerImage(file, (image, container) => {
      const found = endOfLifeImage(image, today, context.options.warnDays);
      if (!found) return;
      context.report({
        ...eolMessage(found, `${containerLabel(container)} runs ${image.ref.text}`),
        range: found.range,
        fixes: imageEditFixes(found.edit),
      });
    });
  },
});
