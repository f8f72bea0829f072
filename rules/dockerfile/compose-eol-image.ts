// dockerfile/compose-eol-image: a Compose service runs an image whose distribution or runtime release
// is past (or near) the end of its security support, by the end-of-life table in server/src/images/.
import { setting } from '../../server/src/compose/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { endOfLifeImage } from '../../server/src/images/checks.js';
import { dayOf } from '../../server/src/images/eol.js';
import { EOL_DOCS, EOL_MESSAGES, EOL_OPTIONS, eolMessage, type EolOptions } from '../../server/src/images/eolRuleText.js';
import { writtenImage } from '../../server/src/images/written.js';
import { forEachService, serviceLabel } from './compose-support.js';

export default defineRule<EolOptions>({
  meta: {
    id: 'dockerfile/compose-eol-image',
    title: 'Compose image past end of life',
    defaultSeverity: 'warning',
    description: `Flags a Docker Compose \`image:\` whose tag names a release past its end of security support (a warning) or within \`warnDays\` of it (info, with the date). A service that also has \`build:\` names the image it builds, and is not reported. ${EOL_DOCS.description}`,
    rationale: EOL_DOCS.rationale,
    remediation: EOL_DOCS.remediation,
    peers: {},
    messages: EOL_MESSAGES,
    fixes: ['Use the supported tag of the same family and variant (postgres:12 → postgres:17)'],
    preset: 'recommended',
    ...EOL_OPTIONS,
  },
  checkYaml(file, context) {
    const today = dayOf(context.now ?? new Date());
    forEachService(file, (service) => {
      if (setting(service, 'build')) return;
      const image = writtenImage(setting(service, 'image'), file.text);
      const found = image && endOfLifeImage(image, today, context.options.warnDays);
      if (!image || !found) return;
      const { edit } = found;
      context.report({
        ...eolMessage(found, `${serviceLabel(service)} runs ${image.ref.text}`),
        range: found.range,
        fixes: edit ? [{ title: edit.title, changes: [{ kind: 'text.replace', range: edit.range, text: edit.text }] }] : [],
      });
    });
  },
});
