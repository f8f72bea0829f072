// dockerfile/eol-base-image: a FROM image (ARG defaults substituted) whose distribution or runtime
// release is past (or near) the end of its security support, by the table in server/src/images/.
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Fix } from '../../server/src/engine/types.js';
import { dayOf, endOfLife } from '../../server/src/images/eol.js';
import { EOL_DOCS, EOL_MESSAGES, EOL_OPTIONS, eolMessage, type EolOptions } from '../../server/src/images/eolRuleText.js';
import { withTag } from '../../server/src/dockerfile/images.js';
import { baseImageLocations } from './support.js';

export default defineRule<EolOptions>({
  meta: {
    id: 'dockerfile/eol-base-image',
    title: 'Base image past end of life',
    defaultSeverity: 'warning',
    description: `Flags a FROM image (in any stage: a builder's toolchain is compiled into what ships) whose tag names a release past its end of security support (a warning) or within \`warnDays\` of it (info, with the date). ARG defaults are substituted as the build does. ${EOL_DOCS.description}`,
    rationale: EOL_DOCS.rationale,
    remediation: EOL_DOCS.remediation,
    peers: {},
    messages: EOL_MESSAGES,
    fixes: ['Use the supported tag of the same family and variant (python:3.8-slim-buster → python:3.13-slim-bookworm)'],
    preset: 'recommended',
    ...EOL_OPTIONS,
  },
  checkDockerfile(file, context) {
    const today = dayOf(context.now ?? new Date());
    for (const stage of file.stages) {
      const base = stage.base;
      if (base.kind !== 'image' || !stage.image) continue;
      const verdict = endOfLife(base.ref, today, context.options.warnDays);
      if (!verdict) continue;
      const fixes: Fix[] = [];
      // One click only when the FROM line itself names the image; an ARG default is the user's to change.
      if (verdict.tag && base.literal) {
        const image = withTag(base.ref, verdict.tag);
        fixes.push({ title: `Use ${image}`, changes: [{ kind: 'text.replace', range: base.range, text: image }] });
      }
      context.report({
        ...eolMessage(verdict, `FROM ${base.ref.text}`),
        // The whole reference, not just the tag: another fix (the slim variant) may rewrite it, and the finding stays the same one.
        range: stage.image.range,
        related: baseImageLocations(stage),
        fixes,
      });
    }
  },
});
